import NIOCore
import NIOEmbedded
import Testing

@testable import UnknotServer

/// The ``SlowClientGuard`` on a virtual clock (an `EmbeddedChannel`): what it cuts, when, and what
/// it leaves alone, with the studio's own limits — deterministic, whatever the machine's load.
@Suite("Slow client guard")
struct SlowClientGuardTests {
    static let limits = ConnectionLimits()

    /// A connection with the guard in front, connected.
    static func connection() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(SlowClientGuard(limits))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8080)).wait()
        return channel
    }

    static func bytes(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    /// What the guard wrote to the client, as text.
    static func answer(_ channel: EmbeddedChannel) throws -> String {
        var text = ""
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { text += String(buffer: buffer) }
        return text
    }

    @Test("a stalled request gets 408 and is closed once its 20 s are up, not before")
    func stalled() throws {
        let channel = try Self.connection()
        try channel.writeInbound(Self.bytes("POST /api/quotes HTTP/1.1\r\nContent-Length: 100\r\n\r\n{"))
        channel.embeddedEventLoop.advanceTime(by: .seconds(19))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(try Self.answer(channel).hasPrefix("HTTP/1.1 408 Request Timeout"))
        #expect(!channel.isActive)
    }

    @Test("a steady upload earns a second per 500 bytes; a trickle at a byte a second does not")
    func steadyAndTrickle() throws {
        let steady = try Self.connection()
        try steady.writeInbound(Self.bytes("PUT /api/bookings/x/record HTTP/1.1\r\nContent-Length: 100000\r\n\r\n"))
        for _ in 0..<60 {
            try steady.writeInbound(ByteBuffer(repeating: 0x41, count: 600))
            steady.embeddedEventLoop.advanceTime(by: .seconds(1))
        }
        #expect(steady.isActive, "600 bytes a second for a minute is never cut")
        // The studio answers: the request is done with.
        try steady.writeOutbound(Self.bytes("HTTP/1.1 201 Created\r\n\r\n"))
        #expect(steady.isActive)

        let trickle = try Self.connection()
        var cutAt: Int?
        for second in 0..<60 where trickle.isActive {
            try trickle.writeInbound(Self.bytes("a"))
            trickle.embeddedEventLoop.advanceTime(by: .seconds(1))
            if !trickle.isActive { cutAt = second }
        }
        #expect(cutAt == 20, "a byte a second is cut at 20 s: \(String(describing: cutAt))")
        #expect(try Self.answer(trickle).hasPrefix("HTTP/1.1 408"))
    }

    @Test("an idle connection closes after 75 s; one answered and idle too")
    func idle() throws {
        let quiet = try Self.connection()
        quiet.embeddedEventLoop.advanceTime(by: .seconds(74))
        #expect(quiet.isActive)
        quiet.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(!quiet.isActive)
        #expect(try Self.answer(quiet).isEmpty, "nothing was asked: nothing is answered")

        let answered = try Self.connection()
        try answered.writeInbound(Self.bytes("GET /health HTTP/1.1\r\n\r\n"))
        answered.embeddedEventLoop.advanceTime(by: .seconds(1))
        try answered.writeOutbound(Self.bytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))
        answered.embeddedEventLoop.advanceTime(by: .seconds(70))
        #expect(answered.isActive, "kept alive for its next request")
        answered.embeddedEventLoop.advanceTime(by: .seconds(6))
        #expect(!answered.isActive)
    }

    @Test("once the studio answers 101 the connection is a WebSocket: no limit applies, however long")
    func webSocket() throws {
        let channel = try Self.connection()
        try channel.writeInbound(Self.bytes("GET /console/x/live HTTP/1.1\r\nUpgrade: websocket\r\n\r\n"))
        try channel.writeOutbound(Self.bytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"))
        channel.embeddedEventLoop.advanceTime(by: .seconds(3_600))
        #expect(channel.isActive)
        try channel.writeInbound(ByteBuffer(bytes: [0x81, 0x01, 0x41]))
        channel.embeddedEventLoop.advanceTime(by: .seconds(3_600))
        #expect(channel.isActive)
    }

    @Test("draining for shutdown: what is unanswered gets 2 s, an idle connection goes")
    func draining() throws {
        let pending = try Self.connection()
        try pending.writeInbound(Self.bytes("POST /api/quotes HTTP/1.1\r\nContent-Length: 100\r\n\r\n{"))
        pending.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        pending.embeddedEventLoop.advanceTime(by: .milliseconds(1_500))
        #expect(pending.isActive)
        pending.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!pending.isActive)
        #expect(try Self.answer(pending).hasPrefix("HTTP/1.1 408"))

        let idle = try Self.connection()
        idle.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        idle.embeddedEventLoop.advanceTime(by: .seconds(3))
        #expect(!idle.isActive)
    }

    @Test("a request the parser refused is answered 400 and closed")
    func malformed() throws {
        let channel = try Self.connection()
        try channel.writeInbound(
            Self.bytes("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"))
        channel.pipeline.fireUserInboundEventTriggered(SlowClientGuard.RefuseMalformed())
        #expect(try Self.answer(channel).hasPrefix("HTTP/1.1 400 Bad Request"))
        #expect(!channel.isActive)
    }
}
