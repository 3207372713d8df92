import Foundation
import UnknotCore
import UnknotPlanning
import UnknotSession

/// A session's timeline drawn as SVG by the server: the pressure level in contact (a stepped
/// band), heart rate (a line on its own scale), pauses and breaks (shaded), and the moments that
/// mattered (pain, tears, laughter, the client's controls) as labelled markers.
enum SessionTimelineDrawing {
    static let width = 760.0
    static let height = 250.0
    static let left = 44.0
    static let right = 50.0
    static let levelTop = 20.0
    static let levelBottom = 160.0
    static let markerRow = 200.0

    /// A moment on the timeline.
    struct Moment {
        var t: Int
        var kind: String
        var label: String
    }

    static func moments(_ record: SessionRecord) -> [Moment] {
        var out: [Moment] = []
        for timed in record.events {
            switch timed.event {
            case .control(let control):
                switch control {
                case .thatHurts: out.append(Moment(t: timed.t, kind: "pain", label: "You said it hurt"))
                case .takeBreak: out.append(Moment(t: timed.t, kind: "break", label: "You took a break"))
                case .pause: out.append(Moment(t: timed.t, kind: "break", label: "You paused"))
                case .callStaff: out.append(Moment(t: timed.t, kind: "call", label: "You called a person"))
                case .pressureUp, .pressureDown, .skipThisArea, .moreTimeHere, .end:
                    out.append(Moment(t: timed.t, kind: "control", label: "You pressed \(control.displayName)"))
                default: break
                }
            case .reaction(let reaction, true, _):
                switch reaction.kind {
                case .pain: out.append(Moment(t: timed.t, kind: "pain", label: "Your body showed pain"))
                case .crying: out.append(Moment(t: timed.t, kind: "tears", label: "Tears"))
                case .laughter: out.append(Moment(t: timed.t, kind: "laughter", label: "Laughter"))
                case .sleep: out.append(Moment(t: timed.t, kind: "calm", label: "You fell asleep"))
                default: break
                }
            case .fault(let fault):
                out.append(Moment(t: timed.t, kind: "fault", label: "Stopped: \(fault.clientWords)"))
            default: break
            }
        }
        return out
    }

    static func svg(_ record: SessionRecord) -> String {
        let telemetry = record.telemetry
        let end = max(60_000, record.events.last?.t ?? 60_000)
        let plotWidth = width - left - right
        func x(_ t: Int) -> Double { left + plotWidth * Double(t) / Double(end) }
        func yLevel(_ level: Double) -> Double { levelBottom - (levelBottom - levelTop) * level / 10 }
        let beats = telemetry.map(\.sample.heartRate).filter { $0 > 0 }
        let hrLow = ((beats.min() ?? 60) / 5).rounded(.down) * 5 - 5
        let hrHigh = max(hrLow + 20, ((beats.max() ?? 80) / 5).rounded(.up) * 5 + 5)
        func yHeart(_ bpm: Double) -> Double {
            levelBottom - (levelBottom - levelTop) * (bpm - hrLow) / (hrHigh - hrLow)
        }

        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 \(f(width)) \(f(height))" role="img" \
            aria-label="Timeline of the session: pressure, heart rate and what happened">
            <title>Pressure, heart rate and what happened, minute by minute</title>
            <rect x="\(f(left))" y="\(f(levelTop))" width="\(f(plotWidth))" height="\(f(levelBottom - levelTop))" class="plot"/>

            """
        // Pauses, breaks and stops, shaded.
        var stoppedSince: Int?
        for timed in record.events {
            guard case .stateChanged(let state) = timed.event else { continue }
            let stopped = state == .pausedByClient || state == .onBreak || state == .faulted
            if stopped, stoppedSince == nil { stoppedSince = timed.t }
            if !stopped, let since = stoppedSince {
                out += shade(from: x(since), to: x(timed.t))
                stoppedSince = nil
            }
        }
        if let since = stoppedSince { out += shade(from: x(since), to: x(end)) }
        // Level grid.
        for level in [0, 5, 10] {
            out +=
                "<line x1=\"\(f(left))\" y1=\"\(f(yLevel(Double(level))))\" x2=\"\(f(width - right))\" y2=\"\(f(yLevel(Double(level))))\" class=\"grid\"/>"
            out +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(yLevel(Double(level)) + 4))\" class=\"axis\" text-anchor=\"end\">\(level)</text>\n"
        }
        out += "<text x=\"8\" y=\"\(f(levelTop - 6))\" class=\"axis\">pressure</text>\n"
        out +=
            "<text x=\"\(f(width - 4))\" y=\"\(f(levelTop - 6))\" class=\"axis heart-label\" text-anchor=\"end\">heart (bpm)</text>\n"
        for bpm in [hrLow, hrHigh] {
            out +=
                "<text x=\"\(f(width - right + 6))\" y=\"\(f(yHeart(bpm) + 4))\" class=\"axis heart-label\">\(Int(bpm))</text>\n"
        }
        // Pressure in contact: a stepped band, one step per second at most.
        var levelPoints: [String] = ["\(f(x(0))),\(f(yLevel(0)))"]
        var lastSecond = -1
        var lastLevel = 0.0
        for (t, sample) in telemetry where t / 1_000 != lastSecond {
            lastSecond = t / 1_000
            let level = sample.contact ? Double(sample.level) : 0
            if level != lastLevel {
                levelPoints.append("\(f(x(t))),\(f(yLevel(lastLevel)))")
                levelPoints.append("\(f(x(t))),\(f(yLevel(level)))")
                lastLevel = level
            }
        }
        levelPoints.append("\(f(x(end))),\(f(yLevel(lastLevel)))")
        levelPoints.append("\(f(x(end))),\(f(yLevel(0)))")
        out +=
            "<polygon class=\"level\" points=\"\(levelPoints.joined(separator: " "))\"><title>pressure level in contact</title></polygon>\n"
        // Heart rate, every five seconds.
        var heartPoints: [String] = []
        var lastFive = -1
        for (t, sample) in telemetry where sample.heartRate > 0 && t / 5_000 != lastFive {
            lastFive = t / 5_000
            heartPoints.append("\(f(x(t))),\(f(yHeart(sample.heartRate)))")
        }
        if heartPoints.count > 1 {
            out +=
                "<polyline class=\"heart\" points=\"\(heartPoints.joined(separator: " "))\"><title>heart rate</title></polyline>\n"
        }
        // Minutes along the bottom.
        let minutes = end / 60_000
        let every = max(1, minutes / 8)
        for minute in stride(from: 0, through: minutes, by: every) {
            let px = x(minute * 60_000)
            out +=
                "<text x=\"\(f(px))\" y=\"\(f(levelBottom + 16))\" class=\"axis\" text-anchor=\"middle\">\(minute)′</text>\n"
        }
        // What happened.
        out += "<text x=\"8\" y=\"\(f(markerRow + 4))\" class=\"axis\">events</text>\n"
        for moment in moments(record) {
            let px = x(moment.t)
            out +=
                "<g class=\"moment moment-\(moment.kind)\"><line x1=\"\(f(px))\" y1=\"\(f(levelTop))\" x2=\"\(f(px))\" y2=\"\(f(markerRow - 8))\"/>"
            out +=
                "<circle cx=\"\(f(px))\" cy=\"\(f(markerRow))\" r=\"6\"/><title>\(SessionRecord.clock(moment.t)) \(PlanDrawing.escape(moment.label))</title></g>\n"
        }
        out += "</svg>\n"
        return out
    }

    private static func shade(from a: Double, to b: Double) -> String {
        "<rect class=\"paused\" x=\"\(f(a))\" y=\"\(f(levelTop))\" width=\"\(f(max(1, b - a)))\" height=\"\(f(levelBottom - levelTop))\"><title>paused or on a break</title></rect>\n"
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
