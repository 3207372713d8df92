import Foundation
import PropertyBased
import Testing
import UnknotCore

@testable import UnknotStudio

/// The per-network-address limit itself: a window that truly slides, concurrency, networks.
@Suite("Security: one network address gets a bounded share in any sliding window")
struct NetworkAllowanceTests {
    static let start = Date(timeIntervalSince1970: 1_795_420_800)

    @Test("Random events, some given back: never more than the limit counted in any span of one window")
    func neverMoreThanTheLimit() async {
        await propertyCheck(count: 40, input: Gen.uint64().withoutShrink()) { seed in
            var rng = SeededGenerator(seed: seed)
            let limit = Int.random(in: 1...12, using: &rng)
            let window = Double(Int.random(in: 10...300, using: &rng))
            let allowance = NetworkAllowance(limit: limit, window: window)
            var now = Self.start
            var counted: [Date] = []
            var outstanding: [NetworkAllowance.Ticket?] = []
            for _ in 0..<300 {
                now = now.addingTimeInterval(Double.random(in: 0...(window / 8), using: &rng))
                if Bool.random(using: &rng), case .success(let ticket) = await allowance.reserve("192.0.2.7", now: now)
                {
                    outstanding.append(ticket)
                }
                // Settle some of what is outstanding, counted or given back, in any order.
                while !outstanding.isEmpty, Int.random(in: 0...2, using: &rng) > 0 {
                    let ticket = outstanding.remove(at: Int.random(in: 0..<outstanding.count, using: &rng))
                    let counts = Bool.random(using: &rng)
                    await allowance.settle(ticket, counted: counts, now: now)
                    if counts { counted.append(now) }
                }
                // Every span of one window ending at a counted event holds at most `limit`.
                if let last = counted.last {
                    let inside = counted.filter { $0 > last.addingTimeInterval(-window) }.count
                    #expect(inside <= limit, "\(inside) counted within \(window) s, limit \(limit)")
                }
                #expect(outstanding.count <= limit)
            }
        }
    }

    @Test("A refusal says when to come back, and then one is admitted")
    func retryAfterIsTrue() async {
        let allowance = NetworkAllowance(limit: 3, window: 600)
        for k in 0..<3 {
            let now = Self.start.addingTimeInterval(Double(k) * 60)
            guard case .success(let ticket) = await allowance.reserve("192.0.2.7", now: now) else {
                Issue.record("the first three are admitted")
                return
            }
            await allowance.settle(ticket, counted: true, now: now)
        }
        let later = Self.start.addingTimeInterval(300)
        guard case .failure(let refused) = await allowance.reserve("192.0.2.7", now: later) else {
            Issue.record("the fourth within the window is refused")
            return
        }
        #expect(refused.retryAfter == 300, "the first leaves the window 600 s after it came")
        if case .failure = await allowance.reserve("192.0.2.7", now: later.addingTimeInterval(refused.retryAfter)) {
            Issue.record("admitted once the first has left the window")
        }
        // Another address is not held back by this one.
        if case .failure = await allowance.reserve("192.0.2.8", now: later) { Issue.record("another address") }
    }

    @Test("Many at once: only the limit is admitted, whatever the concurrency")
    func concurrentReservations() async {
        let allowance = NetworkAllowance(limit: 5, window: 900)
        let admitted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    if case .success = await allowance.reserve("198.51.100.4", now: Self.start) { return true }
                    return false
                }
            }
            var admitted = 0
            for await yes in group where yes { admitted += 1 }
            return admitted
        }
        #expect(admitted == 5)
    }

    @Test("IPv6 addresses count by their /64; IPv4 written as IPv6 counts as IPv4")
    func networks() {
        #expect(NetworkAllowance.network(of: "2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64")
        #expect(NetworkAllowance.network(of: "2001:db8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64")
        #expect(NetworkAllowance.network(of: "2001:db8:1:3::1") == "2001:db8:1:3::/64")
        #expect(NetworkAllowance.network(of: "::1") == "0:0:0:0::/64")
        #expect(NetworkAllowance.network(of: "2001:db8::") == "2001:db8:0:0::/64")
        #expect(NetworkAllowance.network(of: "::ffff:192.0.2.1") == "192.0.2.1")
        #expect(NetworkAllowance.network(of: "192.0.2.1") == "192.0.2.1")
    }

    @Test("Memory stays bounded; addresses with work pending are never forgotten")
    func boundedMemory() async {
        let allowance = NetworkAllowance(limit: 2, window: 900, keptAddresses: 100)
        guard case .success(let held) = await allowance.reserve("203.0.113.1", now: Self.start) else {
            Issue.record("admitted")
            return
        }
        for k in 0..<500 {
            let now = Self.start.addingTimeInterval(Double(k))
            if case .success(let ticket) = await allowance.reserve("10.0.\(k / 250).\(k % 250)", now: now) {
                await allowance.settle(ticket, counted: true, now: now)
            }
        }
        #expect(await allowance.remembered <= 100)
        await allowance.settle(held, counted: true, now: Self.start.addingTimeInterval(500))
        #expect(await allowance.remembered <= 101, "the held one was still remembered")
    }
}
