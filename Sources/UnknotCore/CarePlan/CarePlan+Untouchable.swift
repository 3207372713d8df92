extension CarePlan {
    /// Why a part must not be touched at all in a session with this screening, or `nil` when it
    /// may be: avoided by the client, left out by the screening, a sensitive area not opted in,
    /// or ticklish skin the client asked to skip. The planner leaves these parts out and the
    /// live safety supervisor refuses any contact that reaches them.
    public func whyUntouchable(_ part: BodyPartID, screening: ScreeningOutcome) -> String? {
        if let avoid = avoidAreas.first(where: { $0.contains(part) }) { return "you asked to avoid the \(avoid)" }
        if let finding = screening.avoidAreas.first(where: { $0.area.contains(part) }) { return finding.reason }
        if !consents(to: part.region) { return "a sensitive area you have not opted in to" }
        if skipTicklishSpots, ticklishSpots.contains(where: { $0.at == nil && $0.area.contains(part) }) {
            return "ticklish, and you asked to skip ticklish spots"
        }
        return nil
    }
}
