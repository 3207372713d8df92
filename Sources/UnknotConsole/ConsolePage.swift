import Foundation
import UnknotPlanning

/// The console under the face cradle as one self-contained page (its script and style beside it):
/// the station serves it to its own tablet, the studio to a client's browser, and both talk the
/// same WebSocket protocol (`ConsoleStatus`, `ConsoleSaid`, `ConsolePressure` out; a control in).
///
/// Guarantees: every text put on the page is HTML-escaped; the page fetches nothing but its own
/// script and style (`assets`) and opens no socket but `socket`, so it runs under a strict
/// content security policy.
public struct ConsolePage: Sendable {
    /// What the page's header says of the session.
    public struct Heading: Sendable {
        public var program: String
        public var minutes: Int
        public var station: String
        /// Notes after the station's name: "demo", "a simulated station".
        public var notes: [String]

        public init(program: String, minutes: Int, station: String, notes: [String] = []) {
            self.program = program
            self.minutes = minutes
            self.station = station
            self.notes = notes
        }
    }

    private let template: String

    /// The page's template from the module's bundle; `nil` if the bundle lacks it (a build defect).
    public init?() {
        guard let url = Bundle.module.url(forResource: "console", withExtension: "html"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        template = text
    }

    /// The page for `session` (its id, or `nil` while the station waits for one), opening its
    /// WebSocket at `socket` (a path on the same host) and loading its script and style from
    /// `assets` (a path prefix).
    public func html(_ heading: Heading?, session: UUID?, socket: String, assets: String) -> String {
        let map = BodyMapDrawing().svg(
            title: "Where the arm is, and the pressure so far", id: "live-map",
            style: { part in .init(fill: "#efe6dc", label: part.area.description, link: nil) }, withContact: true)
        let title = heading.map { "\($0.program) · \($0.minutes) min" } ?? "Waiting for the next session"
        let hint = heading.map { ([$0.station] + $0.notes).joined(separator: " · ") } ?? ""
        let values: [(String, String)] = [
            ("title", PlanDrawing.escape(heading == nil ? "Waiting" : "Your session")),
            ("heading", PlanDrawing.escape(title)), ("hint", PlanDrawing.escape(hint)),
            ("session", session.map { $0.uuidString.lowercased() } ?? ""),
            ("socket", PlanDrawing.escape(socket)), ("assets", PlanDrawing.escape(assets)),
            ("colors", (1...10).map { BodyMapDrawing.color(level: $0) }.joined(separator: " ")),
            ("state", heading == nil ? "waiting for a session" : "starting"),
        ]
        var page = template
        for (name, value) in values { page = page.replacingOccurrences(of: "{{\(name)}}", with: value) }
        return page.replacingOccurrences(of: "{{map}}", with: map)
    }

    /// The folder the page's script and style are in (for a server that serves them as files).
    public static var assetFolder: URL? {
        Bundle.module.url(forResource: "console", withExtension: "js")?.deletingLastPathComponent()
    }

    /// The page's script and style, by file name (`console.js`, `console.css`), with their types.
    public static func assets() -> [String: (type: String, body: Data)] {
        var files: [String: (String, Data)] = [:]
        for (name, ext, type) in [
            ("console", "js", "text/javascript; charset=utf-8"), ("console", "css", "text/css; charset=utf-8"),
        ] {
            if let url = Bundle.module.url(forResource: name, withExtension: ext),
                let data = try? Data(contentsOf: url)
            {
                files["\(name).\(ext)"] = (type, data)
            }
        }
        return files
    }
}
