import Figures

/// The legend: one entry per labelled artist in the order they were added, in a white box
/// placed as matplotlib's `loc` says; `best` tries matplotlib's nine places in its order and
/// keeps the first that covers the fewest data points and line segments.
extension AxesDrawing {
    static let legendPlaces = ["upper right", "upper left", "lower left", "lower right", "right",
                               "center left", "center right", "lower center", "upper center", "center"]

    var legendEntries: [Artist] {
        axes.artists.filter { artist in
            guard let label = artist.label else { return false }
            return !label.hasPrefix("_")
        }
    }

    func drawLegend(on canvas: inout SVGCanvas) {
        let entries = legendEntries
        guard !entries.isEmpty, let loc = axes.legend else { return }
        let size = 10.0, pad = 0.4 * size, handle = 2 * size, gap = 0.8 * size, spacing = 0.5 * size
        let textWidth = entries.map { FontMetrics.width($0.label ?? "", size: size) }.max() ?? 0
        let width = pad * 2 + handle + gap + textWidth
        let rowHeight = size * (FontMetrics.ascent + FontMetrics.descent)
        let height = pad * 2 + Double(entries.count) * rowHeight + Double(entries.count - 1) * spacing
        let origin = legendOrigin(loc, width: width, height: height)
        canvas.cover(origin.0, origin.1, origin.0 + width, origin.1 + height)
        var element = "<g>\n<rect x=\"\(origin.0.svg)\" y=\"\(origin.1.svg)\" width=\"\(width.svg)\" height=\"\(height.svg)\" rx=\"2\""
        element += " fill=\"#ffffff\" fill-opacity=\"0.8\" stroke=\"#cccccc\" stroke-width=\"1\"/>"
        canvas.add(element)
        for (index, entry) in entries.enumerated() {
            let top = origin.1 + pad + Double(index) * (rowHeight + spacing)
            let middle = top + rowHeight / 2
            let hx = origin.0 + pad
            canvas.add(legendHandle(entry, x: hx, middle: middle, width: handle, size: size))
            canvas.text(entry.label ?? "", x: hx + handle + gap, y: top + size * FontMetrics.ascent, size: size)
        }
        canvas.add("</g>")
    }

    private func legendHandle(_ artist: Artist, x hx: Double, middle: Double, width: Double, size: Double) -> String {
        func line(_ stroke: Stroke) -> String {
            var s = ""
            if !stroke.style.isEmpty {
                s += "<path d=\"M\(hx.svg) \(middle.svg)h\(width.svg)\" \(Self.strokeAttributes(stroke))/>"
            }
            if let marker = stroke.marker {
                s += Markers.element(marker, x: hx + width / 2, y: middle, size: stroke.markerSize, fill: stroke.color,
                                     edge: stroke.color, alpha: stroke.alpha)
            }
            return s
        }
        func patch(_ color: String, _ alpha: Double) -> String {
            "<rect x=\"\(hx.svg)\" y=\"\((middle - 0.35 * size).svg)\" width=\"\(width.svg)\" height=\"\((0.7 * size).svg)\" \(paint("fill", color, alpha: alpha))/>"
        }
        switch artist {
        case .line(let a): return line(a.stroke)
        case .referenceLine(let a): return line(a.stroke)
        case .errorBar(let a):
            return line(a.stroke) + "<path d=\"M\((hx + width / 2).svg) \((middle - 0.35 * size).svg)v\((0.7 * size).svg)\" \(paint("stroke", a.stroke.color)) stroke-width=\"\(a.stroke.width.svg)\"/>"
        case .scatter(let a):
            let color = a.values == nil ? a.color : Colormaps.color(a.colormap, at: 0.5)
            let area = a.sizes.first ?? 36
            return Markers.element(a.marker, x: hx + width / 2, y: middle, size: max(0, area).squareRoot(), fill: color,
                                   edge: a.edgeColor ?? color, alpha: a.alpha)
        case .bars(let a): return patch(a.color, a.alpha)
        case .band(let a): return patch(a.color, a.alpha)
        case .contour(let a): return patch(Colormaps.color(a.colormap, at: 0.5), a.alpha)
        case .image, .text: return ""
        }
    }

    private func legendOrigin(_ loc: String, width: Double, height: Double) -> (Double, Double) {
        if loc != "best" { return place(loc, width: width, height: height) }
        let points = dataPoints()
        let segments = dataSegments()
        var best = place("upper right", width: width, height: height)
        var fewest = Int.max
        for candidate in Self.legendPlaces {
            let origin = place(candidate, width: width, height: height)
            let x0 = origin.0, y0 = origin.1, x1 = x0 + width, y1 = y0 + height
            var badness = points.filter { $0.0 >= x0 && $0.0 <= x1 && $0.1 >= y0 && $0.1 <= y1 }.count
            badness += segments.filter { Self.segment($0, crosses: (x0, y0, x1, y1)) }.count
            if badness < fewest {
                fewest = badness
                best = origin
                if badness == 0 { break }
            }
        }
        return best
    }

    private func place(_ loc: String, width: Double, height: Double) -> (Double, Double) {
        let inset = 0.5 * 10.0
        let f = frame
        let left = f.x + inset, right = f.x + f.width - inset - width, centreX = f.x + (f.width - width) / 2
        let top = f.y + inset, bottom = f.y + f.height - inset - height, centreY = f.y + (f.height - height) / 2
        switch loc {
        case "upper left": return (left, top)
        case "lower left": return (left, bottom)
        case "lower right": return (right, bottom)
        case "right", "center right": return (right, centreY)
        case "center left": return (left, centreY)
        case "lower center": return (centreX, bottom)
        case "upper center": return (centreX, top)
        case "center": return (centreX, centreY)
        default: return (right, top)
        }
    }

    /// Page positions of the data the legend should not hide.
    private func dataPoints() -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        for artist in axes.artists {
            switch artist {
            case .line(let a): points += zip(a.x, a.y).compactMap { point($0, $1) }
            case .scatter(let a): points += zip(a.x, a.y).compactMap { point($0, $1) }
            case .errorBar(let a): points += zip(a.x, a.y).compactMap { point($0, $1) }
            case .band(let a):
                points += zip(a.x, a.y1).compactMap { point($0, $1) }
                points += zip(a.x, a.y2).compactMap { point($0, $1) }
            case .bars(let a):
                for i in a.x.indices where i < a.y.count && i < a.width.count && i < a.height.count {
                    for fx in [0.0, 0.5, 1] {
                        for fy in [0.0, 0.5, 1] {
                            if let p = point(a.x[i] + fx * a.width[i], a.y[i] + fy * a.height[i]) { points.append(p) }
                        }
                    }
                }
            default: break
            }
        }
        return points
    }

    private func dataSegments() -> [((Double, Double), (Double, Double))] {
        var segments: [((Double, Double), (Double, Double))] = []
        for artist in axes.artists {
            var pts: [(Double, Double)?] = []
            switch artist {
            case .line(let a) where !a.stroke.style.isEmpty: pts = zip(a.x, a.y).map { point($0, $1) }
            case .errorBar(let a) where !a.stroke.style.isEmpty: pts = zip(a.x, a.y).map { point($0, $1) }
            case .referenceLine(let a):
                if a.vertical { pts = [(x.page(a.value), frame.y), (x.page(a.value), frame.y + frame.height)] }
                else { pts = [(frame.x, y.page(a.value)), (frame.x + frame.width, y.page(a.value))] }
            default: continue
            }
            for (a, b) in zip(pts, pts.dropFirst()) {
                if let a, let b { segments.append((a, b)) }
            }
        }
        return segments
    }

    /// Whether a segment passes through a box (Liang–Barsky clipping).
    static func segment(_ s: ((Double, Double), (Double, Double)), crosses box: (Double, Double, Double, Double)) -> Bool {
        let (p, q) = s
        let dx = q.0 - p.0, dy = q.1 - p.1
        var t0 = 0.0, t1 = 1.0
        for (edge, delta) in [(p.0 - box.0, -dx), (box.2 - p.0, dx), (p.1 - box.1, -dy), (box.3 - p.1, dy)] {
            if delta == 0 {
                if edge < 0 { return false }
                continue
            }
            let t = edge / delta
            if delta < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return false }
        }
        return true
    }
}
