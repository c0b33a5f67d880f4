#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ATen's CPU `_masked_softmax` (SoftMax.cpp's masked `host_softmax`), which the inference
/// fast path of `nn.MultiheadAttention` and `nn.TransformerEncoderLayer` uses. It is a
/// scalar loop, not the vectorised softmax kernel: per row the maximum over the kept
/// elements, `exp` from the C library (`expf` for float32), a sum in double, and each
/// element multiplied by the double reciprocal of that sum. Masked elements give 0; a row
/// with every element masked gives NaN (0 times the NaN reciprocal), as in PyTorch.
public enum MaskedSoftmax {
    /// `mask` is true where an element is dropped. `maskType` 0: an `[L, L]` attention mask
    /// for a `[B, H, L, L]` input; 1: a `[B, L]` key-padding mask; 2 (or any other shapes):
    /// the input's own shape.
    public static func forward(_ input: Tensor, mask: Tensor, dim: Int, maskType: Int?) throws(TensorError) -> Tensor {
        guard input.dtype == .float32 || input.dtype == .float64 else {
            throw .notImplemented("\"masked_softmax\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        guard mask.dtype == .bool else { throw .runtime("Mask should be a boolean tensor") }
        let rank = Swift.max(input.rank, 1)
        let d = dim < 0 ? dim + rank : dim
        var type = maskType ?? 2
        if mask.rank != 2 || input.rank != 4 { type = 2 }
        let full: Tensor
        switch type {
        case 0:
            full = try mask.reshape([1, 1] + mask.sizes).expand(input.sizes)
        case 1:
            guard input.sizes[0] == mask.sizes[0], input.sizes[2] == mask.sizes[1] else {
                throw .runtime("For mask_type == 1 mask shape should be (B, L)")
            }
            full = try mask.reshape([mask.sizes[0], 1, 1, mask.sizes[1]]).expand(input.sizes)
        default:
            guard input.sizes == mask.sizes else {
                throw .runtime("For mask_type == 2 mask shape should match input shape")
            }
            full = mask
        }
        let x = try input.contiguous().elementsAsDouble()
        let dropped = try full.contiguous().elements(as: Bool.self)
        let sizes = input.rank == 0 ? [1] : input.sizes
        let dimSize = sizes[d]
        let inner = sizes[(d + 1)...].reduce(1, *), outer = sizes[..<d].reduce(1, *)
        var out = [Double](repeating: 0, count: x.count)
        let isFloat = input.dtype == .float32
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * dimSize * inner + i
                var maxInput = x[base]
                var meaningful = false
                for k in 0..<dimSize where !dropped[base + k * inner] {
                    let v = x[base + k * inner]
                    maxInput = meaningful ? (maxInput < v ? v : maxInput) : v
                    meaningful = true
                }
                var sum = 0.0
                for k in 0..<dimSize {
                    let at = base + k * inner
                    var z = 0.0
                    if !dropped[at] {
                        z = isFloat ? Double(expf(Float(x[at]) - Float(maxInput))) : exp(x[at] - maxInput)
                    }
                    out[at] = z
                    sum += z
                }
                let scale = sum == 0 ? Double.nan : 1 / sum
                for k in 0..<dimSize {
                    let at = base + k * inner
                    out[at] = isFloat ? Double(Float(out[at] * scale)) : out[at] * scale
                }
            }
        }
        return try Tensor(values: out, shape: input.sizes, dtype: input.dtype, device: input.device)
    }
}
