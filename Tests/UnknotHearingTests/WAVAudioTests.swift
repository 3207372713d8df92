import Foundation
import Testing

@testable import UnknotHearing

/// Builds WAV files byte by byte, as recorders write them.
enum WAVBuilder {
    static func file(format: UInt16, channels: Int, rate: Int, bits: Int, payload: [UInt8], extensible: Bool = false)
        -> Data
    {
        var fmt: [UInt8] = []
        func put<T: FixedWidthInteger>(_ value: T, _ into: inout [UInt8]) {
            for k in 0..<MemoryLayout<T>.size { into.append(UInt8(truncatingIfNeeded: value >> (8 * k))) }
        }
        put(extensible ? UInt16(0xFFFE) : format, &fmt)
        put(UInt16(channels), &fmt)
        put(UInt32(rate), &fmt)
        put(UInt32(rate * channels * bits / 8), &fmt)
        put(UInt16(channels * bits / 8), &fmt)
        put(UInt16(bits), &fmt)
        if extensible {
            put(UInt16(22), &fmt)
            put(UInt16(bits), &fmt)
            put(UInt32(0), &fmt)
            put(format, &fmt)
            fmt += [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]
        }
        var body: [UInt8] = Array("WAVE".utf8)
        body += Array("fmt ".utf8)
        put(UInt32(fmt.count), &body)
        body += fmt
        body += Array("LIST".utf8)  // a chunk readers must step over
        put(UInt32(3), &body)
        body += [1, 2, 3, 0]
        body += Array("data".utf8)
        put(UInt32(payload.count), &body)
        body += payload
        var file: [UInt8] = Array("RIFF".utf8)
        put(UInt32(body.count), &file)
        return Data(file + body)
    }

    static func int16(_ samples: [Float], channels: Int = 1, rate: Int = 16_000) -> Data {
        var payload: [UInt8] = []
        for x in samples {
            let v = Int16(max(-32_768, min(32_767, (x * 32_768).rounded())))
            for _ in 0..<channels { payload += [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)] }
        }
        return file(format: 1, channels: channels, rate: rate, bits: 16, payload: payload)
    }

    static func float32(_ samples: [Float], rate: Int) -> Data {
        var payload: [UInt8] = []
        for x in samples {
            let bits = x.bitPattern
            payload += (0..<4).map { UInt8(truncatingIfNeeded: bits >> (8 * $0)) }
        }
        return file(format: 3, channels: 1, rate: rate, bits: 32, payload: payload, extensible: true)
    }
}

@Suite("WAV files of any common kind become mono floats")
struct WAVAudioTests {
    @Test("16-bit mono reads exactly; stereo is the channels' average")
    func pcm16() throws {
        let audio = try WAVAudio(data: WAVBuilder.int16([0, 0.5, -0.25, -1]))
        #expect(audio.sampleRate == 16_000)
        #expect(audio.samples == [0, 0.5, -0.25, -1])
        var payload: [UInt8] = []
        for (left, right) in [(Int16(16_384), Int16(0)), (Int16(-32_768), Int16(32_767))] {
            payload += [UInt8(truncatingIfNeeded: left), UInt8(truncatingIfNeeded: left >> 8)]
            payload += [UInt8(truncatingIfNeeded: right), UInt8(truncatingIfNeeded: right >> 8)]
        }
        let stereo = try WAVAudio(
            data: WAVBuilder.file(format: 1, channels: 2, rate: 48_000, bits: 16, payload: payload))
        #expect(stereo.channels == 2)
        #expect(stereo.samples.count == 2)
        #expect(abs(stereo.samples[0] - 0.25) < 1e-6)
        #expect(abs(stereo.samples[1] - (-0.5 / 32_768)) < 1e-6)
    }

    @Test("24-bit, 8-bit and float (extensible) samples keep their values")
    func otherEncodings() throws {
        let v24: [UInt8] = [0x00, 0x00, 0x40, 0x00, 0x00, 0xC0]  // +0.5, -0.5
        #expect(
            try WAVAudio(data: WAVBuilder.file(format: 1, channels: 1, rate: 44_100, bits: 24, payload: v24)).samples
                == [0.5, -0.5])
        let v8: [UInt8] = [128, 192, 0]
        #expect(
            try WAVAudio(data: WAVBuilder.file(format: 1, channels: 1, rate: 8_000, bits: 8, payload: v8)).samples == [
                0, 0.5, -1,
            ])
        let floats = try WAVAudio(data: WAVBuilder.float32([0.125, -0.75, .nan, 3], rate: 48_000))
        #expect(floats.samples == [0.125, -0.75, 0, 1])
    }

    @Test("A file that is not WAV, or says what cannot be read, is refused with the reason")
    func refusals() {
        #expect(throws: AudioFileError.self) { try WAVAudio(data: Data("hello, this is text".utf8)) }
        do {
            _ = try WAVAudio(data: WAVBuilder.file(format: 1, channels: 0, rate: 100, bits: 12, payload: []))
            Issue.record("a 12-bit file with no channels was read")
        } catch {
            let message = "\(error)"
            #expect(message.contains("12 bits"))
            #expect(message.contains("0 channels"))
            #expect(message.contains("100 Hz"))
        }
        var noData = WAVBuilder.int16([0.1, 0.2])
        noData.removeLast(12)  // "data", its size and the samples
        #expect(throws: AudioFileError.self) { try WAVAudio(data: noData) }
    }

    @Test("A data chunk that claims more bytes than the file has reads what is there")
    func truncated() throws {
        var data = WAVBuilder.int16([0.5, 0.5, 0.5, 0.5])
        data.removeLast(3)
        let audio = try WAVAudio(data: data)
        #expect(audio.samples.count == 2)
    }
}
