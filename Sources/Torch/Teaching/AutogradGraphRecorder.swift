import Autograd
import Tensors

/// Walks a tensor's `grad_fn` graph into an `AutogradGraphRecord`: depth first from the
/// output, next edges in order, so node numbers are the same on every run.
struct AutogradGraphRecorder {
    /// Variable names of tensors (leaves, saved tensors) by object identity.
    var names: [ObjectIdentifier: String]
    var showSaved: Bool

    private var nodes: [AutogradGraphRecord.Node] = []
    private var edges: [AutogradGraphRecord.Edge] = []
    private var ids: [ObjectIdentifier: Int] = [:]

    init(names: [ObjectIdentifier: String], showSaved: Bool) {
        self.names = names
        self.showSaved = showSaved
    }

    /// `title` labels the output box (torchviz leaves it empty; `#| graph:` gives the expression).
    mutating func record(_ tensor: Tensor, expression: String, title: String? = nil) -> AutogradGraphRecord {
        let output = add(.output, title ?? expression, details(tensor))
        if let root = tensor.gradFn {
            edges.append(.init(from: visit(root), to: output))
        }
        return AutogradGraphRecord(expression: expression, nodes: nodes, edges: edges)
    }

    private mutating func visit(_ node: Node) -> Int {
        if let id = ids[ObjectIdentifier(node)] { return id }
        let id: Int
        if let leaf = node.variable {
            id = add(.accumulateGrad, "AccumulateGrad", [])
            ids[ObjectIdentifier(node)] = id
            let box = add(.leaf, names[ObjectIdentifier(leaf)] ?? "", details(leaf))
            edges.append(.init(from: box, to: id))
            return id
        }
        id = add(.backward, node.typeName, [])
        ids[ObjectIdentifier(node)] = id
        if showSaved {
            for saved in node.savedTensors {
                let box = add(.saved, names[ObjectIdentifier(saved)] ?? "saved", details(saved))
                edges.append(.init(from: box, to: id))
            }
        }
        for next in node.nextEdges {
            guard let input = next.node else { continue }
            edges.append(.init(from: visit(input), to: id))
        }
        return id
    }

    private mutating func add(_ kind: AutogradGraphRecord.Kind, _ title: String, _ details: [String]) -> Int {
        nodes.append(.init(id: nodes.count, kind: kind, title: title, details: details))
        return nodes.count - 1
    }

    private func details(_ t: Tensor) -> [String] {
        [t.shapeText + " " + t.dtype.name]
    }
}
