import Foundation
import Testing

@testable import UnknotHearing

@Suite("A network file that is damaged or hostile is refused with the reason, never read out of bounds")
struct QuantizedNetworkFileTests {
    static func shipped() throws -> Data {
        try Data(contentsOf: YAMNet.folder().appendingPathComponent("yamnet.network"))
    }

    static func message(_ data: Data) -> String? {
        do {
            _ = try QuantizedNetwork(data: data)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("Not a network file, or cut short anywhere")
    func damaged() throws {
        #expect(Self.message(Data("UNKNOTNX and more".utf8))?.contains("not an Unknot network file") == true)
        let whole = try Self.shipped()
        for cut in [11, 200, 20_000, whole.count / 2, whole.count - 1] {
            #expect(Self.message(whole.prefix(cut)) != nil, "cut at \(cut) bytes was accepted")
        }
    }

    static func file(manifest: String, blob: [UInt8] = []) -> Data {
        let text = Array(manifest.utf8)
        var head = Array("UNKNOTNN".utf8) + (0..<4).map { UInt8(truncatingIfNeeded: text.count >> (8 * $0)) } + text
        while head.count % 16 != 0 { head.append(0) }
        return Data(head + blob)
    }

    @Test("Shapes that do not chain, arrays past the end, huge counts and unknown layers are named")
    func hostile() {
        let input = #""input":{"height":4,"width":4,"channels":1,"scale":0.1,"zeroPoint":0}"#
        let output = #""output":{"scale":0.1,"zeroPoint":0}"#
        let conv =
            #"{"kind":"convolution","kernel":3,"stride":1,"inputChannels":1,"outputChannels":2,"activation":"relu6","#
        let cases: [(String, String)] = [
            (#"{"format":2,\#(input),"layers":[]}"#, "format 2"),
            (#"{"format":1,\#(input),"layers":[]}"#, "no layers"),
            (#"{"format":1,\#(input),"layers":[{"kind":"lstm",\#(output)}]}"#, "lstm"),
            (
                #"{"format":1,\#(input),"layers":[\#(conv)"weights":[0,18],"weightScales":[0,2],"bias":[0,2],\#(output)}]}"#,
                "past the end"
            ),
            (
                #"{"format":1,\#(input),"layers":[\#(conv)"weights":[0,999999999999],"weightScales":[0,2],"bias":[0,2],\#(output)}]}"#,
                "where the shapes need 18"
            ),
            (
                #"{"format":1,"input":{"height":100000,"width":100000,"channels":1,"scale":0.1,"zeroPoint":0},"layers":[]}"#,
                "16 M"
            ),
            (
                #"{"format":1,"input":{"height":4,"width":4,"channels":1,"scale":-1,"zeroPoint":0},"layers":[]}"#,
                "positive"
            ),
            (
                #"{"format":1,\#(input),"layers":[{"kind":"fullyConnected","inputChannels":3,"outputChannels":2,\#(output)}]}"#,
                "gives 16"
            ),
        ]
        for (manifest, expected) in cases {
            let message = Self.message(Self.file(manifest: manifest)) ?? "accepted"
            #expect(message.contains(expected), "\(manifest) → \(message)")
        }
    }

    @Test("The fixed-point scale multiplies as real arithmetic does, within one unit", arguments: 0..<4)
    func fixedPoint(seed: Int) {
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        for _ in 0..<2_000 {
            let real = Double(next() % 1_000_000 + 1) / 1_000_000 * (next() % 2 == 0 ? 1 : 1e-4)
            let x = Int32(truncatingIfNeeded: Int64(next() % 2_000_001) - 1_000_000)
            let scale = FixedPointScale(real)
            let exact = Double(x) * real
            #expect(abs(Double(scale.apply(x)) - exact) <= 1, "\(x) × \(real)")
            #expect(abs(Double(scale.applyRoundingOnce(x)) - exact) <= 1, "\(x) × \(real)")
        }
    }
}
