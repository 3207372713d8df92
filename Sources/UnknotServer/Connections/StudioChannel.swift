import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1

/// Every connection to the studio: HTTP/1.1 with the WebSocket upgrade (Hummingbird's), behind a
/// ``SlowClientGuard``; and a request the HTTP parser refuses (`Content-Length` with
/// `Transfer-Encoding`, say) is answered 400 and closed (``MalformedRequestCatcher``: on a
/// connection's first request Hummingbird never heard of the error and left it open, unanswered).
struct StudioChannel: ServerChildChannel {
    typealias Value = HTTP1WebSocketUpgradeChannel.Value

    let base: HTTP1WebSocketUpgradeChannel
    let limits: ConnectionLimits

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(SlowClientGuard(limits), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            try channel.pipeline.syncOperations.addHandler(MalformedRequestCatcher())
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

/// Placed after the HTTP parser (and before whatever Hummingbird adds once it knows the connection
/// is not a WebSocket): a parse error goes no further; the ``SlowClientGuard`` answers 400 and
/// closes.
final class MalformedRequestCatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        context.pipeline.fireUserInboundEventTriggered(SlowClientGuard.RefuseMalformed())
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with the WebSocket upgrade on `webSocketRouter`, each connection a ``StudioChannel``.
    static func studio<WebSocketRouter: HTTPResponderBuilder & SendableMetatype>(
        webSocketRouter: WebSocketRouter, configuration: HTTP1WebSocketUpgradeChannel.Configuration,
        limits: ConnectionLimits
    ) -> HTTPServerBuilder where WebSocketRouter.Responder.Context: WebSocketRequestContext {
        let webSocketResponder = webSocketRouter.buildResponder()
        return HTTPServerBuilder { responder in
            StudioChannel(
                base: HTTP1WebSocketUpgradeChannel(
                    responder: responder, webSocketResponder: webSocketResponder, configuration: configuration),
                limits: limits)
        }
    }
}
