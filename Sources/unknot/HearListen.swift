import ArgumentParser
import Foundation
import UnknotCore
import UnknotHearing

/// `unknot hear listen SOURCE`: a microphone's raw audio heard live, labels printed as they come.
struct HearListen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Hear a microphone live: raw 16 kHz 16-bit mono PCM from -, a file or udp://HOST:PORT.",
        discussion: """
            For checking a station's microphone: arecord -f S16_LE -r 16000 -c 1 -t raw | unknot hear listen - \
            prints each label the station's hearing gives (kind, confidence, the time into the audio) as \
            it is heard. UDP datagrams carry whole samples (little-endian). The audio stays in memory \
            and is never written anywhere.
            """)

    @Argument(help: "- (standard input), a file of raw PCM, or udp://HOST:PORT.") var source: String
    @Option(help: "text or json (one object per line with t, kind and confidence).")
    var format: HearFiles.Format = .text
    @Option(help: "A hearing calibration file; the shipped one otherwise.") var calibration: String?
    @Option(help: "Stop after this many seconds of audio.") var seconds: Double?

    func run() throws {
        let reader: RawPCMSource
        let listener: TableListener
        do {
            reader = try RawPCMSource(try RawPCMSource.Address(source))
            let levels =
                try calibration.map { try HearingCalibration(contentsOf: URL(fileURLWithPath: $0)) }
                ?? HearingCalibration.shipped()
            listener = TableListener(network: try YAMNet.network(), calibration: levels)
        } catch {
            throw CommandError("\(error)")
        }
        if case .udp = reader.address {
            FileHandle.standardError.write(Data("listening on udp port \(reader.boundPort)\n".utf8))
        }
        let limit = seconds.map { Int($0 * 16_000) } ?? .max
        var heard = 0
        var block = [Int16](repeating: 0, count: 1_600)
        while heard < limit {
            let reading = block.withUnsafeMutableBufferPointer { reader.read(into: $0) }
            guard case .samples(let count) = reading else {
                if reading == .ended { break }
                continue
            }
            let used = min(count, limit - heard)
            heard += used
            block.withUnsafeBufferPointer { samples in
                listener.listen(pcm16: UnsafeBufferPointer(rebasing: samples[0..<used])) { at, sound in
                    print(Self.line(at: at, sound, format: format))
                    fflush(nil)
                }
            }
        }
        if reader.droppedDatagrams > 0 {
            FileHandle.standardError.write(
                Data("\(reader.droppedDatagrams) datagrams dropped (an odd number of bytes)\n".utf8))
        }
    }

    static func line(at: Int, _ sound: SoundEvent, format: HearFiles.Format) -> String {
        let seconds = Double(at) / 1_000
        switch format {
        case .json:
            return String(
                format: "{\"t\":%.2f,\"kind\":\"%@\",\"confidence\":%.3f}", seconds, sound.kind.rawValue,
                sound.confidence)
        case .text:
            return String(format: "%8.2f s  %@ (%.2f)", seconds, sound.kind.rawValue, sound.confidence)
        }
    }
}
