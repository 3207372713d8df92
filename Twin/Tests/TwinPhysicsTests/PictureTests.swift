import CZlib
import Testing
import UnknotCore

@testable import TwinPhysics

/// The twin's pictures (issue #19): PNG files any reader takes, and the station rendered offscreen
/// with EGL (Mesa's surfaceless platform) — without changing the world it shows.
@Suite("Pictures of the twin")
struct PictureTests {
    /// The chunks of a PNG file: type and data, each CRC checked.
    static func chunks(_ file: [UInt8]) -> [(type: String, data: [UInt8])]? {
        guard file.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func word(_ at: Int) -> Int { file[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        var found: [(String, [UInt8])] = []
        var at = 8
        while at + 12 <= file.count {
            let length = word(at)
            guard at + 12 + length <= file.count else { return nil }
            let typed = Array(file[(at + 4)..<(at + 8 + length)])
            let crc = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
            guard crc == word(at + 8 + length) else { return nil }
            found.append((String(decoding: typed.prefix(4), as: UTF8.self), Array(typed.dropFirst(4))))
            at += 12 + length
        }
        return at == file.count ? found : nil
    }

    @Test("a picture written as PNG reads back pixel for pixel")
    func pngRoundTrip() throws {
        let pixels: [UInt8] = (0..<(3 * 2 * 3)).map { UInt8($0 * 13 % 256) }
        let picture = try #require(Picture(width: 3, height: 2, pixels: pixels))
        let file = try picture.png()
        let parts = try #require(Self.chunks(file), "not a well-formed PNG")
        #expect(parts.map(\.type) == ["IHDR", "IDAT", "IEND"])
        #expect(parts[0].data == [0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0])
        var rows = [UInt8](repeating: 0, count: 2 * (3 * 3 + 1))
        var size = uLong(rows.count)
        let status = rows.withUnsafeMutableBufferPointer { r in
            parts[1].data.withUnsafeBufferPointer { uncompress(r.baseAddress, &size, $0.baseAddress, uLong($0.count)) }
        }
        #expect(status == Z_OK && size == uLong(rows.count))
        var expected: [UInt8] = [0]
        expected += pixels[0..<9]
        expected.append(0)
        expected += pixels[9..<18]
        #expect(rows == expected)
    }

    @Test("pixels that are not width × height RGB are refused")
    func wrongSizes() {
        #expect(Picture(width: 2, height: 2, pixels: [UInt8](repeating: 0, count: 11)) == nil)
        #expect(Picture(width: 0, height: 2, pixels: []) == nil)
    }

    @Test("the station renders offscreen: the client, the table and the arm, and the world unchanged")
    func stationOffscreen() throws {
        let surface = BodySurface(model: BodyModel(BodyMeasurements(height: 172)))
        let world = try PhysicsWorld(mjcf: StationScene.mjcf(client: surface))
        world.positions = [0.3, -1.4, 2.4, -0.5, 0.2, 0.0]
        world.forward()
        let before = (world.positions, world.velocities, world.time)
        let camera = try OffscreenCamera(world: world)
        let pose = OffscreenCamera.Pose(lookAt: SIMD3(1.0, 0.2, 1.0), distance: 2.3, azimuth: 105, elevation: -22)
        let picture = try camera.picture(of: world, from: pose)
        #expect(picture.width == 1_280 && picture.height == 800)
        #expect(picture.colourCount > 1_000, "a blank render: \(picture.colourCount) colours")
        // The skin's colour (0.85, 0.7, 0.6, lit) is somewhere in the middle of the picture.
        let skin = (0..<200).contains { i in
            let p = picture.pixel(x: 440 + i * 2, y: 400 + (i % 20) * 5)
            return p.red > p.green && p.green > p.blue && Int(p.red) - Int(p.blue) > 30
        }
        #expect(skin, "no skin-coloured pixel where the client lies")
        #expect(world.positions == before.0 && world.velocities == before.1 && world.time == before.2)
        let again = try camera.picture(of: world, from: pose)
        #expect(again == picture, "two renders of one state differ")
    }
}
