import Foundation
import PropertyBased
import Testing
import UnknotCore

@Suite struct PressureTests {
    @Test func levelsOutsideTheScaleAreRejected() {
        #expect(PressureLevel(0) == nil)
        #expect(PressureLevel(11) == nil)
        #expect(PressureLevel(7)?.band == .hurtsSoGood)
        #expect(PressureLevel(3)?.band == .light)
        #expect(PressureLevel(9)?.band == .harmful)
        #expect(PressureLevel(clamping: 42) == .maximum)
    }

    @Test func forceGrowsWithTheLevelAndStaysWellBelowTheCeiling() async {
        await propertyCheck(input: Gen<BodyRegion>.case, Gen.int(in: 1...9)) { region, raw in
            let lower = PressureLevel(clamping: raw)
            let higher = PressureLevel(clamping: raw + 1)
            #expect(PressureScale.force(lower, on: region) < PressureScale.force(higher, on: region))
            #expect(PressureScale.force(.maximum, on: region) <= region.forceCeiling.force / 2)
            for technique in Technique.allCases {
                #expect(
                    PressureScale.force(higher, on: region, with: technique)
                        <= PressureScale.ceiling(on: region, with: technique))
            }
        }
    }

    @Test func aMeasuredForceReadsBackAsItsLevel() {
        for region in BodyRegion.allCases {
            for raw in 1...10 {
                let level = PressureLevel(clamping: raw)
                let force = PressureScale.force(level, on: region)
                #expect(PressureScale.level(forForce: force, on: region) == level)
                // Just under a level's force reads as the level below (a force is never rounded up).
                if raw > 1 { #expect(PressureScale.level(forForce: force - 0.01, on: region) == level.lowered(by: 1)) }
            }
        }
        #expect(PressureScale.level(forForce: 0, on: .neck) == .minimum)
        #expect(PressureScale.level(forForce: 10_000, on: .neck) == .maximum)
    }

    @Test func ceilingsFollowISOTS15066() {
        #expect(BodyRegion.neck.forceCeiling.force == 150)
        #expect(BodyRegion.jaw.forceCeiling.force == 65)
        #expect(BodyRegion.upperBack.forceCeiling.force == 210)
        #expect(BodyRegion.calves.forceCeiling.force == 130)
        #expect(BodyRegion.hamstrings.forceCeiling.force == 220)
        #expect(BodyRegion.abdomen.forceCeiling.force == 110)
        #expect(BodyRegion.chest.forceCeiling.force == 140)
        #expect(BodyRegion.glutes.forceCeiling.force == 180)
        // A 2.5 cm trigger-point contact on the neck: 140 N/cm² × 4.9 cm² is above 150 N, so
        // the force ceiling binds.
        #expect(PressureScale.ceiling(on: .neck, with: .triggerPointHold) == 150)
    }

    @Test func levelJSONNamesTheScale() throws {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([PressureLevel].self, from: Data("[4, 12]".utf8))
        }
        #expect("\(String(describing: error))".contains("1 (lightest) to 10"))
    }

    @Test func techniquesAreWhatTheyClaim() {
        for technique in Technique.allCases {
            let spec = technique.spec
            if !spec.holdsStill {
                #expect(spec.speed.lowerBound >= 1 && spec.speed.upperBound <= 10)
                #expect(spec.speed.contains(spec.preferredSpeed))
            }
        }
        #expect(Technique.triggerPointHold.spec.isPointPressure)
        #expect(Technique.circularFriction.spec.isPointPressure)
        #expect(Technique.gliding.spec.isBroadAndFlat)
        #expect(Technique.broadStillPressure.spec.isBroadAndFlat)
        #expect(!Technique.kneading.spec.isBroadAndFlat)
    }
}
