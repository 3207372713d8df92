import Foundation
import UnknotCore

/// Plans a whole session: from a program, a length, a care plan and a body model to the
/// strokes the robot performs.
///
/// Guarantees: deterministic (the same request gives the same plan); the plan lasts exactly
/// the booked minutes; avoided and unconsented areas are never touched; every stroke stays
/// within the client's level, the pain limit and the region's ceiling; endangerment zones get
/// broad, flat, light contact only and the spine none; every planned region is covered by at
/// least one full pass; refusals are errors with the reason.
public struct SessionPlanner: Sendable {
    /// Extra weight of a focus area's time.
    public static let focusWeight = 2.5
    /// Time to turn over between prone and supine phases.
    public static let turnoverMilliseconds = 60_000

    public init() {}

    public func plan(_ request: PlanRequest) throws(PlanningError) -> SessionPlan {
        let program = request.program
        let care = request.carePlan
        guard program.lengths.contains(request.minutes) else {
            throw .lengthNotOffered(program: program.name, minutes: request.minutes, lengths: program.lengths)
        }
        let carePlanProblems = care.validate(asOf: request.date)
        guard carePlanProblems.isEmpty else { throw .invalidCarePlan(carePlanProblems) }
        let bodyProblems = request.body.measurements.problems()
        guard bodyProblems.isEmpty else { throw .invalidBody(bodyProblems) }
        let screening = ContraindicationScreening.screen(care.health, program: program, on: request.date)
        guard !screening.isRefused else { throw .refused(reasons: screening.refusals.map(\.reason)) }

        var omissions: [BodyPartID: String] = [:]
        var notes: [String] = []
        func allowed(_ part: BodyPartID) -> Bool {
            guard let reason = Self.untouchable(part, care: care, screening: screening) ?? request.outOfReach[part]
            else { return true }
            omissions[part] = reason
            return false
        }
        // Parts no contact may reach, even at the edge of a stroke on a neighbouring region.
        let forbidden = BodyPartID.all.filter { Self.untouchable($0, care: care, screening: screening) != nil }

        // Which parts each phase works on.
        var phaseParts: [[BodyPartID]] = []
        let focusParts: [BodyPartID]
        if program.singleFocusArea {
            guard let focus = care.focusAreas.first else { throw .noFocusArea(program: program.name) }
            focusParts = focus.parts
        } else {
            focusParts = []
        }
        for phase in program.phases {
            let candidates =
                program.singleFocusArea
                ? focusParts : phase.regions.flatMap { BodyArea($0).parts }
            phaseParts.append(candidates.filter(allowed))
        }
        let kept = program.phases.indices.filter { !phaseParts[$0].isEmpty }
        guard !kept.isEmpty else {
            throw .nothingToWork(omissions: Self.group(omissions))
        }
        for index in program.phases.indices where phaseParts[index].isEmpty {
            let phase = program.phases[index]
            notes.append(
                "\(phase.kind.displayName) (\(phase.regions.map(\.displayName).joined(separator: ", "))) is left out: "
                    + "none of its areas can be worked; its time goes to the other phases.")
        }
        for reason in screening.lightPressureOnly { notes.append("Light pressure only: \(reason).") }
        for reason in screening.checkInMoreOften { notes.append("More check-ins: \(reason).") }

        let body = request.body
        let heartY = body.landmarks.heart
        let total = request.minutes * 60_000
        let shareSum = kept.map { program.phases[$0].share }.reduce(0, +)
        var timeline = Timeline()
        let geometry = PassGeometry()
        var phases: [PlannedPhase] = []
        var phaseStart = 0
        var previousPosture: Posture?
        var plannedParts = Set<BodyPartID>()
        var tooShort = Set<BodyPartID>()
        var unbuildable = Set<BodyPartID>()
        for (n, index) in kept.enumerated() {
            let phase = program.phases[index]
            let duration =
                n == kept.count - 1
                ? total - phaseStart : Int((Double(total) * phase.share / shareSum).rounded(.down))
            let turnover = previousPosture != nil && previousPosture != phase.posture ? Self.turnoverMilliseconds : 0
            if turnover > 0 {
                notes.append("Turning over onto your \(phase.posture == .supine ? "back" : "front"): one minute.")
            }
            let works = phaseParts[index].map {
                makeWork($0, request: request, screening: screening, forbidden: forbidden)
            }
            let techniques = { (region: BodyRegion) -> [Technique] in
                let fit = phase.techniques.filter(region.allows)
                return fit.isEmpty ? [.gliding] : fit
            }
            var candidates = works
            var placed: (Timeline, [PlannedRegion])?
            while !candidates.isEmpty {
                switch schedulePhase(
                    candidates, phase: phase, techniques: techniques, start: phaseStart, duration: duration,
                    turnover: turnover, heartY: heartY, timeline: timeline, geometry: geometry)
                {
                case .placed(let newTimeline, let regions):
                    placed = (newTimeline, regions)
                case .cannotBuild(let index):
                    // Said as it is: not time, but no room for a stroke.
                    unbuildable.insert(candidates[index].part)
                    candidates.remove(at: index)
                    continue
                case .tooShort:
                    // Every area's one pass does not fit the phase: drop the least weighted one.
                    let weakest = candidates.indices.min { weight(candidates[$0]) < weight(candidates[$1]) }!
                    tooShort.insert(candidates[weakest].part)
                    candidates.remove(at: weakest)
                    continue
                }
                break
            }
            if let (newTimeline, regions) = placed {
                timeline = newTimeline
                plannedParts.formUnion(regions.map(\.part))
                phases.append(
                    PlannedPhase(
                        kind: phase.kind, posture: phase.posture, startMilliseconds: phaseStart,
                        durationMilliseconds: duration, regions: regions))
            } else {
                phases.append(
                    PlannedPhase(
                        kind: phase.kind, posture: phase.posture, startMilliseconds: phaseStart,
                        durationMilliseconds: duration, regions: []))
            }
            phaseStart += duration
            previousPosture = phase.posture
        }
        for part in tooShort where !plannedParts.contains(part) {
            omissions[part] = "not enough time in \(request.minutes) minutes for one pass over every area"
        }
        for part in unbuildable where !plannedParts.contains(part) {
            omissions[part] = blockedReason(part, request: request, screening: screening, forbidden: forbidden)
        }
        guard !plannedParts.isEmpty else { throw .nothingToWork(omissions: Self.group(omissions)) }
        notes += Self.spotNotes(care)
        return SessionPlan(
            programID: program.id, programName: program.name, minutes: request.minutes, durationMilliseconds: total,
            date: request.date, body: body.measurements, painLimit: care.painLimit, screening: screening,
            phases: phases, strokes: timeline.strokes, omissions: Self.group(omissions), notes: notes)
    }

    /// Why a part must not be touched at all in this session, or `nil` when it may be.
    static func untouchable(_ part: BodyPartID, care: CarePlan, screening: ScreeningOutcome) -> String? {
        care.whyUntouchable(part, screening: screening)
    }

    func weight(_ work: PartWork) -> Double {
        work.patch.area.squareRoot() * (work.isFocus ? Self.focusWeight : 1)
    }

    func makeWork(_ part: BodyPartID, request: PlanRequest, screening: ScreeningOutcome, forbidden: [BodyPartID])
        -> PartWork
    {
        let care = request.carePlan
        let body = request.body
        let patch = body.patch(for: part)
        func circles(_ spots: [BodySpot]) -> [SpotCircle] {
            spots.compactMap { spot in
                guard let circle = body.spotCircle(spot), circle.face == patch.face else { return nil }
                return SpotCircle(center: circle.center, radius: circle.radius)
            }
        }
        let level = min(
            care.preferredLevel(for: part), care.painLimit, screening.levelCap, part.region.maximumLevel)
        return PartWork(
            part: part, patch: patch, zones: body.zones.filter { $0.face == patch.face },
            forbidden: forbidden.filter { $0.region.face == patch.face && $0 != part }.map {
                body.patch(for: $0).outline
            },
            tender: circles(care.tenderSpots), ticklish: circles(care.ticklishSpots),
            wholeTender: care.tenderSpots.contains { $0.at == nil && $0.area.contains(part) },
            wholeTicklish: care.ticklishSpots.contains { $0.at == nil && $0.area.contains(part) },
            skipTicklish: care.skipTicklishSpots, workingLevel: level, isFocus: care.isFocus(part), body: body)
    }

    static func group(_ omissions: [BodyPartID: String]) -> [Omission] {
        var result: [Omission] = []
        for region in BodyRegion.allCases {
            let parts = BodyArea(region).parts
            let reasons = parts.map { omissions[$0] }
            if parts.count == 2, let r = reasons[0], reasons[1] == r {
                result.append(Omission(area: BodyArea(region), reason: r))
                continue
            }
            for (part, reason) in zip(parts, reasons) {
                if let reason { result.append(Omission(area: part.area, reason: reason)) }
            }
        }
        return result
    }

    static func spotNotes(_ care: CarePlan) -> [String] {
        var notes: [String] = []
        for spot in care.tenderSpots {
            notes.append("Tender \(spot.at == nil ? "" : "spot on the ")\(spot.area): worked two levels lighter there.")
        }
        for spot in care.ticklishSpots {
            let what = spot.at == nil ? "\(spot.area)" : "spot on the \(spot.area)"
            notes.append(
                care.skipTicklishSpots
                    ? "Ticklish \(what): skipped, as you asked."
                    : "Ticklish \(what): broad, still, firm contact instead of light strokes.")
        }
        if let cry = care.ifICry {
            notes.append("If you cry: \(cry.plainWords)")
        }
        return notes
    }
}
