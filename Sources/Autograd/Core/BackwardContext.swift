import Tensors

/// What a backward formula sees: the incoming gradients, the saved tensors and which
/// input gradients are wanted (PyTorch's `should_compute_output`).
public struct BackwardContext {
    /// One per forward output; nil where no gradient arrived (multi-output nodes only).
    public let grads: [Tensor?]
    let node: Node
    /// Whether the engine runs with input filtering (`inputs=`/`autograd.grad`).
    let filtered: Bool
    /// The saved slots unpacked up front (nodes whose tensors went through
    /// saved-tensor hooks: PyTorch unpacks every saved variable before the formula).
    var unpacked: [Tensor?]? = nil

    init(grads: [Tensor?], node: Node, filtered: Bool, unpacked: [Tensor?]? = nil) {
        self.grads = grads
        self.node = node
        self.filtered = filtered
        self.unpacked = unpacked
    }

    /// The gradient of the (first) output.
    public var grad: Tensor { grads[0]! }

    /// Saved tensor `i`, checked against in-place modification.
    public func saved(_ i: Int) throws(TensorError) -> Tensor {
        if let unpacked, i < unpacked.count, let t = unpacked[i] { return t }
        guard i < node.saved.count, let s = node.saved[i] else {
            preconditionFailure("\(node.name): saved slot \(i) is empty")
        }
        return try s.unpack(for: node)
    }

    /// Whether the gradient for forward input `i` is needed.
    public func needs(_ i: Int) -> Bool {
        guard let next = node.nextEdges[i].node else { return false }
        return !filtered || next.wanted
    }
}
