import Hummingbird
import NIOCore

/// The context of every request to the studio's routes: Hummingbird's basic one plus the
/// network address the connection comes from, which the per-network sign-in limits count by.
///
/// Guarantees: `remoteAddress` is the connection's peer as the socket reports it (behind a
/// reverse proxy, the proxy's: the studio does not trust `X-Forwarded-For`, which any client can
/// write); `nil` only where there is no socket (tests in the router's own mode).
struct StudioRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
