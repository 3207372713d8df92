import UnknotCore
import UnknotRobotLink

/// How well the twin followed what the station asked, from each millisecond's command and reading:
/// the normal force against the target while pressing, where the contact was against where it was
/// asked, and any touch the plan did not ask for.
///
/// Counted once a contact has been asked for ``settleMilliseconds`` in a row (the pad's way down
/// to the skin is not tracking), and for touches not asked, once ``settleMilliseconds`` have passed
/// since the last contact asked (lifting off takes the pad that long).
public struct ContactTracking: Sendable, Hashable {
    public static let settleMilliseconds = 300
    /// A touch the plan did not ask for: more than this force, N.
    public static let touchNewtons = 1.0

    public private(set) var pressing = 0
    private var forceSquares = 0.0
    private var targetSum = 0.0
    private var positionSquares = 0.0
    public private(set) var worstPosition = 0.0
    public private(set) var unplannedTouch = 0
    public private(set) var lowestForceRatio = Double.infinity
    private var asked = 0
    private var sinceAsked = Int.max / 2

    public init() {}

    public mutating func record(_ command: RobotCommand, _ reading: ArmReading) {
        if command.contact, command.force > 0 {
            asked += 1
            sinceAsked = 0
            guard asked > Self.settleMilliseconds else { return }
            pressing += 1
            let error = reading.force - command.force
            forceSquares += error * error
            targetSum += command.force
            lowestForceRatio = min(lowestForceRatio, reading.force / command.force)
            let dx = reading.position.x - command.position.x
            let dy = reading.position.y - command.position.y
            let distance = (dx * dx + dy * dy).squareRoot()
            positionSquares += distance * distance
            worstPosition = max(worstPosition, distance)
        } else {
            asked = 0
            sinceAsked += 1
            if sinceAsked > Self.settleMilliseconds, reading.force > Self.touchNewtons { unplannedTouch += 1 }
        }
    }

    /// RMS normal-force error while pressing, N, and as a fraction of the mean target.
    public var forceError: (newtons: Double, fraction: Double) {
        guard pressing > 0 else { return (0, 0) }
        let rms = (forceSquares / Double(pressing)).squareRoot()
        return (rms, rms / (targetSum / Double(pressing)))
    }

    /// RMS contact position error across the surface while pressing, cm.
    public var positionError: Double { pressing > 0 ? (positionSquares / Double(pressing)).squareRoot() : 0 }

    /// One line for logs and reports.
    public var summary: String {
        let force = forceError
        return "\(pressing) ms pressing: RMS normal-force error \(Self.format(force.newtons)) N "
            + "(\(Self.format(force.fraction * 100)) % of the target), lowest \(Self.format(lowestForceRatio.isFinite ? lowestForceRatio * 100 : 0)) % "
            + "of it; contact RMS \(Self.format(positionError * 10)) mm, worst \(Self.format(worstPosition * 10)) mm "
            + "from where asked; \(unplannedTouch) ms touching where no contact was asked"
    }

    static func format(_ x: Double) -> String {
        let scaled = (x * 100).rounded() / 100
        return "\(scaled)"
    }
}
