import Figures

/// Draws a recorded matplotlib figure as a standalone SVG: matplotlib's default look (tab10
/// colors, DejaVu Sans metrics, 72 points per inch, its subplot margins), cropped to what
/// is drawn as a notebook crops it, scaled to its container's width. Pure: the same figure
/// always gives the same bytes.
public enum FigureSVG {
    /// `id` prefixes the figure's internal ids (clip paths), so several figures can share a page.
    public static func render(_ figure: Figure, id: String = "fig") -> String {
        var canvas = SVGCanvas()
        let width = figure.width * 72, height = figure.height * 72
        var defs = ""
        for (index, axes) in figure.axes.enumerated() {
            let cell = FigureLayout.cell(for: axes, in: figure)
            var drawing = AxesDrawing(axes: axes, cell: cell, clipID: "\(id)-clip\(index)", tight: figure.tightLayout)
            drawing.draw(on: &canvas)
            defs += drawing.clipDefinition
        }
        if let suptitle = figure.suptitle {
            canvas.text(suptitle, x: width / 2, y: height * 0.02 + 12 * FontMetrics.ascent, size: 12, anchor: "middle")
        }
        if canvas.left > canvas.right { canvas.cover(0, 0, width, height) }
        let pad = 7.2
        let x0 = canvas.left - pad, y0 = canvas.top - pad
        let w = canvas.right - canvas.left + 2 * pad, h = canvas.bottom - canvas.top + 2 * pad
        let alt = FigureDescription.text(figure)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(x0.svg) \(y0.svg) \(w.svg) \(h.svg)\" width=\"100%\""
        svg += " style=\"max-width:\(w.svg)pt;height:auto\" role=\"img\" aria-label=\"\(alt.htmlEscaped)\""
        svg += " font-family=\"DejaVu Sans, Bitstream Vera Sans, Arial, Helvetica, sans-serif\">\n"
        svg += "<title>\(alt.htmlEscaped)</title>\n"
        if !defs.isEmpty { svg += "<defs>\n\(defs)</defs>\n" }
        svg += "<rect x=\"\(x0.svg)\" y=\"\(y0.svg)\" width=\"\(w.svg)\" height=\"\(h.svg)\" fill=\"#ffffff\"/>\n"
        svg += canvas.body
        return svg + "</svg>\n"
    }
}

/// Where each set of axes goes on the page (points, y down): matplotlib's subplot
/// parameters (left 0.125, right 0.9, bottom 0.11, top 0.88, spacing 0.2), or, after
/// `tight_layout()`, each grid cell less the room its own labels need.
struct FigureLayout {
    /// The rectangle the axes' frame may use, and whether it is a tight cell (labels inside it).
    struct Cell {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    static func cell(for axes: Axes, in figure: Figure) -> Cell {
        let W = figure.width * 72, H = figure.height * 72
        let rows = Double(max(1, figure.rows)), columns = Double(max(1, figure.columns))
        if figure.tightLayout {
            let pad = 1.08 * 10
            let top = figure.suptitle == nil ? 0.0 : 12 * 1.4 + pad
            let cellWidth = (W - pad) / columns, cellHeight = (H - pad - top) / rows
            return Cell(x: pad / 2 + Double(axes.column) * cellWidth, y: top + pad / 2 + Double(axes.row) * cellHeight,
                        width: cellWidth, height: cellHeight)
        }
        let left = 0.125 * W, right = 0.9 * W, top = (1 - 0.88) * H, bottom = (1 - 0.11) * H
        let cellWidth = (right - left) / (columns + 0.2 * (columns - 1))
        let cellHeight = (bottom - top) / (rows + 0.2 * (rows - 1))
        return Cell(x: left + Double(axes.column) * cellWidth * 1.2, y: top + Double(axes.row) * cellHeight * 1.2,
                    width: cellWidth, height: cellHeight)
    }
}
