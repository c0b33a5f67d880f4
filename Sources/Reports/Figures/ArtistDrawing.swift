import Figures

/// How a value maps to a colormap color: linearly between vmin and vmax.
struct ColorScale {
    var colormap: String
    var vmin: Double
    var vmax: Double

    init(colormap: String, values: some Sequence<Double>, vmin: Double?, vmax: Double?) {
        let finite = values.filter(\.isFinite)
        self.colormap = colormap
        self.vmin = vmin ?? finite.min() ?? 0
        self.vmax = vmax ?? finite.max() ?? 1
    }

    func color(_ value: Double) -> String {
        guard value.isFinite else { return "#00000000" }
        let t = vmax == vmin ? 0.5 : (value - vmin) / (vmax - vmin)
        return Colormaps.color(colormap, at: t)
    }
}

extension AxesDrawing {
    func point(_ px: Double, _ py: Double) -> (Double, Double)? {
        guard px.isFinite, py.isFinite, !(x.log && px <= 0), !(y.log && py <= 0) else { return nil }
        return (x.page(px), y.page(py))
    }

    /// A polyline through the points, broken where a point is missing (NaN, or ≤ 0 on a log axis).
    func polyline(_ xs: Numbers, _ ys: Numbers) -> String {
        var d = "", drawing = false
        for (px, py) in zip(xs, ys) {
            guard let p = point(px, py) else { drawing = false; continue }
            d += (drawing ? "L" : "M") + p.0.svg + " " + p.1.svg
            drawing = true
        }
        return d
    }

    static func dashes(_ style: String, width: Double) -> String {
        let pattern: [Double]
        switch style {
        case "--": pattern = [3.7, 1.6]
        case ":": pattern = [1, 1.65]
        case "-.": pattern = [6.4, 1.6, 1, 1.6]
        default: return " stroke-linecap=\"square\""
        }
        return " stroke-dasharray=\"\(pattern.map { ($0 * width).svg }.joined(separator: ","))\""
    }

    static func strokeAttributes(_ stroke: Stroke) -> String {
        paint("stroke", stroke.color, alpha: stroke.alpha) + " stroke-width=\"\(stroke.width.svg)\" fill=\"none\" stroke-linejoin=\"round\""
            + dashes(stroke.style, width: stroke.width)
    }

    func markers(_ xs: Numbers, _ ys: Numbers, _ stroke: Stroke, on canvas: inout SVGCanvas) {
        guard let marker = stroke.marker else { return }
        for (px, py) in zip(xs, ys) {
            guard let p = point(px, py) else { continue }
            canvas.add(Markers.element(marker, x: p.0, y: p.1, size: stroke.markerSize, fill: stroke.color, edge: stroke.color, alpha: stroke.alpha))
        }
    }

    mutating func drawArtist(_ artist: Artist, on canvas: inout SVGCanvas) {
        switch artist {
        case .line(let line):
            if !line.stroke.style.isEmpty {
                let d = polyline(line.x, line.y)
                if !d.isEmpty { canvas.add("<path d=\"\(d)\" \(Self.strokeAttributes(line.stroke))/>") }
            }
            markers(line.x, line.y, line.stroke, on: &canvas)
        case .referenceLine(let line):
            var d = ""
            if line.vertical {
                let px = x.page(line.value)
                d = "M\(px.svg) \((frame.y + frame.height * (1 - line.from)).svg)V\((frame.y + frame.height * (1 - line.to)).svg)"
            } else {
                let py = y.page(line.value)
                d = "M\((frame.x + frame.width * line.from).svg) \(py.svg)H\((frame.x + frame.width * line.to).svg)"
            }
            if line.value.isFinite { canvas.add("<path d=\"\(d)\" \(Self.strokeAttributes(line.stroke))/>") }
        case .scatter(let scatter):
            let scale = scatter.values.map { ColorScale(colormap: scatter.colormap, values: $0, vmin: scatter.vmin, vmax: scatter.vmax) }
            for index in scatter.x.indices where index < scatter.y.count {
                guard let p = point(scatter.x[index], scatter.y[index]) else { continue }
                let area = scatter.sizes.isEmpty ? 36 : scatter.sizes[scatter.sizes.count == 1 ? 0 : min(index, scatter.sizes.count - 1)]
                let fill = scale.map { $0.color(scatter.values![index]) } ?? scatter.color
                canvas.add(Markers.element(scatter.marker, x: p.0, y: p.1, size: max(0, area).squareRoot(), fill: fill,
                                           edge: scatter.edgeColor ?? fill, alpha: scatter.alpha))
            }
        case .bars(let bars):
            var rects = ""
            for index in bars.x.indices where index < bars.y.count && index < bars.width.count && index < bars.height.count {
                guard let a = point(bars.x[index], bars.y[index]),
                      let b = point(bars.x[index] + bars.width[index], bars.y[index] + bars.height[index]) else { continue }
                rects += "<rect x=\"\(min(a.0, b.0).svg)\" y=\"\(min(a.1, b.1).svg)\" width=\"\(abs(b.0 - a.0).svg)\" height=\"\(abs(b.1 - a.1).svg)\"/>"
            }
            let edge = bars.edgeColor.map { " " + paint("stroke", $0, alpha: bars.alpha) + " stroke-width=\"1\"" } ?? ""
            if !rects.isEmpty { canvas.add("<g \(paint("fill", bars.color, alpha: bars.alpha))\(edge)>\(rects)</g>") }
        case .band(let band):
            var upper: [String] = [], lower: [String] = []
            for index in band.x.indices where index < band.y1.count && index < band.y2.count {
                guard let a = point(band.x[index], band.y1[index]), let b = point(band.x[index], band.y2[index]) else { continue }
                upper.append(a.0.svg + " " + a.1.svg)
                lower.append(b.0.svg + " " + b.1.svg)
            }
            if !upper.isEmpty {
                canvas.add("<path d=\"M\((upper + lower.reversed()).joined(separator: "L"))Z\" \(paint("fill", band.color, alpha: band.alpha))/>")
            }
        case .errorBar(let bar):
            var whiskers = ""
            let cap = bar.capSize
            for index in bar.x.indices where index < bar.y.count {
                let px = bar.x[index], py = bar.y[index]
                if let below = bar.yerrBelow, let above = bar.yerrAbove, index < below.count, index < above.count,
                   let a = point(px, py - below[index]), let b = point(px, py + above[index]) {
                    whiskers += "M\(a.0.svg) \(a.1.svg)L\(b.0.svg) \(b.1.svg)"
                    if cap > 0 { whiskers += "M\((a.0 - cap).svg) \(a.1.svg)h\((2 * cap).svg)M\((b.0 - cap).svg) \(b.1.svg)h\((2 * cap).svg)" }
                }
                if let below = bar.xerrBelow, let above = bar.xerrAbove, index < below.count, index < above.count,
                   let a = point(px - below[index], py), let b = point(px + above[index], py) {
                    whiskers += "M\(a.0.svg) \(a.1.svg)L\(b.0.svg) \(b.1.svg)"
                    if cap > 0 { whiskers += "M\(a.0.svg) \((a.1 - cap).svg)v\((2 * cap).svg)M\(b.0.svg) \((b.1 - cap).svg)v\((2 * cap).svg)" }
                }
            }
            if !whiskers.isEmpty {
                canvas.add("<path d=\"\(whiskers)\" \(paint("stroke", bar.stroke.color, alpha: bar.stroke.alpha)) stroke-width=\"\(bar.stroke.width.svg)\" fill=\"none\"/>")
            }
            if !bar.stroke.style.isEmpty {
                let d = polyline(bar.x, bar.y)
                if !d.isEmpty { canvas.add("<path d=\"\(d)\" \(Self.strokeAttributes(bar.stroke))/>") }
            }
            markers(bar.x, bar.y, bar.stroke, on: &canvas)
        case .text(let text):
            drawText(text, on: &canvas)
        case .image(let image):
            drawImage(image, on: &canvas)
        case .contour(let contour):
            drawContour(contour, on: &canvas)
        }
    }

    private func drawText(_ text: Figures.Text, on canvas: inout SVGCanvas) {
        let position: (Double, Double)?
        if text.inAxesCoordinates {
            position = (frame.x + text.x * frame.width, frame.y + (1 - text.y) * frame.height)
        } else {
            position = point(text.x, text.y)
        }
        guard let (px, py) = position, !text.text.isEmpty else { return }
        let size = text.fontSize
        let anchor = ["center": "middle", "right": "end"][text.horizontalAlignment] ?? "start"
        let baseline: Double
        switch text.verticalAlignment {
        case "top": baseline = py + size * FontMetrics.ascent
        case "center", "center_baseline": baseline = py + size * 0.35
        case "bottom": baseline = py - size * FontMetrics.descent
        default: baseline = py
        }
        if let target = text.arrowTo, target.count == 2, let end = point(target[0], target[1]) {
            let dx = end.0 - px, dy = end.1 - py
            let length = (dx * dx + dy * dy).squareRoot()
            if length > 1 {
                let ux = dx / length, uy = dy / length
                let head = 8.0, half = 3.0
                let bx = end.0 - ux * head, by = end.1 - uy * head
                canvas.add("<path d=\"M\(px.svg) \(py.svg)L\(bx.svg) \(by.svg)\" stroke=\"#000000\" stroke-width=\"1\"/>")
                canvas.add("<path d=\"M\(end.0.svg) \(end.1.svg)L\((bx - uy * half).svg) \((by + ux * half).svg)L\((bx + uy * half).svg) \((by - ux * half).svg)Z\" fill=\"#000000\"/>")
            }
        }
        canvas.text(text.text, x: px, y: baseline, size: size, anchor: anchor, color: text.color)
    }

    private func drawImage(_ image: Figures.Image, on canvas: inout SVGCanvas) {
        guard image.rows > 0, image.columns > 0, image.values.count == image.rows * image.columns * image.channels else { return }
        let scale = ColorScale(colormap: image.colormap, values: image.values, vmin: image.vmin, vmax: image.vmax)
        var rgba: [UInt8] = []
        rgba.reserveCapacity(image.rows * image.columns * 4)
        func byte(_ v: Double) -> UInt8 { UInt8(max(0, min(255, (v * 255).rounded()))) }
        for row in 0..<image.rows {
            let source = image.originLower ? image.rows - 1 - row : row
            for column in 0..<image.columns {
                let base = (source * image.columns + column) * image.channels
                if image.channels == 1 {
                    let color = scale.color(image.values[base])
                    let (r, g, b) = Colors.components(of: color)
                    rgba += [byte(r), byte(g), byte(b), color.count == 9 ? 0 : byte(image.alpha)]
                } else {
                    let v = image.values
                    rgba += [byte(v[base]), byte(v[base + 1]), byte(v[base + 2]),
                             byte((image.channels == 4 ? v[base + 3] : 1) * image.alpha)]
                }
            }
        }
        let e = AxesLimits.extent(image)
        let x0 = x.page(e[0]), x1 = x.page(e[1])
        let top = image.originLower ? e[3] : e[3], bottom = e[2]
        let y0 = y.page(top), y1 = y.page(bottom)
        canvas.add("<image x=\"\(min(x0, x1).svg)\" y=\"\(min(y0, y1).svg)\" width=\"\(abs(x1 - x0).svg)\" height=\"\(abs(y1 - y0).svg)\" preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\" href=\"\(PNGImage.dataURI(width: image.columns, height: image.rows, rgba: rgba))\"/>")
    }

    /// Band colors of a filled contour (one per pair of levels) or line colors (one per level).
    static func contourColors(_ contour: Contour, levels: [Double]) -> [String] {
        let values: [Double] = contour.filled
            ? zip(levels, levels.dropFirst()).map { ($0 + $1) / 2 } : levels
        if let colors = contour.colors, !colors.isEmpty {
            return values.indices.map { colors[$0 % colors.count] }
        }
        let scale = ColorScale(colormap: contour.colormap, values: values, vmin: nil, vmax: nil)
        return values.map(scale.color)
    }

    private func drawContour(_ contour: Contour, on canvas: inout SVGCanvas) {
        let levels = Contours.levels(contour)
        let colors = Self.contourColors(contour, levels: levels)
        func path(_ rings: [[Contours.Point]], close: Bool) -> String {
            var d = ""
            for ring in rings where ring.count >= 2 {
                for (index, p) in ring.enumerated() {
                    d += (index == 0 ? "M" : "L") + x.page(p.x).svg + " " + y.page(p.y).svg
                }
                if close { d += "Z" }
            }
            return d
        }
        if contour.filled {
            guard levels.count >= 2 else { return }
            var previous = Contours.rings(contour, level: levels[0])
            for band in 0..<(levels.count - 1) {
                let next = Contours.rings(contour, level: levels[band + 1])
                let d = path(previous, close: true) + path(next, close: true)
                if !d.isEmpty { canvas.add("<path d=\"\(d)\" fill-rule=\"evenodd\" \(paint("fill", colors[band], alpha: contour.alpha))/>") }
                previous = next
            }
        } else {
            for (index, level) in levels.enumerated() {
                let d = path(Contours.lines(contour, level: level), close: false)
                if !d.isEmpty {
                    canvas.add("<path d=\"\(d)\" \(paint("stroke", colors[index], alpha: contour.alpha)) stroke-width=\"\(contour.lineWidth.svg)\" fill=\"none\" stroke-linejoin=\"round\"/>")
                }
            }
        }
    }
}
