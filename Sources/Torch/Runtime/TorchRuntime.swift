import Autograd
import Interpreter
import Tensors

/// One session's `torch`: the native classes it registered, the default generator and
/// the print options. Every bound function captures it, so parallel lessons (one
/// interpreter each) never share state.
final class TorchRuntime {
    /// `torch.manual_seed` and every random function without `generator=` use this one.
    let generator: CPUGenerator
    /// `torch.set_printoptions`.
    var printOptions = PrintOptions()
    /// `use_deterministic_algorithms`, `set_float32_matmul_precision`...: remembered, reported back.
    var globalFlags = GlobalFlags()
    /// `torch.autocast("cpu")`: the session's CPU autocast state.
    let autocast = AutocastState()
    /// PyTorch warns once per process (TORCH_WARN_ONCE) when `float()`/`complex()` converts
    /// a tensor that requires grad.
    var warnedScalarConversion = false

    var tensorClass: PyClass!
    var dtypeClass: PyClass!
    var sizeClass: PyClass!
    var deviceClass: PyClass!
    var generatorClass: PyClass!
    var nodeClass: PyClass!
    /// `grad_fn` classes by node name (`MulBackward0`), made on first sight.
    var nodeClasses: [String: PyClass] = [:]
    unowned(unsafe) var nodeInterp: Interpreter!
    var handleClass: PyClass?
    /// `torch._C._autograd.SavedTensor` (`grad_fn._raw_saved_self`) and node hook handles.
    var savedTensorClass: PyClass?
    var nodeHandleClass: PyClass?
    /// `set_default_tensor_type` warns once per session (TORCH_WARN_ONCE).
    var warnedDefaultTensorType = false
    /// `torch.float32` ... by `DType.rawValue`, so dtype objects are singletons (`is` works).
    var dtypeValues: [PyValue] = []
    /// `torch.return_types.max` ... by name.
    var returnTypeClasses: [String: PyClass] = [:]
    var torchModule: PyModule!
    /// `torch.serialization.add_safe_globals`: what `torch.load(weights_only=True)` also allows.
    var safeGlobals: [PyValue] = []
    /// Whether `installMathBitsMethodWrappers` ran (the first conjugate/negative view).
    var mathBitsWrappersInstalled = false

    init(seed: UInt64) {
        generator = CPUGenerator(seed: seed)
        TorchRuntime.unlinkInstalled
    }

    /// Wraps a tensor as a `torch.Tensor` instance.
    /// Installs, once per process (a lazy static runs once even with sessions on several
    /// threads), how a dying tensor object clears its tensor's `hostObject`.
    private static let unlinkInstalled: Void = {
        PyInstance.payloadUnlink = { payload, instance in
            let tensor = unsafeDowncast(payload, to: Tensor.self)
            if tensor.hostObject === instance { tensor.hostObject = nil }
        }
    }()

    /// The same tensor always comes back as the same object while that object is alive
    /// (a `Parameter` stays a `Parameter` when an in-place op returns it).
    @inline(__always)
    func wrap(_ t: Tensor) -> PyValue {
        if let existing = t.hostObject as? PyInstance { return .object(existing) }
        return adopt(t, as: tensorClass)
    }

    /// A new object of class `cls` (Tensor or a subclass) for `t`, remembered by `t`.
    func adopt(_ t: Tensor, as cls: PyClass) -> PyValue {
        let instance = PyInstance(cls: cls, payload: t)
        t.hostObject = instance
        instance.payloadLinksBack = true
        return .object(instance)
    }

    func wrap(_ ts: [Tensor]) -> PyValue {
        .tuple(ts.map { wrap($0) })
    }

    func dtypeValue(_ d: DType) -> PyValue { dtypeValues[d.rawValue] }
}

/// The tensor inside a `torch.Tensor` (or subclass such as `nn.Parameter`) value, as the
/// values it reads as: a conjugate or negative view (MathBitsBoundary.swift) comes resolved
/// into memory of its own, so every kernel reading an argument sees the right values.
@inline(__always)
func tensorPayload(_ v: PyValue) -> Tensor? {
    if case .object(let o) = v, let inst = o as? PyInstance, let t = inst.payload as? Tensor {
        return t.hasMathBits ? ((try? Differentiable.resolvedMathBits(t)) ?? t) : t
    }
    return nil
}

extension TensorError {
    /// The Python exception this error becomes (`RuntimeError: ...`). Once a kernel stopped
    /// for the cell's deadline, any error is the cell's uncatchable `TimeoutError` (a later
    /// kernel may have failed on the stopped one's incomplete result).
    var python: PyError {
        if CellDeadline.tripped, let description = CellDeadline.description { return PyError.cellTimeout(description) }
        // A saved-tensor hook's own exception, parked while autograd could only throw this.
        if SavedTensorHookFailure.anyPending, let parked = SavedTensorHookFailure.take() {
            if let e = parked as? PyError { return e }
            if let e = parked as? TensorError { return e.python }
        }
        return PyError(type: pythonType.rawValue, message: message)
    }
}

/// Runs `body`, turning tensor errors into Python exceptions with PyTorch's text.
@inline(__always)
func bridged<R>(_ body: () throws -> R) throws -> R {
    do {
        let result = try body()
        try CellDeadlineBridge.checkAfterNative()
        return result
    } catch let e as TensorError { throw e.python }
}
