import NIOCore

/// Bounds how long a client may take to send a request, on the raw bytes of each connection,
/// before the HTTP parser (issue #17, finding 9: a client that sent 1 of 100 body bytes held its
/// connection, and SIGTERM, forever; 200 trickling sockets were all open after a minute).
///
/// Like Apache's mod_reqtimeout: a request — from its first byte until the studio starts to
/// answer — gets ``ConnectionLimits/allowance`` plus a second per ``ConnectionLimits/bytesPerSecond`` bytes it has
/// sent, so a slow but steady upload carries on while a trickle or a stall is cut off with 408 and
/// the connection closed. A connection with no request in progress closes after ``ConnectionLimits/idle``.
/// Once the studio answers `101 Switching Protocols` the connection is a WebSocket and is left to
/// its own pings. While the server drains for shutdown, what is still unanswered gets at most
/// ``ConnectionLimits/whenDraining``.
///
/// Guarantees: it never changes the bytes; its clock is the event loop's (so tests run it on a
/// virtual one); a request is
/// never cut while the studio is answering it.
final class SlowClientGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    typealias Limits = ConnectionLimits

    /// Sent down the pipeline when the HTTP parser refused what came and nothing answered it.
    struct RefuseMalformed: Sendable {}

    private let limits: Limits
    private var requestStart: NIODeadline?
    private var requestBytes = 0
    private var lastTraffic = NIODeadline.uptimeNanoseconds(0)
    private var drainingSince: NIODeadline?
    private var upgraded = false
    private var closing = false
    private var watch: RepeatedTask?

    init(_ limits: Limits = Limits()) {
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startWatching(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        startWatching(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        watch?.cancel()
        watch = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        watch?.cancel()
        watch = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = context.eventLoop.now
        lastTraffic = now
        if !upgraded {
            if requestStart == nil {
                requestStart = now
                requestBytes = 0
            }
            requestBytes += unwrapInboundIn(data).readableBytes
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        lastTraffic = context.eventLoop.now
        if !upgraded {
            let bytes = unwrapOutboundIn(data)
            if bytes.readableBytesView.starts(with: Self.switching) { upgraded = true }
            requestStart = nil
        }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is RefuseMalformed {
            refuse(context, with: Self.badRequest)
            return
        }
        if event is ChannelShouldQuiesceEvent, drainingSince == nil { drainingSince = context.eventLoop.now }
        context.fireUserInboundEventTriggered(event)
    }

    private func startWatching(_ context: ChannelHandlerContext) {
        guard watch == nil else { return }
        lastTraffic = context.eventLoop.now
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        watch = context.eventLoop.scheduleRepeatedTask(
            initialDelay: TimeAmount(limits.every), delay: TimeAmount(limits.every)
        ) { _ in
            let (guardian, context) = loopBound.value
            guardian.look(context)
        }
    }

    private func look(_ context: ChannelHandlerContext) {
        guard !upgraded, !closing else {
            watch?.cancel()
            watch = nil
            return
        }
        let now = context.eventLoop.now
        if let start = requestStart {
            var allowed = TimeAmount(limits.allowance) + .seconds(Int64(requestBytes / max(1, limits.bytesPerSecond)))
            if let drainingSince { allowed = min(allowed, drainingSince + TimeAmount(limits.whenDraining) - start) }
            if now - start > allowed { refuse(context, with: Self.timedOut) }
        } else if now - lastTraffic > TimeAmount(limits.idle)
            || drainingSince.map({ now - $0 > TimeAmount(limits.whenDraining) }) == true
        {
            closing = true
            context.close(promise: nil)
        }
    }

    /// Answers with `response` (straight to the socket) and closes.
    private func refuse(_ context: ChannelHandlerContext, with response: StaticString) {
        guard !closing else { return }
        closing = true
        var buffer = context.channel.allocator.buffer(capacity: response.utf8CodeUnitCount)
        buffer.writeStaticString(response)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in channel.close(promise: nil) }
    }

    private static let switching = Array("HTTP/1.1 101".utf8)
    private static let timedOut: StaticString =
        "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 46\r\n\r\nThe request was too slow to arrive; send again"
    private static let badRequest: StaticString =
        "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 41\r\n\r\nThe request is not HTTP/1.1 this can read"
}
