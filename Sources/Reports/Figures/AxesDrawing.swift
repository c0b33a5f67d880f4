import Figures

/// One set of axes drawn onto the figure's canvas: frame, grid, artists (clipped to the
/// frame), ticks and labels, title, legend and colorbar, with matplotlib's sizes (10 pt
/// text, 12 pt titles, 3.5 pt ticks, 0.8 pt spines).
struct AxesDrawing {
    let axes: Axes
    let clipID: String
    var frame: FigureLayout.Cell
    var colorbarFrame: FigureLayout.Cell?
    var x: AxisMap
    var y: AxisMap
    var xTicks: AxisTicks
    var yTicks: AxisTicks
    /// `<clipPath>` and gradient definitions the drawing needs in the SVG's `<defs>`.
    var clipDefinition = ""

    init(axes: Axes, cell: FigureLayout.Cell, clipID: String, tight: Bool) {
        self.axes = axes
        self.clipID = clipID
        let limits = AxesLimits(axes)
        var frame = cell
        func maps(_ f: FigureLayout.Cell) -> (AxisMap, AxisMap) {
            (AxisMap(lower: limits.x.0, upper: limits.x.1, log: axes.xscale == .log, start: f.x, end: f.x + f.width),
             AxisMap(lower: limits.y.0, upper: limits.y.1, log: axes.yscale == .log, start: f.y + f.height, end: f.y))
        }
        func bins(_ length: Double, _ per: Double) -> Int { min(9, max(1, Int(length / per))) }
        if tight {
            let (_, ym) = maps(frame)
            let yt = AxisTicks(map: ym, marks: axes.yticks, bins: bins(frame.height, 20))
            let off = axes.axisOff
            let left = off ? 2 : 7 + yt.widestLabel + (axes.ylabel == nil ? 0 : 4 + 10 * 1.2) + 2
            let bottom = off ? 2 : 7 + 10 * 1.2 + (axes.xlabel == nil ? 0 : 4 + 10 * 1.2) + 2
            let top = axes.title == nil ? 4 : 6 + 12 * 1.2 + 2
            let right = 12.0 + (axes.colorbar == nil ? 0 : 40 + (axes.colorbar?.label == nil ? 0 : 14))
            frame = FigureLayout.Cell(x: frame.x + left, y: frame.y + top, width: max(10, frame.width - left - right),
                                      height: max(10, frame.height - top - bottom))
        }
        if axes.colorbar != nil {
            let whole = frame
            frame.width = whole.width * (1 - 0.15 - 0.05)
            let barWidth = min(whole.width * 0.15, whole.height / 20)
            colorbarFrame = FigureLayout.Cell(x: whole.x + whole.width * (1 - 0.15), y: whole.y, width: barWidth, height: whole.height)
        }
        if limits.equalAspect, !axes.xscale.isLog, !axes.yscale.isLog {
            let dataRatio = abs(limits.y.1 - limits.y.0) / max(1e-300, abs(limits.x.1 - limits.x.0))
            if frame.height / frame.width > dataRatio {
                let h = frame.width * dataRatio
                frame.y += (frame.height - h) / 2
                frame.height = h
            } else {
                let w = frame.height / dataRatio
                frame.x += (frame.width - w) / 2
                frame.width = w
            }
            if var bar = colorbarFrame {
                bar.y = frame.y
                bar.height = frame.height
                bar.width = min(bar.width, frame.height / 20)
                bar.x = frame.x + frame.width + frame.width * 0.05 / 0.8
                colorbarFrame = bar
            }
        }
        self.frame = frame
        (x, y) = maps(frame)
        xTicks = AxisTicks(map: x, marks: axes.xticks, bins: bins(frame.width, 30))
        yTicks = AxisTicks(map: y, marks: axes.yticks, bins: bins(frame.height, 20))
    }

    mutating func draw(on canvas: inout SVGCanvas) {
        let f = frame
        canvas.cover(f.x, f.y, f.x + f.width, f.y + f.height)
        clipDefinition += "<clipPath id=\"\(clipID)\"><rect x=\"\(f.x.svg)\" y=\"\(f.y.svg)\" width=\"\(f.width.svg)\" height=\"\(f.height.svg)\"/></clipPath>\n"
        if axes.grid, !axes.axisOff { drawGrid(on: &canvas) }
        canvas.add("<g clip-path=\"url(#\(clipID))\">")
        let order = axes.artists.indices.sorted { (zOrder(axes.artists[$0]), $0) < (zOrder(axes.artists[$1]), $1) }
        for index in order { drawArtist(axes.artists[index], on: &canvas) }
        canvas.add("</g>")
        if !axes.axisOff { drawFrameAndTicks(on: &canvas) }
        if let title = axes.title {
            canvas.text(title, x: f.x + f.width / 2, y: f.y - 6 - 12 * FontMetrics.descent, size: 12, anchor: "middle")
        }
        if axes.legend != nil { drawLegend(on: &canvas) }
        if let colorbar = axes.colorbar, let bar = colorbarFrame { drawColorbar(colorbar, in: bar, on: &canvas) }
    }

    /// matplotlib's z-orders: images 0, patches and collections 1, lines 2, text 3.
    private func zOrder(_ artist: Artist) -> Int {
        switch artist {
        case .image: 0
        case .bars, .band, .scatter, .contour: 1
        case .line, .referenceLine, .errorBar: 2
        case .text: 3
        }
    }

    private func drawGrid(on canvas: inout SVGCanvas) {
        var d = ""
        for value in xTicks.major { d += "M\(x.page(value).svg) \(frame.y.svg)V\((frame.y + frame.height).svg)" }
        for value in yTicks.major { d += "M\(frame.x.svg) \(y.page(value).svg)H\((frame.x + frame.width).svg)" }
        if !d.isEmpty { canvas.add("<path d=\"\(d)\" stroke=\"#b0b0b0\" stroke-width=\"0.8\" fill=\"none\"/>") }
    }

    private func drawFrameAndTicks(on canvas: inout SVGCanvas) {
        let f = frame
        let bottom = f.y + f.height, right = f.x + f.width
        canvas.add("<rect x=\"\(f.x.svg)\" y=\"\(f.y.svg)\" width=\"\(f.width.svg)\" height=\"\(f.height.svg)\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\" stroke-linejoin=\"miter\"/>")
        var major = "", minor = ""
        for value in xTicks.major { major += "M\(x.page(value).svg) \(bottom.svg)v3.5" }
        for value in yTicks.major { major += "M\(f.x.svg) \(y.page(value).svg)h-3.5" }
        for value in xTicks.minor { minor += "M\(x.page(value).svg) \(bottom.svg)v2" }
        for value in yTicks.minor { minor += "M\(f.x.svg) \(y.page(value).svg)h-2" }
        if !major.isEmpty { canvas.add("<path d=\"\(major)\" stroke=\"#000000\" stroke-width=\"0.8\"/>") }
        if !minor.isEmpty { canvas.add("<path d=\"\(minor)\" stroke=\"#000000\" stroke-width=\"0.6\"/>") }
        let xLabelBaseline = bottom + 7 + 10 * FontMetrics.ascent
        for (index, value) in xTicks.major.enumerated() {
            canvas.text(xTicks.labels[index], x: x.page(value), y: xLabelBaseline, size: 10, anchor: "middle",
                        superscript: xTicks.exponents?[index])
        }
        for (index, value) in yTicks.major.enumerated() {
            // An end anchor applies to the whole text, superscript included.
            canvas.text(yTicks.labels[index], x: f.x - 7, y: y.page(value) + 10 * 0.35, size: 10, anchor: "end",
                        superscript: yTicks.exponents?[index])
        }
        if let multiplier = yTicks.multiplier {
            canvas.text(multiplier, x: f.x, y: f.y - 4, size: 10)
        }
        if let multiplier = xTicks.multiplier {
            canvas.text(multiplier, x: right, y: xLabelBaseline + 10 * 1.2, size: 10, anchor: "end")
        }
        if let label = axes.xlabel {
            let hasLabels = !xTicks.major.isEmpty
            let top = bottom + (hasLabels ? 7 + 10 * (FontMetrics.ascent + FontMetrics.descent) : 3.5) + 4
            canvas.text(label, x: f.x + f.width / 2, y: top + 10 * FontMetrics.ascent, size: 10, anchor: "middle")
        }
        if let label = axes.ylabel {
            let width = yTicks.major.isEmpty ? 3.5 : 7 + yTicks.widestLabel
            let baseline = f.x - width - 4 - 10 * FontMetrics.descent
            canvas.text(label, x: baseline, y: f.y + f.height / 2, size: 10, anchor: "middle", rotated: true)
        }
    }
}

extension Axes.Scale {
    var isLog: Bool { self == .log }
}
