extension DepthImage {
    /// Resamples a raw frame into a top view: every reading is turned into a 3D point with the
    /// camera's intrinsics and dropped into a grid of square cells of `millimetresPerPixel` on
    /// the table, keeping the point nearest the camera in each cell. Cells no point reached lie
    /// in the shadow of something nearer the camera (the far side of the head, the soles, the
    /// flanks, the neck behind the shoulders) or had no reading. A shadow falls away from the
    /// point under the camera, and what it hides lies beyond it: each such cell takes the first
    /// reading found stepping outward from that point (the table behind the head, the neck
    /// behind the shoulders). A top view is returned unchanged.
    public func topView(millimetresPerPixel cell: Double = 5) throws(ScanError) -> DepthImage {
        guard let camera else { return self }
        guard cell >= 1, cell <= 20 else { throw .badResolution(cell) }
        guard mostCommonDepth() != nil else { throw .noReadings }
        var minX = Double.infinity
        var maxX = -Double.infinity
        var minY = Double.infinity
        var maxY = -Double.infinity
        for r in 0..<height {
            for c in 0..<width {
                let z = Double(self[r, c])
                guard z > 0 else { continue }
                let x = (Double(c) - camera.cx) * z / camera.fx
                let y = (Double(r) - camera.cy) * z / camera.fy
                minX = min(minX, x)
                maxX = max(maxX, x)
                minY = min(minY, y)
                maxY = max(maxY, y)
            }
        }
        let columns = Int(((maxX - minX) / cell).rounded(.up)) + 1
        let rows = Int(((maxY - minY) / cell).rounded(.up)) + 1
        guard columns * rows <= 16_000_000 else { throw .badHeader("the camera intrinsics spread the frame too wide") }
        var grid = [UInt16](repeating: 0, count: columns * rows)
        // Each reading covers its pixel's footprint on the surface (which grows with depth), not
        // just the point at its centre, so cells finer than a pixel get no sampling holes.
        for r in 0..<height {
            for c in 0..<width {
                let value = self[r, c]
                guard value > 0 else { continue }
                let z = Double(value)
                let x0 = (Double(c) - 0.5 - camera.cx) * z / camera.fx
                let x1 = (Double(c) + 0.5 - camera.cx) * z / camera.fx
                let y0 = (Double(r) - 0.5 - camera.cy) * z / camera.fy
                let y1 = (Double(r) + 0.5 - camera.cy) * z / camera.fy
                let firstColumn = max(0, Int(((x0 - minX) / cell - 0.5).rounded(.up)))
                let lastColumn = min(columns - 1, Int(((x1 - minX) / cell - 0.5).rounded(.down)))
                let firstRow = max(0, Int(((y0 - minY) / cell - 0.5).rounded(.up)))
                let lastRow = min(rows - 1, Int(((y1 - minY) / cell - 0.5).rounded(.down)))
                // Cell (i, j) has its centre at minX + (j + 0.5) * cell; the footprint covers the
                // centres from firstColumn to lastColumn, and at least the cell of its centre.
                let centreColumn = min(columns - 1, max(0, Int((((x0 + x1) / 2) - minX) / cell)))
                let centreRow = min(rows - 1, max(0, Int((((y0 + y1) / 2) - minY) / cell)))
                for i in min(firstRow, centreRow)...max(lastRow, centreRow) {
                    for j in min(firstColumn, centreColumn)...max(lastColumn, centreColumn) {
                        let k = i * columns + j
                        if grid[k] == 0 || value < grid[k] { grid[k] = value }
                    }
                }
            }
        }
        // A gap one cell wide between two readings is the parallax gap at a depth edge (the last
        // ray that meets the body and the first that meets the table land a little apart): the
        // edge lies inside it, so it takes the nearer reading.
        var bridged = grid
        for r in 1..<(rows - 1) {
            for c in 1..<(columns - 1) where grid[r * columns + c] == 0 {
                var nearest: UInt16 = 0
                for (dr, dc) in [(0, 1), (1, 0), (1, 1), (1, -1)] {
                    let a = grid[(r + dr) * columns + c + dc]
                    let b = grid[(r - dr) * columns + c - dc]
                    if a > 0 && b > 0 { nearest = nearest == 0 ? min(a, b) : min(nearest, a, b) }
                }
                if nearest > 0 { bridged[r * columns + c] = nearest }
            }
        }
        grid = bridged
        let nadirColumn = -minX / cell
        let nadirRow = -minY / cell
        var filled = grid
        for r in 0..<rows {
            for c in 0..<columns where grid[r * columns + c] == 0 {
                let dx = Double(c) - nadirColumn
                let dy = Double(r) - nadirRow
                let length = (dx * dx + dy * dy).squareRoot()
                guard length > 0.5 else { continue }
                var step = 1.0
                while step < 200 {
                    let rr = Int((Double(r) + dy / length * step).rounded())
                    let cc = Int((Double(c) + dx / length * step).rounded())
                    guard rr >= 0, rr < rows, cc >= 0, cc < columns else { break }
                    let value = grid[rr * columns + cc]
                    if value > 0 {
                        filled[r * columns + c] = value
                        break
                    }
                    step += 0.5
                }
            }
        }
        grid = filled
        return DepthImage(width: columns, height: rows, pixels: grid, millimetresPerPixel: cell)
    }
}
