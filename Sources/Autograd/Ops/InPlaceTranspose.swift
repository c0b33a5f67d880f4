import Tensors

/// `transpose_` (and `swapaxes_`, `swapdims_`) of a tensor with history that is not a view:
/// ATen's `_rnn_impl_with_concat` ends with `output.transpose_(0, 1)` for `batch_first`
/// (`nn.RNN`, `nn.GRU`), so their output's grad_fn is TransposeBackward1 at version 1.
extension Differentiable {
    /// Whether `x` takes the tracked in-place transpose: grad mode on, x requires grad,
    /// has a grad_fn (not a leaf) and is not a view of another tensor.
    public static func tracksInPlaceTranspose(_ x: Tensor) -> Bool {
        guard GradMode.isEnabled, let m = x.meta, m.gradFn != nil, m.base == nil, !m.isMultiOutputView else { return false }
        return x.plainViewBase == nil
    }

    /// x takes the layout of `x.transpose(d0, d1)` (same storage, version bumped) and a
    /// TransposeBackward1 node on top of its history.
    public static func transposeInPlace(_ x: Tensor, _ d0: Int, _ d1: Int) throws(TensorError) {
        let view = try x.transpose(d0, d1)
        x.setData(view)
        x.bumpVersion()
        try rebase(x, "TransposeBackward1", []) { ctx in [try transpose(ctx.grad, d0, d1)] }
    }
}
