import Interpreter
import Tensors

/// Autograd's face in Python: `requires_grad`, `grad`, `grad_fn`, `backward`, and the
/// grad-mode context managers. Until the Autograd layer lands this keeps only the grad
/// mode switch and reports every tensor as a leaf without gradient.
extension TorchRuntime {
    func autogradState(_ t: Tensor) -> TensorFormatter.Autograd { .none }

    /// `requires_grad=True` passed to a factory.
    func applyRequiresGrad(_ t: Tensor, _ flag: PyValue?) throws {
        guard let flag, truthy(flag) else { return }
        if !t.dtype.isFloatingPoint {
            throw PyError.runtimeError("Only Tensors of floating point and complex dtype can require gradients")
        }
    }

    var isGradEnabled: Bool {
        get { gradEnabledFlag }
        set { gradEnabledFlag = newValue }
    }

    func bindAutograd(_ b: Binder) {
        b.property("requires_grad", get: { _, _ in .false })
        b.property("is_leaf", get: { _, _ in .true })
        b.property("grad_fn", get: { _, _ in .none })
        b.property("grad", get: { _, _ in .none }, set: { _, _, _ in })
        b.property("data", get: { [unowned self] _, t in wrap(t.alias()) }, set: { [unowned self] _, t, v in
            t.setData(try tensor(v, "data", "data"))
        })
        b.both("detach") { [unowned self] _, t, _ in wrap(t.alias()) }
        b.cls.addMethod("detach_") { _, s, _ in s }
        b.cls.addMethod("requires_grad_") { _, s, _ in s }
    }

    /// `torch.no_grad()`, `enable_grad()`, `set_grad_enabled(b)`, `inference_mode()`:
    /// context managers that are also decorators.
    func bindGradModes(_ interp: Interpreter, _ m: PyModule) {
        let cls = interp.makeClass("_GradModeContext", module: "torch.autograd.grad_mode")
        final class Context {
            let enabled: Bool
            /// `set_grad_enabled(b)` switches when called; `__enter__` then has nothing to do.
            let immediate: Bool
            var saved: [Bool] = []
            init(_ enabled: Bool, immediate: Bool = false) {
                self.enabled = enabled
                self.immediate = immediate
            }
        }
        cls.addMethod("__enter__") { [unowned self] _, s, _ in
            guard let c = s.payload(Context.self), !c.immediate else { return .none }
            c.saved.append(isGradEnabled)
            isGradEnabled = c.enabled
            return .none
        }
        cls.addMethod("__exit__") { [unowned self] _, s, _ in
            guard let c = s.payload(Context.self), let prev = c.saved.popLast() else { return .false }
            isGradEnabled = prev
            return .false
        }
        cls.addMethod("__call__") { [unowned self] interp, s, args in
            guard let c = s.payload(Context.self), args.count == 1 else { throw PyError.typeError("expected a function to decorate") }
            let f = args[0]
            return interp.makeFunction("decorated") { [unowned self] interp, callArgs in
                let prev = isGradEnabled
                isGradEnabled = c.enabled
                defer { isGradEnabled = prev }
                return try interp.call(f, callArgs)
            }
        }
        func context(_ enabled: Bool) -> PyValue { .object(PyInstance(cls: cls, payload: Context(enabled))) }
        m.addFunction("no_grad") { _, _ in context(false) }
        m.addFunction("enable_grad") { _, _ in context(true) }
        m.addFunction("inference_mode") { [unowned self] _, args in context(args.count > 0 ? !truthy(args[0]) : false) }
        m.addFunction("set_grad_enabled") { [unowned self] _, args in
            guard args.count == 1 else { throw PyError.typeError("set_grad_enabled() takes 1 positional argument") }
            let mode = truthy(args[0])
            // Takes effect at once (function form) and restores on __exit__ (context form).
            let c = Context(mode, immediate: true)
            c.saved.append(isGradEnabled)
            isGradEnabled = mode
            let value = PyValue.object(PyInstance(cls: cls, payload: c))
            return value
        }
        m.addFunction("is_grad_enabled") { [unowned self] _, _ in .bool(isGradEnabled) }
        m.addFunction("is_inference_mode_enabled") { _, _ in .false }
    }

    func buildAutograd(_ interp: Interpreter, _ m: PyModule) throws {
        m.addFunction("Variable") { interp, args in
            guard args.count >= 1 else { throw PyError.typeError("Variable() missing required argument 'data'") }
            return args[0]
        }
        for name in ["no_grad", "enable_grad", "set_grad_enabled", "inference_mode"] {
            if let f = torchModule[name] { m.add(name, f) }
        }
    }
}
