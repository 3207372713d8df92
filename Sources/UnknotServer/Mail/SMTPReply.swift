import NIOCore

/// One reply of an SMTP server: its three-digit code and its lines of text (RFC 5321 §4.2).
struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    var isTransient: Bool { (400..<500).contains(code) }
    var text: String { "\(code) " + lines.joined(separator: " / ") }
}

/// Reads SMTP replies from the bytes a server sends: lines ending in CRLF (a bare LF is taken
/// too), `NNN-text` continuing a reply and `NNN text` ending it.
///
/// Guarantees: a hostile or broken server cannot make it hold more than `maxLine` bytes of a
/// line or `maxLines` lines of a reply; either is a decoding error that ends the connection.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    static let maxLine = 2048
    static let maxLines = 200

    private var pending: [String] = []
    private var pendingCode: Int?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maxLine { throw SMTPProtocolError("a reply line longer than 2 KiB") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        guard length <= Self.maxLine, let raw = buffer.readString(length: length) else {
            throw SMTPProtocolError("a reply line longer than 2 KiB")
        }
        buffer.moveReaderIndex(forwardBy: 1)
        let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
        let digits = line.prefix(3)
        guard digits.count == 3, let code = Int(digits), (200...599).contains(code) else {
            throw SMTPProtocolError("a reply that does not start with a code: \(line.prefix(80))")
        }
        if let pendingCode, pendingCode != code { throw SMTPProtocolError("a reply whose lines have two codes") }
        let separator = line.dropFirst(3).first
        pending.append(String(line.dropFirst(4)))
        guard pending.count <= Self.maxLines else { throw SMTPProtocolError("a reply of more than 200 lines") }
        if separator == "-" {
            pendingCode = code
            return .continue
        }
        let reply = SMTPReply(code: code, lines: pending)
        pending = []
        pendingCode = nil
        context.fireChannelRead(wrapInboundOut(reply))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        while try decode(context: context, buffer: &buffer) == .continue, buffer.readableBytes > 0 {}
        return .needMoreData
    }
}

/// The server broke the SMTP protocol (or closed the connection mid-conversation).
struct SMTPProtocolError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
