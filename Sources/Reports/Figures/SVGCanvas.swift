/// Collects SVG elements and the box everything drawn so far covers, so the figure can be
/// cropped to its contents as a notebook crops it (`bbox_inches='tight'`).
struct SVGCanvas {
    var body = ""
    var left = Double.infinity, top = Double.infinity, right = -Double.infinity, bottom = -Double.infinity

    mutating func cover(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        left = min(left, x0, x1)
        right = max(right, x0, x1)
        top = min(top, y0, y1)
        bottom = max(bottom, y0, y1)
    }

    mutating func add(_ element: String) {
        body += element + "\n"
    }

    /// Text at (x, y) (the baseline), anchored `start`, `middle` or `end`, optionally rotated
    /// -90° about its anchor (a y label).
    mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: String = "start",
                       color: String = "#000000", rotated: Bool = false, superscript: String? = nil) {
        let width = FontMetrics.width(content, size: size) + (superscript.map { FontMetrics.width($0, size: size * 0.7) } ?? 0)
        let start = anchor == "middle" ? x - width / 2 : (anchor == "end" ? x - width : x)
        if rotated {
            let along = anchor == "middle" ? y - width / 2 : (anchor == "end" ? y : y - width)
            cover(x - size * FontMetrics.ascent, along, x + size * FontMetrics.descent, along + width)
        } else {
            cover(start, y - size * FontMetrics.ascent, start + width, y + size * FontMetrics.descent)
        }
        var element = "<text x=\"\(x.svg)\" y=\"\(y.svg)\" font-size=\"\(size.svg)\""
        if anchor != "start" { element += " text-anchor=\"\(anchor)\"" }
        if color != "#000000" { element += " fill=\"\(Colors.opaque(color))\"" }
        if rotated { element += " transform=\"rotate(-90 \(x.svg) \(y.svg))\"" }
        element += ">" + content.htmlEscaped
        if let superscript {
            element += "<tspan dy=\"\((-size * 0.4).svg)\" font-size=\"\((size * 0.7).svg)\">\(superscript.htmlEscaped)</tspan>"
        }
        add(element + "</text>")
    }
}

import Figures

/// `fill="#rrggbb"` plus an opacity when the color or `alpha` asks for one.
func paint(_ attribute: String, _ color: String, alpha: Double = 1) -> String {
    let opacity = Colors.alpha(of: color) * alpha
    var text = "\(attribute)=\"\(Colors.opaque(color))\""
    if opacity < 1 { text += " \(attribute)-opacity=\"\(SVGNumber.format(opacity))\"" }
    return text
}
