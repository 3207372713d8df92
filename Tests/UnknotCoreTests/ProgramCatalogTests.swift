import Foundation
import Testing
import UnknotCore

@Suite struct ProgramCatalogTests {
    @Test func theCareGuideProgramsShipWithTheirLengths() throws {
        let catalog = try ProgramCatalog.bundled()
        let lengths = Dictionary(uniqueKeysWithValues: catalog.programs.map { ($0.id, $0.lengths) })
        #expect(lengths["total-back"] == [30, 45, 60, 90])
        #expect(lengths["neck-jaw-shoulders"] == [30, 45, 60])
        #expect(lengths["hips-glutes-lower-back"] == [30, 45, 60])
        #expect(lengths["full-body"] == [60, 90])
        #expect(lengths["express"] == [15])
        #expect(catalog.program(id: "express")?.acceptsPromoCodes == false)
        #expect(
            Set(catalog.program(id: "total-back")!.regions).isSuperset(of: [
                .upperBack, .midBack, .lowerBack, .glutes, .hamstrings,
            ]))
        #expect(Set(catalog.program(id: "neck-jaw-shoulders")!.regions) == [.neck, .jaw, .shoulders, .upperBack])
        for program in catalog.programs {
            #expect(
                program.phases.map(\.kind) == PhaseKind.allCases,
                "\(program.id): warm-up, focused work, integration, closing")
        }
    }

    @Test func aStudioAddsAndReplacesProgramsFromAFile() throws {
        var catalog = try ProgramCatalog.bundled()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("programs-\(UUID()).json")
        try Data(
            #"""
            [{"id": "calf-care", "name": "Calf Care", "summary": "Calves for runners.", "lengths": [30],
              "acceptsPromoCodes": true, "singleFocusArea": false,
              "phases": [{"kind": "warm-up", "share": 0.3, "regions": ["calves"], "techniques": ["gliding"]},
                         {"kind": "focused-work", "share": 0.7, "regions": ["calves", "feet"], "techniques": ["kneading"], "intensity": 1}]}]
            """#.utf8
        ).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try catalog.add(contentsOf: file)
        #expect(catalog.program(id: "calf-care")?.lengths == [30])
        #expect(catalog.programs.count == 6)
    }

    @Test func aBrokenProgramFileSaysWhatIsWrong() throws {
        var catalog = try ProgramCatalog.bundled()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).json")
        try Data(
            #"""
            [{"id": "odd", "name": "Odd", "summary": "", "lengths": [20], "acceptsPromoCodes": true, "singleFocusArea": false,
              "phases": [{"kind": "warm-up", "share": 0.5, "regions": ["chest"], "techniques": ["rocking"]}]}]
            """#.utf8
        ).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let error = #expect(throws: ProgramCatalogError.self) { try catalog.add(contentsOf: file) }
        let text = error?.description ?? ""
        #expect(text.contains("length 20 is not bookable"))
        #expect(text.contains("add up to 0.5"))
        #expect(text.contains("cannot be reached lying prone"))
        #expect(text.contains("none of the phase's techniques suits chest"))
        #expect(catalog.programs.count == 5, "nothing is added from a broken file")
    }
}
