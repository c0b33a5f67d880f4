import Figures

/// matplotlib's marker shapes as SVG, centred at (x, y), `size` points across (markersize;
/// a scatter's `s` is its square).
enum Markers {
    /// Markers drawn with strokes only (they have no inside to fill).
    static let unfilled: Set<String> = ["x", "+", "|", "_", "1", "2", "3", "4", ","]

    static func element(_ marker: String, x: Double, y: Double, size: Double, fill: String, edge: String, alpha: Double) -> String {
        let r = size / 2
        let stroke = unfilled.contains(marker)
            ? paint("stroke", edge, alpha: alpha) + " stroke-width=\"1\" fill=\"none\""
            : paint("fill", fill, alpha: alpha) + " " + paint("stroke", edge, alpha: alpha) + " stroke-width=\"1\""
        func path(_ points: [(Double, Double)], closed: Bool = true) -> String {
            var d = ""
            for (index, point) in points.enumerated() {
                d += (index == 0 ? "M" : "L") + (x + point.0 * r).svg + " " + (y + point.1 * r).svg
            }
            return "<path d=\"\(d)\(closed ? "Z" : "")\" \(stroke)/>"
        }
        switch marker {
        case ".": return "<circle cx=\"\(x.svg)\" cy=\"\(y.svg)\" r=\"\((r / 2).svg)\" \(stroke)/>"
        case ",": return "<rect x=\"\((x - 0.5).svg)\" y=\"\((y - 0.5).svg)\" width=\"1\" height=\"1\" \(paint("fill", fill, alpha: alpha))/>"
        case "s": return "<rect x=\"\((x - r).svg)\" y=\"\((y - r).svg)\" width=\"\(size.svg)\" height=\"\(size.svg)\" \(stroke)/>"
        case "^": return path([(0, -1), (-1, 1), (1, 1)])
        case "v": return path([(0, 1), (-1, -1), (1, -1)])
        case "<": return path([(-1, 0), (1, -1), (1, 1)])
        case ">": return path([(1, 0), (-1, -1), (-1, 1)])
        case "D": return path([(0, -1), (0.71, 0), (0, 1), (-0.71, 0)].map { ($0.0 * 1.41, $0.1 * 1.0) })
        case "d": return path([(0, -1), (0.6, 0), (0, 1), (-0.6, 0)])
        case "p": return path([(0, -1), (0.95, -0.31), (0.59, 0.81), (-0.59, 0.81), (-0.95, -0.31)])
        case "h": return path([(0, -1), (0.87, -0.5), (0.87, 0.5), (0, 1), (-0.87, 0.5), (-0.87, -0.5)])
        case "*": return path([(0, -1), (0.22, -0.31), (0.95, -0.31), (0.36, 0.12), (0.59, 0.81), (0, 0.38),
                               (-0.59, 0.81), (-0.36, 0.12), (-0.95, -0.31), (-0.22, -0.31)])
        case "x", "X":
            let k = 0.71 * r
            return "<path d=\"M\((x - k).svg) \((y - k).svg)L\((x + k).svg) \((y + k).svg)M\((x - k).svg) \((y + k).svg)L\((x + k).svg) \((y - k).svg)\" \(stroke)/>"
        case "+", "P": return "<path d=\"M\((x - r).svg) \(y.svg)H\((x + r).svg)M\(x.svg) \((y - r).svg)V\((y + r).svg)\" \(stroke)/>"
        case "|": return "<path d=\"M\(x.svg) \((y - r).svg)V\((y + r).svg)\" \(stroke)/>"
        case "_": return "<path d=\"M\((x - r).svg) \(y.svg)H\((x + r).svg)\" \(stroke)/>"
        default: return "<circle cx=\"\(x.svg)\" cy=\"\(y.svg)\" r=\"\(r.svg)\" \(stroke)/>"
        }
    }
}
