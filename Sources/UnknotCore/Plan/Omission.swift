/// An area of the program the plan leaves out, and why.
public struct Omission: Codable, Sendable, Hashable {
    public var area: BodyArea
    public var reason: String

    public init(area: BodyArea, reason: String) {
        self.area = area
        self.reason = reason
    }
}
