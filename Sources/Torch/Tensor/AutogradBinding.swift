import Autograd
import Interpreter
import Tensors

/// Payload of a `grad_fn` object.
final class NodeBox {
    let node: Node
    init(_ node: Node) { self.node = node }
}

/// Autograd's face in Python: `requires_grad`, `grad`, `grad_fn`, `backward`, hooks,
/// `torch.autograd.grad` and the grad-mode context managers.
extension TorchRuntime {
    func autogradState(_ t: Tensor) -> TensorFormatter.Autograd { t.autogradPrintState }

    /// `requires_grad=True` passed to a factory.
    func applyRequiresGrad(_ t: Tensor, _ flag: PyValue?) throws {
        guard let flag, truthy(flag) else { return }
        try bridged { try t.setRequiresGrad(true, from: .argument) }
    }

    var isGradEnabled: Bool {
        get { GradMode.isEnabled }
        set { GradMode.isEnabled = newValue }
    }

    /// A `grad_fn` object; its Python type is named after the node (`MulBackward0`).
    func nodeValue(_ node: Node?) -> PyValue {
        guard let node else { return .none }
        if let ctx = node.owner as? PyValueBox { return ctx.value }
        // One object per node while Python holds it, so identity (`is`, `next_functions`
        // against an input's `grad_fn`, nodes as dict keys) holds as in PyTorch.
        if let cached = node.bindingObject as? PyInstance { return .object(cached) }
        let name = node.typeName
        let cls: PyClass
        if let c = nodeClasses[name] { cls = c } else {
            cls = nodeInterp.makeClass(name, module: "torch.autograd.graph", base: nodeClass)
            nodeClasses[name] = cls
        }
        let object = PyInstance(cls: cls, payload: NodeBox(node))
        node.bindingObject = object
        return .object(object)
    }

    func buildNodeClass(_ interp: Interpreter) {
        nodeInterp = interp
        let cls = interp.makeClass("Node", module: "torch.autograd.graph")
        nodeClass = cls
        func node(_ s: PyValue) throws -> Node {
            guard let b = s.payload(NodeBox.self) else { throw PyError.typeError("expected a grad_fn node") }
            return b.node
        }
        cls.addMethod("name") { _, s, _ in .str(try node(s).name) }
        cls.addProperty("next_functions") { [unowned self] _, s in
            .tuple(try node(s).nextFunctions.map { .tuple([nodeValue($0.node), .int($0.inputNr)]) })
        }
        cls.addProperty("variable") { [unowned self] _, s in
            guard let v = try node(s).variable else { throw PyError.attributeError("'\(try node(s).typeName)' object has no attribute 'variable'") }
            return wrap(v)
        }
        cls.addMethod("__repr__") { _, s, _ in
            let n = try node(s)
            return .str("<\(n.typeName) object at 0x\(String(UInt(bitPattern: Unmanaged.passUnretained(n).toOpaque()), radix: 16))>")
        }
        cls.addMethod("__eq__") { _, s, args in
            guard let o = args[0].payload(NodeBox.self) else { return .notImplemented }
            return .bool(try node(s) === o.node)
        }
        cls.addMethod("__hash__") { _, s, _ in .int(ObjectIdentifier(try node(s)).hashValue) }
        cls.addMethod("_sequence_nr") { _, s, _ in .int(try node(s).sequenceNumber) }
        bindNodeIntrospection(interp, cls, node: node)
    }

    /// A Python callable as a gradient hook: it may return None (keep) or a tensor.
    private func gradientHook(_ interp: Interpreter, _ f: PyValue) -> GradientHook {
        { [unowned self] g in
            let r = try interp.call(f, [wrap(g)])
            if r.isNone { return nil }
            guard let t = tensorPayload(r) else { throw PyError.typeError("hook must return None or a Tensor") }
            return t
        }
    }

    func bindAutograd(_ b: Binder) {
        b.property("requires_grad", get: { _, t in .bool(t.requiresGrad) }, set: { [unowned self] _, t, v in
            try t.setRequiresGrad(truthy(v), from: .attribute)
        })
        b.property("is_leaf", get: { _, t in .bool(t.isLeaf) })
        b.property("_version", get: { _, t in
            if !t.versionCounter.tracksVersion { throw PyError(type: "RuntimeError", message: "Inference tensors do not track version counter.") }
            return .int(t.version)
        })
        b.both("is_inference") { _, t, _ in .bool(t.isInference) }
        b.property("_base", get: { [unowned self] _, t in Differentiable.viewBase(t).map { wrap($0) } ?? .none })
        b.method("_is_view") { _, t, _ in .bool(Differentiable.viewBase(t) != nil) }
        b.property("grad_fn", get: { [unowned self] _, t in nodeValue(t.gradFn) })
        b.property("retains_grad", get: { _, t in .bool(t.retainsGrad) })
        b.property("output_nr", get: { _, t in .int(t.outputNr) })
        b.property("grad", get: { [unowned self] interp, t in
            if t.gradAccessWarns {
                interp.warn("The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more information.")
            }
            return t.grad.map { wrap($0) } ?? .none
        }, set: { [unowned self] _, t, v in
            if v.isNone { try t.setGrad(nil); return }
            // PyTorch's THPVariable_set_grad text (a list or number is not converted).
            guard let g = tensorPayload(v) else {
                throw PyError.typeError("assigned grad expected to be a Tensor or None but got grad of type \(typeNameForError(v))")
            }
            try t.setGrad(g)
        })
        b.property("data", get: { [unowned self] _, t in wrap(t.data) }, set: { [unowned self] _, t, v in
            t.setDataKeepingAutograd(try tensor(v, "data", "data"))
        })
        b.both("detach") { [unowned self] _, t, _ in wrap(t.detach()) }
        b.checkedMethod("detach_") { _, s, _ in
            guard let t = tensorPayload(s) else { return .notImplemented }
            _ = try bridged { try t.detach_() }
            return s
        }
        let requiresGradSig = Signature("requires_grad_", ["requires_grad"])
        b.checkedMethod("requires_grad_") { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { return .notImplemented }
            let flag = try args.bind(requiresGradSig).given(0).map { truthy($0) } ?? true
            _ = try bridged { try t.requiresGrad_(flag) }
            return s
        }
        b.method("retain_grad") { _, t, _ in
            try t.retainGrad()
            return .none
        }
        b.method("register_hook") { [unowned self] interp, t, args in
            guard args.count == 1 else { throw PyError.typeError("register_hook() takes exactly one argument") }
            let entry = try t.registerHook(gradientHook(interp, args[0]))
            return removableHandle(interp, entry)
        }
        b.method("register_post_accumulate_grad_hook") { [unowned self] interp, t, args in
            guard args.count == 1 else { throw PyError.typeError("register_post_accumulate_grad_hook() takes exactly one argument") }
            let f = args[0]
            let entry = try t.registerPostAccumulateGradHook { [unowned self] leaf in
                _ = try interp.call(f, [wrap(leaf)])
                return nil
            }
            return removableHandle(interp, entry)
        }
        let backwardSig = Signature("backward", ["gradient", "retain_graph", "create_graph", "inputs"])
        b.method("backward") { [unowned self] _, t, args in
            let bound = try args.bind(backwardSig)
            let gradient = try bound.given(0).map { try tensorOrScalar($0, "backward", "gradient") }
            let retain = bound.given(1).map { truthy($0) }
            let create = bound.given(2).map { truthy($0) } ?? false
            let inputs = try bound.given(3).map { v -> [Tensor] in
                if let t = tensorPayload(v) { return [t] }
                return try tensorList(v, "backward", "inputs")
            }
            try t.backward(gradient: gradient, retainGraph: retain, createGraph: create, inputs: inputs)
            return .none
        }
    }

    private func removableHandle(_ interp: Interpreter, _ entry: HookEntry) -> PyValue {
        if handleClass == nil {
            let cls = interp.makeClass("RemovableHandle", module: "torch.utils.hooks")
            cls.addMethod("remove") { _, s, _ in
                s.payload(HookEntry.self)?.remove()
                return .none
            }
            handleClass = cls
        }
        return .object(PyInstance(cls: handleClass!, payload: entry))
    }

    /// `torch.no_grad()`, `enable_grad()`, `set_grad_enabled(b)`, `inference_mode()`:
    /// context managers that are also decorators.
    func bindGradModes(_ interp: Interpreter, _ m: PyModule) {
        final class Context {
            let enabled: Bool
            /// `inference_mode(mode)`: inference mode set to `mode`, grad mode to its opposite.
            let inference: Bool?
            /// `set_grad_enabled(b)` switches when called; `__enter__` then has nothing to do.
            let immediate: Bool
            var saved: [GradMode.Saved] = []
            init(_ enabled: Bool, inference: Bool? = nil, immediate: Bool = false) {
                self.enabled = enabled
                self.inference = inference
                self.immediate = immediate
            }
            func enter() {
                saved.append(GradMode.save())
                if let mode = inference { GradMode.setInferenceMode(mode) } else { GradMode.isEnabled = enabled }
            }
            func exit() {
                if let s = saved.popLast() { GradMode.restore(s) }
            }
        }
        let names = ["no_grad", "enable_grad", "set_grad_enabled", "inference_mode"]
        var classes: [String: PyClass] = [:]
        for name in names {
            let cls = interp.makeClass(name, module: "torch.autograd.grad_mode")
            cls.addMethod("__enter__") { _, s, _ in
                guard let c = s.payload(Context.self), !c.immediate else { return .none }
                c.enter()
                return .none
            }
            cls.addMethod("__exit__") { _, s, _ in
                s.payload(Context.self)?.exit()
                return .false
            }
            cls.addMethod("__call__") { interp, s, args in
                guard let c = s.payload(Context.self), args.count == 1 else { throw PyError.typeError("expected a function to decorate") }
                // `@set_grad_enabled(False)` switched the mode when constructed; as a decorator
                // it puts the previous mode back (PyTorch's set_grad_enabled.__call__).
                if c.immediate { c.exit() }
                // Each call of the decorated function enters a fresh context of the same kind.
                let makeContext = interp.makeFunction("make_context") { _, _ in
                    .object(PyInstance(cls: cls, payload: Context(c.enabled, inference: c.inference)))
                }
                let gradMode = try interp.importModule("torch.autograd.grad_mode")
                return try interp.call(gradMode["_decorate"]!, [makeContext, args[0]])
            }
            classes[name] = cls
        }
        m.add("no_grad", classes["no_grad"]!)
        classes["no_grad"]!.setConstructor { _, cls, _ in .object(PyInstance(cls: cls, payload: Context(false))) }
        m.add("enable_grad", classes["enable_grad"]!)
        classes["enable_grad"]!.setConstructor { _, cls, _ in .object(PyInstance(cls: cls, payload: Context(true))) }
        m.add("inference_mode", classes["inference_mode"]!)
        // inference_mode(mode=True): a bool makes the context manager; a function (the bare
        // `@torch.inference_mode` decorator) is decorated with inference mode on.
        let inferenceSig = Signature("inference_mode", ["mode"])
        classes["inference_mode"]!.setConstructor { [unowned self] interp, cls, args in
            let given = try args.bind(inferenceSig).given(0)
            if let f = given, case .object = f {
                let c = PyInstance(cls: cls, payload: Context(false, inference: true))
                return try interp.call(.object(c), [f])
            }
            let on = given.map { truthy($0) } ?? true
            return .object(PyInstance(cls: cls, payload: Context(!on, inference: on)))
        }
        m.add("set_grad_enabled", classes["set_grad_enabled"]!)
        classes["set_grad_enabled"]!.addMethod("__repr__") { _, s, _ in
            .str("torch.autograd.grad_mode.set_grad_enabled(mode=\(s.payload(Context.self)?.enabled == true ? "True" : "False"))")
        }
        classes["set_grad_enabled"]!.setConstructor { [unowned self] _, cls, args in
            guard args.count == 1 else { throw PyError.typeError("set_grad_enabled() takes 1 positional argument but \(args.count) were given") }
            let c = Context(truthy(args[0]), immediate: true)
            // Takes effect at once (function form) and restores on __exit__ (context form);
            // the interpreter's thread hooks carry it into later cells and generators.
            c.enter()
            return .object(PyInstance(cls: cls, payload: c))
        }
        m.addFunction("is_grad_enabled") { _, _ in .bool(GradMode.isEnabled) }
        m.addFunction("is_inference_mode_enabled") { _, _ in .bool(GradMode.current.isInferenceMode) }
        m.addFunction("is_inference", keywordChecked(function: "is_inference") { [unowned self] _, args in
            guard args.count == 1, let t = tensorPayload(args[0]) else {
                throw PyError.typeError("is_inference(): argument 'input' (position 1) must be Tensor")
            }
            return .bool(t.isInference)
        })
        bindAnomalyMode(interp, m)
    }

    func buildAutograd(_ interp: Interpreter, _ m: PyModule) throws {
        let variableSig = Signature("Variable", ["data", "requires_grad"], required: 1)
        m.addFunction("Variable") { [unowned self] _, args in
            let bound = try args.bind(variableSig)
            let t = try tensor(bound[0]!, "Variable", "data")
            guard let flag = bound.given(1), truthy(flag) else { return bound[0]! }
            let out = t.detach()
            try bridged { try out.setRequiresGrad(true, from: .argument) }
            return wrap(out)
        }
        let gradSig = Signature("grad", ["outputs", "inputs", "grad_outputs", "retain_graph", "create_graph", "only_inputs", "allow_unused"],
                                keywordOnly: ["is_grads_batched", "materialize_grads"], required: 2)
        m.addFunction("grad") { [unowned self] _, args in
            let bound = try args.bind(gradSig)
            func tensors(_ v: PyValue, _ arg: String) throws -> [Tensor] {
                if let t = tensorPayload(v) { return [t] }
                return try tensorList(v, "grad", arg)
            }
            let outputs = try tensors(bound[0]!, "outputs")
            let inputs = try tensors(bound[1]!, "inputs")
            var gradOutputs: [Tensor?]?
            if let g = bound.given(2) {
                if let t = tensorPayload(g) { gradOutputs = [t] } else {
                    gradOutputs = try interp.iterate(g).map { $0.isNone ? nil : try tensor($0, "grad", "grad_outputs") }
                }
            }
            let grads = try bridged {
                try Engine.grad(outputs: outputs, inputs: inputs, gradOutputs: gradOutputs,
                                retainGraph: bound.given(3).map { truthy($0) }, createGraph: bound.given(4).map { truthy($0) } ?? false,
                                allowUnused: bound.given(6).map { truthy($0) } ?? false,
                                materializeGrads: bound.given(8).map { truthy($0) } ?? false)
            }
            return .tuple(grads.map { $0.map { wrap($0) } ?? .none })
        }
        let backwardSig = Signature("backward", ["tensors", "grad_tensors", "retain_graph", "create_graph"], keywordOnly: ["inputs"], required: 1)
        m.addFunction("backward") { [unowned self] _, args in
            let bound = try args.bind(backwardSig)
            let outputs = try tensorPayload(bound[0]!).map { [$0] } ?? tensorList(bound[0]!, "backward", "tensors")
            var grads: [Tensor?] = Array(repeating: nil, count: outputs.count)
            if let g = bound.given(1) {
                grads = try tensorPayload(g).map { [$0] } ?? interp.iterate(g).map { $0.isNone ? nil : try tensor($0, "backward", "grad_tensors") }
            }
            try bridged {
                try Engine.backward(outputs, gradients: grads, retainGraph: bound.given(2).map { truthy($0) },
                                    createGraph: bound.given(3).map { truthy($0) } ?? false,
                                    inputs: try bound.given(4).map { try tensorPayload($0).map { [$0] } ?? tensorList($0, "backward", "inputs") })
            }
            return .none
        }
        for name in ["no_grad", "enable_grad", "set_grad_enabled", "inference_mode"] {
            if let f = torchModule[name] { m.add(name, f) }
        }
        try addPythonAutograd(interp, m)
    }
}
