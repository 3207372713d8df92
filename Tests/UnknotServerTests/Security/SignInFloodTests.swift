import Foundation
import HummingbirdTesting
import Synchronization
import Testing

@testable import UnknotStudio

/// Issue #17, findings 1-3: password hashing that stalled the studio, more guesses than allowed
/// under concurrency, and pauses that told a stranger which accounts exist.
@Suite("Security: sign-in floods cost one bounded pool, five guesses, and say nothing of who has an account")
struct SignInFloodTests {
    /// Holds the hasher's threads until opened, as slow hashes would.
    final class HashGate: @unchecked Sendable {
        private let condition = NSCondition()
        private var open = true
        private(set) var checks = 0

        func close() {
            condition.lock()
            open = false
            condition.unlock()
        }

        func release() {
            condition.lock()
            open = true
            condition.broadcast()
            condition.unlock()
        }

        func pass() {
            condition.lock()
            checks += 1
            while !open { condition.wait() }
            condition.unlock()
        }

        var count: Int {
            condition.lock()
            defer { condition.unlock() }
            return checks
        }
    }

    static func wrong(_ email: String) -> [String: Any] { ["email": email, "password": "not the password at all"] }

    @Test(
        "While every hashing thread is held, availability, a signed-in look-up and /health answer; beyond capacity, 429 at once"
    )
    func hashingNeverStallsTheStudio() async throws {
        let gate = HashGate()
        let hasher = PasswordHasher(threads: 1, capacity: 3, beforeEach: { gate.pass() })
        try await TestStudio.run(.sqlite, configure: { $0.passwordHasher = hasher }) { _, client in
            let cleo = try await client.signIn("cleo@test.example")
            gate.close()
            // Three sign-ins admitted: one being hashed (held), two waiting.
            let held = Task {
                try await withThrowingTaskGroup(of: Reply.self) { group in
                    for k in 1...3 {
                        group.addTask {
                            try await client.call(.post, "/api/auth/login", json: Self.wrong("x\(k)@test.example"))
                        }
                    }
                    var replies: [Reply] = []
                    for try await reply in group { replies.append(reply) }
                    return replies
                }
            }
            var waited = 0
            while hasher.inFlight < 3, waited < 100_000 {
                await Task.yield()
                waited += 1
            }
            #expect(hasher.inFlight == 3)
            let fourth = try await client.call(.post, "/api/auth/login", json: Self.wrong("x4@test.example"))
            #expect(fourth.isProblem(.tooManyRequests), "\(fourth.detail)")
            #expect(fourth.detail.contains("many passwords at once"), "\(fourth.detail)")
            // The rest of the studio does not wait behind the hashing.
            let availability = try await client.call(
                .get, "/api/availability?program=total-back&minutes=30&from=2026-11-24&to=2026-11-24")
            #expect(availability.status == .ok, "\(availability.detail)")
            #expect(try await client.call(.get, "/api/me", token: cleo).status == .ok)
            #expect(try await client.call(.get, "/health").status == .ok)
            #expect(hasher.inFlight == 3, "the held sign-ins are still being checked")
            gate.release()
            let replies = try await held.value
            #expect(replies.allSatisfy { $0.isProblem(.unauthorized) }, "\(replies.map(\.detail))")
        }
        try await hasher.shutdown()
    }

    @Test("40 sign-ins at once on one account, the right password last: at most 5 checked, and it does not get in")
    func guessesCountedBeforeHashing() async throws {
        let gate = HashGate()
        let hasher = PasswordHasher(threads: 2, capacity: 64, beforeEach: { gate.pass() })
        try await TestStudio.run(.sqlite, configure: { $0.passwordHasher = hasher }) { studio, client in
            let before = gate.count
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for k in 0..<40 {
                    let password = k == 39 ? TestStudio.password : "not the password at all"
                    group.addTask {
                        try await client.call(
                            .post, "/api/auth/login", json: ["email": "cleo@test.example", "password": password])
                    }
                }
                var replies: [Reply] = []
                for try await reply in group { replies.append(reply) }
                return replies
            }
            #expect(gate.count - before <= 5, "passwords checked: \(gate.count - before)")
            #expect(!replies.contains { $0.status == .ok }, "the 40th guess got in")
            #expect(replies.allSatisfy { $0.isProblem(.unauthorized) || $0.isProblem(.tooManyRequests) })
            // After the pause the right password works again.
            studio.clock.advance(minutes: 15)
            #expect(try await client.signIn("cleo@test.example").isEmpty == false)
        }
        try await hasher.shutdown()
    }

    @Test("A known and an unknown address get the same answers, in the same order, for six wrong passwords")
    func pausesSayNothingOfAccounts() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            var answers: [String: [String]] = [:]
            for email in ["cleo@test.example", "nobody@test.example"] {
                for _ in 0..<6 {
                    let reply = try await client.call(.post, "/api/auth/login", json: Self.wrong(email))
                    answers[email, default: []].append("\(reply.status.code) \(reply.detail)")
                }
            }
            #expect(answers["cleo@test.example"] == answers["nobody@test.example"], "\(answers)")
            #expect(answers["nobody@test.example"]?.last?.hasPrefix("429") == true, "\(answers)")
        }
    }

    @Test("Wrong passwords to delete an account are counted too: the fifth pauses, and nothing is deleted")
    func deletionGuessesCounted() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let cleo = try await client.signIn("cleo@test.example")
            for _ in 0..<4 {
                let reply = try await client.call(.delete, "/api/me", token: cleo, json: ["password": "not it at all"])
                #expect(reply.isProblem(.unauthorized), "\(reply.detail)")
            }
            let fifth = try await client.call(.delete, "/api/me", token: cleo, json: ["password": "not it at all"])
            #expect(fifth.isProblem(.tooManyRequests), "\(fifth.detail)")
            let right = try await client.call(.delete, "/api/me", token: cleo, json: ["password": TestStudio.password])
            #expect(right.isProblem(.tooManyRequests), "paused: \(right.detail)")
            #expect(try await client.call(.get, "/api/me", token: cleo).status == .ok, "nothing deleted")
        }
    }
}
