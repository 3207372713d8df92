extension CarePolicy {
    /// The policy as the Markdown table `docs/care-policy.md` shows.
    public func markdown() -> String {
        var out = """
            # The care policy, as the live session implements it

            This table is printed from the code (`swift run unknot care-policy`); a test keeps this file
            identical to it. It is CARE.md section 1 as data: for each reaction and each choice the client
            can make in advance in the care plan, what the session does, in order, and what it says.
            `{area}` and `{level}` are filled in at run time. Every decision is recorded; a message is
            spoken aloud only if the client's voice setting allows it and the client is awake.

            | Reaction (how it shows) | Client's choice | What the session does | What it says |
            |---|---|---|---|

            """
        for row in rows {
            let choice = row.choice?.plainWords ?? "default"
            let actions = row.actions.map(\.plainWords).joined(separator: "; ")
            let message = row.message.map { "\"\($0)\"" } ?? "nothing"
            out += "| **\(row.trigger.rawValue)** (\(row.trigger.howItShows)) | \(choice) | \(actions) | \(message) |\n"
        }
        out += """

            ## Rules around the table

            - **The client's controls win.** A detector never resumes, ends, raises pressure or wakes
              prompts; a detector's sleep is ignored for a minute after the client touches a control;
              after a pain the client did not report, "It's fine, carry on" restores the level and
              forgets the spot, and the same detector is not acted on there for a minute.
            - **Confidence.** Reactions below their threshold are recorded, not acted on: pain,
              crying and laughter 0.6; sleep 0.7; sighs, relaxation and digestive noise 0.5.
            - **Same spot.** Within 5 cm on the same side of the same region. Learned spots have a
              4 cm radius. A spot left for the session is also handed to the safety supervisor,
              which refuses any contact reaching it.
            - **Pain level.** The cut is one level below what was felt (two when the rating is more
              than one above the pain limit) and, if the level rose less than a minute before (the
              client pressed "firmer" or the plan moved on to deeper work), no higher than the level
              felt before that rise. The level that hurt is not offered again on that part. Reports
              within 3 s of each other on the same part (guarding, a groan, then "that hurts") are one
              pain, unless the level was lowered in between: pain at a lower level is new pain. Pain
              at level 1, where nothing is lighter, leaves the spot for the session as pain again does.
            - **Tears.** One episode of tears is one response (reports within a minute are the same
              episode). Tears with guarding or within 15 s of pain are crying *with* pain. Tears
              alone never end a session unless the client's directive says so.
            - **Check-ins.** Two to four planned ones in a relaxation session (after the warm-up,
              mid-session, before the closing), more in deep work (one as each focus or deep region
              begins, up to eight), every five minutes when the screening says pain may be masked;
              a planned one never within two minutes of another question; none while the client sleeps (each skipped one is
              recorded); an unanswered question leaves the console after 30 s.
            - **Voice.** With voice prompts *off* nothing is spoken; *minimal* speaks questions, pain
              and fault messages; *on* speaks everything. Nothing is spoken while the client sleeps.
            - **Breaks and pauses** stop the plan's clock: the client gets the whole session.
            - **Staff** are alerted about a client's reactions only if the care plan allows it (pain
              again at a spot, or rated 8 or more); digestive noises never reach a staff view.
              Station faults always alert staff, without any reaction details.

            """
        return out
    }
}
