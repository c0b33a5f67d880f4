import Autograd
import Interpreter
import Tensors

/// A `grad_fn._raw_saved_<name>` value: `torch._C._autograd.SavedTensor` in PyTorch, an
/// opaque handle on one saved slot of a node.
final class RawSavedBox {
    let node: Node
    let slot: Int?
    init(node: Node, slot: Int?) {
        self.node = node
        self.slot = slot
    }
}

/// What autograd lessons inspect on a `grad_fn`: the saved tensors and arguments
/// (`_saved_self`, `_saved_result`, `_saved_exponent`, `_raw_saved_self`), `metadata`,
/// `register_hook`/`register_prehook`, `_sequence_nr()`, as PyTorch's generated node
/// classes expose them.
extension TorchRuntime {
    func bindNodeIntrospection(_ interp: Interpreter, _ cls: PyClass, node: @escaping (PyValue) throws -> Node) {
        cls.addMethod("__getattr__") { [unowned self] interp, s, args in
            let n = try node(s)
            let name = try interp.str(args[0])
            if let value = try savedAttribute(interp, n, name) { return value }
            throw PyError.attributeError("'\(n.typeName)' object has no attribute '\(name)'")
        }
        cls.addMethod("__dir__") { _, s, _ in
            let n = try node(s)
            var names = ["_input_metadata", "_register_hook_dict", "_sequence_nr", "_set_sequence_nr", "metadata",
                         "name", "next_functions", "register_hook", "register_prehook", "requires_grad"]
            for (attr, value) in n.savedAttributes {
                names.append("_saved_" + attr)
                switch value {
                case .tensor, .tensorList: names.append("_raw_saved_" + attr)
                default: break
                }
            }
            if n.isAccumulateGrad { names.append("variable") }
            return .list(names.sorted().map { .str($0) })
        }
        cls.addProperty("metadata") { [unowned self] _, s in
            let n = try node(s)
            if let d = n.metadataObject as? PyDict { return .object(d) }
            let d = PyDict()
            n.metadataObject = d
            _ = self
            return .object(d)
        }
        cls.addProperty("requires_grad") { _, s in
            let n = try node(s)
            return .bool(n.isAccumulateGrad || n.nextFunctions.contains { $0.node != nil })
        }
        cls.addMethod("register_prehook") { [unowned self] interp, s, args in
            guard args.count == 1 else { throw PyError.typeError("register_prehook() takes exactly one argument") }
            let f = args[0]
            let entry = try node(s).addPreHook { [unowned self] grads in
                let r = try interp.call(f, [.tuple(grads.map { $0.map { wrap($0) } ?? .none })])
                return try hookResult(interp, r, f, expected: grads.count)
            }
            return nodeHookHandle(interp, NodeHookRemover { entry.remove() })
        }
        cls.addMethod("register_hook") { [unowned self] interp, s, args in
            guard args.count == 1 else { throw PyError.typeError("register_hook() takes exactly one argument") }
            let f = args[0]
            let entry = try node(s).addPostHook { [unowned self] inputs, outputs in
                let r = try interp.call(f, [.tuple(inputs.map { $0.map { wrap($0) } ?? .none }),
                                            .tuple(outputs.map { $0.map { wrap($0) } ?? .none })])
                return try hookResult(interp, r, f, expected: inputs.count)
            }
            return nodeHookHandle(interp, NodeHookRemover { entry.remove() })
        }
    }

    /// `_saved_<attr>` / `_raw_saved_<attr>` of `n`, or nil when `n` has no such attribute.
    private func savedAttribute(_ interp: Interpreter, _ n: Node, _ name: String) throws -> PyValue? {
        let raw = name.hasPrefix("_raw_saved_")
        guard raw || name.hasPrefix("_saved_") else { return nil }
        let attr = String(name.dropFirst(raw ? "_raw_saved_".count : "_saved_".count))
        guard let value = n.savedAttributes.first(where: { $0.name == attr })?.value else { return nil }
        if raw {
            switch value {
            case let .tensor(slot): return rawSavedValue(interp, n, slot: slot)
            case let .tensorList(slots):
                // Once freed, the list getter raises the freed-graph error (unpacking a freed
                // slot throws it before any hook runs).
                if n.savedTensorsFreed, let first = slots.compactMap({ $0 }).first {
                    _ = try bridgedHooks { try n.unpackSaved(slot: first) }
                }
                return .tuple(slots.map { rawSavedValue(interp, n, slot: $0 ?? Int.max) })
            default: return nil
            }
        }
        switch value {
        case let .tensor(slot):
            // Unpacking may run an unpack hook: a hook's own exception is raised as is.
            let t = try bridgedHooks { try n.unpackSaved(slot: slot) }
            return t.map { wrap($0) } ?? PyValue.none
        case let .scalar(s):
            switch s {
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(Int(i))
            case .float(let d): return .float(d)
            case .complex(let re, let im): return try interp.makeComplex(re, im)
            }
        // PyTorch's getters hand int64 arguments to Python as unsigned (`dim=-1` shows
        // 18446744073709551615).
        case let .int(i): return PyBigInt.unsigned(UInt64(bitPattern: Int64(i)))
        case let .bool(b): return .bool(b)
        case let .string(text): return .str(text)
        case let .tensorList(slots):
            return .tuple(try slots.map { slot -> PyValue in
                guard let slot else { return PyValue.none }
                let t = try bridgedHooks { try n.unpackSaved(slot: slot) }
                return t.map { wrap($0) } ?? PyValue.none
            })
        case let .ints(v): return .tuple(v.map { PyBigInt.unsigned(UInt64(bitPattern: Int64($0))) })
        case .none, .wrappedNumber: return PyValue.none  // wrapped numbers become slots when recorded
        }
    }

    /// A `SavedTensor` object for a slot (a new object per access: the identity of
    /// PyTorch's cached object is not kept).
    private func rawSavedValue(_ interp: Interpreter, _ n: Node, slot: Int) -> PyValue {
        if savedTensorClass == nil {
            let cls = interp.makeClass("SavedTensor", module: "torch._C._autograd")
            cls.addMethod("__repr__") { _, s, _ in
                let id = s.asObject.map { UInt(bitPattern: ObjectIdentifier($0).hashValue) } ?? 0
                return .str("<torch._C._autograd.SavedTensor object at 0x\(String(id, radix: 16))>")
            }
            cls.addMethod("register_hooks") { [unowned self] interp, s, args in
                guard let box = s.payload(RawSavedBox.self), let slot = box.slot else { return .none }
                guard args.count == 2, !args.hasKeywords, args.positional.allSatisfy({ if case .object = $0 { return true } else { return false } }) else {
                    let given = try ([s] + args.positional).map { try interp.repr($0) }.joined(separator: ", ")
                    throw PyError.typeError("register_hooks(): incompatible function arguments. The following argument types are supported:\n    1. (self: torch._C._autograd.SavedTensor, arg0: collections.abc.Callable, arg1: collections.abc.Callable) -> None\n\nInvoked with: \(given)")
                }
                let hooks = savedTensorHooks(interp, pack: args[0], unpack: args[1])
                try bridgedHooks { try box.node.registerSavedHooks(slot: slot, hooks) }
                return .none
            }
            savedTensorClass = cls
        }
        return .object(PyInstance(cls: savedTensorClass!, payload: RawSavedBox(node: n, slot: slot)))
    }

    /// A node hook's result: None keeps the gradients; otherwise a tuple of as many
    /// tensors (or None), with PyTorch's messages (python_hook.cpp `check_result`).
    private func hookResult(_ interp: Interpreter, _ r: PyValue, _ f: PyValue, expected: Int) throws -> [Tensor?]? {
        if r.isNone { return nil }
        guard let items = r.asTuple?.items else {
            throw PyError.typeError("expected tuple, but hook returned '\(typeNameForError(r))'")
        }
        if items.count != expected {
            let hookName = (try? interp.getAttribute(f, "__name__"))?.asString ?? "hook"
            throw PyError(type: "RuntimeError", message: "hook '\(hookName)' has returned an incorrect number of values (got \(items.count), but expected \(expected))")
        }
        return try items.map { v -> Tensor? in
            if v.isNone { return nil }
            guard let t = tensorPayload(v) else {
                throw PyError.typeError("expected Variable, but hook returned '\(typeNameForError(v))'")
            }
            return t
        }
    }

    private func nodeHookHandle(_ interp: Interpreter, _ remover: NodeHookRemover) -> PyValue {
        if nodeHandleClass == nil {
            let cls = interp.makeClass("RemovableHandle", module: "torch.utils.hooks")
            cls.addMethod("remove") { _, s, _ in
                s.payload(NodeHookRemover.self)?.remove()
                return .none
            }
            nodeHandleClass = cls
        }
        return .object(PyInstance(cls: nodeHandleClass!, payload: remover))
    }
}

/// The payload of a node hook's handle.
final class NodeHookRemover {
    let remove: () -> Void
    init(_ remove: @escaping () -> Void) { self.remove = remove }
}

/// Runs `body`, raising a saved-tensor hook's own exception (parked by the Autograd layer
/// while it could only throw `TensorError`) instead of the marker error.
func bridgedHooks<R>(_ body: () throws -> R) throws -> R {
    do {
        let r = try body()
        if SavedTensorHookFailure.anyPending, let e = SavedTensorHookFailure.take() { throw e }
        return r
    } catch let e as TensorError {
        if let parked = SavedTensorHookFailure.take() { throw (parked as? TensorError)?.python ?? parked }
        throw e.python
    }
}
