import Hummingbird
import UnknotStudio

/// Who may open a group of pages: anyone signed in, clients, staff, or admins (issue #18: the
/// pages' groups say it once, instead of every handler). Someone not signed in is sent to the
/// sign-in page, which brings them back; a member of staff on a client's page goes to the floor;
/// anyone else is refused (403) with where their own pages are.
///
/// Guarantees: a handler in a group runs only with a signed-in caller of the group's role (its
/// own `signedInClient` and the like then only name the caller).
struct SignedInMiddleware: RouterMiddleware {
    typealias Context = StudioRequestContext

    enum Who: Sendable {
        case anyone
        case client
        case staff
        case admin
    }

    let who: Who

    init(_ who: Who) { self.who = who }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let caller = RequestCaller.current else {
            throw PageRedirect("/sign-in?next=\(WebPages.escapeQuery(WebPages.pathAndQuery(request)))")
        }
        switch who {
        case .anyone:
            break
        case .client where caller.role.isStaff:
            throw PageRedirect("/staff")
        case .staff where !caller.role.isStaff:
            throw StudioError(.forbidden, "the staff pages are for studio staff; your pages are at /")
        case .admin where caller.role != .admin:
            throw StudioError(.forbidden, "the admin pages are for the studio's admins")
        default:
            break
        }
        return try await next(request, context)
    }
}

/// The page routes by who may open them: each group carries its `SignedInMiddleware`.
struct PageGroups {
    let anyone: RouterGroup<StudioRequestContext>
    let signedIn: RouterGroup<StudioRequestContext>
    let clients: RouterGroup<StudioRequestContext>
    let staff: RouterGroup<StudioRequestContext>
    let admins: RouterGroup<StudioRequestContext>

    init(_ router: Router<StudioRequestContext>) {
        anyone = router.group()
        signedIn = router.group().add(middleware: SignedInMiddleware(.anyone))
        clients = router.group().add(middleware: SignedInMiddleware(.client))
        staff = router.group().add(middleware: SignedInMiddleware(.staff))
        admins = router.group().add(middleware: SignedInMiddleware(.admin))
    }
}
