extension BodyModel {
    /// Where each region lies: its rows along the body (fractions of the height) and its lateral
    /// extent on the right side as a function of the row (mirrored for the left).
    func makePatch(_ part: BodyPartID) -> RegionPatch {
        let h = measurements.height
        let spine = SafetyLimits.spineHalfWidth
        let torso = { (y: Double) in self.torsoHalfWidth(y) }
        let legC = { (y: Double) in self.legCenter(y) }
        let legW = { (y: Double) in self.legHalfWidth(y) }
        let armW = { (y: Double) in self.armHalfWidth(y) }
        let a = armCenter
        let span: ClosedRange<Double>
        let extent: (Double) -> (Double, Double)
        switch part.region {
        case .jaw:
            span = 0.085 * h...0.12 * h
            extent = { y in (0.55 * torso(y), 0.97 * torso(y)) }
        case .neck:
            span = 0.118 * h...0.165 * h
            extent = { y in (spine, 0.97 * torso(y)) }
        case .shoulders:
            span = 0.165 * h...0.205 * h
            extent = { y in (spine, 0.97 * torso(y)) }
        case .upperBack:
            span = 0.205 * h...0.30 * h
            extent = { y in (spine, 0.96 * torso(y)) }
        case .midBack:
            span = 0.30 * h...0.36 * h
            extent = { y in (spine, 0.96 * torso(y)) }
        case .lowerBack:
            span = 0.36 * h...0.43 * h
            extent = { y in (spine, 0.96 * torso(y)) }
        case .glutes:
            span = 0.43 * h...0.515 * h
            extent = { y in (spine, 0.7 * torso(y)) }
        case .hips:
            span = 0.42 * h...0.515 * h
            extent = { y in (0.7 * torso(y), 0.97 * torso(y)) }
        case .hamstrings:
            span = 0.54 * h...0.705 * h
            extent = { y in (legC(y) - 0.35 * legW(y), legC(y) + 0.94 * legW(y)) }
        case .innerThigh:
            span = 0.54 * h...0.68 * h
            extent = { y in (legC(y) - 0.94 * legW(y), legC(y) - 0.35 * legW(y)) }
        case .calves:
            span = 0.725 * h...0.93 * h
            extent = { y in (legC(y) - 0.94 * legW(y), legC(y) + 0.94 * legW(y)) }
        case .feet:
            span = 0.96 * h...0.995 * h
            extent = { y in (legC(y) - 0.9 * legW(y), legC(y) + 0.9 * legW(y)) }
        case .upperArms:
            span = 0.21 * h...0.36 * h
            extent = { y in (a - 0.9 * armW(y), a + 0.9 * armW(y)) }
        case .forearms:
            span = 0.38 * h...0.475 * h
            extent = { y in (a - 0.9 * armW(y), a + 0.9 * armW(y)) }
        case .hands:
            span = 0.49 * h...0.6 * h
            extent = { y in (a - 0.9 * armW(y), a + 0.9 * armW(y)) }
        case .chest:
            span = 0.19 * h...0.29 * h
            extent = { y in (2.5, 0.85 * torso(y)) }
        case .abdomen:
            span = 0.32 * h...0.46 * h
            extent = { y in (-0.8 * torso(y), 0.8 * torso(y)) }
        case .neckFront:
            span = 0.128 * h...0.16 * h
            extent = { y in (-0.8 * torso(y), 0.8 * torso(y)) }
        }
        var rows: [PatchRow] = []
        let count = Int(((span.upperBound - span.lowerBound) / RegionPatch.rowSpacing).rounded(.down))
        for i in 0...count {
            let y = span.lowerBound + Double(i) * RegionPatch.rowSpacing
            let (lo, hi) = extent(y)
            let row =
                part.side == .left
                ? PatchRow(y: y, xMin: -hi, xMax: -lo)
                : PatchRow(y: y, xMin: lo, xMax: hi)
            rows.append(row)
        }
        return RegionPatch(part: part, face: part.region.face, rows: rows)
    }

    /// The endangerment zones of this body, placed from its landmarks and outline.
    func makeZones() -> [EndangermentZone] {
        let h = measurements.height
        let l = landmarks
        let neck = measurements.neckWidth / 2
        let shoulder = measurements.shoulderWidth / 2
        var zones: [EndangermentZone] = [
            EndangermentZone(
                kind: .spine, side: .midline, face: .posterior,
                shape: .rectangle(
                    x: -SafetyLimits.spineHalfWidth...SafetyLimits.spineHalfWidth, y: 0.11 * h...0.505 * h)),
            EndangermentZone(
                kind: .umbilicalArea, side: .midline, face: .anterior,
                shape: .ellipse(center: SurfacePoint(x: 0, y: 0.4 * h), radiusX: 3, radiusY: 3)),
        ]
        func pair(_ kind: EndangermentZoneKind, _ face: BodyFace, _ right: SurfacePolygon) {
            zones.append(EndangermentZone(kind: kind, side: .right, face: face, shape: right))
            zones.append(EndangermentZone(kind: kind, side: .left, face: face, shape: right.mirrored))
        }
        pair(.posteriorNeckTriangle, .posterior, .rectangle(x: 0.75 * neck...neck + 1.5, y: 0.13 * h...l.neckBase))
        pair(.anteriorNeckTriangle, .anterior, .rectangle(x: 0.3 * neck...neck + 1, y: 0.125 * h...l.neckBase))
        pair(.kidneyArea, .posterior, .rectangle(x: 2...10, y: 0.315 * h...0.385 * h))
        pair(
            .sciaticNotch, .posterior,
            .ellipse(
                center: SurfacePoint(x: 0.45 * measurements.hipWidth / 2, y: 0.475 * h), radiusX: 2.5, radiusY: 2.5))
        let knee = l.knees
        pair(
            .poplitealFossa, .posterior,
            .ellipse(center: SurfacePoint(x: legCenter(knee), y: knee), radiusX: 0.6 * legHalfWidth(knee), radiusY: 3))
        let axilla = SurfacePolygon.ellipse(
            center: SurfacePoint(x: shoulder + 1.5, y: 0.225 * h), radiusX: 3, radiusY: 3.5)
        pair(.axilla, .posterior, axilla)
        pair(.axilla, .anterior, axilla)
        pair(
            .antecubitalFossa, .anterior,
            .ellipse(center: SurfacePoint(x: armCenter, y: 0.37 * h), radiusX: 2.5, radiusY: 3))
        let hipQuarter = measurements.hipWidth / 4
        pair(
            .femoralTriangle, .anterior,
            SurfacePolygon([
                SurfacePoint(x: hipQuarter - 4, y: l.crotch - 0.03 * h),
                SurfacePoint(x: hipQuarter + 5, y: l.crotch - 0.03 * h),
                SurfacePoint(x: hipQuarter + 0.5, y: l.crotch + 0.05 * h),
            ]))
        return zones
    }
}
