/// What an account may do. Clients see and change only their own data; staff run stations and
/// see bookings and the alerts clients allowed; admins also manage stations, programs, prices
/// and promo codes.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case client, staff, admin

    /// Staff or admin.
    public var isStaff: Bool { self != .client }
}
