
/// `F.pad` in its four modes. Every output element either copies one input element
/// (found by a per-dimension index map) or is the constant; backward adds each output
/// gradient back to the element it copied.
public enum Padding {
    public enum Mode: String, Sendable { case constant, reflect, replicate, circular }

    /// For one dimension of size n padded by (before, after): the source of each output index.
    static func sourceMap(size n: Int, before: Int, after: Int, mode: Mode) -> [Int?] {
        (0..<(n + before + after)).map { o in
            var i = o - before
            switch mode {
            case .constant: return (i >= 0 && i < n) ? i : nil
            case .reflect:
                if i < 0 { i = -i }
                if i >= n { i = 2 * (n - 1) - i }
                return i
            case .replicate: return Swift.min(Swift.max(i, 0), n - 1)
            case .circular: return ((i % n) + n) % n
            }
        }
    }

    struct Plan {
        let inSizes: [Int], outSizes: [Int]
        let maps: [[Int?]]  // one per padded (trailing) dimension
        let inStrides: [Int]
    }

    static func plan(_ input: Tensor, _ pad: [Int], _ mode: Mode) throws(TensorError) -> Plan {
        if pad.count % 2 != 0 { throw .runtime("Padding length must be divisible by 2") }
        let k = pad.count / 2
        if k > input.rank {
            throw .runtime("Padding length should be less than or equal to two times the input dimension but got padding length \(pad.count) and input of dimension \(input.rank)")
        }
        var outSizes = input.sizes
        var maps: [[Int?]] = []
        for j in 0..<k {
            // pad lists the last dimension first.
            let dim = input.rank - 1 - j
            let before = pad[2 * j], after = pad[2 * j + 1], n = input.sizes[dim]
            if mode == .reflect && (before >= n || after >= n) {
                throw .runtime("Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (\(before), \(after)) at dimension \(dim) of input \(shapeText(input.sizes))")
            }
            if mode == .circular && (before > n || after > n) {
                throw .runtime("Padding value causes wrapping around more than once.")
            }
            let size = n + before + after
            if size < 0 {
                throw .runtime("The input size \(n), plus negative padding \(before) and \(after) resulted in a negative output size, which is invalid. Check dimension \(dim) of your input.")
            }
            outSizes[dim] = size
            maps.append(sourceMap(size: n, before: before, after: after, mode: mode))
        }
        var strides = [Int](repeating: 1, count: input.rank)
        for d in stride(from: input.rank - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * input.sizes[d + 1] }
        return Plan(inSizes: input.sizes, outSizes: outSizes, maps: maps.reversed(), inStrides: strides)
    }

    /// The input offset each output element copies, or nil for the constant.
    static func sources(_ p: Plan) -> [Int?] {
        let rank = p.outSizes.count, k = p.maps.count
        let total = p.outSizes.reduce(1, *)
        var result = [Int?](repeating: nil, count: total)
        var index = [Int](repeating: 0, count: rank)
        for flat in 0..<total {
            var offset = 0
            var inside = true
            for d in 0..<rank {
                let padded = d - (rank - k)
                if padded >= 0 {
                    guard let s = p.maps[padded][index[d]] else { inside = false; break }
                    offset += s * p.inStrides[d]
                } else {
                    offset += index[d] * p.inStrides[d]
                }
            }
            if inside { result[flat] = offset }
            var d = rank - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < p.outSizes[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return result
    }

    public static func forward(_ input: Tensor, pad: [Int], mode: Mode, value: Double) throws(TensorError) -> Tensor {
        let p = try plan(input, pad, mode)
        let src = sources(p)
        if input.dtype.isComplex {
            // Each output element copies a whole complex value (both parts), or is value + 0j.
            let x = try input.contiguous().viewAsReal().contiguous().elementsAsDouble()
            var parts = [Double]()
            parts.reserveCapacity(2 * src.count)
            for s in src {
                if let s { parts.append(x[2 * s]); parts.append(x[2 * s + 1]) } else { parts.append(value); parts.append(0) }
            }
            return try Tensor(values: parts, shape: p.outSizes + [2], dtype: input.dtype.realCounterpart, device: input.device).viewAsComplex()
        }
        if input.dtype.isFloatingPoint {
            let x = try input.contiguous().elementsAsDouble()
            return try Tensor(values: src.map { $0.map { x[$0] } ?? value }, shape: p.outSizes, dtype: input.dtype, device: input.device)
        }
        let x = try input.contiguous().elementsAsInt64()
        return try Tensor(values: src.map { $0.map { x[$0] } ?? Int64(value) }, shape: p.outSizes, dtype: input.dtype, device: input.device)
    }

    public static func backward(_ gradOutput: Tensor, inputSizes: [Int], pad: [Int], mode: Mode) throws(TensorError) -> Tensor {
        let probe = try Tensor(empty: inputSizes, dtype: gradOutput.dtype)
        let p = try plan(probe, pad, mode)
        let g = try gradOutput.contiguous().elementsAsDouble()
        let count = inputSizes.reduce(1, *)
        if mode == .circular {
            let values = gradOutput.dtype == .float32
                ? circularBackward(g.map { Float($0) }, outSizes: p.outSizes, inSizes: inputSizes, pad: pad).map(Double.init)
                : circularBackward(g, outSizes: p.outSizes, inSizes: inputSizes, pad: pad)
            return try Tensor(values: values, shape: inputSizes, dtype: gradOutput.dtype, device: gradOutput.device)
        }
        if gradOutput.dtype == .float32 {
            // ATen's cpu_padding_backward adds in scalar_t, in output order: float sums
            // round after every addition.
            var gx = [Float](repeating: 0, count: count)
            for (k, s) in sources(p).enumerated() { if let s { gx[s] += Float(g[k]) } }
            return try Tensor(values: gx.map(Double.init), shape: inputSizes, dtype: gradOutput.dtype, device: gradOutput.device)
        }
        var gx = [Double](repeating: 0, count: count)
        for (k, s) in sources(p).enumerated() { if let s { gx[s] += g[k] } }
        return try Tensor(values: gx, shape: inputSizes, dtype: gradOutput.dtype, device: gradOutput.device)
    }

    /// `_pad_circular` is composite: the input copied into the interior, then per padded
    /// dimension (last first) the left then the right band copied from the far side of the
    /// output. Autograd undoes those copies in reverse, each adding the band's gradient to
    /// its source once and zeroing the band, so corners (copied twice in 2-d and 3-d) sum
    /// in that order rather than the output order of the other modes.
    static func circularBackward<T: BinaryFloatingPoint>(_ g: [T], outSizes: [Int], inSizes: [Int], pad: [Int]) -> [T] {
        var work = g
        let rank = outSizes.count, k = pad.count / 2
        func undoCopy(dim: Int, band: Range<Int>, source: Int) {
            let n = outSizes[dim]
            let outer = outSizes[..<dim].reduce(1, *), inner = outSizes[(dim + 1)...].reduce(1, *)
            for o in 0..<outer {
                for b in band {
                    let to = (o * n + source + (b - band.lowerBound)) * inner, from = (o * n + b) * inner
                    for i in 0..<inner {
                        work[to + i] = work[to + i] + work[from + i]
                        work[from + i] = 0
                    }
                }
            }
        }
        for j in stride(from: k - 1, through: 0, by: -1) {
            let dim = rank - 1 - j, before = pad[2 * j], after = pad[2 * j + 1], n = outSizes[dim]
            if after > 0 { undoCopy(dim: dim, band: (n - after)..<n, source: Swift.max(before, 0)) }
            if before > 0 { undoCopy(dim: dim, band: 0..<before, source: n - before - Swift.max(after, 0)) }
        }
        // The interior: input index i sits at output i − max(−before, 0) + max(before, 0).
        var outStrides = [Int](repeating: 1, count: rank)
        for d in stride(from: rank - 2, through: 0, by: -1) { outStrides[d] = outStrides[d + 1] * outSizes[d + 1] }
        let total = inSizes.reduce(1, *)
        var result = [T](repeating: 0, count: total)
        var index = [Int](repeating: 0, count: rank)
        for flat in 0..<total {
            var offset = 0, inside = true
            for d in 0..<rank {
                let j = rank - 1 - d
                var o = index[d]
                if j < k {
                    let before = pad[2 * j], after = pad[2 * j + 1]
                    if o < Swift.max(-before, 0) || o >= inSizes[d] - Swift.max(-after, 0) { inside = false; break }
                    o += Swift.max(before, 0) - Swift.max(-before, 0)
                }
                offset += o * outStrides[d]
            }
            if inside { result[flat] = work[offset] }
            var d = rank - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < inSizes[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return result
    }
}
