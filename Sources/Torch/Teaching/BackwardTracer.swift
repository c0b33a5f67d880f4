import Autograd
import Tensors

/// Runs `tensor.backward()` with the engine telling it of every node it runs, and keeps
/// what flowed in and out of each, in the engine's order.
struct BackwardTracer {
    var names: [ObjectIdentifier: String]
    var describe: (Tensor) -> String

    func trace(_ tensor: Tensor, expression: String) throws -> BackwardTraceRecord {
        let labels = self.labels(from: tensor.gradFn)
        var steps: [BackwardTraceRecord.Step] = []
        try tensor.backward(observer: { node, gradsIn, gradsOut in
            let flows = node.nextEdges.enumerated().map { index, edge in
                BackwardTraceRecord.Flow(input: index, to: edge.node.map { labels[ObjectIdentifier($0)] ?? $0.typeName } ?? "-",
                                         grad: index < gradsOut.count ? gradsOut[index].map(describe) : nil)
            }
            steps.append(.init(order: steps.count + 1, node: node.typeName, label: labels[ObjectIdentifier(node)] ?? node.typeName,
                               leaf: node.variable.flatMap { names[ObjectIdentifier($0)] },
                               gradIn: gradsIn.map { $0.map(describe) ?? "None" }, gradOut: flows))
        })
        return BackwardTraceRecord(expression: expression, steps: steps)
    }

    /// A name per node: its type, numbered (` #2`) in depth-first order where several nodes
    /// share a type; an AccumulateGrad names its leaf (`AccumulateGrad (x)`).
    private func labels(from root: Node?) -> [ObjectIdentifier: String] {
        var order: [Node] = []
        var seen: Set<ObjectIdentifier> = []
        func visit(_ node: Node) {
            guard seen.insert(ObjectIdentifier(node)).inserted else { return }
            order.append(node)
            for edge in node.nextEdges { if let next = edge.node { visit(next) } }
        }
        if let root { visit(root) }
        var counts: [String: Int] = [:]
        for node in order { counts[node.typeName, default: 0] += 1 }
        var seenOfType: [String: Int] = [:]
        var labels: [ObjectIdentifier: String] = [:]
        for node in order {
            var label = node.typeName
            if let leaf = node.variable, let name = names[ObjectIdentifier(leaf)] {
                label += " (\(name))"
            } else if counts[node.typeName]! > 1 {
                seenOfType[node.typeName, default: 0] += 1
                label += " #\(seenOfType[node.typeName]!)"
            }
            labels[ObjectIdentifier(node)] = label
        }
        return labels
    }
}

extension Tensor {
    /// `backward()` with an engine observer (see `Engine.Observer`).
    func backward(observer: @escaping Engine.Observer) throws {
        try Engine.backward([self], gradients: [nil], observer: observer)
    }
}
