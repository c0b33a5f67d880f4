import Tensors

/// A `torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook)` pair: while it is
/// the innermost pair, every tensor a node saves for backward is handed to `pack`, and
/// what `pack` returned is handed to `unpack` each time the tensor is needed (a backward
/// formula, `grad_fn._saved_self`). The closures are the host's (Python calls).
public struct SavedTensorHooks: @unchecked Sendable {
    public let pack: (Tensor) throws -> AnyObject
    public let unpack: (AnyObject) throws -> Tensor
    public init(pack: @escaping (Tensor) throws -> AnyObject, unpack: @escaping (AnyObject) throws -> Tensor) {
        self.pack = pack
        self.unpack = unpack
    }
}

/// A host error raised by a pack or unpack hook inside a save or unpack that can only
/// throw `TensorError`: it is parked here (per thread) and the `TensorError` carries a
/// marker message; the binding swaps the marker for the parked error, so the hook's own
/// exception reaches the script.
public enum SavedTensorHookFailure {
    /// The message of the `TensorError` that stands for a parked error.
    public static let marker = "<saved tensor hook raised>"

    /// Whether any thread parked an error (a cheap check after each native call).
    nonisolated(unsafe) public static var anyPending = false

    /// Parks `error` and returns the `TensorError` to throw in its place.
    static func park(_ error: Error) -> TensorError {
        if let e = error as? TensorError { return e }
        GradMode.current.pendingHookError = error
        anyPending = true
        return .runtime(marker)
    }

    /// Parks an error where nothing can throw (a saved output): the binding raises it
    /// when the op returns.
    static func parkForLater(_ error: Error) {
        if let e = error as? TensorError, e.message == marker { return }
        GradMode.current.pendingHookError = error
        anyPending = true
    }

    /// The parked error of this thread, if any, cleared.
    public static func take() -> Error? {
        let state = GradMode.current
        guard let e = state.pendingHookError else { return nil }
        state.pendingHookError = nil
        return e
    }
}

extension GradMode {
    /// `torch._C._autograd._push_saved_tensors_default_hooks`: refused while hooks are
    /// disabled, with the message `disable_saved_tensors_hooks` gave.
    public static func pushSavedTensorHooks(_ hooks: SavedTensorHooks) throws(TensorError) {
        let s = current
        if let message = s.savedHooksDisabledMessage { throw .runtime(message) }
        s.savedTensorHooks.append(hooks)
    }

    /// `_pop_saved_tensors_default_hooks`.
    public static func popSavedTensorHooks() {
        let s = current
        if !s.savedTensorHooks.isEmpty { s.savedTensorHooks.removeLast() }
    }

    /// `_saved_tensors_hooks_get_disabled_error_message`.
    public static var savedTensorHooksDisabledMessage: String? { current.savedHooksDisabledMessage }

    /// `_saved_tensors_hooks_disable(message)`: ATen refuses it (after setting the
    /// message) when hooks are already on the stack.
    public static func disableSavedTensorHooks(_ message: String) throws(TensorError) {
        let s = current
        s.savedHooksDisabledMessage = message
        if !s.savedTensorHooks.isEmpty { throw .runtime(message) }
    }

    /// `_saved_tensors_hooks_enable()`.
    public static func enableSavedTensorHooks() {
        current.savedHooksDisabledMessage = nil
    }
}
