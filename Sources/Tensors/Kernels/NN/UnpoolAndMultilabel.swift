/// `max_unpool2d` (each input value written at its index in a zero plane) and
/// `multilabel_margin_loss` (ATen's CPU loops, with its double accumulator).
public enum MaxUnpooling {
    public static func forward(_ input: Tensor, indices: Tensor, outputSize: (Int, Int)) throws(TensorError) -> Tensor {
        if input.rank != 3 && input.rank != 4 {
            throw .runtime("Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with \(input.rank) dimensions.")
        }
        if indices.sizes != input.sizes {
            throw .runtime("Expected shape of indices to be same as that of the input tensor (\(shapeText(input.sizes))) but got indices tensor with shape: \(shapeText(indices.sizes))")
        }
        try requireFloat(input.dtype, op: "max_unpooling2d_forward_out_cpu_frame")
        let (oh, ow) = outputSize
        let h = input.sizes[input.rank - 2], w = input.sizes[input.rank - 1]
        let planes = input.numel / Swift.max(h * w, 1)
        let at = try indices.contiguous().elementsAsInt64()
        let x = try input.contiguous()
        let out = try NNBuffer.zeros(Array(input.sizes.dropLast(2)) + [oh, ow], like: x)
        for k in 0..<at.count where at[k] < 0 || Int(at[k]) >= oh * ow {
            throw .runtime("Found an invalid max index: \(at[k]) (output volumes are of size \(oh)x\(ow))")
        }
        func run<T: NNFloat>(_: T.Type) {
            let px = NNBuffer.pointer(x, as: T.self), po = NNBuffer.pointer(out, as: T.self)
            for p in 0..<planes {
                for k in 0..<(h * w) { po[p * oh * ow + Int(at[p * h * w + k])] = px[p * h * w + k] }
            }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }

    /// The output gradient read back at each index.
    public static func backward(_ gradOutput: Tensor, indices: Tensor) throws(TensorError) -> Tensor {
        let h = indices.sizes[indices.rank - 2], w = indices.sizes[indices.rank - 1]
        let oh = gradOutput.sizes[gradOutput.rank - 2], ow = gradOutput.sizes[gradOutput.rank - 1]
        let planes = indices.numel / Swift.max(h * w, 1)
        let at = try indices.contiguous().elementsAsInt64()
        let g = try gradOutput.contiguous()
        let gx = try NNBuffer.zeros(indices.sizes, like: g)
        func run<T: NNFloat>(_: T.Type) {
            let pg = NNBuffer.pointer(g, as: T.self), pd = NNBuffer.pointer(gx, as: T.self)
            for p in 0..<planes {
                for k in 0..<(h * w) { pd[p * h * w + k] = pg[p * oh * ow + Int(at[p * h * w + k])] }
            }
        }
        if g.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return gx
    }
}

public enum MultilabelMargin {
    /// (frames, classes, per-frame target lists cut at the first -1) after PyTorch's checks.
    public static func plan(_ input: Tensor, _ target: Tensor) throws(TensorError) -> (Int, Int, [[Int]]) {
        if input.numel == 0 || input.rank > 2 {
            throw .runtime("Expected non-empty vector or matrix with optional 0-dim batch size, but got: \(shapeText(input.sizes))")
        }
        let frames = input.rank <= 1 ? 1 : input.sizes[0]
        let dim = input.rank == 0 ? 1 : input.sizes.last!
        let ok = input.rank <= 1 ? (target.numel > 0 && target.rank <= 1 && target.numel == dim)
                                 : (target.rank == 2 && target.sizes[0] == frames && target.sizes[1] == dim)
        if !ok {
            throw .runtime("inconsistent target size: \(shapeText(target.sizes)) for input of size: \(shapeText(input.sizes))")
        }
        let t = try target.contiguous().elementsAsInt64().map { Int($0) }
        if t.contains(where: { $0 < -1 || $0 >= dim }) { throw .runtime("argument #2 'target' is out of range") }
        let lists = (0..<frames).map { f in Array(t[(f * dim)..<((f + 1) * dim)].prefix { $0 >= 0 }) }
        return (frames, dim, lists)
    }

    /// Per-frame losses (reduction none, 2-d input) or the reduced scalar.
    public static func forward(_ input: Tensor, _ target: Tensor, reduction: Int) throws(TensorError) -> Tensor {
        try requireFloat(input.dtype, op: "multilabel_margin_loss_forward_out_frame")
        let (frames, dim, lists) = try plan(input, target)
        let x = try input.contiguous()
        func run<T: NNFloat>(_: T.Type) throws(TensorError) -> Tensor {
            let px = NNBuffer.pointer(x, as: T.self)
            // ATen sums each frame in double and hands it back in the element type.
            func frameSum(_ f: Int) -> T {
                let row = px + f * dim
                var isTarget = [Bool](repeating: false, count: dim)
                for y in lists[f] { isTarget[y] = true }
                var sum = 0.0
                for y in lists[f] {
                    for d in 0..<dim where !isTarget[d] {
                        let z = 1 - row[y] + row[d]
                        if z > 0 { sum += Double(z) }
                    }
                }
                return T(sum)
            }
            if reduction != 0 || target.rank <= 1 {
                var sum = 0.0
                for f in 0..<frames { sum += Double(frameSum(f)) }
                sum /= Double(dim)
                if reduction == 1 { sum /= Double(frames) }
                return try Tensor(values: [Double(T(sum))], shape: [], dtype: input.dtype, device: input.device)
            }
            let values = (0..<frames).map { f in Double(frameSum(f) / T(dim)) }
            return try Tensor(values: values, shape: [frames], dtype: input.dtype, device: input.device)
        }
        return input.dtype == .float32 ? try run(Float.self) : try run(Double.self)
    }

    public static func backward(_ gradOutput: Tensor, _ input: Tensor, _ target: Tensor, reduction: Int) throws(TensorError) -> Tensor {
        let (frames, dim, lists) = try plan(input, target)
        let x = try input.contiguous(), go = try gradOutput.contiguous().elementsAsDouble()
        let gx = try NNBuffer.zeros(input.sizes, like: x)
        func run<T: NNFloat>(_: T.Type) {
            let px = NNBuffer.pointer(x, as: T.self), pg = NNBuffer.pointer(gx, as: T.self)
            let g = T(reduction == 1 ? 1.0 / Double(frames * dim) : 1.0 / Double(dim))
            for f in 0..<frames {
                let row = px + f * dim, grow = pg + f * dim
                var isTarget = [Bool](repeating: false, count: dim)
                for y in lists[f] { isTarget[y] = true }
                for y in lists[f] {
                    for d in 0..<dim where !isTarget[d] && 1 - row[y] + row[d] > 0 {
                        grow[y] -= g
                        grow[d] += g
                    }
                }
            }
            let scalar = reduction != 0 || gradOutput.rank == 0
            for f in 0..<frames {
                for d in 0..<dim { pg[f * dim + d] *= T(scalar ? go[0] : go[f]) }
            }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return gx
    }
}
