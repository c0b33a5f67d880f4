/// softmax and log_softmax over a dimension other than the last, and their backward, in
/// the order of PyTorch's `SoftMaxKernel.cpp` (`_vec_softmax`, `_vec_logsoftmax`,
/// `_vec_softmax_backward`, `_vec_log_softmax_backward`): the tensor seen as
/// (outer, dim, inner), columns of `inner` reduced vertically along `dim`, a vector of
/// columns at a time with SLEEF's exp, the columns left over one at a time with libm's.
/// Which columns are vector columns depends on the same splits PyTorch makes (thread
/// pieces for softmax, 128 KB chunks for the others).
enum SoftmaxInnerKernels {
    /// Columns `start..<start + count` of a chunk or piece, the first `vectorCount` of them
    /// in vector lanes.
    typealias Columns = (outer: Int, start: Int, count: Int, vectorCount: Int)

    /// `_vec_softmax`'s walk over (outer·inner) in `parallel_for` pieces — in PyTorch 2.15
    /// split between the threads whatever the size (measured: with 2 threads a 10×24
    /// softmax over dim 0 already runs columns 8–11 and 20–23 as scalars): a vector of L columns when it fits in both the row and the piece,
    /// else the rest of the row (or piece) as scalars.
    static func softmaxColumns(outer: Int, dim: Int, inner: Int, lanes: Int, _ body: (Int, Int, Bool) -> Void) {
        let total = outer * inner
        for (begin, end) in VectorizedLoops.pieces(total, grain: 1) {
            var idx = begin
            while idx < end {
                let i = idx % inner
                if i + lanes <= inner && idx + lanes <= end {
                    for k in 0..<lanes { body(idx / inner, i + k, true) }
                    idx += lanes
                } else {
                    let count = idx + lanes > end ? end - idx : inner - i
                    for k in 0..<count { body((idx + k) / inner, (idx + k) % inner, false) }
                    idx += count
                }
            }
        }
    }

    /// The 128 KB chunking of `_vec_logsoftmax` and the backward kernels: per outer index,
    /// chunks of CHUNK_SIZE = 128 KB / dim / sizeof(scalar_t) columns whose last `size % L`
    /// columns are scalar. `elementBytes` is the stored element's size (2 for the reduced
    /// types, whose columns are computed in float).
    static func chunkColumns(elementBytes: Int, outer: Int, dim: Int, inner: Int, lanes: Int, _ body: (Int, Int, Bool) -> Void) {
        var chunk = Swift.max(128 * 1024 / dim / elementBytes, lanes)
        chunk = chunk / lanes * lanes
        for o in 0..<outer {
            var start = 0
            while start < inner {
                let size = Swift.min(chunk, inner - start)
                let vector = size - size % lanes
                for c in 0..<size { body(o, start + c, c < vector) }
                start += size
            }
        }
    }

    static func forward<T: RealElement>(_ sleef: SLEEFLibrary, _ t: T.Type, log: Bool, _ x: UnsafePointer<T>,
                                        _ out: UnsafeMutablePointer<T>, outer: Int, dim: Int, inner: Int) {
        let exp = sleef.exp(T.self), ln = sleef.log(T.self), lanes = CPUCapability.lanes(T.self, .avx512)
        if log {
            chunkColumns(elementBytes: MemoryLayout<T>.size, outer: outer, dim: dim, inner: inner, lanes: lanes) { o, c, vector in
                let base = o * dim * inner + c
                var m = -T.infinity
                for d in 0..<dim { let v = x[base + d * inner]; m = v > m ? v : m }
                var s: T = 0
                for d in 0..<dim { s = s + (vector ? exp(x[base + d * inner] - m) : T.m_exp(x[base + d * inner] - m)) }
                let logSum = ln(s)
                for d in 0..<dim { out[base + d * inner] = x[base + d * inner] - m - logSum }
            }
            return
        }
        softmaxColumns(outer: outer, dim: dim, inner: inner, lanes: lanes) { o, c, vector in
            let base = o * dim * inner + c
            var m = x[base]
            for d in 1..<Swift.max(dim, 1) {
                let v = x[base + d * inner]
                // vec::maximum propagates NaN; std::max(m, v) keeps m unless m < v.
                m = vector ? ((v.isNaN || m.isNaN) ? .nan : Swift.max(m, v)) : (m < v ? v : m)
            }
            var s: T = 0
            for d in 0..<dim {
                let e = vector ? exp(x[base + d * inner] - m) : T.m_exp(x[base + d * inner] - m)
                out[base + d * inner] = e
                s = s + e
            }
            for d in 0..<dim { out[base + d * inner] = out[base + d * inner] / s }
        }
    }

    /// grad_input: softmax (g − Σg·y)·y with Σ += g·y fused; log_softmax g − exp(y)·Σg
    /// fused, SLEEF's exp in vector columns and libm's in the rest.
    /// The reduced types run this in float with their own chunking (`elementBytes` 2) and
    /// vector width (`lanes`).
    static func backward<T: RealElement>(_ sleef: SLEEFLibrary, _ t: T.Type, log: Bool, grad g: UnsafePointer<T>,
                                         output y: UnsafePointer<T>, into gi: UnsafeMutablePointer<T>,
                                         outer: Int, dim: Int, inner: Int,
                                         elementBytes: Int = MemoryLayout<T>.size, lanes: Int? = nil) {
        let exp = sleef.exp(T.self), lanes = lanes ?? CPUCapability.lanes(T.self, .avx512)
        chunkColumns(elementBytes: elementBytes, outer: outer, dim: dim, inner: inner, lanes: lanes) { o, c, vector in
            let base = o * dim * inner + c
            var s: T = 0
            if log {
                for d in 0..<dim { s = s + g[base + d * inner] }
                for d in 0..<dim {
                    let k = base + d * inner
                    gi[k] = g[k].addingProduct(-(vector ? exp(y[k]) : T.m_exp(y[k])), s)
                }
            } else {
                for d in 0..<dim { s = s.addingProduct(g[base + d * inner], y[base + d * inner]) }
                for d in 0..<dim { let k = base + d * inner; gi[k] = y[k] * (g[k] - s) }
            }
        }
    }
}

extension CPUBackend {
    /// softmax / log_softmax over `dim` (not the last) of a float tensor with SLEEF; nil
    /// where PyTorch's vector kernel has no counterpart here.
    public func softmaxInnerDim(_ x: Tensor, dim: Int, log: Bool) throws(TensorError) -> Tensor? {
        if x.dtype == .bfloat16 || x.dtype == .float16, dim < x.rank - 1 { return try reducedSoftmax(x, dim: dim, log: log) }
        guard let sleef = SLEEFLibrary.shared, x.dtype == .float32 || x.dtype == .float64, x.numel > 0,
              dim < x.rank - 1 else { return nil }
        let input = try x.contiguous()
        let out = try Tensor(empty: x.sizes, dtype: x.dtype)
        let outer = x.sizes[..<dim].reduce(1, *), inner = x.sizes[(dim + 1)...].reduce(1, *)
        if x.dtype == .float32 {
            SoftmaxInnerKernels.forward(sleef, Float.self, log: log, input.pointer(Float.self), out.pointer(Float.self),
                                        outer: outer, dim: x.sizes[dim], inner: inner)
        } else {
            SoftmaxInnerKernels.forward(sleef, Double.self, log: log, input.pointer(Double.self), out.pointer(Double.self),
                                        outer: outer, dim: x.sizes[dim], inner: inner)
        }
        return out
    }

    public func softmaxBackwardInnerDim(grad: Tensor, output: Tensor, dim: Int, log: Bool) throws(TensorError) -> Tensor? {
        if output.dtype == .bfloat16 || output.dtype == .float16, dim < output.rank - 1 {
            return try reducedSoftmaxBackward(grad: grad, output: output, dim: dim, log: log)
        }
        guard let sleef = SLEEFLibrary.shared, output.dtype == .float32 || output.dtype == .float64,
              grad.dtype == output.dtype, grad.sizes == output.sizes, output.numel > 0, dim < output.rank - 1 else { return nil }
        let g = try grad.contiguous(), y = try output.contiguous()
        let out = try Tensor(empty: output.sizes, dtype: output.dtype)
        let outer = output.sizes[..<dim].reduce(1, *), inner = output.sizes[(dim + 1)...].reduce(1, *)
        if output.dtype == .float32 {
            SoftmaxInnerKernels.backward(sleef, Float.self, log: log, grad: g.pointer(Float.self), output: y.pointer(Float.self),
                                         into: out.pointer(Float.self), outer: outer, dim: output.sizes[dim], inner: inner)
        } else {
            SoftmaxInnerKernels.backward(sleef, Double.self, log: log, grad: g.pointer(Double.self), output: y.pointer(Double.self),
                                         into: out.pointer(Double.self), outer: outer, dim: output.sizes[dim], inner: inner)
        }
        return out
    }
}
