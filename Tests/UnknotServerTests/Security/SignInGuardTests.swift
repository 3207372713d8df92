import Foundation
import Testing

@testable import UnknotStudio

/// The guess counter itself: bounded memory, pauses kept while it forgets.
@Suite("Security: the sign-in guard remembers a bounded number of addresses")
struct SignInGuardTests {
    @Test("Past its limit it forgets the stalest settled addresses, never a paused one")
    func boundedMemory() async {
        let guarding = SignInGuard(attempts: 2, pause: 900, keptAddresses: 100)
        let start = Date(timeIntervalSince1970: 1_795_420_800)
        // One address paused (two wrong guesses), then 500 others with one wrong guess each.
        for _ in 0..<2 {
            if case .success(let ticket) = await guarding.reserve("victim", now: start) {
                _ = await guarding.settle(ticket, right: false, now: start)
            }
        }
        for k in 0..<500 {
            let now = start.addingTimeInterval(Double(k) / 10)
            if case .success(let ticket) = await guarding.reserve("a\(k)", now: now) {
                _ = await guarding.settle(ticket, right: false, now: now)
            }
        }
        let remembered = await guarding.remembered
        #expect(remembered <= 100, "\(remembered)")
        let victim = await guarding.reserve("victim", now: start.addingTimeInterval(60))
        guard case .failure(.paused) = victim else {
            Issue.record("the paused address was forgotten: \(victim)")
            return
        }
    }
}
