import ArgumentParser
import Foundation
import UnknotCore
import UnknotPlanning

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: "Fit a body scan, or make a synthetic one.",
        subcommands: [Fit.self, Synthesize.self])

    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit the body model to a depth scan and print the measurements.")
        @Argument(help: "The scan (16-bit PGM).") var file: String
        @Option(help: "Millimetres per pixel of a top view, if the file does not say.") var scanResolution: Double?
        @Option(help: "Intrinsics of the camera that took a raw frame: \"fx=… fy=… cx=… cy=…\".") var camera: String?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            var options = try BodyOptions.parse([])
            options.scanResolution = scanResolution
            options.camera = camera
            let fit = try options.fitScan(file)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(fit), as: UTF8.self))
                return
            }
            let m = fit.measurements
            print(String(format: "height          %6.1f cm", m.height))
            print(String(format: "shoulder width  %6.1f cm", m.shoulderWidth))
            print(String(format: "waist width     %6.1f cm", m.waistWidth))
            print(String(format: "hip width       %6.1f cm", m.hipWidth))
            print(String(format: "torso depth     %6.1f cm", m.torsoDepth))
            print(String(format: "neck width      %6.1f cm", m.neckWidth))
            print(
                "landmarks (cm from the crown): "
                    + fit.landmarks.sorted { $0.value < $1.value }
                    .map { String(format: "%@ %.0f", $0.key, $0.value) }.joined(separator: ", "))
            if fit.wasReversed { print("note: the body lay head toward the far end of the image") }
        }
    }

    struct Synthesize: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the depth scan a camera would take of a body.")
        @OptionGroup var body: BodyOptions
        @Option(help: "Noise seed.") var seed: UInt64 = 1
        @Option(help: "Depth noise, mm (standard deviation).") var noise: Double = 2
        @Flag(help: "Write the raw perspective frame a station's depth camera would take, instead of a top view.")
        var raw = false
        @Option(name: .shortAndLong, help: "The PGM file to write.") var output: String

        func run() throws {
            let model = BodyModel(try body.measurements())
            var maker = SyntheticScan()
            maker.noise = noise
            let image = raw ? maker.rawFrame(of: model, seed: seed) : maker.image(of: model, seed: seed)
            try Output.write(image.pgmData(), to: output)
        }
    }
}
