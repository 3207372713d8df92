import Foundation
import UnknotCore

/// A session plan drawn as SVG: the body's outline seen from above (back, and front when the
/// plan has supine work), the endangerment zones, and every stroke coloured by its pressure
/// level, with a legend. Self-contained: no fonts, scripts or images are fetched.
public enum PlanDrawing {
    static let scale = 3.0  // pixels per centimetre

    public static func svg(_ plan: SessionPlan, body: BodyModel) -> String {
        let faces: [BodyFace] = plan.strokes.contains { $0.face == .anterior } ? [.posterior, .anterior] : [.posterior]
        let halfWidth = 45.0
        let panelWidth = 2 * halfWidth * scale
        let height = (body.measurements.height + 20) * scale
        let width = panelWidth * Double(faces.count) + 170
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height + 30))" \
            viewBox="0 0 \(f(width)) \(f(height + 30))" role="img" aria-label="\(escape(plan.programName)), \
            \(plan.minutes) minutes: strokes on the body coloured by pressure">
            <title>\(escape(plan.programName)), \(plan.minutes) minutes</title>
            <rect width="100%" height="100%" fill="#fbfaf7"/>

            """
        for (i, face) in faces.enumerated() {
            let offsetX = Double(i) * panelWidth + halfWidth * scale
            func point(_ p: SurfacePoint) -> String {
                // Seen from above: prone, the client's right is on the right; supine, on the left.
                let x = face == .posterior ? p.x : -p.x
                return "\(f(offsetX + x * scale)),\(f((p.y + 10) * scale + 20))"
            }
            out += "<g aria-label=\"\(face == .posterior ? "back of the body" : "front of the body")\">\n"
            out +=
                "<text x=\"\(f(offsetX))\" y=\"16\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#333\">"
            out += face == .posterior ? "Back (lying face down)" : "Front (lying face up)"
            out += "</text>\n"
            for polygon in body.outline() {
                out +=
                    "<polygon points=\"\(polygon.vertices.map(point).joined(separator: " "))\" fill=\"#efe6dc\" stroke=\"#8a7f74\" stroke-width=\"1\"/>\n"
            }
            for zone in body.zones where zone.face == face {
                out +=
                    "<polygon points=\"\(zone.shape.vertices.map(point).joined(separator: " "))\" fill=\"none\" stroke=\"#b0413e\" stroke-width=\"0.8\" stroke-dasharray=\"3 2\"><title>\(escape(zone.kind.displayName))</title></polygon>\n"
            }
            for omission in plan.omissions {
                for part in omission.area.parts where part.region.face == face {
                    let outline = body.patch(for: part).outline
                    out +=
                        "<polygon points=\"\(outline.vertices.map(point).joined(separator: " "))\" fill=\"#bbb\" fill-opacity=\"0.5\" stroke=\"none\"><title>\(escape(omission.area.description)): \(escape(omission.reason))</title></polygon>\n"
                }
            }
            for stroke in plan.strokes where stroke.face == face {
                let color = Self.color(stroke.level)
                let width = f(max(1.5, stroke.technique.spec.contactWidth * scale * 0.35))
                if stroke.path.count == 1 {
                    let r = f(stroke.technique.spec.contactWidth / 2 * scale)
                    let c = point(stroke.path[0]).split(separator: ",")
                    out +=
                        "<circle cx=\"\(c[0])\" cy=\"\(c[1])\" r=\"\(r)\" fill=\"\(color)\" fill-opacity=\"0.35\" stroke=\"\(color)\" stroke-width=\"1\"/>\n"
                } else {
                    out +=
                        "<polyline points=\"\(stroke.path.map(point).joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-opacity=\"0.55\" stroke-width=\"\(width)\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n"
                }
            }
            out += "</g>\n"
        }
        // Legend.
        let legendX = panelWidth * Double(faces.count) + 20
        out += "<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\" aria-label=\"legend\">\n"
        out += "<text x=\"\(f(legendX))\" y=\"40\">Pressure level</text>\n"
        for level in 1...10 {
            let y = 50.0 + Double(level) * 18
            out +=
                "<rect x=\"\(f(legendX))\" y=\"\(f(y - 11))\" width=\"24\" height=\"12\" fill=\"\(color(PressureLevel(clamping: level)))\"/>"
            out +=
                "<text x=\"\(f(legendX + 32))\" y=\"\(f(y))\">\(level) \(level == 1 ? "light" : level == 5 ? "medium" : level == 8 ? "hurts so good" : "")</text>\n"
        }
        out +=
            "<line x1=\"\(f(legendX))\" y1=\"260\" x2=\"\(f(legendX + 24))\" y2=\"260\" stroke=\"#b0413e\" stroke-dasharray=\"3 2\"/>"
        out += "<text x=\"\(f(legendX + 32))\" y=\"264\">light touch only</text>\n"
        out += "<rect x=\"\(f(legendX))\" y=\"274\" width=\"24\" height=\"12\" fill=\"#bbb\"/>"
        out += "<text x=\"\(f(legendX + 32))\" y=\"285\">left out</text>\n</g>\n</svg>\n"
        return out
    }

    /// Light levels cool blue, medium green-gold, firm orange-red: the one pressure palette of
    /// every drawing (plans, the console, the report's heat map).
    public static func color(_ level: PressureLevel) -> String {
        let palette = [
            "#6baed6", "#4f9fd0", "#3b8bc2", "#5aae61", "#a6b33a", "#e0b02c", "#f08a24", "#e4572e", "#c0392b",
            "#8e1b10",
        ]
        return palette[level.value - 1]
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Escapes text for SVG and HTML.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
