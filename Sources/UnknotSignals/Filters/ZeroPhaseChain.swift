/// A Butterworth cascade then an equal-tap moving average, both zero-phase, as neurokit2 chains
/// them to clean an ECG: the same numbers as `sosfiltfilt` followed by `filtfilt`, worked in two
/// buffers (each filter's odd-extension padding written around the signal in place) instead of
/// a fresh copy per step, on several cores for long signals.
///
/// Guarantees: ``apply(_:)`` equals `average.zeroPhase(sections.zeroPhase(x))`, to rounding.
struct ZeroPhaseChain {
    let sections: SecondOrderSections
    let average: LinearFilter

    func apply(_ x: [Double]) throws(SignalError) -> [Double] {
        let n = x.count
        let padA = sections.padLength
        let padB = average.padLength
        guard n > padA else { throw .tooShort(samples: n, needed: padA, what: "zero-phase filtering") }
        guard n > padB else { throw .tooShort(samples: n, needed: padB, what: "zero-phase filtering") }
        let pad = max(padA, padB)
        let total = n + 2 * pad
        // Every slot a filter reads is written first (the signal, then each filter's padding), so
        // the buffers need no zeroing.
        var signal = [Double](unsafeUninitializedCapacity: total) { _, count in count = total }
        var scratch = [Double](unsafeUninitializedCapacity: total) { _, count in count = total }
        let ziA = sections.steadyState
        let ziB = average.steadyState
        signal.withUnsafeMutableBufferPointer { s in
            // The high-pass over the signal with its own padding.
            for i in 0..<n { s[pad + i] = x[i] }
            Self.oddExtend(s, signal: pad..<(pad + n), by: padA)
            let rangeA = (pad - padA)..<(pad + n + padA)
            let first = s[rangeA.lowerBound]
            sections.run(s, range: rangeA, backward: false, states: ziA.map { ($0.0 * first, $0.1 * first) })
            let last = s[rangeA.upperBound - 1]
            sections.run(s, range: rangeA, backward: true, states: ziA.map { ($0.0 * last, $0.1 * last) })
            // The moving average over the result with its padding, forward into the scratch
            // buffer and backward into the signal's.
            Self.oddExtend(s, signal: pad..<(pad + n), by: padB)
            let rangeB = (pad - padB)..<(pad + n + padB)
            scratch.withUnsafeMutableBufferPointer { t in
                let input = UnsafeBufferPointer(rebasing: s[rangeB])
                let once = UnsafeMutableBufferPointer(rebasing: t[rangeB])
                let start = input[0]
                average.movingSum(from: input, to: once, backward: false, states: ziB.map { $0 * start })
                let end = once[once.count - 1]
                average.movingSum(
                    from: UnsafeBufferPointer(once), to: UnsafeMutableBufferPointer(rebasing: s[rangeB]),
                    backward: true, states: ziB.map { $0 * end })
            }
        }
        signal.removeLast(pad)
        signal.removeFirst(pad)
        return signal
    }

    /// Writes the odd extension of `buffer[signal]` into the `count` samples either side of it.
    static func oddExtend(_ buffer: UnsafeMutableBufferPointer<Double>, signal: Range<Int>, by count: Int) {
        let first = buffer[signal.lowerBound]
        let last = buffer[signal.upperBound - 1]
        for k in 1...max(count, 1) where count > 0 {
            buffer[signal.lowerBound - k] = 2 * first - buffer[signal.lowerBound + k]
            buffer[signal.upperBound - 1 + k] = 2 * last - buffer[signal.upperBound - 1 - k]
        }
    }
}
