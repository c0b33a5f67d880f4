import Torch

/// Draws an `AutogradGraphRecord` as standalone SVG: torchviz's colours (output green,
/// leaves blue, saved tensors orange, nodes grey), inputs at the top, the output at the
/// bottom, arrows in the direction of the forward computation. Text is measured with
/// `GraphFontMetrics`, numbers written with one decimal, so the bytes never vary.
enum AutogradGraphSVG {
    static let titleSize = 12.0
    static let detailSize = 10.5
    static let lineHeight = 15.0
    static let padding = 7.0

    static func render(_ graph: AutogradGraphRecord) -> String {
        let sizes = graph.nodes.map(size)
        let layout = GraphLayout(sizes: sizes, edges: graph.edges.map { ($0.from, $0.to) })
        let width = number(layout.width), height = number(layout.height)
        let label = graph.expression == "make_dot" ? "Autograd graph" : "Backward graph of \(graph.expression)"
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"autograd-graph\" viewBox=\"0 0 \(width) \(height)\" "
        svg += "width=\"100%\" style=\"max-width:\(width)px;min-width:\(number(min(layout.width, 340) * 0.9))px\" "
        svg += "role=\"img\" aria-label=\"\(label.htmlEscaped)\" font-family=\"Helvetica, Arial, sans-serif\">\n"
        svg += "<title>\(label.htmlEscaped)</title>\n"
        svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
        svg += "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#57606a\"/></marker></defs>\n"
        for (index, route) in layout.routes.enumerated() {
            let dashed = graph.nodes[graph.edges[index].from].kind == .saved ? " stroke-dasharray=\"4 3\"" : ""
            svg += "<path d=\"\(path(route.points))\" fill=\"none\" stroke=\"#57606a\" stroke-width=\"1.2\"\(dashed) marker-end=\"url(#arrow)\"/>\n"
        }
        for (node, box) in zip(graph.nodes, layout.boxes) {
            svg += self.node(node, box)
        }
        return svg + "</svg>"
    }

    static func size(_ node: AutogradGraphRecord.Node) -> (width: Double, height: Double) {
        let lines = textLines(node)
        let widest = lines.map { GraphFontMetrics.width($0.text, size: $0.size) }.max() ?? 0
        return (max(widest + 2 * padding, 36).rounded(), Double(max(lines.count, 1)) * lineHeight + 2 * padding - 3)
    }

    private static func textLines(_ node: AutogradGraphRecord.Node) -> [(text: String, size: Double, bold: Bool)] {
        var lines: [(String, Double, Bool)] = []
        if !node.title.isEmpty { lines.append((node.title, titleSize, node.kind == .leaf || node.kind == .output)) }
        for detail in node.details { lines.append((detail, detailSize, false)) }
        return lines
    }

    private static func colours(_ kind: AutogradGraphRecord.Kind) -> (fill: String, stroke: String) {
        switch kind {
        case .output: ("#c9efc2", "#3f8f3a")
        case .backward: ("#eceef1", "#8c959f")
        case .accumulateGrad: ("#dadde2", "#6e7781")
        case .leaf: ("#cfe2ff", "#3d6fb6")
        case .saved: ("#ffe3bd", "#c77d1a")
        }
    }

    private static func node(_ node: AutogradGraphRecord.Node, _ box: GraphLayout.Box) -> String {
        let (fill, stroke) = colours(node.kind)
        var svg = "<g class=\"node \(node.kind.rawValue)\">"
        svg += "<rect x=\"\(number(box.x))\" y=\"\(number(box.y))\" width=\"\(number(box.width))\" height=\"\(number(box.height))\" "
        svg += "rx=\"4\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
        var baseline = box.y + padding + 11
        for line in textLines(node) {
            let weight = line.bold ? " font-weight=\"bold\"" : ""
            svg += "<text x=\"\(number(box.centre))\" y=\"\(number(baseline))\" font-size=\"\(number(line.size))\" "
            svg += "text-anchor=\"middle\" fill=\"#1f2328\"\(weight)>\(line.text.htmlEscaped)</text>"
            baseline += lineHeight
        }
        return svg + "</g>\n"
    }

    /// A smooth path through `points`, leaving and entering each vertically.
    private static func path(_ points: [GraphLayout.Point]) -> String {
        guard let first = points.first else { return "" }
        var d = "M\(number(first.x)),\(number(first.y))"
        for (a, b) in zip(points, points.dropFirst()) {
            let bend = (b.y - a.y) / 2
            d += " C\(number(a.x)),\(number(a.y + bend)) \(number(b.x)),\(number(b.y - bend)) \(number(b.x)),\(number(b.y))"
        }
        return d
    }

    /// One decimal, no trailing `.0`, never `-0`: the same text for the same value everywhere.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return sign + (magnitude % 10 == 0 ? "\(magnitude / 10)" : "\(magnitude / 10).\(magnitude % 10)")
    }
}
