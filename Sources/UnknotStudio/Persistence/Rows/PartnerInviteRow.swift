import FluentKit
import Foundation

/// The invitation to the second seat of a session for two: the address it was sent to and the
/// SHA-256 of its link's token (a stolen database gives no usable link). One per open seat; gone
/// once the seat is taken or cancelled, replaced when the booker sends it to another address.
final class PartnerInviteRow: Model, @unchecked Sendable {
    static let schema = "partner_invites"

    @ID(key: .id) var id: UUID?
    /// The open seat's booking.
    @Field(key: "booking_id") var bookingID: UUID
    @Field(key: "email") var email: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "invited_by") var invitedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(bookingID: UUID, email: String, tokenHash: String, invitedBy: UUID, createdAt: Date) {
        self.id = UUID()
        self.bookingID = bookingID
        self.email = email
        self.tokenHash = tokenHash
        self.invitedBy = invitedBy
        self.createdAt = createdAt
    }
}
