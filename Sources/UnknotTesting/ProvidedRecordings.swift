import Foundation
import UnknotCore
import UnknotHearing

/// The real recordings the tests hear (`../shared/data`, under a licence that forbids copies in
/// the repository): read where they are, from `$UNKNOT_DATA` or `../shared/data` beside the
/// checkout. Tests that need them are skipped without them, and fail when `UNKNOT_REQUIRE_DATA=1`.
public enum ProvidedRecordings {
    /// The data folder, if it holds the vocalisations.
    public static let folder: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let environment = ProcessInfo.processInfo.environment["UNKNOT_DATA"].flatMap { $0.isEmpty ? nil : $0 }
        let folder = environment.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("../shared/data")
        let vocal = folder.appendingPathComponent("vocalizations").path
        return FileManager.default.fileExists(atPath: vocal) ? folder.standardizedFileURL : nil
    }()

    /// Whether a missing data folder fails the tests rather than skipping them.
    public static let required = ProcessInfo.processInfo.environment["UNKNOT_REQUIRE_DATA"] == "1"

    /// Whether tests that hear them should run.
    public static var shouldRun: Bool { folder != nil || required }

    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// The first crying clip (by name) the station's hearing labels crying surely (0.7 or more) on
    /// its own, as 16-bit samples at 16 kHz, as a microphone sends them (some clips are too quiet
    /// or too short for it).
    public static func surelyCrying() throws -> [Int16] {
        try surely([.crying, .sobbing], in: "crying")
    }

    /// The first moaning clip (by name) the station's hearing labels a groan or gasp surely.
    public static func surelyGroaning() throws -> [Int16] {
        try surely([.groan, .gasp], in: "moaning")
    }

    /// The first clip of `kind` (a vocalisation folder) among its first 40 by name that the
    /// station's hearing labels one of `labels` with 0.7 or more, as 16-bit samples at 16 kHz.
    public static func surely(_ labels: Set<SoundEvent.Kind>, in kind: String) throws -> [Int16] {
        guard let folder else { throw Missing(description: "no recordings in $UNKNOT_DATA or ../shared/data") }
        let clips = folder.appendingPathComponent("vocalizations/\(kind)")
        let names = try FileManager.default.contentsOfDirectory(atPath: clips.path).filter { $0.hasSuffix(".wav") }
        let network = try YAMNet.network()
        let calibration = try HearingCalibration.shipped()
        for name in names.sorted().prefix(40) {
            let audio = try WAVAudio(contentsOf: clips.appendingPathComponent(name))
            guard audio.sampleRate == 16_000 else { continue }
            let listener = TableListener(network: network, calibration: calibration)
            var sure = false
            audio.samples.withUnsafeBufferPointer { samples in
                listener.listen(samples) { _, sound in
                    if labels.contains(sound.kind), sound.confidence >= 0.7 { sure = true }
                }
            }
            if sure { return audio.samples.map { Int16(clamping: Int(($0 * 32_767).rounded())) } }
        }
        throw Missing(description: "no clip among the first 40 in \(clips.path) is heard surely as \(labels)")
    }
}
