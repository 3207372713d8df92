import Foundation
import Testing

@testable import UnknotHearing

@Suite("YAMNet's int8 network in Swift, against LiteRT")
struct YAMNetNetworkTests {
    static let network = Result { try YAMNet.network() }

    @Test("The shipped network reads: 96 × 64 in, 521 scores out, 30 layers; the class map names them")
    func shipped() throws {
        let network = try Self.network.get()
        #expect(network.input == TensorShape(height: 96, width: 64, channels: 1))
        #expect(network.outputCount == 521)
        #expect(network.layers.count == 30)
        let names = try YAMNet.classNames()
        #expect(names[0] == "Speech")
        #expect(names[19] == "Crying, sobbing")
        #expect(names[13] == "Laughter")
    }

    @Test(
        "On the test audio's patch: the pooled embedding and the classifier and every score equal LiteRT's reference kernels"
    )
    func goldenScores() throws {
        let inference = NetworkInference(try Self.network.get())
        let patch = try GoldenFile.floats("Tests/UnknotHearingTests/Golden/frontend-test-audio.f32")
        let reference = try GoldenFile.floats("Tests/UnknotHearingTests/Golden/network-test-audio-reference.f32")
        let xnnpack = try GoldenFile.floats("Tests/UnknotHearingTests/Golden/network-test-audio-default.f32")
        let embedding = try GoldenFile.int8s("Tests/UnknotHearingTests/Golden/network-test-audio-embedding.i8")
        let logits = try GoldenFile.int8s("Tests/UnknotHearingTests/Golden/network-test-audio-logits.i8")
        var pooled: [Int8] = []
        var classifier: [Int8] = []
        var scores = [Float](repeating: 0, count: 521)
        patch.withUnsafeBufferPointer { input in
            scores.withUnsafeMutableBufferPointer { out in
                inference.scores(for: input, into: out) { index, values in
                    if index == 27 { pooled = Array(values) }
                    if index == 28 { classifier = Array(values) }
                }
            }
        }
        #expect(pooled == embedding)
        #expect(classifier == logits, "the classifier's int8 outputs before the logistic")
        let step: Float = 1 / 256
        let worstReference = zip(scores, reference).map { abs($0 - $1) / step }.max() ?? .infinity
        let worstDefault = zip(scores, xnnpack).map { abs($0 - $1) / step }.max() ?? .infinity
        #expect(worstReference == 0, "worst \(worstReference) steps from the reference kernels")
        // LiteRT's default (XNNPACK) kernels round differently: 2 steps from its own reference here.
        #expect(worstDefault <= 3, "worst \(worstDefault) steps from LiteRT's default kernels")
        #expect(scores.firstIndex(of: scores.max() ?? 0) == 0)  // Speech
    }
}
