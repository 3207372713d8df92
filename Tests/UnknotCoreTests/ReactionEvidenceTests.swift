import Foundation
import Testing
import UnknotCore

/// Evidence is typed in code and plain words in records: the words read back as the same sign.
@Suite("Reaction evidence")
struct ReactionEvidenceTests {
    static let all: [ReactionEvidence] =
        SoundEvent.Kind.allCases.map(ReactionEvidence.sound)
        + SoundEvent.Kind.allCases.map(ReactionEvidence.soundNotDistress)
        + [
            .guarding, .forceSpike, .deeperBreath(ratio: 2.3), .breathBursts, .catchingInhalations, .heartRateUp,
            .heartRateUpThenFalling, .heartRateBelowBaseline(bpm: 7), .heartRateLow, .breathingRate(perMinute: 11),
            .slowRegularBreathing, .skinResponse(microsiemens: 0.42), .reported("weak evidence"),
        ]

    @Test("Every sign round-trips through its words and through JSON")
    func roundTrip() throws {
        for evidence in Self.all {
            #expect(ReactionEvidence(text: evidence.description) == evidence, "\(evidence.description)")
            let json = try JSONEncoder().encode([evidence])
            #expect(try JSONDecoder().decode([ReactionEvidence].self, from: json) == [evidence])
            #expect(try JSONDecoder().decode([String].self, from: json) == [evidence.description])
        }
    }

    @Test("Words written by older records read as the signs they name")
    func olderWords() {
        #expect(ReactionEvidence(text: "guarding") == .guarding)
        #expect(ReactionEvidence(text: "sound: stomach rumble") == .sound(.stomachRumble))
        #expect(ReactionEvidence(text: "something new") == .reported("something new"))
    }
}
