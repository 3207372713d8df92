import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import OpenAPIHummingbird
import ServiceLifecycle
import UnknotCore
import UnknotStudio
import UnknotStudioLink

/// The one way the command line, the server and the tests build the studio application: open
/// the database (running migrations), set the demo studio up when asked and the database is
/// empty, and route every request through the middleware to the generated API.
public func buildApplication(_ arguments: some AppArguments) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "unknot")
    logger.logLevel = arguments.logLevel
    let catalog = try ProgramCatalog.bundled()
    let database = try await StudioDatabase.open(arguments.storage, logger: logger)
    let studio = Studio(database: database, settings: arguments.settings, catalog: catalog, clock: arguments.clock)
    do {
        let demo = arguments.demo
        let credentials = try await database.whileStarting { () -> DemoCredentials? in
            try await studio.prepareCatalog()
            return demo ? try await studio.setUpDemoIfEmpty() : nil
        }
        if let credentials { DemoAnnouncement.print(credentials, storage: arguments.storage) }
    } catch {
        await database.shutdown()
        throw error
    }
    let pages: PageRenderer
    do {
        pages = try await PageRenderer.load()
    } catch {
        await database.shutdown()
        throw error
    }
    let links = StationLinks(logger: logger)
    RecordInbox.sweepAbandoned()
    let inbox = RecordInbox(directory: RecordInbox.ownDirectory())
    let floor = LiveFloor(
        studio: studio, catalog: catalog, links: links, inbox: inbox, database: database, logger: logger)
    let router = buildRouter(
        studio: studio, links: links,
        web: WebPages(
            studio: studio, floor: floor, pages: pages,
            mailFolder: (arguments.mailTransport as? MailFolder)?.folder.path),
        metricsAccess: MetricsAccess(scraperToken: arguments.metricsToken),
        uploads: RecordUploads(directory: inbox.directory, limit: BodyLimitMiddleware<StudioRequestContext>.recordLimit)
    )
    var services: [any Service] = [
        DatabaseService(database: database), RecordInboxService(inbox: inbox),
        InstanceExchange(database: database, floor: floor),
        BookingReconciliation(
            floor: floor, firstAfter: min(.seconds(15), arguments.reconcileEvery), every: arguments.reconcileEvery),
    ]
    if let every = arguments.remindersEvery { services.append(BookingReminders(studio: studio, every: every)) }
    if let transport = arguments.mailTransport {
        services.append(MailDelivery(studio: studio, transport: transport, logger: logger))
    }
    let channels = Router(context: BasicWebSocketRequestContext.self)
    LiveChannels(studio: studio, floor: floor).addRoutes(to: channels)
    StationLinkChannel(studio: studio, links: links, floor: floor, logger: logger).addRoutes(to: channels)
    return Application(
        router: router,
        // A ping every two seconds: a console whose network died silently is closed within four,
        // and its station pauses.
        server: .studio(
            webSocketRouter: channels,
            // Frames up to a station's record chunk (consoles' messages are read up to 4 KiB).
            configuration: .init(
                ws: .init(
                    maxFrameSize: StudioLinkProtocol.maximumFrameBytes,
                    autoPing: .enabled(timePeriod: arguments.consolePing))),
            limits: arguments.connectionLimits),
        configuration: .init(address: .hostname(arguments.hostname, port: arguments.port), serverName: "Unknot"),
        services: services,
        logger: logger)
}

/// The routes and middleware: metrics, request logs, security headers, problem+json
/// errors, sign-in, error pages for people's browsers, body limits;
/// the JSON API and the web pages.
func buildRouter(
    studio: Studio, links: StationLinks, web: WebPages, metricsAccess: MetricsAccess, uploads: RecordUploads
) -> Router<StudioRequestContext> {
    // HEAD answers as GET without the body, for every GET route (issue #18, defect 8: HEAD / was 404).
    let router = Router(context: StudioRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: SecurityHeadersMiddleware(strictTransport: studio.settings.secureCookies))
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: OriginCheckMiddleware())
    router.add(middleware: AuthenticationMiddleware(studio: studio))
    router.add(middleware: PageErrorMiddleware(web: web))
    // The pages' CSS and scripts, as files: Hummingbird's own file middleware (ETag,
    // If-None-Match, ranges), five minutes in a browser's cache.
    for folder in PageRenderer.staticFolders {
        router.add(
            middleware: FileMiddleware(
                folder, urlBasePath: "/static",
                cacheControl: .init([(MediaType(type: .any), [.public, .maxAge(300)])]),
                logger: Logger(label: "unknot.files")))
    }
    router.add(middleware: BodyLimitMiddleware())
    router.add(middleware: JSONDiagnosisMiddleware())
    let api = StudioAPI(
        studio: studio, metrics: StudioMetrics.shared, metricsAccess: metricsAccess, stationLinks: links,
        recordUploads: uploads)
    do {
        try api.registerHandlers(on: StudioTransport(router: router, byHand: ["GET /api/me/export"]))
    } catch {
        // Registration fails only for a route the generated code wrote twice: a build defect.
        preconditionFailure("the generated routes could not be registered: \(error)")
    }
    api.addExportRoute(to: router)
    web.addRoutes(to: router)
    return router
}

/// Builds the application and runs it until SIGINT or SIGTERM, then shuts down gracefully
/// (requests in flight finish, the database closes). `ready` runs once it is built.
public func runServer(_ arguments: some AppArguments, ready: @Sendable () -> Void = {}) async throws {
    let app = try await buildApplication(arguments)
    ready()
    try await app.runService()
}
