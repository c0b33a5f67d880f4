import Figures

/// A vertical colorbar beside the axes: a smooth gradient for an image or a colored
/// scatter, one band per level interval for a filled contour; ticks on its right.
extension AxesDrawing {
    mutating func drawColorbar(_ colorbar: Colorbar, in bar: FigureLayout.Cell, on canvas: inout SVGCanvas) {
        guard colorbar.artist < axes.artists.count else { return }
        let bottom = bar.y + bar.height
        canvas.cover(bar.x, bar.y, bar.x + bar.width, bottom)
        var lower = 0.0, upper = 1.0
        var ticks: [Double]? = nil
        switch axes.artists[colorbar.artist] {
        case .contour(let contour):
            let levels = Contours.levels(contour)
            let colors = Self.contourColors(contour, levels: levels)
            guard let first = levels.first, let last = levels.last, last > first else { return }
            lower = first
            upper = last
            var rects = ""
            if contour.filled {
                for index in 0..<(levels.count - 1) {
                    let y0 = bottom - (levels[index] - first) / (last - first) * bar.height
                    let y1 = bottom - (levels[index + 1] - first) / (last - first) * bar.height
                    rects += "<rect x=\"\(bar.x.svg)\" y=\"\(y1.svg)\" width=\"\(bar.width.svg)\" height=\"\((y0 - y1).svg)\" \(paint("fill", colors[index]))/>"
                }
            } else {
                for (index, level) in levels.enumerated() {
                    let py = bottom - (level - first) / (last - first) * bar.height
                    rects += "<path d=\"M\(bar.x.svg) \(py.svg)h\(bar.width.svg)\" \(paint("stroke", colors[index])) stroke-width=\"\(contour.lineWidth.svg)\"/>"
                }
            }
            canvas.add(rects)
            let stride = max(1, (levels.count + 9) / 10)
            ticks = levels.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
        case .image(let image) where image.channels == 1:
            let scale = ColorScale(colormap: image.colormap, values: image.values, vmin: image.vmin, vmax: image.vmax)
            (lower, upper) = (scale.vmin, scale.vmax)
            gradient(image.colormap, in: bar, on: &canvas)
        case .scatter(let scatter) where scatter.values != nil:
            let scale = ColorScale(colormap: scatter.colormap, values: scatter.values!, vmin: scatter.vmin, vmax: scatter.vmax)
            (lower, upper) = (scale.vmin, scale.vmax)
            gradient(scatter.colormap, in: bar, on: &canvas)
        default:
            return
        }
        canvas.add("<rect x=\"\(bar.x.svg)\" y=\"\(bar.y.svg)\" width=\"\(bar.width.svg)\" height=\"\(bar.height.svg)\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>")
        let map = AxisMap(lower: lower, upper: upper, log: false, start: bottom, end: bar.y)
        var axis = AxisTicks(map: map, marks: ticks.map { TickMarks(positions: Numbers($0)) }, bins: min(9, max(1, Int(bar.height / 20))))
        if ticks == nil { axis = AxisTicks(map: map, marks: nil, bins: min(9, max(1, Int(bar.height / 20)))) }
        var marks = ""
        let right = bar.x + bar.width
        for (index, value) in axis.major.enumerated() {
            let py = map.page(value)
            marks += "M\(right.svg) \(py.svg)h3.5"
            canvas.text(axis.labels[index], x: right + 7, y: py + 3.5, size: 10)
        }
        if !marks.isEmpty { canvas.add("<path d=\"\(marks)\" stroke=\"#000000\" stroke-width=\"0.8\"/>") }
        if let label = colorbar.label {
            let x = right + 7 + axis.widestLabel + 4 + 10 * FontMetrics.ascent
            canvas.text(label, x: x, y: bar.y + bar.height / 2, size: 10, anchor: "middle", rotated: true)
        }
    }

    private mutating func gradient(_ colormap: String, in bar: FigureLayout.Cell, on canvas: inout SVGCanvas) {
        let id = clipID + "-cbar"
        var stops = ""
        for k in 0...32 {
            let t = Double(k) / 32
            stops += "<stop offset=\"\(t.svg)\" stop-color=\"\(Colormaps.color(colormap, at: t))\"/>"
        }
        clipDefinition += "<linearGradient id=\"\(id)\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">\(stops)</linearGradient>\n"
        canvas.add("<rect x=\"\(bar.x.svg)\" y=\"\(bar.y.svg)\" width=\"\(bar.width.svg)\" height=\"\(bar.height.svg)\" fill=\"url(#\(id))\"/>")
    }
}
