import Autograd
import Interpreter
import Tensors

/// `torch._nn.sdpa_flash_cpu(query, key, value, attn_mask, is_causal, scale)`: the
/// CPU flash-attention kernel `F.scaled_dot_product_attention` uses for 4-D inputs without
/// dropout (Python decides when, as `sdp_utils_cpp` does); `attn_mask` is None or additive.
extension TorchRuntime {
    func addNativeAttention(_ m: PyModule) {
        m.addFunction("sdpa_flash_cpu") { [unowned self] _, args in
            let a = args.positional
            do {
                let q = try tensor(a[0], "scaled_dot_product_attention", "query")
                let k = try tensor(a[1], "scaled_dot_product_attention", "key")
                let v = try tensor(a[2], "scaled_dot_product_attention", "value")
                let mask = a[3].isNone ? nil : try tensor(a[3], "scaled_dot_product_attention", "attn_mask")
                let causal = try bool(a[4], "scaled_dot_product_attention", "is_causal")
                let scale = a[5].isNone ? nil : try double(a[5], "scaled_dot_product_attention", "scale")
                return wrap(try Differentiable.flashAttention(q, k, v, mask: mask, isCausal: causal, scale: scale))
            } catch let e as TensorError { throw e.python }
        }
    }
}
