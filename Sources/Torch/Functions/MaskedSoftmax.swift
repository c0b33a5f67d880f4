import Interpreter
import Tensors

/// `torch._masked_softmax(input, mask, dim=None, mask_type=None)`: ATen's masked softmax,
/// the kernel the inference fast paths of MultiheadAttention and TransformerEncoderLayer
/// (`torch._native_multi_head_attention`, embedded Python) run. Forward only, as in
/// those paths (they require grad to be off).
extension TorchRuntime {
    func bindMaskedSoftmax(_ b: Binder) {
        let sig = Signature("_masked_softmax", ["input", "mask", "dim", "mask_type"], required: 2)
        b.free("_masked_softmax") { [unowned self] _, args in
            let a = try args.bind(sig)
            let x = try tensor(a[0]!, "_masked_softmax", "input")
            let mask = try tensor(a[1]!, "_masked_softmax", "mask")
            let dim = try a.given(2).flatMap { $0.isNone ? nil : try int($0, "_masked_softmax", "dim") } ?? (x.rank - 1)
            let type = try a.given(3).flatMap { $0.isNone ? nil : try int($0, "_masked_softmax", "mask_type") }
            return wrap(try bridged { try MaskedSoftmax.forward(x, mask: mask, dim: dim, maskType: type) })
        }
    }
}
