import UnknotCore
import UnknotRobotLink

/// How well the twin followed what the station asked, from each millisecond's command and reading:
/// how long the pad took to reach the skin once contact was asked, the normal force against the
/// target while in contact, where the contact was against where it was asked, and any touch the
/// plan did not ask for.
///
/// A contact asked is *landed* at the first millisecond the pad pushes more than ``touchNewtons``;
/// from ``settleMilliseconds`` after that until the station lifts, every millisecond counts —
/// the pad losing the skin mid-stroke counts as an error of the whole target. A contact asked and
/// never landed is counted as such. Touches not asked are counted once ``settleMilliseconds`` have
/// passed since the last contact asked (lifting off takes the pad that long).
public struct ContactTracking: Sendable, Hashable {
    public static let settleMilliseconds = 100
    /// A touch: more than this force, N.
    public static let touchNewtons = 1.0

    /// Milliseconds counted in contact.
    public private(set) var pressing = 0
    private var forceSquares = 0.0
    private var targetSum = 0.0
    private var positionSquares = 0.0
    public private(set) var worstPosition = 0.0
    public private(set) var unplannedTouch = 0
    /// Contacts asked, contacts landed, and the time they took to land (sum and worst), ms.
    public private(set) var contactsAsked = 0
    public private(set) var contactsLanded = 0
    private var landingSum = 0
    public private(set) var worstLanding = 0
    private var asked = 0
    private var landedAt: Int?
    private var sinceAsked = Int.max / 2

    public init() {}

    public mutating func record(_ command: RobotCommand, _ reading: ArmReading) {
        guard command.contact, command.force > 0 else {
            asked = 0
            landedAt = nil
            sinceAsked += 1
            if sinceAsked > Self.settleMilliseconds, reading.force > Self.touchNewtons { unplannedTouch += 1 }
            return
        }
        if asked == 0 { contactsAsked += 1 }
        asked += 1
        sinceAsked = 0
        if landedAt == nil, reading.force > Self.touchNewtons {
            landedAt = asked
            contactsLanded += 1
            landingSum += asked
            worstLanding = max(worstLanding, asked)
        }
        guard let landedAt, asked > landedAt + Self.settleMilliseconds else { return }
        pressing += 1
        let error = reading.force - command.force
        forceSquares += error * error
        targetSum += command.force
        let dx = reading.position.x - command.position.x
        let dy = reading.position.y - command.position.y
        let distance = (dx * dx + dy * dy).squareRoot()
        positionSquares += distance * distance
        worstPosition = max(worstPosition, distance)
    }

    /// RMS normal-force error in contact, N, and as a fraction of the mean target.
    public var forceError: (newtons: Double, fraction: Double) {
        guard pressing > 0 else { return (0, 0) }
        let rms = (forceSquares / Double(pressing)).squareRoot()
        return (rms, rms / (targetSum / Double(pressing)))
    }

    /// RMS contact position error across the surface in contact, cm.
    public var positionError: Double { pressing > 0 ? (positionSquares / Double(pressing)).squareRoot() : 0 }

    /// The mean time from contact asked to the pad on the skin, ms.
    public var meanLanding: Double { contactsLanded > 0 ? Double(landingSum) / Double(contactsLanded) : 0 }

    /// One line for logs and reports.
    public var summary: String {
        let force = forceError
        return "\(contactsLanded) of \(contactsAsked) contacts landed (mean \(Self.format(meanLanding)) ms, worst "
            + "\(worstLanding) ms); \(pressing) ms in contact: RMS normal-force error \(Self.format(force.newtons)) N "
            + "(\(Self.format(force.fraction * 100)) % of the target); contact RMS \(Self.format(positionError * 10)) mm, "
            + "worst \(Self.format(worstPosition * 10)) mm from where asked; \(unplannedTouch) ms touching where no "
            + "contact was asked"
    }

    static func format(_ x: Double) -> String {
        let scaled = (x * 100).rounded() / 100
        return "\(scaled)"
    }
}
