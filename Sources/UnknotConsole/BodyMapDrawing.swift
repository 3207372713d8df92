import Foundation
import UnknotCore
import UnknotPlanning

/// The body outline as the pages draw it, back and front side by side, with one shape per side
/// of every region (the care plan's body map, the console's live view, the report's heat map).
///
/// Coordinates are the body model's surface chart in centimetres, so a console can place the
/// arm's contact point with the telemetry's `x`/`y` as they come. Seen from above: on the back
/// the client's right is on the right; on the front, on the left. Self-contained SVG: no fonts,
/// scripts or images are fetched.
public struct BodyMapDrawing: Sendable {
    /// How one part is drawn.
    public struct PartStyle: Sendable {
        public var fill: String
        public var label: String
        /// A link target (the care plan's fieldset for the region), or `nil` for a plain shape.
        public var link: String?

        public init(fill: String, label: String, link: String?) {
            self.fill = fill
            self.label = label
            self.link = link
        }
    }

    public static let panelWidth = 90.0

    public let body: BodyModel

    public init(body: BodyModel = BodyModel(BodyMeasurements(height: 172))) { self.body = body }

    /// The SVG. `style` gives each part its fill, label and link; `spots` are circles drawn on
    /// top (tender and ticklish spots); `withContact` adds the console's contact marker.
    public func svg(
        title: String, id: String, style: (BodyPartID) -> PartStyle, spots: [(BodySpot, String)] = [],
        withContact: Bool = false
    ) -> String {
        let outlines = body.outline()
        let minY = outlines.map(\.minY).min() ?? 0
        let maxY = outlines.map(\.maxY).max() ?? 180
        let top = minY - 12
        let height = maxY - top + 4
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" id="\(id)" class="body-map" viewBox="0 \(f(top)) \(f(2 * Self.panelWidth)) \(f(height))" \
            role="group" aria-label="\(PlanDrawing.escape(title))">
            <title>\(PlanDrawing.escape(title))</title>

            """
        var linked: Set<String> = []
        for face in [BodyFace.posterior, .anterior] {
            let centre = face == .posterior ? Self.panelWidth / 2 : Self.panelWidth * 1.5
            let mirror = face == .posterior ? "1" : "-1"
            let name = face == .posterior ? "Back" : "Front"
            out +=
                "<text x=\"\(f(centre))\" y=\"\(f(top + 7))\" class=\"face-label\" text-anchor=\"middle\">\(name)</text>\n"
            out +=
                "<g class=\"face face-\(face.rawValue)\" transform=\"translate(\(f(centre)) 0) scale(\(mirror) 1)\">\n"
            for polygon in outlines {
                out += "<polygon class=\"outline\" points=\"\(points(polygon.vertices))\"/>\n"
            }
            for part in BodyPartID.all where part.region.face == face {
                let s = style(part)
                let shape =
                    "<polygon id=\"\(id)-\(Self.domID(part))\" class=\"part\" data-part=\"\(part.area.code)\" data-region=\"\(part.region.rawValue)\" "
                    + "points=\"\(points(body.patch(for: part).outline.vertices))\" fill=\"\(s.fill)\"><title>\(PlanDrawing.escape(s.label))</title></polygon>"
                if let link = s.link {
                    // One tab stop per place it leads to: the left and right of a region share a
                    // link, and only the first is in the tab order (issue #18, defect 10).
                    let again = !linked.insert(link).inserted
                    out +=
                        "<a href=\"\(link)\" aria-label=\"\(PlanDrawing.escape(s.label))\"\(again ? " tabindex=\"-1\"" : "")>"
                        + "\(shape)</a>\n"
                } else {
                    out += shape + "\n"
                }
            }
            for (spot, kind) in spots where spot.area.region.face == face {
                guard let circle = body.spotCircle(spot) else { continue }
                out +=
                    "<circle class=\"spot spot-\(kind)\" cx=\"\(f(circle.center.x))\" cy=\"\(f(circle.center.y))\" r=\"\(f(max(2, circle.radius)))\"><title>\(PlanDrawing.escape(kind)) spot, \(PlanDrawing.escape(spot.area.description))</title></circle>\n"
            }
            if withContact {
                out +=
                    "<circle id=\"\(id)-contact-\(face.rawValue)\" class=\"contact\" cx=\"0\" cy=\"0\" r=\"3\" visibility=\"hidden\"><title>where the arm is</title></circle>\n"
            }
            out += "</g>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// The element id suffix for a part: `left-shoulders`, `abdomen`.
    public static func domID(_ part: BodyPartID) -> String { part.area.code.replacingOccurrences(of: " ", with: "-") }

    private func points(_ vertices: [SurfacePoint]) -> String {
        vertices.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ")
    }

    func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The pressure palette of every drawing.
    public static func color(level: Int) -> String { PlanDrawing.color(PressureLevel(clamping: level)) }
}
