import Tensors

/// What autograd keeps on a tensor (in `Tensor.autogradMeta`): the leaf `requires_grad`
/// flag, `.grad`, `grad_fn` and output number, hooks and view bookkeeping.
/// Tensors that never touched autograd have no meta at all.
public final class AutogradMeta {
    /// `requires_grad` set by the user on a leaf.
    var requiresGradFlag = false
    var gradFn: Node?
    var outputNr = 0
    var grad: Tensor?
    /// The leaf's AccumulateGrad, shared by every op using the leaf while the graph lives.
    weak var gradAccumulator: Node?
    var retainsGrad = false
    /// Hooks of a leaf (run before accumulation).
    var leafHooks: [HookEntry] = []
    /// For views made by differentiable view ops: the tensor viewed (`._base`).
    var base: Tensor?

    init() {}

    init(gradFn: Node, outputNr: Int) {
        self.gradFn = gradFn
        self.outputNr = outputNr
    }
}

extension Tensor {
    /// The autograd meta, if any. Only this layer stores into `autogradMeta`.
    @inline(__always)
    var meta: AutogradMeta? {
        guard let m = autogradMeta else { return nil }
        return unsafeDowncast(m, to: AutogradMeta.self)
    }

    /// The meta, created if missing.
    var ensuredMeta: AutogradMeta {
        if let m = meta { return m }
        let m = AutogradMeta()
        autogradMeta = m
        return m
    }
}
