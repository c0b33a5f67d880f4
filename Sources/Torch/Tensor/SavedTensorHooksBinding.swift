import Autograd
import Interpreter
import Tensors

/// The natives behind `torch.autograd.graph.saved_tensors_hooks`, `save_on_cpu` and
/// `disable_saved_tensors_hooks` (PyTorch's `torch._C._autograd._push_saved_tensors_default_hooks`
/// and friends), in `torch._autograd`.
extension TorchRuntime {
    func bindSavedTensorHooks(_ interp: Interpreter, _ m: PyModule) {
        m.addFunction("_push_saved_tensors_default_hooks") { [unowned self] interp, a in
            guard a.count == 2 else { throw PyError.typeError("_push_saved_tensors_default_hooks() takes 2 arguments") }
            let hooks = savedTensorHooks(interp, pack: a[0], unpack: a[1])
            try bridged { try GradMode.pushSavedTensorHooks(hooks) }
            return .none
        }
        m.addFunction("_pop_saved_tensors_default_hooks") { _, _ in
            GradMode.popSavedTensorHooks()
            return .none
        }
        m.addFunction("_saved_tensors_hooks_disable") { interp, a in
            guard a.count >= 1 else { throw PyError.typeError("_saved_tensors_hooks_disable() takes a message") }
            let message = try interp.str(a[0])
            try bridged { try GradMode.disableSavedTensorHooks(message) }
            return .none
        }
        m.addFunction("_saved_tensors_hooks_enable") { _, _ in
            GradMode.enableSavedTensorHooks()
            return .none
        }
        m.addFunction("_saved_tensors_hooks_get_disabled_error_message") { _, _ in
            GradMode.savedTensorHooksDisabledMessage.map { .str($0) } ?? .none
        }
        m.addFunction("_node_class") { [unowned self] _, _ in .object(nodeClass) }
    }

    /// A Python pack/unpack pair as autograd's hooks (PyTorch's PySavedVariableHooks).
    func savedTensorHooks(_ interp: Interpreter, pack: PyValue, unpack: PyValue) -> SavedTensorHooks {
        SavedTensorHooks(pack: { [unowned self] t in
            PackedValue(try interp.call(pack, [wrap(t)]))
        }, unpack: { [unowned self] object in
            let r = try interp.call(unpack, [(object as! PackedValue).value])
            guard let t = tensorPayload(r) else {
                throw PyError.typeError("Output of saved tensor unpack_hook expected to be a Tensor but got result of type \(typeNameForError(r))")
            }
            return t
        })
    }
}

/// What a Python pack hook returned, kept by the saved tensor until unpacked.
final class PackedValue {
    let value: PyValue
    init(_ value: PyValue) { self.value = value }
}
