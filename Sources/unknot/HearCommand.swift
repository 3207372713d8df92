import ArgumentParser
import Foundation
import UnknotHearing

/// `unknot hear`: what YAMNet, run in Swift, hears in recordings, and how well.
struct HearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hear",
        abstract: "Hear crying, laughter, sighs, groans and more in recordings, or evaluate how well.",
        subcommands: [HearFiles.self, HearListen.self, HearEvaluate.self], defaultSubcommand: HearFiles.self)
}

/// `unknot hear FILE...`.
struct HearFiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files",
        abstract:
            "Hear crying, laughter, sighs, groans, gasps, digestive sounds, snoring, coughs and speech in WAV files.",
        discussion: """
            Each file is resampled to 16 kHz mono and scored by YAMNet (int8, run in Swift) every \
            --hop × 10 ms over 0.96 s windows; each kind scores as the station listens (YAMNet's own \
            score or a classifier on its embedding, docs/hearing.md). JSON: one object per file and line, {"file", \
            "seconds", "windows": [{"start", "end", "scores"}], "events": [{"kind", "start", "end", \
            "confidence"}]}, scores 0-1. Audio is read into memory only.
            """)

    enum Format: String, ExpressibleByArgument { case text, json }

    @Argument(help: "WAV files: PCM 8/16/24/32-bit or float, any rate, mono or more channels.") var files: [String]
    @Option(help: "text or json.") var format: Format = .text
    @Option(help: "Frames (10 ms) between windows, 1-96.") var hop: Int = 48
    @Option(
        help: "A hearing calibration file (onset and release levels, confidence curves); the shipped one otherwise.")
    var calibration: String?
    @Option(
        help: ArgumentHelp(
            "Write each window's 96 × 64 log-mel patch here (float32; one file only).", visibility: .hidden))
    var patches: String?
    @Option(
        help: ArgumentHelp("Write each window's 521 YAMNet scores here (float32; one file only).", visibility: .hidden))
    var rawScores: String?
    @Flag(
        help: ArgumentHelp(
            "Time the network on the file's patches (one core) and print ms per patch.", visibility: .hidden))
    var timeNetwork = false

    func validate() throws {
        guard (1...96).contains(hop) else { throw ValidationError("--hop must be 1 to 96 frames (10 ms each)") }
        if (patches != nil || rawScores != nil || timeNetwork) && files.count != 1 {
            throw ValidationError("--patches, --raw-scores and --time-network take one file")
        }
    }

    func run() throws {
        let network: QuantizedNetwork
        let levels: HearingCalibration
        do {
            network = try YAMNet.network()
            levels =
                try calibration.map { try HearingCalibration(contentsOf: URL(fileURLWithPath: $0)) }
                ?? HearingCalibration.shipped()
        } catch {
            throw CommandError("\(error)")
        }
        var failures: [String] = []
        for file in files {
            do {
                var folder: ObjCBool = false
                if FileManager.default.fileExists(atPath: file, isDirectory: &folder), folder.boolValue {
                    throw CommandError("\(file) is a folder: give the WAV files in it (\(file)/*.wav)")
                }
                let audio = try WAVAudio(contentsOf: URL(fileURLWithPath: file))
                let heard = try hear(audio, network: network, calibration: levels)
                print(format == .json ? heard.json(file: file) : heard.text(file: file))
                if timeNetwork { print(NetworkTiming.measure(network, patches: heard.patches)) }
            } catch {
                failures.append("\(error)")
            }
        }
        guard failures.isEmpty else { throw CommandError(failures.joined(separator: "\n")) }
    }

    private func hear(_ audio: WAVAudio, network: QuantizedNetwork, calibration: HearingCalibration) throws -> Heard {
        let samples = Resampler(from: audio.sampleRate).resample(audio.samples)
        let classifier = SoundClassifier(network: network, patchHop: hop)
        var tracker = SoundEventTracker(thresholds: calibration.thresholds)
        var heard = Heard(seconds: audio.seconds)
        var patchBytes = Data()
        var kept: [[Float]] = []
        var scoreBytes = Data()
        samples.withUnsafeBufferPointer { input in
            classifier.push(input) { heardWindow, raw in
                // Each kind scored as the station scores it: YAMNet's own score or its classifier's.
                var window = heardWindow
                for kind in SoundKind.allCases {
                    window.scores[kind] = calibration.score(
                        kind, scores: heardWindow.scores, embedding: classifier.lastEmbedding)
                }
                heard.windows.append(window)
                tracker.take(window) { heard.events.append($0) }
                if timeNetwork { kept.append(Array(classifier.lastPatch)) }
                if patches != nil { patchBytes.append(contentsOf: UnsafeRawBufferPointer(classifier.lastPatch)) }
                if rawScores != nil { scoreBytes.append(contentsOf: UnsafeRawBufferPointer(raw)) }
            }
        }
        tracker.finish { heard.events.append($0) }
        // An event's confidence: how sure its loudest window makes the hearing.
        for index in heard.events.indices {
            heard.events[index].confidence = calibration.confidence(
                heard.events[index].confidence, for: heard.events[index].kind)
        }
        heard.events.sort { ($0.start, $0.kind.rawValue) < ($1.start, $1.kind.rawValue) }
        heard.patches = kept
        for (path, bytes) in [(patches, patchBytes), (rawScores, scoreBytes)] {
            guard let path else { continue }
            guard FileManager.default.createFile(atPath: path, contents: bytes) else {
                throw CommandError("cannot write \(path): check that its folder exists and can be written")
            }
        }
        return heard
    }
}

/// What was heard in one file.
struct Heard {
    var seconds: Double
    var windows: [HeardWindow] = []
    var events: [SoundEventTracker.Event] = []
    var patches: [[Float]] = []

    func json(file: String) -> String {
        struct Window: Encodable {
            var start: Double
            var end: Double
            var scores: [String: Double]
        }
        struct Event: Encodable {
            var kind: String
            var start: Double
            var end: Double
            var confidence: Double
        }
        struct File: Encodable {
            var file: String
            var seconds: Double
            var windows: [Window]
            var events: [Event]
        }
        func round(_ x: Double, _ places: Double = 1_000) -> Double { (x * places).rounded() / places }
        let body = File(
            file: file, seconds: round(seconds),
            windows: windows.map { window in
                Window(
                    start: round(window.start), end: round(window.end),
                    scores: Dictionary(
                        uniqueKeysWithValues: SoundKind.allCases.map {
                            ($0.rawValue, round(Double(window.scores[$0]), 10_000))
                        }))
            },
            events: events.map {
                Event(
                    kind: $0.kind.rawValue, start: round($0.start), end: round($0.end),
                    confidence: round(Double($0.confidence), 10_000))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    func text(file: String) -> String {
        var lines = ["\(file): \(String(format: "%.2f", seconds)) s, \(windows.count) windows"]
        if events.isEmpty { lines.append("  nothing Unknot listens for") }
        for event in events {
            lines.append(
                String(
                    format: "  %7.2f-%7.2f s  %@ (%.2f)", event.start, event.end, event.kind.rawValue,
                    Double(event.confidence)))
        }
        return lines.joined(separator: "\n")
    }
}
