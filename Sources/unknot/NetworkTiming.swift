import Foundation
import UnknotHearing

/// Times YAMNet's network on given patches, one core, for `tools/hearing/run` to set beside LiteRT.
enum NetworkTiming {
    /// Runs every patch in turn until at least two seconds have passed; the median per patch.
    static func measure(_ network: QuantizedNetwork, patches: [[Float]]) -> String {
        guard !patches.isEmpty else { return "network: no patches to time" }
        let inference = NetworkInference(network)
        var scores = [Float](repeating: 0, count: network.outputCount)
        var times: [Double] = []
        var layers = [[Double]](repeating: [], count: 64)
        let started = DispatchTime.now().uptimeNanoseconds
        var index = 0
        while times.count < 20 || DispatchTime.now().uptimeNanoseconds - started < 2_000_000_000 {
            let patch = patches[index % patches.count]
            let before = DispatchTime.now().uptimeNanoseconds
            var last = before
            patch.withUnsafeBufferPointer { input in
                scores.withUnsafeMutableBufferPointer {
                    inference.scores(for: input, into: $0) { layer, _ in
                        let now = DispatchTime.now().uptimeNanoseconds
                        if layer < layers.count { layers[layer].append(Double(now - last) / 1e6) }
                        last = now
                    }
                }
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - before) / 1e6)
            index += 1
        }
        times.sort()
        let perLayer = layers.filter { !$0.isEmpty }.map { $0.sorted()[$0.count / 2] }
        return String(
            format: "network: %.3f ms per patch (median of %d; p90 %.3f ms)\nlayers (median ms): %@",
            times[times.count / 2], times.count, times[times.count * 9 / 10],
            perLayer.map { String(format: "%.2f", $0) }.joined(separator: " "))
    }
}
