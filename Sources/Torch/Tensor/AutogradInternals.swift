import Autograd
import Interpreter
import Tensors

/// Private ATen ops that PyTorch's own Python calls and that name their grad_fn after
/// themselves: `torch._safe_softmax` (SafeSoftmaxBackward0, the math attention path) and
/// `torch._pack_padded_sequence` (PackPaddedSequenceBackward0, `pack_padded_sequence`).
extension TorchRuntime {
    func bindAutogradInternals(_ b: Binder) {
        let safeSoftmaxSig = Signature("_safe_softmax", ["dim", "dtype"])
        b.function("_safe_softmax") { [unowned self] _, t, args in
            let bound = try args.bind(safeSoftmaxSig)
            guard let d = bound.given(0) else { throw PyError.typeError("_safe_softmax() missing 1 required positional arguments: \"dim\"") }
            return wrap(try Differentiable.safeSoftmax(t, dim: try int(d, "_safe_softmax", "dim"), dtype: try dtype(bound[1])))
        }
        // The caller (nn.utils.rnn._pack_padded) has checked the lengths with PyTorch's messages.
        let packSig = Signature("_pack_padded_sequence", ["lengths", "batch_first"], required: 2)
        b.function("_pack_padded_sequence") { [unowned self] _, t, args in
            let bound = try args.bind(packSig)
            guard let lengthsTensor = tensorPayload(bound[0]!) else {
                throw PyError.typeError("_pack_padded_sequence(): argument 'lengths' (position 2) must be Tensor")
            }
            let lengths = try lengthsTensor.elementsAsInt64().map { Int($0) }
            let (data, batchSizes) = try Differentiable.packPaddedSequence(t, lengths: lengths, batchFirst: truthy(bound[1]!))
            let sizes = try Tensor(values: batchSizes.map { Int64($0) }, shape: [batchSizes.count])
            return .tuple([wrap(data), wrap(sizes)])
        }
    }
}
