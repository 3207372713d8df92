import Foundation

/// A recording with what it holds and who made it, from a data folder laid out as
/// `../shared/data` is: `vocalizations/<class>/<SPEAKER>_....wav` and `speech/<room>/<sub…>.wav`.
public struct LabelledClip: Sendable, Hashable {
    public var url: URL
    /// The folder's class (`crying`, `laughing`, …) or `speech`.
    public var label: String
    public var speaker: String

    /// The kind of sound the clip is an example of, if Unknot listens for it.
    public var kind: SoundKind? {
        switch label {
        case "crying": .crying
        case "laughing": .laughter
        case "sighing": .sigh
        case "moaning": .groan
        case "coughing": .cough
        case "speech": .speech
        default: nil
        }
    }

    /// Every WAV under `vocalizations/` and `speech/`, in name order.
    /// - Throws: ``AudioFileError`` naming the folder when neither is there.
    public static func collect(in data: URL) throws -> [LabelledClip] {
        let files = FileManager.default
        var clips: [LabelledClip] = []
        let vocal = data.appendingPathComponent("vocalizations")
        for label in (try? files.contentsOfDirectory(atPath: vocal.path))?.sorted() ?? [] {
            let folder = vocal.appendingPathComponent(label)
            for name in (try? files.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
            where name.hasSuffix(".wav") {
                let speaker = String(name.prefix { $0 != "_" })
                clips.append(LabelledClip(url: folder.appendingPathComponent(name), label: label, speaker: speaker))
            }
        }
        let speech = data.appendingPathComponent("speech")
        if let walker = files.enumerator(atPath: speech.path) {
            var names: [String] = []
            while let name = walker.nextObject() as? String {
                if name.hasSuffix(".wav") { names.append(name) }
            }
            for name in names.sorted() {
                let file = (name as NSString).lastPathComponent
                // sub100112a00207: speaker sub100112, utterance a00207.
                let speaker = String(file.prefix { $0 != "a" && $0 != "." })
                clips.append(
                    LabelledClip(
                        url: speech.appendingPathComponent(name), label: "speech", speaker: "speech-\(speaker)"))
            }
        }
        guard !clips.isEmpty else {
            throw AudioFileError("\(data.path) holds no vocalizations/<class>/*.wav or speech/**/*.wav")
        }
        return clips
    }
}
