/// Orders the vertices within each layer to cut edge crossings (Sugiyama's second step):
/// sweeps down and up placing each vertex at the median position of its neighbours in the
/// layer just swept, then swaps adjacent vertices while that removes crossings; the best
/// order seen wins. Ties keep the current order, so the result depends only on the input.
struct LayerOrdering {
    /// Vertices of each layer, left to right.
    private(set) var layers: [[Int]]
    private let graph: LayeredGraph
    private let above: [[Int]]
    private let below: [[Int]]

    init(_ graph: LayeredGraph, sweeps: Int = 8) {
        self.graph = graph
        var above = Array(repeating: [Int](), count: graph.vertexCount)
        var below = Array(repeating: [Int](), count: graph.vertexCount)
        for segment in graph.segments {
            above[segment.to].append(segment.from)
            below[segment.from].append(segment.to)
        }
        self.above = above
        self.below = below
        layers = Self.initialOrder(graph, above: above)
        var best = layers
        var bestCrossings = crossings
        for sweep in 0..<sweeps where bestCrossings > 0 {
            if sweep % 2 == 0 {
                for index in layers.indices.dropFirst() { reorder(index, by: above, in: index - 1) }
            } else {
                for index in layers.indices.reversed().dropFirst() { reorder(index, by: below, in: index + 1) }
            }
            transpose()
            let count = crossings
            if count < bestCrossings {
                best = layers
                bestCrossings = count
            }
        }
        layers = best
    }

    /// A depth-first walk up from the bottom layer, inputs in edge order: the order in which
    /// the graph's own numbering meets them, already close to crossing-free for trees.
    private static func initialOrder(_ graph: LayeredGraph, above: [[Int]]) -> [[Int]] {
        var layers = Array(repeating: [Int](), count: graph.layerCount)
        var seen = Array(repeating: false, count: graph.vertexCount)
        func visit(_ vertex: Int) {
            guard !seen[vertex] else { return }
            seen[vertex] = true
            layers[graph.layer[vertex]].append(vertex)
            for next in above[vertex] { visit(next) }
        }
        let bottom = (0..<graph.vertexCount).filter { graph.layer[$0] == graph.layerCount - 1 }
        for vertex in bottom { visit(vertex) }
        for vertex in 0..<graph.vertexCount { visit(vertex) }
        return layers
    }

    /// Positions of every vertex in its layer.
    var positions: [Int] {
        var positions = Array(repeating: 0, count: graph.vertexCount)
        for layer in layers { for (index, vertex) in layer.enumerated() { positions[vertex] = index } }
        return positions
    }

    /// Edge crossings between all adjacent layers.
    var crossings: Int {
        let positions = self.positions
        var total = 0
        for index in layers.indices.dropLast() { total += crossings(between: index, positions) }
        return total
    }

    private func crossings(between index: Int, _ positions: [Int]) -> Int {
        var pairs: [(Int, Int)] = []
        for vertex in layers[index] { for next in below[vertex] { pairs.append((positions[vertex], positions[next])) } }
        var count = 0
        for i in pairs.indices {
            for j in pairs.indices where j > i {
                let (a, b) = pairs[i], (c, d) = pairs[j]
                if (a < c && b > d) || (a > c && b < d) { count += 1 }
            }
        }
        return count
    }

    private mutating func reorder(_ index: Int, by neighbours: [[Int]], in fixed: Int) {
        let positions = self.positions
        let keyed = layers[index].enumerated().map { place, vertex -> (key: Double, place: Int, vertex: Int) in
            let around = neighbours[vertex].map { positions[$0] }.sorted()
            return (Self.median(around) ?? Double(place), place, vertex)
        }
        layers[index] = keyed.sorted { $0.key != $1.key ? $0.key < $1.key : $0.place < $1.place }.map(\.vertex)
    }

    /// The median of sorted positions; the mean of the middle two for an even count.
    static func median(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Swaps neighbours within a layer while a swap lowers the crossings.
    private mutating func transpose() {
        guard graph.vertexCount <= 120 else { return }
        var improved = true
        var rounds = 0
        while improved && rounds < 8 {
            improved = false
            rounds += 1
            for index in layers.indices {
                for place in layers[index].indices.dropLast() {
                    let before = crossings
                    layers[index].swapAt(place, place + 1)
                    if crossings < before { improved = true } else { layers[index].swapAt(place, place + 1) }
                }
            }
        }
    }
}
