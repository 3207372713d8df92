extension CarePlan {
    /// The care plan as a one-page card in plain words, for the client to print or hand to any
    /// therapist or station ("warn a new practitioner").
    public func card(name: String? = nil) -> String {
        func list(_ areas: [BodyArea]) -> String {
            areas.isEmpty ? "none" : areas.map(\.description).joined(separator: ", ")
        }
        func spots(_ spots: [BodySpot]) -> String {
            guard !spots.isEmpty else { return "none" }
            return spots.map { spot in
                var text = spot.at == nil ? "all over the \(spot.area)" : "a spot on the \(spot.area)"
                if let note = spot.note { text += " (\(note))" }
                if spot.source == .learned { text += ", noticed during a session" }
                return text
            }.joined(separator: "; ")
        }
        var lines: [String] = []
        lines.append("MASSAGE CARE CARD" + (name.map { " — \($0)" } ?? ""))
        lines.append("Please read before you start. Thank you.")
        lines.append("")
        lines.append("Pressure: \(pressure.level) of 10 overall (1-3 light, 4-6 medium, 7-8 firm)")
        for entry in pressure.byArea { lines.append("  \(entry.area): \(entry.level) of 10") }
        lines.append("Never above: \(painLimit) of 10. If I say it hurts, ease off at once and mark the spot.")
        lines.append("Focus on: \(list(focusAreas))")
        lines.append("Do not touch: \(list(avoidAreas))")
        let sensitive = BodyRegion.allCases.filter(\.isSensitive)
        let yes = sensitive.filter(sensitiveAreasOptedIn.contains).map(\.displayName)
        let no = sensitive.filter { !sensitiveAreasOptedIn.contains($0) }.map(\.displayName)
        lines.append("Sensitive areas I agree to: \(yes.isEmpty ? "none" : yes.joined(separator: ", "))")
        if !no.isEmpty { lines.append("Sensitive areas to leave alone: \(no.joined(separator: ", "))") }
        lines.append("Tender: \(spots(tenderSpots)) — lighter there, please.")
        lines.append(
            "Ticklish: \(spots(ticklishSpots))"
                + (ticklishSpots.isEmpty
                    ? "" : skipTicklishSpots ? " — please skip them." : " — firm, slow, broad contact, not light."))
        lines.append("If I cry: \(ifICry?.plainWords ?? CryingDirective.defaultPlainWords)")
        lines.append("Breaks: if I ask for one, stop and wait until I say to go on; don't ask why.")
        let musicWords: String =
            switch music {
            case .none: "none"
            case .soft: "soft and soothing"
            case .ownChoice: "my own choice"
            }
        let voiceWords: String =
            switch voicePrompts {
            case .on: "talk me through it"
            case .minimal: "only when needed"
            case .off: "quiet, please"
            }
        lines.append("Music: \(musicWords). Talking: \(voiceWords).")
        var health: [String] = []
        if self.health.bloodThinners { health.append("I take blood thinners (light pressure only)") }
        if self.health.recentBruising { health.append("recent bruising (light pressure only)") }
        for entry in self.health.surgeryOrInjury { health.append("surgery or injury: \(entry.area) on \(entry.date)") }
        if !self.health.varicoseVeins.isEmpty { health.append("varicose veins: \(list(self.health.varicoseVeins))") }
        if !self.health.openSkin.isEmpty { health.append("open skin: \(list(self.health.openSkin))") }
        if self.health.painMedication || self.health.muscleRelaxants {
            health.append("I take medication that can mask pain: please check in more often")
        }
        if self.health.pregnant { health.append("I am pregnant: no lying face down") }
        lines.append("Health: \(health.isEmpty ? "nothing to note" : health.joined(separator: "; ")).")
        return lines.joined(separator: "\n") + "\n"
    }
}
