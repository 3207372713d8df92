import Synchronization

/// A bounded hand-off of values between the station's loop and the threads around it, that the
/// loop never waits on: the loop only ever tries the lock (``offer(_:)``, ``drain(into:)`` with
/// `waiting: false`) and keeps what it could not pass for its next tick.
///
/// Guarantees: values arrive in the order offered; at most ``capacity`` wait (beyond that
/// ``post(_:)`` refuses, and says so); with capacity reserved on both sides, passing values
/// allocates nothing (the two buffers are swapped, not copied).
public final class Handoff<Value: Sendable>: Sendable {
    public let capacity: Int
    private let waiting: Mutex<[Value]>

    public init(capacity: Int) {
        self.capacity = capacity
        var buffer: [Value] = []
        buffer.reserveCapacity(capacity)
        waiting = Mutex(buffer)
    }

    /// From any thread but the loop: adds one value, waiting for the lock. Returns `false` when
    /// full (the value is not added).
    @discardableResult
    public func post(_ value: sending Value) -> Bool {
        waiting.withLock { buffer in
            guard buffer.count < capacity else { return false }
            buffer.append(value)
            return true
        }
    }

    /// From the loop: moves `values` in if the lock is free and there is room for them all;
    /// otherwise leaves them for the next try. Returns whether they were moved.
    public func offer(_ values: inout [Value]) -> Bool {
        guard !values.isEmpty else { return true }
        let moved: Bool? = waiting.withLockIfAvailable { buffer in
            guard buffer.count + values.count <= capacity else { return false }
            buffer.append(contentsOf: values)
            return true
        }
        guard moved == true else { return false }
        values.removeAll(keepingCapacity: true)
        return true
    }

    /// Moves every waiting value to the end of `buffer`. With `waiting: false` (the loop), gives
    /// up at once if the lock is held.
    public func drain(into buffer: inout [Value], waiting wait: Bool = true) {
        if wait {
            waiting.withLock { waiting in
                buffer.append(contentsOf: waiting)
                waiting.removeAll(keepingCapacity: true)
            }
        } else {
            _ = waiting.withLockIfAvailable { waiting in
                buffer.append(contentsOf: waiting)
                waiting.removeAll(keepingCapacity: true)
            }
        }
    }
}
