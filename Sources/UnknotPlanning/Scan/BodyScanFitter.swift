import UnknotCore

/// Fits the body model to a depth scan of a person lying prone.
///
/// It finds the table (the most common depth), the body's outline (anything more than a
/// centimetre above the table), the width profile of the head-neck-torso section along the
/// body, and from it the landmarks: neck (narrowest), shoulders (widest above the waist),
/// waist (narrowest of the trunk), hips (widest below it), the crotch (where the legs part),
/// knees and ankles (narrowest points of the legs). Guarantees: a scan made by
/// ``SyntheticScan`` of a supported body is fitted to within 2 cm of its measurements;
/// anything that is not a body gives a ``ScanError`` saying why.
public struct BodyScanFitter: Sendable {
    /// Height above the table that counts as body, mm.
    public var bodyThreshold = 10.0

    public init() {}

    public func fit(_ image: DepthImage) throws(ScanError) -> BodyScanFit {
        // A raw frame is first resampled to a top view with 5 mm cells.
        let scan = try image.topView()
        let mm = scan.millimetresPerPixel
        guard mm >= 1, mm <= 20 else { throw .badResolution(mm) }
        guard Double(scan.height) * mm >= 1500, Double(scan.width) * mm >= 450 else {
            throw .tooSmall(width: scan.width, height: scan.height, millimetresPerPixel: mm)
        }
        let table = try tableDistance(scan)
        var heights = heightMap(scan, table: table)
        let w = scan.width
        let h = scan.height
        let mid = try midline(heights, width: w, height: h)
        // The body is the longest unbroken run of rows that each hold at least 1.5 cm of body side
        // by side: a depth sensor's stray readings (speckles) never make such a run.
        guard let span = bodyRows(heights, width: w, height: h, minimumRun: max(2, Int((15 / mm).rounded()))) else {
            throw .noBody("nothing on the table rises more than a centimetre above it")
        }
        // Head toward row 0? Ten centimetres in, the head covers the midline; the feet do not.
        var reversed = false
        let probe = min(span.upperBound, span.lowerBound + Int((100 / mm).rounded()))
        if !isBody(heights, probe, mid, w) {
            reversed = true
            heights = Array(heights.reversed())
        }
        let cmPerPixel = mm / 10
        let top = reversed ? h - 1 - span.upperBound : span.lowerBound
        let bottom = reversed ? h - 1 - span.lowerBound : span.upperBound
        let length = Double(bottom - top + 1) * cmPerPixel
        guard (140...210).contains(length) else {
            throw .notABody(
                String(
                    format: "the shape is %.0f cm long, and a body lying on the table is 140 to 210 cm "
                        + "(check the resolution: %.1f mm per pixel)", length, mm))
        }
        func row(_ fraction: Double) -> Int { top + Int((fraction * length / cmPerPixel).rounded()) }
        // Width of the run through the midline (the head, neck and torso), per row, in cm.
        func centralWidth(_ r: Int) -> Double {
            guard r >= 0, r < h, heights[r * w + mid] > bodyThreshold else { return 0 }
            var lo = mid
            var hi = mid
            while lo > 0 && heights[r * w + lo - 1] > bodyThreshold { lo -= 1 }
            while hi < w - 1 && heights[r * w + hi + 1] > bodyThreshold { hi += 1 }
            return Double(hi - lo + 1) * cmPerPixel
        }
        func smoothed(_ r: Int) -> Double { (centralWidth(r - 1) + centralWidth(r) + centralWidth(r + 1)) / 3 }
        func extreme(_ range: ClosedRange<Double>, max wantMax: Bool) -> (row: Int, width: Double) {
            var best = (row: row(range.lowerBound), width: wantMax ? -1.0 : .infinity)
            for r in row(range.lowerBound)...row(range.upperBound) {
                let v = smoothed(r)
                if wantMax ? v > best.width : v < best.width { best = (r, v) }
            }
            return best
        }
        // The crotch: the first row below the hips where the midline is clear.
        guard let crotchRow = (row(0.44)...row(0.6)).first(where: { heights[$0 * w + mid] <= bodyThreshold }) else {
            throw .notABody("no legs found: the midline never clears between 44% and 60% of the length")
        }
        let neck = extreme(0.09...0.17, max: false)
        let shoulders = extreme(0.15...0.28, max: true)
        let waist = extreme(0.30...0.44, max: false)
        let hipsUpper = Double(crotchRow - top) / Double(bottom - top + 1) - 0.01
        guard hipsUpper > 0.43 else { throw .notABody("the legs start too high for a body") }
        let hips = extreme(0.42...hipsUpper, max: true)
        guard neck.width < 0.6 * shoulders.width else {
            throw .notABody("no neck found: the outline does not narrow between the head and the shoulders")
        }
        guard waist.width < shoulders.width, waist.width < hips.width else {
            throw .notABody("no waist found: the outline does not narrow between the shoulders and the hips")
        }
        // The back's height above the table, from 3×3-averaged heights over the upper back.
        var depth = 0.0
        for r in row(0.2)...row(0.3) {
            for c in max(1, mid - Int(10 / cmPerPixel))...min(w - 2, mid + Int(10 / cmPerPixel)) {
                var sum = 0.0
                for dr in -1...1 { for dc in -1...1 { sum += heights[(r + dr) * w + c + dc] } }
                depth = max(depth, sum / 9)
            }
        }
        // Knees and ankles: narrowest points of the right leg.
        func legWidth(_ r: Int) -> Double {
            guard r < h else { return .infinity }
            var c = mid
            while c < w && heights[r * w + c] <= bodyThreshold { c += 1 }
            var e = c
            while e < w && heights[r * w + e] > bodyThreshold { e += 1 }
            return e > c ? Double(e - c) * cmPerPixel : .infinity
        }
        func legMin(_ range: ClosedRange<Double>) -> Int {
            (row(range.lowerBound)...row(range.upperBound)).min { legWidth($0) < legWidth($1) }!
        }
        let knees = legMin(0.66...0.76)
        let ankles = legMin(0.9...0.975)
        let measurements = BodyMeasurements(
            height: length, shoulderWidth: shoulders.width, waistWidth: waist.width, hipWidth: hips.width,
            torsoDepth: depth / 10, neckWidth: neck.width)
        let problems = measurements.problems()
        guard problems.isEmpty else { throw .notABody(problems.joined(separator: "; ")) }
        func at(_ r: Int) -> Double { (Double(r - top) + 0.5) * cmPerPixel }
        return BodyScanFit(
            measurements: measurements,
            landmarks: [
                "neck": at(neck.row), "shoulders": at(shoulders.row), "waist": at(waist.row), "hips": at(hips.row),
                "crotch": at(crotchRow), "knees": at(knees), "ankles": at(ankles),
            ],
            tableDistance: table, wasReversed: reversed)
    }

    /// The longest unbroken run of rows each holding `minimumRun` body pixels side by side.
    func bodyRows(_ heights: [Double], width w: Int, height h: Int, minimumRun: Int) -> ClosedRange<Int>? {
        var best: ClosedRange<Int>?
        var start: Int?
        for r in 0...h {
            var longest = 0
            var current = 0
            if r < h {
                for c in 0..<w {
                    current = heights[r * w + c] > bodyThreshold ? current + 1 : 0
                    longest = max(longest, current)
                }
            }
            if longest >= minimumRun {
                if start == nil { start = r }
            } else if let first = start {
                if best == nil || r - 1 - first > best!.count - 1 { best = first...(r - 1) }
                start = nil
            }
        }
        return best
    }

    func isBody(_ heights: [Double], _ r: Int, _ mid: Int, _ w: Int) -> Bool {
        heights[r * w + mid] > bodyThreshold
    }

    /// The table top: the most common reading.
    func tableDistance(_ scan: DepthImage) throws(ScanError) -> Double {
        guard let depth = scan.mostCommonDepth() else { throw .noReadings }
        return depth
    }

    /// Height above the table per pixel (mm); missing readings take the median of their
    /// neighbours' readings.
    func heightMap(_ scan: DepthImage, table: Double) -> [Double] {
        let w = scan.width
        let h = scan.height
        var out = [Double](repeating: 0, count: w * h)
        for r in 0..<h {
            for c in 0..<w {
                var value = Double(scan[r, c])
                if value == 0 {
                    var around: [Double] = []
                    for dr in -1...1 {
                        for dc in -1...1 where (dr, dc) != (0, 0) {
                            let rr = r + dr
                            let cc = c + dc
                            if rr >= 0, rr < h, cc >= 0, cc < w, scan[rr, cc] > 0 {
                                around.append(Double(scan[rr, cc]))
                            }
                        }
                    }
                    around.sort()
                    value = around.isEmpty ? table : around[around.count / 2]
                }
                out[r * w + c] = max(0, table - value)
            }
        }
        return out
    }

    /// The column of the body's midline: the centre of the body pixels.
    func midline(_ heights: [Double], width w: Int, height h: Int) throws(ScanError) -> Int {
        var sum = 0.0
        var count = 0.0
        for r in 0..<h {
            for c in 0..<w where heights[r * w + c] > bodyThreshold {
                sum += Double(c)
                count += 1
            }
        }
        guard count > 0 else { throw .noBody("nothing on the table rises more than a centimetre above it") }
        return Int((sum / count).rounded())
    }
}
