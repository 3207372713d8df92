import Foundation
import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// Hashes and checks passwords (bcrypt) on threads of its own (issue #17, finding 1: bcrypt on
/// the database's two threads let 16 wrong sign-ins stall availability for seconds and the staff's
/// emergency stop for up to 8 s).
///
/// Guarantees: bcrypt never runs on the database's thread pool or an event loop; at most
/// `threads` passwords are worked on at once and at most `capacity` are admitted (working or
/// waiting); a call beyond that fails at once with ``StudioError/Kind/tooManyAttempts`` (429)
/// rather than queueing, so a flood of sign-ins costs the studio one bounded pool and nothing
/// else. Unknown accounts are checked against a decoy hash of the same cost, so they take as long.
public final class PasswordHasher: Sendable {
    /// The process's hasher: half the cores (at least one), 16 admitted.
    public static let shared = PasswordHasher(threads: max(1, ProcessInfo.processInfo.activeProcessorCount / 2))

    public let threads: Int
    public let capacity: Int
    private let pool: NIOThreadPool
    private let admitted = Atomic<Int>(0)
    /// Work run on the pool's thread before each job (tests hold the pool busy with it).
    private let beforeEach: (@Sendable () -> Void)?
    private let decoys = Mutex<[UInt8: String]>([:])

    /// - Parameters:
    ///   - threads: how many passwords are worked on at once.
    ///   - capacity: how many are admitted, working or waiting (at least `threads`).
    public convenience init(threads: Int, capacity: Int = 16) {
        self.init(threads: threads, capacity: capacity, beforeEach: nil)
    }

    init(threads: Int, capacity: Int, beforeEach: (@Sendable () -> Void)?) {
        self.threads = max(1, threads)
        self.capacity = max(self.threads, capacity)
        self.beforeEach = beforeEach
        pool = NIOThreadPool(numberOfThreads: self.threads)
        pool.start()
    }

    /// Stops the threads (the shared hasher is never stopped).
    public func shutdown() async throws { try await pool.shutdownGracefully() }

    /// How many calls are admitted now (working or waiting).
    public var inFlight: Int { admitted.load(ordering: .relaxed) }

    public func hash(_ password: String, cost: UInt8) async throws(StudioError) -> String {
        try await run { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash (an unknown account), a decoy of `cost`
    /// is checked so the answer takes as long, and it is `false`.
    public func verify(_ password: String, hash: String?, cost: UInt8) async throws(StudioError) -> Bool {
        let against = hash ?? decoy(cost: cost)
        let matches = try await run { Bcrypt.verify(password, hash: against) }
        return hash != nil && matches
    }

    private func decoy(cost: UInt8) -> String {
        if let known = decoys.withLock({ $0[cost] }) { return known }
        let made = Bcrypt.hash(Secret.make(), cost: cost)
        decoys.withLock { $0[cost] = $0[cost] ?? made }
        return made
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(StudioError) -> T {
        let now = admitted.add(1, ordering: .relaxed).newValue
        defer { admitted.subtract(1, ordering: .relaxed) }
        guard now <= capacity else {
            throw StudioError(
                .tooManyAttempts, "the studio is checking many passwords at once; try again in a few seconds")
        }
        let beforeEach = beforeEach
        do {
            return try await pool.runIfActive {
                beforeEach?()
                return work()
            }
        } catch {
            throw StudioError(.unavailable, "could not check the password: \(error)")
        }
    }
}
