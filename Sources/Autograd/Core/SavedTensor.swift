import Tensors

/// A tensor saved for backward with the version it had then, so that a later in-place
/// change is reported instead of silently producing a wrong gradient.
///
/// Outputs are saved as a separate tensor object over the same storage without autograd
/// meta, so output -> node -> saved output forms no reference cycle. Under
/// `saved_tensors_hooks` only what the pack hook returned is kept (PyTorch's
/// SavedVariable with hooks): unpacking calls the unpack hook and wraps its tensor anew.
struct SavedTensor {
    /// The saved tensor itself; nil when packed by hooks.
    let stored: Tensor?
    let packed: PackedTensor?
    let version: Int
    let isOutput: Bool
    /// The output number the saved tensor had (for outputs: of the saving node).
    let outputNr: Int

    /// What PyTorch's SavedVariable says when given an inference tensor.
    static let inferenceMessage = "Inference tensors cannot be saved for backward. Please do not use Tensors created in inference mode in computation tracked by autograd. To work around this, you can make a clone to get a normal tensor and use it in autograd, or use `torch.no_grad()` instead of `torch.inference_mode()`."

    init(_ t: Tensor, isOutput: Bool, outputNr: Int) throws(TensorError) {
        if t.isInference { throw .runtime(SavedTensor.inferenceMessage) }
        self.isOutput = isOutput
        self.version = t.version
        self.outputNr = outputNr
        let state = GradMode.current
        if let hooks = state.savedTensorHooks.last, state.savedHooksDisabledMessage == nil {
            stored = nil
            packed = try PackedTensor(t, hooks: hooks, isOutput: isOutput)
        } else {
            stored = isOutput ? t.alias() : t
            packed = nil
        }
    }

    /// A Python number wrapped as a tensor: saved as is, never packed (SavedVariable skips
    /// hooks for wrapped numbers so they do not leak to the user).
    init(wrappedNumber t: Tensor) {
        stored = t
        packed = nil
        version = t.version
        isOutput = false
        outputNr = 0
    }

    /// `SavedTensor.register_hooks(pack, unpack)` on a tensor saved without hooks: the pack
    /// hook gets a detached copy of a saved input (the saved output as kept), under no_grad.
    func withHooks(_ hooks: SavedTensorHooks) throws(TensorError) -> SavedTensor {
        guard let t = stored else {
            throw .runtime("Calling register_hooks on a saved tensor whose hooks have already been set. Hint: only one pair of hooks is allowed at a time.")
        }
        let packed = try PackedTensor(isOutput ? t : t.detach(), hooks: hooks, isOutput: isOutput, metadataOf: t)
        return SavedTensor(packed: packed, version: version, isOutput: isOutput, outputNr: outputNr)
    }

    private init(packed: PackedTensor, version: Int, isOutput: Bool, outputNr: Int) {
        stored = nil
        self.packed = packed
        self.version = version
        self.isOutput = isOutput
        self.outputNr = outputNr
    }

    /// The tensor as saved, without hooks or checks (teaching graphs); nil when packed.
    var tensor: Tensor? { stored }

    /// The saved tensor, after checking it was not modified in place. With grad mode on
    /// (create_graph), a saved output is reattached to `node` so formulas stay differentiable.
    func unpack(for node: Node) throws(TensorError) -> Tensor {
        if let packed { return try packed.unpack(for: node, outputNr: outputNr) }
        let tensor = stored!
        if tensor.version != version {
            var message = "one of the variables needed for gradient computation has been modified by an inplace operation: [\(tensor.dtype.legacyTypeName) \(Shape.describe(tensor.sizes))]"
            let owner: (Node, Int)? = isOutput ? (node, outputNr) : tensor.meta?.gradFn.map { ($0, tensor.meta!.outputNr) }
            if let (fn, nr) = owner {
                message += ", which is output \(nr) of \(SavedTensor.shortName(fn.name)),"
            }
            message += " is at version \(tensor.version); expected version \(version) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
            throw .runtime(message)
        }
        if isOutput && GradMode.current.isEnabled {
            let t = tensor.alias()
            t.autogradMeta = AutogradMeta(gradFn: node, outputNr: outputNr)
            return t
        }
        return tensor
    }

    /// `SigmoidBackward0` -> `Sigmoid`, as PyTorch 2.15 names nodes in this message.
    static func shortName(_ name: String) -> String {
        var s = Substring(name)
        while let last = s.last, last.isNumber { s = s.dropLast() }
        if s.hasSuffix("Backward") { return String(s.dropLast("Backward".count)) }
        return name
    }
}

/// A saved tensor held as whatever the pack hook returned, with the autograd facts
/// PyTorch's SavedVariable::save_metadata keeps to rebuild a tensor from the unpack
/// hook's result: the history of a saved non-leaf input, the accumulator of a leaf.
final class PackedTensor {
    let object: AnyObject
    let unpackHook: (AnyObject) throws -> Tensor
    let isLeaf: Bool
    let requiresGrad: Bool
    /// For a saved input with history: its grad_fn.
    let gradFn: Node?
    /// For a saved leaf that requires grad: its AccumulateGrad (weak, as PyTorch's).
    weak var accumulator: Node?

    /// What SavedVariable::set_hooks_and_pack_data says when the pack hook wrote into its input.
    static let inPlaceMessage = "A saved tensor pack hook is modifying its input in place. Tensors provided as input to pack hook can not be modified by in-place operations as this can lead to unexpected side-effects. Please open an issue if you need to perform in-place operations on the input to a pack hook."

    /// Packs `t`; the autograd facts come from `original` (the tensor that was saved, which
    /// `register_hooks` packs a detached copy of), or from `t` itself.
    init(_ t: Tensor, hooks: SavedTensorHooks, isOutput: Bool, metadataOf original: Tensor? = nil) throws(TensorError) {
        let source = original ?? t
        // A saved output is kept as an alias without meta: it is never a leaf.
        isLeaf = isOutput ? false : source.isLeaf
        requiresGrad = isOutput ? true : source.requiresGrad
        gradFn = (!isLeaf && !isOutput) ? source.meta?.gradFn : nil
        if isLeaf, requiresGrad, let m = source.meta { accumulator = Differentiable.accumulator(for: source, m) }
        unpackHook = hooks.unpack
        let version = t.version
        // The pack hook runs with grad mode off and gets the tensor itself.
        do {
            object = try GradMode.withGradMode(false) { try hooks.pack(t) }
        } catch {
            throw SavedTensorHookFailure.park(error)
        }
        if t.version != version { throw .runtime(PackedTensor.inPlaceMessage) }
    }

    /// SavedVariable::unpack with hooks: no version check; the unpack hook's tensor comes
    /// back as a new tensor object with the saved history (a saved output gets `node`).
    func unpack(for node: Node, outputNr: Int) throws(TensorError) -> Tensor {
        let data: Tensor
        do { data = try unpackHook(object) } catch { throw SavedTensorHookFailure.park(error) }
        let fn: Node? = isLeaf ? nil : (gradFn ?? node)
        if fn == nil && !requiresGrad && !data.requiresGrad { return data }
        let t = data.alias()
        if let fn {
            t.autogradMeta = AutogradMeta(gradFn: fn, outputNr: outputNr)
        } else {
            let m = AutogradMeta()
            m.requiresGradFlag = requiresGrad
            m.gradAccumulator = accumulator
            t.autogradMeta = m
        }
        return t
    }
}
