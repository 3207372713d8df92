/// A point or direction in the station's 3D frame, in centimetres: `x` across the table
/// (client's right positive), `y` along it from the crown, `z` up from the table top.
public struct Vector3: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public var z: Double

    public init(x: Double, y: Double, z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }

    public var length: Double { (x * x + y * y + z * z).squareRoot() }

    public var normalized: Vector3 {
        let l = length
        return l > 0 ? Vector3(x: x / l, y: y / l, z: z / l) : self
    }
}
