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
    /// `register_post_accumulate_grad_hook`: called with the leaf after its `.grad` is updated.
    var postAccumulateHooks: [HookEntry] = []
    /// For views made by differentiable view ops: the tensor viewed (`._base`).
    var base: Tensor?
    /// A view made while grad mode was off of a tensor that requires grad (PyTorch's
    /// CreationMeta::NO_GRAD_MODE): writing into it with grad mode on is refused.
    var createdWithoutGrad = false
    /// The version counter's value when a view's grad_fn was set; an in-place write
    /// through the base or another view since then makes the grad_fn stale.
    var viewVersion = 0
    /// One of several views returned together (`split`, `unbind`), which PyTorch refuses
    /// to modify in place under grad mode.
    var isMultiOutputView = false

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

    /// The grad_fn, brought up to date first: a view whose base was written in place
    /// since its grad_fn was recorded gets an AsStridedBackward0 over the base's current
    /// history, as PyTorch regenerates it.
    var currentGradFn: Node? {
        guard let m = meta else { return nil }
        if let base = m.base, m.gradFn != nil, !m.createdWithoutGrad, version != m.viewVersion {
            m.gradFn = Differentiable.asStridedNode(self, base: base, next: Differentiable.gradientEdge(base))
            m.outputNr = 0
            m.viewVersion = version
        }
        return m.gradFn
    }

    /// The meta, created if missing.
    var ensuredMeta: AutogradMeta {
        if let m = meta { return m }
        let m = AutogradMeta()
        autogradMeta = m
        return m
    }
}
