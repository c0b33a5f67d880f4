import Tensors

/// A backward formula: gets the incoming gradients (one per forward output) and returns
/// one gradient per forward input (nil where not needed or not differentiable).
public typealias BackwardFormula = (BackwardContext) throws -> [Tensor?]

/// A hook on the gradient of a tensor: may return a replacement gradient.
public typealias GradientHook = (Tensor) throws -> Tensor?

/// One recorded operation of the graph (`grad_fn`), named as PyTorch names it.
///
/// A node holds the edges to the nodes of its inputs, the tensors its formula needs
/// (freed after backward unless the graph is retained) and the formula itself, which is
/// a small closure written next to its forward op.
public final class Node {
    /// `grad_fn.name()`: `MulBackward0`, `torch::autograd::AccumulateGrad`.
    public let name: String
    /// `next_functions`, one edge per differentiable forward input.
    public let nextEdges: [Edge]
    /// Creation order; the engine runs the latest-created ready node first, as PyTorch does.
    public let sequenceNr: Int
    let formula: BackwardFormula?
    /// How many forward outputs this node has (gradients it receives).
    let numOutputs: Int
    /// Tensors saved for the formula, by fixed slot (nil slots were not needed).
    var saved: [SavedTensor?] = []
    /// Set once the saved tensors were freed by a backward pass without `retain_graph`.
    var savedReleased = false
    /// Which slots held a tensor when backward freed them (for `_saved_*` of described nodes).
    var releasedSlots: [Bool] = []
    /// The leaf this node accumulates into (AccumulateGrad only): `grad_fn.variable`.
    public let variable: Tensor?
    /// Hooks registered on outputs of this node (`register_hook` on a non-leaf).
    var tensorHooks: [(outputNr: Int, hook: HookEntry)] = []
    /// The object the binding shows as this node's `grad_fn` when it is not a plain node
    /// object: a custom `autograd.Function`'s ctx is its own grad_fn, as in PyTorch.
    public var owner: AnyObject?
    /// The binding's object for this node (a `grad_fn` value), held weakly so that
    /// `y.grad_fn is y.grad_fn` while Python holds it, as PyTorch caches a node's PyObject,
    /// without a reference cycle node -> object -> node.
    public weak var bindingObject: AnyObject?
    /// What `grad_fn._saved_<name>` shows, in PyTorch's order (see `SavedAttribute`); empty
    /// for nodes whose attributes are not described.
    public internal(set) var savedAttributes: [(name: String, value: SavedAttribute)] = []
    /// `grad_fn.register_prehook` / `register_hook` hooks, in registration order.
    var preHooks: [NodePreHookEntry] = []
    var postHooks: [NodePostHookEntry] = []
    /// `grad_fn.metadata`: the host's dict, made on first access and kept with the node.
    public var metadataObject: AnyObject?
    /// Non-leaf tensors that asked for `retain_grad()`, by output number.
    var retainedOutputs: [(outputNr: Int, meta: Weak<AutogradMeta>)] = []
    /// The forward stack when this node was made with anomaly mode on, for the warning
    /// backward gives when this node fails.
    var anomalyTrace: String?

    // Engine scratch, valid while `epoch` equals the running engine's epoch.
    var epoch = -1
    var dependencies = 0
    var inputBuffer: [Tensor?] = []
    /// Runs its formula in this pass.
    var needed = false
    /// Leads to a wanted gradient (so its gradient must be computed and it is queued).
    var wanted = false
    var queued = false

    /// The engine scratch above as one value, saved and restored around a reentrant run.
    struct RunScratch {
        var epoch: Int, dependencies: Int, inputBuffer: [Tensor?], needed: Bool, wanted: Bool, queued: Bool
    }
    var runScratch: RunScratch {
        get { RunScratch(epoch: epoch, dependencies: dependencies, inputBuffer: inputBuffer, needed: needed, wanted: wanted, queued: queued) }
        set {
            epoch = newValue.epoch; dependencies = newValue.dependencies; inputBuffer = newValue.inputBuffer
            needed = newValue.needed; wanted = newValue.wanted; queued = newValue.queued
        }
    }

    init(name: String, nextEdges: [Edge], numOutputs: Int = 1, formula: BackwardFormula?, variable: Tensor? = nil) {
        self.name = name
        self.nextEdges = nextEdges
        self.numOutputs = numOutputs
        self.formula = formula
        self.variable = variable
        if variable != nil {
            sequenceNr = Int.max
        } else {
            let state = GradMode.current
            sequenceNr = state.nextSequenceNr
            state.nextSequenceNr &+= 1
            if state.anomalyEnabled { anomalyTrace = AnomalyMode.forwardTrace(state) }
        }
    }

    /// Python's type name of the node object (`AccumulateGrad` for `torch::autograd::AccumulateGrad`).
    public var typeName: String {
        name.split(separator: "::").last.map(String.init) ?? name
    }

    /// `next_functions` as (node, input number) pairs.
    public var nextFunctions: [(node: Node?, inputNr: Int)] {
        nextEdges.map { ($0.node, $0.inputNr) }
    }

    public var isAccumulateGrad: Bool { variable != nil }

    /// `grad_fn._sequence_nr()`: creation order (AccumulateGrad: UINT64_MAX in PyTorch,
    /// shown here as Int.max).
    public var sequenceNumber: Int { sequenceNr }

    /// The tensors saved for the formula, in slot order, as they are now (no version
    /// check): what a graph drawing shows on request. Empty once freed by backward.
    public var savedTensors: [Tensor] { saved.compactMap { $0?.tensor ?? nil } }

    /// Whether a backward pass without `retain_graph` freed the saved tensors.
    public var savedTensorsFreed: Bool { savedReleased }

    /// Saves a tensor (or an empty slot) for the backward formula, at the next slot index.
    /// Refuses inference tensors, as PyTorch's SavedVariable does.
    func save(_ t: Tensor?, isOutput: Bool = false, outputNr: Int = 0) throws(TensorError) {
        guard let t else { saved.append(nil); return }
        saved.append(try SavedTensor(t, isOutput: isOutput, outputNr: isOutput ? outputNr : (t.meta?.outputNr ?? 0)))
    }

    /// Saves a forward output, which is never an inference tensor (nothing records in
    /// inference mode, and ops outside it allocate normal tensors).
    func saveOutput(_ t: Tensor, outputNr: Int) {
        // Not an inference tensor, so only a pack hook can fail: its error is parked for
        // the binding, which raises it once the op returns (`SavedTensorHookFailure`).
        do { saved.append(try SavedTensor(t, isOutput: true, outputNr: outputNr)) } catch { SavedTensorHookFailure.parkForLater(error); saved.append(nil) }
    }

    /// `grad_fn.register_prehook`-style hook on output `outputNr`.
    func addTensorHook(_ entry: HookEntry, outputNr: Int) {
        tensorHooks.append((outputNr, entry))
    }

    /// The saved tensors for a formula written outside this layer (a custom Function's
    /// `ctx.saved_tensors`), checked against in-place changes; nil slots stay nil.
    public func unpackSaved() throws(TensorError) -> [Tensor?] {
        if savedReleased { throw .runtime(Engine.freedGraphMessage) }
        var out: [Tensor?] = []
        for s in saved { out.append(try s?.unpack(for: self)) }
        return out
    }

    /// Saved slot `slot` as the formula would see it (`grad_fn._saved_self`): nil for an
    /// empty slot; PyTorch's "backward through the graph a second time" error once freed.
    public func unpackSaved(slot: Int) throws(TensorError) -> Tensor? {
        if savedReleased {
            // An empty slot stays None; a freed one is PyTorch's error.
            if slot < releasedSlots.count && releasedSlots[slot] { throw .runtime(Engine.freedGraphMessage) }
            return nil
        }
        guard slot < saved.count, let s = saved[slot] else { return nil }
        return try s.unpack(for: self)
    }

    /// `grad_fn._raw_saved_<name>.register_hooks(pack, unpack)`: packs slot `slot` now, with
    /// SavedVariable::register_hooks's errors (freed, None, hooks already set).
    public func registerSavedHooks(slot: Int, _ hooks: SavedTensorHooks) throws(TensorError) {
        if savedReleased && slot < releasedSlots.count && releasedSlots[slot] {
            throw .runtime("Calling register_hooks on a saved tensor after it has been freed. Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved variables after calling backward.")
        }
        guard !savedReleased, slot < saved.count, let s = saved[slot] else {
            throw .runtime("Calling register_hooks on a saved tensor with value None is forbidden")
        }
        saved[slot] = try s.withHooks(hooks)
    }

    /// Whether saved slot `slot` holds a tensor (not freed, not empty).
    public func hasSaved(slot: Int) -> Bool { slot < saved.count && saved[slot] != nil }

    /// `grad_fn.register_prehook(hook)`.
    public func addPreHook(_ hook: @escaping NodePreHook) -> NodePreHookEntry {
        let e = NodePreHookEntry(hook)
        preHooks.append(e)
        return e
    }

    /// `grad_fn.register_hook(hook)`.
    public func addPostHook(_ hook: @escaping NodePostHook) -> NodePostHookEntry {
        let e = NodePostHookEntry(hook)
        postHooks.append(e)
        return e
    }

    /// Whether any saved slot went through saved-tensor hooks (backward then unpacks all
    /// slots before the formula, as PyTorch's generated `apply` does).
    var hasPackedSaved: Bool { saved.contains { $0?.packed != nil } }

    /// Saves `tensors` into slots 0..., packing them in `order` (PyTorch's order of the
    /// saved attributes), the slots not named in `order` afterwards.
    func save(_ tensors: [Tensor?], order: [Int]) throws(TensorError) {
        saved = [SavedTensor?](repeating: nil, count: tensors.count)
        var done = [Bool](repeating: false, count: tensors.count)
        for slot in order + Array(tensors.indices) where slot < tensors.count && !done[slot] {
            done[slot] = true
            guard let t = tensors[slot] else { continue }
            saved[slot] = try SavedTensor(t, isOutput: false, outputNr: t.meta?.outputNr ?? 0)
        }
    }

    /// Drops saved tensors (after a backward pass that does not retain the graph).
    func releaseSaved() {
        if saved.contains(where: { $0 != nil }) {
            if !savedAttributes.isEmpty { releasedSlots = saved.map { $0 != nil } }
            saved.removeAll()
            savedReleased = true
        }
    }
}

/// `grad_fn.register_prehook`: gets the gradients of the node's outputs, may return
/// replacements (nil: keep).
public typealias NodePreHook = ([Tensor?]) throws -> [Tensor?]?
/// `grad_fn.register_hook`: gets (gradients of the inputs, of the outputs), may return
/// replacements for the input gradients (nil: keep).
public typealias NodePostHook = ([Tensor?], [Tensor?]) throws -> [Tensor?]?

/// A removable node pre-hook.
public final class NodePreHookEntry {
    let hook: NodePreHook
    public private(set) var removed = false
    init(_ hook: @escaping NodePreHook) { self.hook = hook }
    public func remove() { removed = true }
}

/// A removable node post-hook.
public final class NodePostHookEntry {
    let hook: NodePostHook
    public private(set) var removed = false
    init(_ hook: @escaping NodePostHook) { self.hook = hook }
    public func remove() { removed = true }
}

/// A removable hook (`handle.remove()`).
public final class HookEntry {
    let hook: GradientHook
    var removed = false
    init(_ hook: @escaping GradientHook) { self.hook = hook }
    /// `RemovableHandle.remove()`.
    public func remove() { removed = true }
}

/// A weak reference, for back references that would otherwise form cycles.
struct Weak<T: AnyObject> {
    weak var value: T?
    init(_ value: T) { self.value = value }
}
