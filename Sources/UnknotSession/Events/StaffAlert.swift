import UnknotCore

/// Something studio staff should know. Alerts about the client's reactions go out only when
/// the care plan allows it; station faults always do (they carry no reaction details).
public struct StaffAlert: Sendable, Hashable, Codable {
    public var kind: StaffAlertKind
    public var text: String

    public init(kind: StaffAlertKind, text: String) {
        self.kind = kind
        self.text = text
    }
}

public enum StaffAlertKind: String, Codable, Sendable {
    /// Pain that persists (again at the same spot) or is rated severe.
    case persistentPain = "persistent-pain"
    /// The station stopped itself.
    case stationFault = "station-fault"
    /// The client pressed "call a person" on the console.
    case clientAsksForStaff = "client-asks-for-staff"
}
