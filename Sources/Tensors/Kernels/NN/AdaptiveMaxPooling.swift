/// `adaptive_max_pool2d` on (C, H, W) or (N, C, H, W) input: the maximum over each
/// window [⌊o·in/out⌋, ⌈(o+1)·in/out⌉), with the flat in-plane index of the first maximum
/// (a NaN wins, as in ATen's `val > max || isnan(val)`).
public enum AdaptiveMaxPooling {
    public static func forward2d(_ input: Tensor, outputSize: (Int, Int)) throws(TensorError) -> (output: Tensor, indices: Tensor) {
        if input.rank != 3 && input.rank != 4 {
            throw .runtime("adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: \(shapeText(input.sizes))")
        }
        for d in 1..<input.rank where input.sizes[d] == 0 {
            throw .runtime("adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes \(shapeText(input.sizes)) with dimension \(d) being empty")
        }
        if input.device != .cpu { throw .runtime("adaptive_max_pool2d: only CPU tensors are supported") }
        try requireFloat(input.dtype, op: "adaptive_max_pool2d")
        return input.dtype == .float32 ? try run(input, outputSize, Float.self) : try run(input, outputSize, Double.self)
    }

    static func window(_ o: Int, _ size: Int, _ out: Int) -> Range<Int> {
        (o * size) / out..<((o + 1) * size + out - 1) / out
    }

    static func run<T: NNFloat>(_ input: Tensor, _ size: (Int, Int), _: T.Type) throws(TensorError) -> (output: Tensor, indices: Tensor) {
        let h = input.sizes[input.rank - 2], w = input.sizes[input.rank - 1]
        let leading = Array(input.sizes.dropLast(2))
        let planes = leading.reduce(1, *)
        let (keep, x) = try NNBuffer.read(input, as: T.self)
        defer { withExtendedLifetime(keep) {} }
        let out = try Tensor(empty: leading + [size.0, size.1], dtype: input.dtype, device: input.device)
        let idx = try Tensor(empty: leading + [size.0, size.1], dtype: .int64, device: input.device)
        let o = NNBuffer.pointer(out, as: T.self), oi = NNBuffer.pointer(idx, as: Int64.self)
        for plane in 0..<planes {
            let src = x + plane * h * w
            for oy in 0..<size.0 {
                for ox in 0..<size.1 {
                    var best = -T.infinity, at = -1
                    for y in window(oy, h, size.0) {
                        for xx in window(ox, w, size.1) {
                            let v = src[y * w + xx]
                            if v > best || v.isNaN { best = v; at = y * w + xx }
                        }
                    }
                    o[(plane * size.0 + oy) * size.1 + ox] = best
                    oi[(plane * size.0 + oy) * size.1 + ox] = Int64(at)
                }
            }
        }
        return (out, idx)
    }

    /// Each output gradient added to the input element its index names.
    public static func backward2d(gradOutput: Tensor, input: Tensor, indices: Tensor) throws(TensorError) -> Tensor {
        let h = input.sizes[input.rank - 2], w = input.sizes[input.rank - 1]
        let planes = input.numel / Swift.max(h * w, 1)
        let perPlane = indices.numel / Swift.max(planes, 1)
        let gx = try NNBuffer.zeros(input.sizes, like: input)
        let go = try gradOutput.contiguous().elementsAsDouble(), at = try indices.contiguous().elementsAsInt64()
        func spread<T: NNFloat>(_: T.Type) {
            let d = NNBuffer.pointer(gx, as: T.self)
            for plane in 0..<planes {
                for k in 0..<perPlane where at[plane * perPlane + k] >= 0 {
                    d[plane * h * w + Int(at[plane * perPlane + k])] += T(go[plane * perPlane + k])
                }
            }
        }
        if input.dtype == .float32 { spread(Float.self) } else { spread(Double.self) }
        return gx
    }
}
