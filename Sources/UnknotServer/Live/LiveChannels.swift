import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import UnknotConsole
import UnknotCore
import UnknotStudio

/// The live WebSocket channels: a console's (its session's updates out; the client's controls
/// and a ping every second in) and the staff dashboard's (every station's state out).
///
/// Signed in with the same cookie as the pages; a console belongs to its session's client only,
/// the dashboard to staff. A console's silence is how the station learns it is lost.
struct LiveChannels: Sendable {
    let studio: Studio
    let floor: LiveFloor

    func addRoutes(to router: Router<BasicWebSocketRequestContext>) {
        router.ws("/console/:id/live") { request, context in
            guard let caller = await caller(of: request), let text = context.parameters.get("id"),
                let id = UUID(uuidString: text), let live = await floor.session(id),
                live.info.accountID == caller.accountID
            else { return .dontUpgrade }
            return .upgrade()
        } onUpgrade: { inbound, outbound, context in
            guard let text = context.requestContext.parameters.get("id"), let id = UUID(uuidString: text),
                let live = await floor.session(id)
            else { return }
            let (subscriber, updates) = await live.subscribe(.console)
            defer { Task { await live.unsubscribe(subscriber) } }
            let token = AuthenticationMiddleware<StudioRequestContext>.token(of: context.request)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await update in updates { try await outbound.write(.text(update)) }
                }
                group.addTask { await whileSignedIn(token) }
                group.addTask {
                    for try await message in inbound.messages(maxSize: 4_096) {
                        guard case .text(let text) = message else { continue }
                        await handle(text, from: subscriber, on: live)
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
        router.ws("/staff/live") { request, _ in
            guard let caller = await caller(of: request), caller.role.isStaff else { return .dontUpgrade }
            return .upgrade()
        } onUpgrade: { inbound, outbound, context in
            let (subscriber, updates) = await floor.subscribeFloor()
            defer { Task { await floor.unsubscribeFloor(subscriber) } }
            if let first = try? await floor.floor() { try await outbound.write(.text(LiveUpdate.json(first))) }
            let token = AuthenticationMiddleware<StudioRequestContext>.token(of: context.request)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await update in updates { try await outbound.write(.text(update)) }
                }
                group.addTask { await whileSignedIn(token) }
                group.addTask {
                    for try await _ in inbound.messages(maxSize: 1_024) {}
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    /// Returns once the sign-in of `token` has ended (signed out everywhere, the password changed,
    /// the account deleted), looking every two seconds: the channel it watches then closes.
    func whileSignedIn(_ token: String?) async {
        guard let token else { return }
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.signInCheckEvery)
            guard !Task.isCancelled else { return }
            if case .some(.none) = try? await studio.caller(token: token) { return }
        }
    }

    static let signInCheckEvery = Duration.seconds(2)

    /// A control from the console (anything else is ignored).
    func handle(_ text: String, from console: UUID, on live: LiveSession) async {
        guard let control = try? JSONDecoder().decode(ClientControl.self, from: Data(text.utf8)) else { return }
        await live.take(control, from: console)
    }

    /// The signed-in caller of an upgrade request from one of the studio's own pages (a page of
    /// another site may not open a console or the floor in the client's name).
    func caller(of request: Request) async -> Caller? {
        // This site exactly: scheme's host and port (a page on another port of the same host
        // is another site).
        if request.headers[values: .origin].contains(where: {
            PageOrigin.anotherSite($0, authority: request.head.authority)
        }) {
            return nil
        }
        guard let token = AuthenticationMiddleware<StudioRequestContext>.token(of: request) else { return nil }
        return try? await studio.caller(token: token)
    }
}
