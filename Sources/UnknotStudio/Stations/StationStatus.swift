/// Whether a station takes clients.
public enum StationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case inService = "in-service"
    case outOfService = "out-of-service"
    case maintenance
}
