/// The backward graph of one tensor, as plain data: what `#| graph:` and `torchviz.make_dot`
/// hand to the handout, which lays it out and draws it. Nodes are numbered in the order a
/// depth-first walk from the output meets them, so the same graph always gives the same data.
public struct AutogradGraphRecord: Sendable, Codable, Equatable {
    /// What a box stands for.
    public enum Kind: String, Sendable, Codable {
        /// The tensor the graph was drawn for (torchviz's green box).
        case output
        /// A `grad_fn` node: `MulBackward0`.
        case backward
        /// A leaf's `AccumulateGrad`.
        case accumulateGrad
        /// A leaf tensor (torchviz's blue box), above its AccumulateGrad.
        case leaf
        /// A tensor saved for backward (torchviz's orange box), drawn only on request.
        case saved
    }

    public struct Node: Sendable, Codable, Equatable {
        public var id: Int
        public var kind: Kind
        /// First line of the box: a node name, or a variable name (empty when unnamed).
        public var title: String
        /// Further lines: shape and dtype.
        public var details: [String]

        public init(id: Int, kind: Kind, title: String, details: [String] = []) {
            self.id = id
            self.kind = kind
            self.title = title
            self.details = details
        }
    }

    /// Gradients flow from `to` back to `from`; the edge is drawn from input to output.
    public struct Edge: Sendable, Codable, Equatable {
        public var from: Int
        public var to: Int
        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }
    }

    /// The expression the graph was drawn for (`loss`), or `make_dot` for torchviz figures.
    public var expression: String
    public var nodes: [Node]
    public var edges: [Edge]

    public init(expression: String, nodes: [Node], edges: [Edge]) {
        self.expression = expression
        self.nodes = nodes
        self.edges = edges
    }
}
