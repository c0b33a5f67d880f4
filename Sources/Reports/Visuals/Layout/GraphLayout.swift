/// Boxes and edge routes for drawing a DAG top-down, computed in four passes (Sugiyama, as
/// Graphviz `dot` and dagre do): layers (`LayeredGraph`), order within layers
/// (`LayerOrdering`), horizontal coordinates (each vertex pulled towards the median of its
/// neighbours, alternately above and below, then packed without overlap), and edges
/// through the dummy vertices. Everything is a pure function of the input.
struct GraphLayout {
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    struct Box: Equatable {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
        var centre: Double { x + width / 2 }
    }

    /// Input edge `index`'s path from the bottom of its source box to the top of its target.
    struct Route: Equatable {
        var from: Int
        var to: Int
        var points: [Point]
    }

    var boxes: [Box]
    var routes: [Route]
    var width: Double
    var height: Double
    /// Vertices of each layer left to right, dummies included (for tests).
    var layers: [[Int]]
    var crossings: Int

    static let margin = 8.0
    static let gap = 14.0
    static let layerGap = 30.0
    static let dummyWidth = 6.0

    init(sizes: [(width: Double, height: Double)], edges: [(from: Int, to: Int)]) {
        let graph = LayeredGraph(count: sizes.count, edges: edges)
        let ordering = LayerOrdering(graph)
        layers = ordering.layers
        crossings = ordering.crossings
        var widths = sizes.map(\.width) + Array(repeating: Self.dummyWidth, count: graph.vertexCount - sizes.count)
        let heights = sizes.map(\.height) + Array(repeating: 0, count: graph.vertexCount - sizes.count)
        if widths.isEmpty { widths = [] }
        let centres = Self.coordinates(graph, layers: layers, widths: widths)

        var layerTop: [Double] = []
        var y = Self.margin
        for layer in layers {
            layerTop.append(y)
            y += (layer.map { heights[$0] }.max() ?? 0) + Self.layerGap
        }
        height = max(y - Self.layerGap + Self.margin, 2 * Self.margin)
        let left = zip(centres, widths).map { $0 - $1 / 2 }.min() ?? 0
        let shift = Self.margin - left
        var all: [Box] = []
        for vertex in 0..<graph.vertexCount {
            let layerHeight = layers[graph.layer[vertex]].map { heights[$0] }.max() ?? 0
            // Boxes of one layer share a vertical centre line.
            let top = layerTop[graph.layer[vertex]] + (layerHeight - heights[vertex]) / 2
            all.append(Box(x: centres[vertex] - widths[vertex] / 2 + shift, y: top, width: widths[vertex], height: heights[vertex]))
        }
        width = (all.map { $0.x + $0.width }.max() ?? 0) + Self.margin
        boxes = Array(all.prefix(sizes.count))
        routes = Self.routes(graph, edges: edges, boxes: all)
    }

    /// Centres: packed left to right, then pulled to their neighbours' medians.
    private static func coordinates(_ graph: LayeredGraph, layers: [[Int]], widths: [Double]) -> [Double] {
        var centre = Array(repeating: 0.0, count: graph.vertexCount)
        for layer in layers {
            var x = 0.0
            for vertex in layer {
                centre[vertex] = x + widths[vertex] / 2
                x += widths[vertex] + gap
            }
        }
        var above = Array(repeating: [Int](), count: graph.vertexCount)
        var below = Array(repeating: [Int](), count: graph.vertexCount)
        for segment in graph.segments {
            above[segment.to].append(segment.from)
            below[segment.from].append(segment.to)
        }
        for round in 0..<8 {
            let downward = round % 2 == 0
            let order = downward ? Array(layers.indices) : Array(layers.indices.reversed())
            for index in order {
                let layer = layers[index]
                let wanted = layer.map { vertex -> Double in
                    let around = (downward ? above[vertex] : below[vertex]).map { centre[$0] }.sorted()
                    guard !around.isEmpty else { return centre[vertex] }
                    let middle = around.count / 2
                    return around.count % 2 == 1 ? around[middle] : (around[middle - 1] + around[middle]) / 2
                }
                let placed = pack(wanted, widths: layer.map { widths[$0] })
                for (vertex, x) in zip(layer, placed) { centre[vertex] = x }
            }
        }
        return centre.map { ($0 * 10).rounded() / 10 }
    }

    /// The closest positions to `wanted` that keep the order and `gap` between boxes: the
    /// mean of a left-to-right and a right-to-left pass that each push boxes apart.
    static func pack(_ wanted: [Double], widths: [Double]) -> [Double] {
        guard !wanted.isEmpty else { return [] }
        var rightward = wanted
        for i in rightward.indices.dropFirst() {
            let least = rightward[i - 1] + (widths[i - 1] + widths[i]) / 2 + gap
            rightward[i] = max(rightward[i], least)
        }
        var leftward = wanted
        for i in leftward.indices.reversed().dropFirst() {
            let most = leftward[i + 1] - (widths[i + 1] + widths[i]) / 2 - gap
            leftward[i] = min(leftward[i], most)
        }
        var result = zip(rightward, leftward).map { ($0 + $1) / 2 }
        // The mean keeps the order but may squeeze two boxes: push apart once more.
        for i in result.indices.dropFirst() {
            let least = result[i - 1] + (widths[i - 1] + widths[i]) / 2 + gap
            result[i] = max(result[i], least)
        }
        return result
    }

    private static func routes(_ graph: LayeredGraph, edges: [(from: Int, to: Int)], boxes: [Box]) -> [Route] {
        // Parallel edges (x * x uses x twice) are spread apart so both show.
        var parallel: [String: [Int]] = [:]
        for (index, edge) in edges.enumerated() { parallel["\(edge.from)-\(edge.to)", default: []].append(index) }
        return edges.enumerated().map { index, edge in
            let siblings = parallel["\(edge.from)-\(edge.to)"]!
            let offset = (Double(siblings.firstIndex(of: index)!) - Double(siblings.count - 1) / 2) * 8
            let chain = graph.chains[index]
            var points: [Point] = []
            let source = boxes[edge.from], target = boxes[edge.to]
            points.append(Point(x: source.centre + offset, y: source.y + source.height))
            for dummy in chain.dropFirst().dropLast() {
                points.append(Point(x: boxes[dummy].centre + offset, y: boxes[dummy].y))
            }
            points.append(Point(x: target.centre + offset, y: target.y))
            return Route(from: edge.from, to: edge.to, points: points)
        }
    }
}
