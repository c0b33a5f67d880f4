/// A directed acyclic graph cut into layers for drawing top-down (Sugiyama's first step):
/// every edge points one layer down, long edges broken by dummy vertices. Vertex numbers
/// below `realCount` are the caller's nodes; the rest are dummies.
struct LayeredGraph {
    /// Edges between adjacent layers, `from` above `to`.
    struct Segment: Equatable {
        var from: Int
        var to: Int
    }

    var realCount: Int
    /// Layer of every vertex, 0 at the top.
    var layer: [Int]
    var segments: [Segment]
    /// For each input edge, its vertices from top to bottom (ends included).
    var chains: [[Int]]

    var vertexCount: Int { layer.count }
    var layerCount: Int { (layer.max() ?? -1) + 1 }

    /// Layers so that each vertex sits one above its nearest consumer's layer... counted
    /// from the bottom: sinks (the graph's output) on the last layer, every other vertex
    /// one layer above the lowest-placed of the vertices it feeds, walked as the longest
    /// path to a sink. Inputs thus sit right above the first operation that uses them.
    init(count: Int, edges: [(from: Int, to: Int)]) {
        realCount = count
        var successors = Array(repeating: [Int](), count: count)
        for edge in edges { successors[edge.from].append(edge.to) }
        var height = Array(repeating: -1, count: count)
        func heightOf(_ vertex: Int) -> Int {
            if height[vertex] >= 0 { return height[vertex] }
            height[vertex] = 0
            height[vertex] = successors[vertex].map { heightOf($0) + 1 }.max() ?? 0
            return height[vertex]
        }
        for vertex in 0..<count { _ = heightOf(vertex) }
        let top = height.max() ?? 0
        layer = height.map { top - $0 }
        segments = []
        chains = []
        for edge in edges {
            var chain = [edge.from]
            var previous = edge.from
            var current = layer[edge.from] + 1
            while current < layer[edge.to] {
                layer.append(current)
                let dummy = layer.count - 1
                segments.append(Segment(from: previous, to: dummy))
                chain.append(dummy)
                previous = dummy
                current += 1
            }
            segments.append(Segment(from: previous, to: edge.to))
            chain.append(edge.to)
            chains.append(chain)
        }
    }
}
