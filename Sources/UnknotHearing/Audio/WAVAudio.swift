import Foundation

/// A WAV file's audio, mixed down to one channel of floats in [-1, 1].
///
/// Reads RIFF/WAVE with PCM 8-, 16-, 24- or 32-bit integers or 32/64-bit floats
/// (`WAVE_FORMAT_EXTENSIBLE` too), any sample rate, any number of channels (averaged).
/// Guarantees: a damaged or unsupported file throws an ``AudioFileError`` saying what is wrong and
/// what is supported; nothing is read past the end of the data.
public struct WAVAudio: Sendable {
    public let sampleRate: Int
    public let channels: Int
    /// The channels' average, one value per frame.
    public let samples: [Float]

    public var seconds: Double { Double(samples.count) / Double(sampleRate) }

    public init(sampleRate: Int, channels: Int, samples: [Float]) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.samples = samples
    }

    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw AudioFileError("\(url.path): cannot be read (\(error.localizedDescription))")
        }
        do {
            try self.init(data: data)
        } catch let error as AudioFileError {
            throw AudioFileError("\(url.path): \(error.description)")
        }
    }

    public init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8)
        else {
            throw AudioFileError("not a WAV file (no RIFF/WAVE header); convert it with `sox IN -r 16000 -c 1 OUT.wav`")
        }
        var format: WAVFormat?
        var payload: Range<Int>?
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let size = Int(readLittleEndian(bytes, offset + 4, as: UInt32.self))
            let start = offset + 8
            let end = min(start + size, bytes.count)
            if id == "fmt " {
                format = try WAVFormat(bytes[start..<end])
            } else if id == "data" {
                payload = start..<end
            }
            offset = start + size + (size & 1)
        }
        guard let format else { throw AudioFileError("the WAV file has no format chunk") }
        guard let payload else { throw AudioFileError("the WAV file has no data chunk") }
        sampleRate = format.sampleRate
        channels = format.channels
        samples = format.decode(bytes, payload)
    }
}

/// Why an audio file could not be read.
public struct AudioFileError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

@inline(__always)
func readLittleEndian<T: FixedWidthInteger>(_ bytes: [UInt8], _ offset: Int, as: T.Type) -> T {
    var value: T = 0
    for k in 0..<MemoryLayout<T>.size where offset + k < bytes.count {
        value |= T(truncatingIfNeeded: bytes[offset + k]) << (8 * k)
    }
    return value
}
