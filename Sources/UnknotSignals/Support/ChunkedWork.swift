import Dispatch
import Foundation

/// Splits long batch work over the processor's cores: ranges of sample indices, aligned so that
/// work whose blocks restart at fixed boundaries gives the very same result split or not.
///
/// Guarantees: every index of `0..<count` is in exactly one range; ranges start at multiples of
/// `alignment`; short work (under `minimum` samples per core) stays on the calling thread.
/// Used only by batch analysis, never by the streaming hot path.
enum ChunkedWork {
    /// How many ranges long work is split into.
    static let cores = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))

    /// The ranges `count` samples are split into.
    static func ranges(count: Int, alignment: Int = 1, minimum: Int = 200_000) -> [Range<Int>] {
        let parts = min(cores, max(1, count / max(minimum, 1)))
        guard parts > 1 else { return [0..<count] }
        var bounds = [0]
        for k in 1..<parts {
            let cut = (count * k / parts) / alignment * alignment
            if cut > bounds[bounds.count - 1] { bounds.append(cut) }
        }
        bounds.append(count)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// Runs `body` on each range, in parallel when there are several.
    static func forEach(
        count: Int, alignment: Int = 1, minimum: Int = 200_000, _ body: (Range<Int>) -> Void
    ) {
        let parts = ranges(count: count, alignment: alignment, minimum: minimum)
        if parts.count == 1 {
            body(parts[0])
            return
        }
        withoutActuallyEscaping(body) { body in
            let work = Unchecked(body)
            DispatchQueue.concurrentPerform(iterations: parts.count) { work.value(parts[$0]) }
        }
    }

    /// A value handed to the worker threads; the work itself keeps the ranges disjoint.
    struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
