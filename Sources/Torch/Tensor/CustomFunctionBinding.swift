import Autograd
import Interpreter
import Tensors

/// A Python value kept by a node (`Node.owner`): a custom Function's ctx object, which
/// PyTorch hands out as the output's `grad_fn`.
final class PyValueBox {
    let value: PyValue
    init(_ value: PyValue) { self.value = value }
}

/// `ctx._cdata`: the node a ctx belongs to, held weakly as PyTorch's THPFunction holds its
/// `cdata` (the node owns the ctx, not the other way round).
final class CtxNodeLink {
    weak var node: Node?
    init(_ node: Node?) { self.node = node }
}

/// `torch._autograd`: the natives behind the Python `torch.autograd.function` source —
/// recording a custom Function's node, its saved tensors and next functions, and the
/// `DelayedError` node of `@once_differentiable`.
extension TorchRuntime {
    func buildNativeAutograd(_ interp: Interpreter, _ m: PyModule) throws {
        if tensorClass == nil { _ = try interp.importModule("torch") }
        bindSavedTensorHooks(interp, m)
        let linkClass = interp.makeClass("_FunctionNode", module: "torch._autograd")

        func node(of ctx: PyValue) throws -> Node? {
            guard let link = try? interp.getAttribute(ctx, "_cdata"), let l = link.payload(CtxNodeLink.self) else { return nil }
            return l.node
        }
        func tensors(_ v: PyValue?) throws -> [Tensor] {
            guard let v, !v.isNone else { return [] }
            return try interp.iterate(v).compactMap { tensorPayload($0) }
        }

        // function_apply(ctx, name, args, outputs) -> outputs wired to the ctx's node.
        m.addFunction("function_apply") { [unowned self] interp, a in
            guard a.count == 4 else { throw PyError.typeError("function_apply() takes 4 arguments") }
            let ctx = a[0], name = try interp.str(a[1]), args = try interp.iterate(a[2]), rawOutputs = a[3]
            var isTuple = false
            var outputValues = [rawOutputs]
            if let items = rawOutputs.asTuple?.items {
                isTuple = true
                outputValues = items
            }
            let inputPositions = args.indices.filter { tensorPayload(args[$0]) != nil }
            let inputs = inputPositions.map { tensorPayload(args[$0])! }
            let outputPositions = outputValues.indices.filter { tensorPayload(outputValues[$0]) != nil }
            let outputs = outputPositions.map { tensorPayload(outputValues[$0])! }

            var marks = Differentiable.CustomFunctionMarks()
            marks.dirty = try tensors(try? interp.getAttribute(ctx, "dirty_tensors"))
            marks.nonDifferentiable = try tensors(try? interp.getAttribute(ctx, "non_differentiable"))
            if let saved = try? interp.getAttribute(ctx, "to_save"), !saved.isNone {
                marks.toSave = try interp.iterate(saved).map { tensorPayload($0) }
            }
            if let flag = try? interp.getAttribute(ctx, "materialize_grads") { marks.materializeGrads = try interp.truthy(flag) }

            let argCount = args.count
            let isTensorArg = args.map { tensorPayload($0) != nil }
            let formula: BackwardFormula = { [unowned self] bc in
                let grads = bc.grads.map { $0.map { self.wrap($0) } ?? .none }
                let result = try interp.callMethod(ctx, "apply", grads)
                var values = [result]
                if let items = result.asTuple?.items { values = items }
                if values.count > argCount, values[argCount...].allSatisfy(\.isNone) { values = Array(values[..<argCount]) }
                guard values.count == argCount else {
                    throw PyError.runtimeError("function \(name) returned an incorrect number of gradients (expected \(argCount), got \(values.count))")
                }
                var perInput: [Tensor?] = []
                for (i, v) in values.enumerated() {
                    if !isTensorArg[i] {
                        if !v.isNone {
                            throw PyError.runtimeError("function \(name) returned a gradient different than None at position \(i + 1), but the corresponding forward input was not a Variable")
                        }
                        continue
                    }
                    if v.isNone { perInput.append(nil); continue }
                    guard let t = tensorPayload(v) else { throw PyError.typeError("expected Variable or None (got \(interp.typeName(v)))") }
                    perInput.append(t)
                }
                return perInput
            }
            let (recorded, wrapped) = try bridged {
                try Differentiable.applyCustomFunction(name: name, inputs: inputs, outputs: outputs, marks: marks,
                                                       owner: PyValueBox(ctx), formula: formula)
            }
            try interp.setAttribute(ctx, "_cdata", interp.makeInstance(linkClass, payload: CtxNodeLink(recorded)))
            if recorded != nil { try interp.setAttribute(ctx, "to_save", .none) }
            var result = outputValues
            for (k, pos) in outputPositions.enumerated() { result[pos] = wrap(wrapped[k]) }
            return isTuple ? .tuple(result) : result[0]
        }

        // saved_tensors(ctx): what save_for_backward kept, checked for in-place changes.
        m.addFunction("saved_tensors") { [unowned self] interp, a in
            let ctx = a[0]
            guard let n = try node(of: ctx) else {
                let saved = (try? interp.getAttribute(ctx, "to_save")) ?? .none
                return saved.isNone ? .tuple([]) : .tuple(try interp.iterate(saved))
            }
            let ts = try bridged { try n.unpackSaved() }
            return .tuple(ts.map { $0.map { wrap($0) } ?? .none })
        }

        // set_class_module(cls, name): the module a class made by type() reports in its
        // repr (the node classes live in torch.autograd.function, as in PyTorch).
        m.addFunction("set_class_module") { interp, a in
            guard case .object(let o) = a[0], let cls = o as? PyClass else { throw PyError.typeError("set_class_module() expects a class") }
            cls.module = try interp.str(a[1])
            return a[0]
        }

        m.addFunction("next_functions") { [unowned self] _, a in
            guard let n = try node(of: a[0]) else { return .tuple([]) }
            return .tuple(n.nextFunctions.map { .tuple([nodeValue($0.node), .int($0.inputNr)]) })
        }

        // delayed_error(message, *tensors): aliases of the tensors whose grad_fn
        // (`torch::autograd::Error`, made by PyTorch's DelayedError) raises `message` when backward reaches it.
        m.addFunction("delayed_error") { [unowned self] interp, a in
            let message = try interp.str(a[0])
            let inputs = try a.positional.dropFirst().map { try tensor($0, "DelayedError", "input") }
            let (_, outs) = try bridged {
                try Differentiable.applyCustomFunction(name: "torch::autograd::Error", inputs: inputs, outputs: inputs,
                                                       marks: .init(), owner: nil) { _ in throw PyError.runtimeError(message) }
            }
            return .tuple(outs.map { wrap($0) })
        }
    }
}

extension TorchRuntime {
    /// The parts of `torch.autograd` written in Python (`Function`, `gradcheck`, ...):
    /// their source modules load now and their names join the native module.
    func addPythonAutograd(_ interp: Interpreter, _ m: PyModule) throws {
        let parts: [(module: String, names: [String])] = [
            ("torch.autograd.function", ["Function", "InplaceFunction", "NestedIOFunction", "once_differentiable"]),
            ("torch.autograd.gradcheck", ["gradcheck", "gradgradcheck"]),
            ("torch.autograd.functional", []),
            ("torch.autograd.forward_ad", []),
            ("torch.autograd.anomaly_mode", ["detect_anomaly", "set_detect_anomaly"]),
            ("torch.autograd.graph", []),
        ]
        for (name, names) in parts {
            let part = try interp.importModule(name)
            for n in names {
                if let v = part[n] { m.add(n, v) }
            }
        }
    }
}
