import Tensors

/// Where a `requires_grad` request came from; PyTorch words the dtype refusal differently.
public enum RequiresGradEntry: Sendable {
    /// `torch.tensor(..., requires_grad=True)` and other factories.
    case argument
    /// `t.requires_grad = True`.
    case attribute
    /// `t.requires_grad_()`.
    case method
}

/// The autograd face of a tensor: `requires_grad`, `is_leaf`, `grad`, `grad_fn`, hooks.
extension Tensor {
    /// `requires_grad`: a leaf flagged by the user, or any result with a grad_fn.
    public var requiresGrad: Bool {
        guard let m = meta else { return false }
        return m.requiresGradFlag || m.gradFn != nil
    }

    /// Sets `requires_grad` on a leaf, refusing non-float dtypes and non-leaves with
    /// PyTorch's messages.
    public func setRequiresGrad(_ flag: Bool, from entry: RequiresGradEntry = .attribute) throws(TensorError) {
        if let m = meta, m.gradFn != nil {
            if entry == .argument || (entry == .method && flag) { return }
            throw .runtime("you can only change requires_grad flags of leaf variables." + (flag ? "" : " If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach()."))
        }
        // Complex tensors differentiate as PyTorch's (conjugate Wirtinger gradients).
        if flag && !dtype.isFloatingPoint && !dtype.isComplex {
            switch entry {
            case .argument: throw .runtime("Only Tensors of floating point and complex dtype can require gradients")
            case .attribute: throw .runtime("only Tensors of floating point and complex dtype can require gradients")
            case .method: throw .runtime("only Tensors of floating point dtype can require gradients")
            }
        }
        if flag && isInference && !GradMode.current.isInferenceMode {
            throw .runtime("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.")
        }
        if !flag && meta == nil { return }
        ensuredMeta.requiresGradFlag = flag
    }

    /// `requires_grad_(flag)`: returns self.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws(TensorError) -> Tensor {
        try setRequiresGrad(flag, from: .method)
        return self
    }

    /// `is_leaf`: no grad_fn.
    public var isLeaf: Bool { meta?.gradFn == nil }

    /// `grad_fn`.
    public var gradFn: Node? { currentGradFn }

    /// `output_nr`: which output of its grad_fn this tensor is.
    public var outputNr: Int { meta?.outputNr ?? 0 }

    /// `.grad` (nil for non-leaves that did not `retain_grad()`).
    public var grad: Tensor? { meta?.grad }

    /// Whether reading `.grad` should warn (a non-leaf without `retain_grad()`).
    public var gradAccessWarns: Bool { !isLeaf && !retainsGrad }

    /// `.grad = value`, with PyTorch's shape and dtype checks.
    public func setGrad(_ value: Tensor?) throws(TensorError) {
        guard let value else {
            meta?.grad = nil
            return
        }
        if value.sizes != sizes {
            throw .runtime("attempting to assign a gradient of size '\(Shape.describe(value.sizes))' to a tensor of size '\(Shape.describe(sizes))'. Please ensure that the gradient and the tensor are the same size")
        }
        if value.dtype != dtype {
            throw .runtime("attempting to assign a gradient with dtype '\(value.dtype.cppName)' to a tensor with grad_dtype '\(dtype.scalarTypeName)'. The gradient must match the tensor's grad_dtype (defaults to the tensor's dtype). You can set the tensor's grad_dtype attribute with a specific dtype, or None to allow any dtype. Set grad_dtype with caution. Diverging the dtypes of a tensor and its gradient may break downstream systems that assume they match.")
        }
        if value.device != device {
            throw .runtime("attempting to assign a gradient with device type '\(value.device)' to a tensor with device type '\(device)'. Please ensure that the gradient and the tensor are on the same device")
        }
        ensuredMeta.grad = value
    }

    /// `retains_grad`.
    public var retainsGrad: Bool { meta?.retainsGrad ?? false }

    /// `retain_grad()`: a non-leaf keeps its gradient in `.grad` after backward.
    public func retainGrad() throws(TensorError) {
        guard requiresGrad else { throw .runtime("can't retain_grad on Tensor that has requires_grad=False") }
        guard let m = meta, let fn = currentGradFn, !m.retainsGrad else { return }
        m.retainsGrad = true
        fn.retainedOutputs.append((m.outputNr, Weak(m)))
    }

    /// `register_hook(hook)`: the hook sees the gradient of this tensor and may replace it.
    @discardableResult
    public func registerHook(_ hook: @escaping GradientHook) throws(TensorError) -> HookEntry {
        guard requiresGrad else { throw .runtime("cannot register a hook on a tensor that doesn't require gradient") }
        let entry = HookEntry(hook)
        let m = ensuredMeta
        if let fn = currentGradFn {
            fn.addTensorHook(entry, outputNr: m.outputNr)
        } else {
            m.leafHooks.append(entry)
        }
        return entry
    }

    /// `register_post_accumulate_grad_hook(hook)`: `hook(tensor)` runs after backward has
    /// accumulated into this leaf's `.grad` (its result is ignored).
    public func registerPostAccumulateGradHook(_ hook: @escaping GradientHook) throws(TensorError) -> HookEntry {
        guard requiresGrad else { throw .runtime("cannot register a hook on a tensor that doesn't require gradient") }
        guard isLeaf else { throw .runtime("post accumulate grad hooks cannot be registered on non-leaf tensors") }
        let entry = HookEntry(hook)
        ensuredMeta.postAccumulateHooks.append(entry)
        return entry
    }

    /// `detach()`: same storage (and version counter), no history.
    /// Outside inference mode, detaching an inference tensor gives it a version counter
    /// of its own, as PyTorch's detach does (writing through it is then allowed).
    public func detach() -> Tensor {
        versionCounter.tracksVersion || InferenceAllocation.isActive ? alias() : aliasWithOwnVersion()
    }

    /// `detach_()`: drops this tensor's history in place.
    @discardableResult
    public func detach_() throws(TensorError) -> Tensor {
        if let m = meta {
            if m.base != nil {
                throw .runtime("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.")
            }
            m.gradFn = nil
            m.outputNr = 0
            m.requiresGradFlag = false
        }
        return self
    }

    /// `.data`: a tensor over the same storage that autograd does not track, with its own
    /// version counter (so writes through it never trip saved-tensor checks).
    public var data: Tensor { aliasWithOwnVersion() }

    /// `.data = other`: swaps storage and layout, keeping autograd identity.
    public func setDataKeepingAutograd(_ other: Tensor) { setData(other) }

    /// What `repr` shows after the elements: `grad_fn=<...>` or `requires_grad=True`.
    public var autogradPrintState: TensorFormatter.Autograd {
        guard let m = meta else { return .none }
        if let fn = currentGradFn { return .gradFn(fn.typeName) }
        return m.requiresGradFlag ? .requiresGrad : .none
    }

    /// `tensor.backward(gradient, retain_graph, create_graph, inputs)`.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool? = nil, createGraph: Bool = false,
                         inputs: [Tensor]? = nil) throws {
        try Engine.backward([self], gradients: [gradient], retainGraph: retainGraph,
                            createGraph: createGraph, inputs: inputs)
    }
}

extension Node {
    /// Python's repr of a node: `<MulBackward0 object at 0x...>` needs an address; this
    /// gives a stable identifier the binding can format.
    public var identity: ObjectIdentifier { ObjectIdentifier(self) }
}

extension Tensor {
    /// A second tensor object that is this tensor to autograd as well as to storage: same
    /// storage, version counter and autograd meta (`requires_grad`, `.grad`, `grad_fn`),
    /// as PyTorch's `as_subclass` gives a new Python object over the same TensorImpl.
    public func sharingAutograd() -> Tensor {
        let t = alias()
        t.autogradMeta = autogradMeta
        return t
    }
}
