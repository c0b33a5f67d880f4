import Autograd
import Interpreter
import NumPy
import Tensors

/// The bridge between torch and numpy as PyTorch has it: `t.numpy()` and
/// `torch.from_numpy(a)` share memory, `torch.as_tensor(a)` shares it when the dtype
/// matches, `torch.tensor(a)` copies, NumPy scalars count as Python numbers, and numpy
/// functions accept CPU tensors (what `np.asarray(t)` does through `__array__`).
extension TorchRuntime {
    static let requiresGradNumpy = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."

    /// An array over `t`'s storage (no copy).
    func sharedArray(_ t: Tensor) throws -> NDArray {
        if t.requiresGrad { throw PyError.runtimeError(Self.requiresGradNumpy) }
        if t.device != .cpu {
            throw PyError.typeError("can't convert \(t.device) device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.")
        }
        if t.dtype == .bfloat16 { throw PyError.typeError("Got unsupported ScalarType BFloat16") }
        let view = Tensor(storage: t.storage, sizes: t.sizes, strides: t.strides, offset: t.offset, dtype: t.dtype,
                          versionCounter: t.versionCounter)
        return NDArray(tensor: view)
    }

    /// A tensor over an array's storage (no copy).
    func sharedTensor(_ a: NDArray) -> Tensor {
        let t = a.tensor
        return Tensor(storage: t.storage, sizes: t.sizes, strides: t.strides, offset: t.offset, dtype: t.dtype,
                      versionCounter: t.versionCounter)
    }

    /// A NumPy array or scalar as a tensor operand of an arithmetic operator.
    func arrayOperand(_ v: PyValue) -> Tensor? {
        guard let a = NDArray.from(v) else { return nil }
        let t = sharedTensor(a)
        // PyTorch converts an ndarray operand as a 1-element tensor that takes part in
        // type promotion (`ones(2) + np.array(2.0)` is float64).
        if a.ndim == 0 {
            return Tensor(storage: t.storage, sizes: [1], strides: [0], offset: t.offset, dtype: t.dtype, versionCounter: t.versionCounter)
        }
        return t
    }

    func bindNumPyBridge(_ interp: Interpreter, _ m: PyModule) throws {
        tensorClass.addMethod("numpy") { [unowned self] interp, s, args in
            guard let t = rawTensorPayload(s) else { return .notImplemented }
            if t.isConj {
                throw PyError.runtimeError("Can't call numpy() on Tensor that has conjugate bit set. Use tensor.resolve_conj().numpy() instead.")
            }
            if t.isNeg {
                throw PyError.runtimeError("Can't call numpy() on Tensor that has negative bit set. Use tensor.resolve_neg().numpy() instead.")
            }
            let force = try args.bind(Signature("numpy", [], keywordOnly: ["force"])).value(0, or: .false)
            if try interp.truthy(force) {
                let d = try bridged { try Op.to(t.alias(), t.dtype, copy: true) }
                return try NumPyRuntime.of(interp).wrap(interp, try self.sharedArray(d))
            }
            return try NumPyRuntime.of(interp).wrap(interp, try self.sharedArray(t))
        }
        tensorClass.addMethod("__array__") { [unowned self] interp, s, _ in
            guard let t = tensorPayload(s) else { return .notImplemented }
            return try NumPyRuntime.of(interp).wrap(interp, try self.sharedArray(t))
        }
        m.addFunction("from_numpy") { [unowned self] interp, args in
            guard args.count == 1 else { throw PyError.typeError("from_numpy() takes exactly 1 argument (\(args.count) given)") }
            guard let a = NDArray.from(args[0]), !NumPyRuntime.isScalar(args[0]) else {
                throw PyError.typeError("expected np.ndarray (got \(self.typeNameForError(args[0])))")
            }
            return self.wrap(self.sharedTensor(a))
        }
    }

    /// Lets numpy functions take CPU tensors (`np.asarray(t)`) and torch dtypes.
    func configureNumPy(_ np: NumPyRuntime) {
        np.foreignArray = { [unowned self] v in
            guard let t = tensorPayload(v) else { return nil }
            return try self.sharedArray(t)
        }
        np.foreignDType = { [unowned self] v in (try? self.dtype(v)) ?? nil }
        np.foreignWrap = { [unowned self] a in self.wrap(self.sharedTensor(a)) }
    }
}
