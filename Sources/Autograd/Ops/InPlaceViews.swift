import Tensors

/// In-place view ops (`unsqueeze_`, `squeeze_`, `t_`, `transpose_`) on a tensor with
/// history: the tensor takes the view's layout, and, as PyTorch records them, a new grad_fn
/// (`UnsqueezeBackward1`, `SqueezeBackward4`, ...) whose edge is its previous history and
/// whose formula undoes the layout change. Tensors that are themselves views of another
/// are refused (PyTorch rewrites the view chain; Gradbook does not model that yet).
extension Differentiable {
    /// Whether `inPlaceView` can record `x`: it has no view base.
    public static func canRecordInPlaceView(_ x: Tensor) -> Bool {
        x.meta?.base == nil && x.plainViewBase == nil
    }

    /// Gives `x` the layout of `view` (a view of the same storage); with grad recording on,
    /// records `name` with `backward` mapping the new shape's gradient to the old one.
    public static func inPlaceView(_ x: Tensor, to view: Tensor, name: String,
                                   backward: @escaping (Tensor) throws(TensorError) -> Tensor) throws(TensorError) {
        try checkInPlace(x)
        let recording = isRecording(x)
        if recording && !canRecordInPlaceView(x) {
            throw .runtime("\(name): Gradbook does not track in-place view operations on views of tensors that require grad")
        }
        x.setData(view)
        x.bumpVersion()
        guard recording else { return }
        try rebase(x, name, []) { ctx in [try backward(ctx.grad)] }
    }
}
