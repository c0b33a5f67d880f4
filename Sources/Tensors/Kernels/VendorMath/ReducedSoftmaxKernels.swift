/// softmax and log_softmax of float16/bfloat16 tensors, and their backward, as ATen's
/// `SoftMaxKernel.cpp` computes them for the reduced floating types: the elements widened
/// to float, the arithmetic in float, one rounding to the element type at the end, except
/// where ATen keeps an intermediate in a `scalar_t` buffer. Composing the op from
/// float16/bfloat16 `sub`/`exp`/`sum`/`div` rounds at every step and differs in last bits.
///
/// Measured against PyTorch 2.15 at AVX2 and AVX-512 (both types, rows of 1 to 100, inner
/// sizes 1 to 70; /work/fuzz-exact's emulator, then this code):
/// - softmax over the last dim (`_vec_softmax_lastdim`'s reduced form): maximum in vectors of
///   2L elements (L float lanes) then the rest; SLEEF exp over whole float vectors summed
///   lane-wise and folded by `vec_reduce_all`, libm's exp on the rest added in order;
///   outputs are exp · (1 / sum).
/// - log_softmax over the last dim (the generic `_vec_log_softmax_lastdim` with `scalar_t`
///   buffers): the sum of exps (`map_reduce_all`'s reduced form, SLEEF in every lane) and
///   its log are each rounded to the element type; output (x − max) − log.
/// - over another dim (`_vec_softmax`/`_vec_logsoftmax`, reduced forms): columns of 2L in
///   vectors (SLEEF exp), the rest as scalars (libm exp); softmax's scalar columns round each
///   exp to the element type before dividing by the float sum; log_softmax keeps float.
/// - backward: float throughout (opmath), sums not rounded; the vector and scalar paths
///   accumulate g·y and compute g − exp(y)·Σg with fused multiply-adds, as the float kernels.
enum ReducedSoftmaxKernels {
    /// Float lanes of the softmax kernels' build (`ALSO_REGISTER_AVX512_DISPATCH`); a
    /// reduced vector holds twice as many.
    static var floatLanes: Int { CPUCapability.lanes(Float.self, .avx512) }

    /// `vec::maximum`: NaN wins.
    @inline(__always) static func vmax(_ a: Float, _ b: Float) -> Float { (a.isNaN || b.isNaN) ? .nan : Swift.max(a, b) }

    /// `vec_reduce_all(op, v)` of one full float vector: the shuffle tree (halving).
    static func tree(_ v: inout [Float]) -> Float {
        var h = v.count / 2
        while h >= 1 {
            for l in 0..<h { v[l] = v[l] + v[l + h] }
            h /= 2
        }
        return v[0]
    }

    /// `vec_reduce_all(+, v, count)`: lanes added in order.
    static func inOrder(_ v: [Float], _ count: Int) -> Float {
        var s = v[0]
        for l in 1..<Swift.max(count, 1) { s = s + v[l] }
        return s
    }

    /// The reduced-type `map_reduce_all(f, +)` over n elements (functional_bfloat16.h): two
    /// float accumulators per reduced vector, a partial last vector merged with `set`, the
    /// two folded together and then by the tree; rows shorter than a reduced vector fold in
    /// order. `add(acc, i)` adds element i's mapped value to an accumulator.
    static func mapReduceSum(_ n: Int, first: (Int) -> Float, add: (Float, Int) -> Float) -> Float {
        let fl = floatLanes, rl = 2 * fl
        if n < rl {
            var v0 = [Float](repeating: 0, count: fl)
            for l in 0..<Swift.min(n, fl) { v0[l] = first(l) }
            if n > fl {
                for l in 0..<(n - fl) { v0[l] = add(v0[l], fl + l) }
                return inOrder(v0, fl)
            }
            return inOrder(v0, n)
        }
        var a0 = (0..<fl).map { first($0) }, a1 = (0..<fl).map { first(fl + $0) }
        var d = rl
        while d < n - n % rl {
            for l in 0..<fl { a0[l] = add(a0[l], d + l); a1[l] = add(a1[l], d + fl + l) }
            d += rl
        }
        let rest = n - d
        if rest > fl {
            for l in 0..<fl { a0[l] = add(a0[l], d + l) }
            for l in 0..<(rest - fl) { a1[l] = add(a1[l], d + fl + l) }
        } else if rest > 0 {
            for l in 0..<rest { a0[l] = add(a0[l], d + l) }
        }
        for l in 0..<fl { a0[l] = a0[l] + a1[l] }
        return tree(&a0)
    }

    /// Forward over the last dim: `x` and `out` hold `rows` rows of `n` floats (the inputs
    /// widened; the outputs before their final rounding). `round` rounds to the element type.
    static func forwardLastDim(_ sleef: SLEEFLibrary, log: Bool, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                               rows: Int, n: Int, round: (Float) -> Float) {
        let exp = sleef.exp(Float.self), ln = sleef.log(Float.self)
        let fl = floatLanes, rl = 2 * fl
        for r in 0..<rows {
            let row = x + r * n, o = out + r * n
            if log {
                var m = row[0]
                for i in 1..<n { m = vmax(m, row[i]) }
                let sum = mapReduceSum(n, first: { exp(row[$0] - m) }, add: { $0 + exp(row[$1] - m) })
                let logSum = round(ln(round(sum)))
                for i in 0..<n { o[i] = (row[i] - m) - logSum }
                continue
            }
            let nv = n - n % rl
            var m = -Float.infinity
            for i in 0..<nv { m = vmax(m, row[i]) }
            for i in nv..<n where m < row[i] { m = row[i] }
            let nf = n - n % fl
            var acc = [Float](repeating: 0, count: fl)
            var d = 0
            while d < nf {
                for l in 0..<fl { let e = exp(row[d + l] - m); acc[l] = acc[l] + e; o[d + l] = e }
                d += fl
            }
            var sum = tree(&acc)
            for i in nf..<n { let e = Float.m_exp(row[i] - m); sum = sum + e; o[i] = e }
            let inverse = 1 / sum
            for i in 0..<n { o[i] = o[i] * inverse }
        }
    }

    /// Forward over a dim with `inner` > 1 elements after it, the input seen as
    /// (outer, dim, inner).
    static func forwardInnerDim(_ sleef: SLEEFLibrary, log: Bool, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                                outer: Int, dim: Int, inner: Int, round: (Float) -> Float) {
        let exp = sleef.exp(Float.self), ln = sleef.log(Float.self), rl = 2 * floatLanes
        if log {
            SoftmaxInnerKernels.chunkColumns(elementBytes: 2, outer: outer, dim: dim, inner: inner, lanes: rl) { o, c, vector in
                let base = o * dim * inner + c
                var m = -Float.infinity
                for d in 0..<dim { let v = x[base + d * inner]; m = v > m ? v : m }
                var s: Float = 0
                for d in 0..<dim { let v = x[base + d * inner] - m; s = s + (vector ? exp(v) : Float.m_exp(v)) }
                let logSum = ln(s)
                for d in 0..<dim { out[base + d * inner] = (x[base + d * inner] - m) - logSum }
            }
            return
        }
        SoftmaxInnerKernels.softmaxColumns(outer: outer, dim: dim, inner: inner, lanes: rl) { o, c, vector in
            let base = o * dim * inner + c
            var m = x[base]
            for d in 1..<Swift.max(dim, 1) {
                let v = x[base + d * inner]
                m = vector ? vmax(m, v) : (m < v ? v : m)
            }
            var s: Float = 0
            for d in 0..<dim {
                let e = vector ? exp(x[base + d * inner] - m) : Float.m_exp(x[base + d * inner] - m)
                s = s + e
                // The scalar columns store each exp in the output tensor (rounded) first.
                out[base + d * inner] = vector ? e : round(e)
            }
            for d in 0..<dim { out[base + d * inner] = out[base + d * inner] / s }
        }
    }

    /// `_vec_host_softmax_backward_lastdim` with float opmath: Σg (log) or Σg·y, then
    /// g − exp(y)·Σ (SLEEF in every lane) or (g − Σ)·y.
    static func backwardLastDim(_ sleef: SLEEFLibrary, log: Bool, grad g: UnsafePointer<Float>, output y: UnsafePointer<Float>,
                                into gi: UnsafeMutablePointer<Float>, rows: Int, n: Int) {
        let exp = sleef.exp(Float.self)
        for r in 0..<rows {
            let gr = g + r * n, yr = y + r * n, o = gi + r * n
            if log {
                let s = mapReduceSum(n, first: { gr[$0] }, add: { $0 + gr[$1] })
                for i in 0..<n { o[i] = gr[i].addingProduct(-exp(yr[i]), s) }
            } else {
                let s = mapReduceSum(n, first: { gr[$0] * yr[$0] }, add: { $0.addingProduct(gr[$1], yr[$1]) })
                for i in 0..<n { o[i] = (gr[i] - s) * yr[i] }
            }
        }
    }

    /// `_vec_softmax_backward`/`_vec_log_softmax_backward`, reduced forms: the float
    /// kernel with 128 KB chunks of 2-byte columns, the last `size % (2 × float lanes)` of a
    /// chunk scalar (libm's exp there).
    static func backwardInnerDim(_ sleef: SLEEFLibrary, log: Bool, grad g: UnsafePointer<Float>, output y: UnsafePointer<Float>,
                                 into gi: UnsafeMutablePointer<Float>, outer: Int, dim: Int, inner: Int) {
        SoftmaxInnerKernels.backward(sleef, Float.self, log: log, grad: g, output: y, into: gi, outer: outer, dim: dim,
                                     inner: inner, elementBytes: 2, lanes: 2 * floatLanes)
    }
}

extension CPUBackend {
    /// A float16/bfloat16 tensor's elements widened to float (contiguous order).
    static func widenedReduced(_ t: Tensor) throws(TensorError) -> [Float] {
        let c = try t.contiguous()
        if c.dtype == .bfloat16 {
            let p = c.pointer(BFloat16.self)
            return (0..<c.numel).map { p[$0].float }
        }
        let p = c.pointer(Float16.self)
        return (0..<c.numel).map { Float(p[$0]) }
    }

    /// A new tensor of `dtype` (float16/bfloat16) holding `values` rounded once.
    static func narrowedReduced(_ values: [Float], sizes: [Int], dtype: DType) throws(TensorError) -> Tensor {
        let out = try Tensor(empty: sizes, dtype: dtype)
        if dtype == .bfloat16 {
            let p = out.pointer(BFloat16.self)
            for i in values.indices { p[i] = BFloat16(values[i]) }
        } else {
            let p = out.pointer(Float16.self)
            for i in values.indices { p[i] = Float16(values[i]) }
        }
        return out
    }

    /// Rounding a float to `dtype` and back.
    static func reducedRounding(_ dtype: DType) -> (Float) -> Float {
        dtype == .bfloat16 ? { BFloat16($0).float } : { Float(Float16($0)) }
    }

    /// softmax/log_softmax of a float16/bfloat16 tensor over `dim`; nil without SLEEF (the
    /// composed form runs then).
    func reducedSoftmax(_ x: Tensor, dim: Int, log: Bool) throws(TensorError) -> Tensor? {
        guard let sleef = SLEEFLibrary.shared, x.dtype == .bfloat16 || x.dtype == .float16, x.rank >= 1, x.numel > 0 else { return nil }
        let input = try Self.widenedReduced(x)
        var out = [Float](repeating: 0, count: input.count)
        let round = Self.reducedRounding(x.dtype)
        let outer = x.sizes[..<dim].reduce(1, *), inner = x.sizes[(dim + 1)...].reduce(1, *)
        input.withUnsafeBufferPointer { xi in
            out.withUnsafeMutableBufferPointer { o in
                if dim == x.rank - 1 {
                    ReducedSoftmaxKernels.forwardLastDim(sleef, log: log, xi.baseAddress!, o.baseAddress!,
                                                         rows: outer, n: x.sizes[dim], round: round)
                } else {
                    ReducedSoftmaxKernels.forwardInnerDim(sleef, log: log, xi.baseAddress!, o.baseAddress!,
                                                          outer: outer, dim: x.sizes[dim], inner: inner, round: round)
                }
            }
        }
        return try Self.narrowedReduced(out, sizes: x.sizes, dtype: x.dtype)
    }

    /// `_softmax_backward_data`/`_log_softmax_backward_data` of float16/bfloat16 tensors.
    func reducedSoftmaxBackward(grad: Tensor, output: Tensor, dim: Int, log: Bool) throws(TensorError) -> Tensor? {
        guard let sleef = SLEEFLibrary.shared, output.dtype == .bfloat16 || output.dtype == .float16,
              grad.dtype == output.dtype, grad.sizes == output.sizes, output.rank >= 1, output.numel > 0 else { return nil }
        let g = try Self.widenedReduced(grad), y = try Self.widenedReduced(output)
        var out = [Float](repeating: 0, count: y.count)
        let outer = output.sizes[..<dim].reduce(1, *), inner = output.sizes[(dim + 1)...].reduce(1, *)
        g.withUnsafeBufferPointer { gp in
            y.withUnsafeBufferPointer { yp in
                out.withUnsafeMutableBufferPointer { o in
                    if dim == output.rank - 1 {
                        ReducedSoftmaxKernels.backwardLastDim(sleef, log: log, grad: gp.baseAddress!, output: yp.baseAddress!,
                                                              into: o.baseAddress!, rows: outer, n: output.sizes[dim])
                    } else {
                        ReducedSoftmaxKernels.backwardInnerDim(sleef, log: log, grad: gp.baseAddress!, output: yp.baseAddress!,
                                                               into: o.baseAddress!, outer: outer, dim: output.sizes[dim], inner: inner)
                    }
                }
            }
        }
        return try Self.narrowedReduced(out, sizes: output.sizes, dtype: output.dtype)
    }
}
