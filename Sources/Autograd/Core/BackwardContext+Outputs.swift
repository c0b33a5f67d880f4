import Tensors

extension BackwardContext {
    /// `plain` (an alias of this node's output `outputNr` kept without autograd meta, so
    /// output -> node -> formula -> output forms no reference cycle) as that output again:
    /// under grad mode (create_graph) it carries this node as its grad_fn, as a saved output
    /// unpacks in PyTorch, so a formula that uses the result stays differentiable through it.
    public func reattachedOutput(_ plain: Tensor, outputNr: Int) -> Tensor {
        let t = plain.alias()
        if GradMode.current.isEnabled { t.autogradMeta = AutogradMeta(gradFn: node, outputNr: outputNr) }
        return t
    }
}
