/// ATen's CPU batch norm (batch_norm_kernel.cpp and Normalization.cpp's
/// `batch_norm_cpu_update_stats_template`) for contiguous or channels-last float32/float64 input, in its
/// order and element types, so that BatchNorm and InstanceNorm (batch norm over a
/// (1, N·C, ...) view) print PyTorch's last digits:
///
/// - statistics per channel: the mean summed in double and rounded to the element type,
///   the squared deviations (element type) summed in double (float64: an odd row's last
///   one fused); with one element per plane (an (N, C) input, "NC11 is also channels
///   last") or a channels-last input ((N·H·W, C) rows) per-thread element-type buffers
///   over `at::parallel_for`'s row chunks, folded in double;
/// - `1/sqrt(var_sum/n + eps)` in double (var_sum/n in the element type); running stats
///   with the momentum in the element type and the unbiased variance in double;
/// - output `x·α + β` with α = invstd·w and β = b − mean·α, multiply-adds fused as GCC
///   compiles ATen;
/// - backward: per plane `reduce_all` / `map2_reduce_all` (vector lanes, then AVX2's
///   fold) summed in double, or per-thread buffers for one element per plane; a gradient
///   in another memory format than the input takes the generic path
///   (BatchNormGenericBackward.swift).
public enum BatchNormKernel {
    /// (output, saved mean, saved invstd for backward); nil for layouts and dtypes this does
    /// not cover (the caller falls back).
    static func forward(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor?, bias: Tensor?,
                        training: Bool, momentum: Double, eps: Double) throws(TensorError) -> (Tensor, [Double], [Double])? {
        let rowsLayout = isChannelsLast(input)
        guard input.device == .cpu, input.dtype == .float32 || input.dtype == .float64, input.rank >= 2,
              input.numel > 0 else { return nil }
        let c = input.sizes[1]
        for p in [runningMean, runningVar, weight, bias] {
            if let p, p.dtype != input.dtype || p.numel != c || !p.isContiguous || p.device != .cpu { return nil }
        }
        if !training && (runningMean == nil || runningVar == nil) { return nil }
        if !input.isContiguous && !rowsLayout {
            return try stridedForward(input, runningMean: runningMean, runningVar: runningVar, weight: weight, bias: bias,
                                      training: training, momentum: momentum, eps: eps)
        }
        let out = rowsLayout ? try Tensor(empty: input.sizes, strides: OutputLayout.channelsLastStrides(input.sizes), dtype: input.dtype)
                             : try Tensor(empty: input.sizes, dtype: input.dtype)
        var savedMean = [Double](repeating: 0, count: c), savedInvstd = [Double](repeating: 0, count: c)
        func run<T: RealElement>(_ t: T.Type) {
            let px = input.pointer(T.self), po = out.pointer(T.self)
            // A channels-last input is (N·H·W, C) rows in memory, as an (N, C) one is.
            let n = rowsLayout ? input.numel / c : input.sizes[0], inner = rowsLayout ? 1 : input.numel / (n * c), count = n * inner
            var mean = [T](repeating: 0, count: c), invstd = [T](repeating: 0, count: c)
            if training {
                let varSum: [T]
                (mean, varSum) = inner == 1 ? planeStatsRows(px, rows: n, c: c) : planeStats(px, n: n, c: c, inner: inner)
                let rm = runningMean?.pointer(T.self), rv = runningVar?.pointer(T.self)
                let mom = T(momentum)
                for ch in 0..<c {
                    let v = Double(varSum[ch] / T(count))
                    invstd[ch] = v != 0 || eps != 0 ? T(1 / (v + eps).squareRoot()) : 0
                    if let rm { rm[ch] = mom * mean[ch] + (1 - mom) * rm[ch] }
                    if let rv {
                        let unbiased = Double(varSum[ch] / T(count - 1))
                        rv[ch] = T(Double(mom) * unbiased + Double((1 - mom) * rv[ch]))
                    }
                    savedMean[ch] = Double(mean[ch])
                    savedInvstd[ch] = Double(invstd[ch])
                }
            } else {
                let rm = runningMean!.pointer(T.self), rv = runningVar!.pointer(T.self)
                for ch in 0..<c {
                    mean[ch] = rm[ch]
                    invstd[ch] = 1 / (rv[ch] + T(eps)).squareRoot()
                    savedMean[ch] = Double(rm[ch])
                    // The backward kernel recomputes it with eps as a double.
                    savedInvstd[ch] = Double(T(1 / (Double(rv[ch]) + eps).squareRoot()))
                }
            }
            let pw = weight?.pointer(T.self), pb = bias?.pointer(T.self)
            for ch in 0..<c {
                let alpha = invstd[ch] * (pw?[ch] ?? 1)
                let beta = (pb?[ch] ?? 0).addingProduct(-mean[ch], alpha)
                for b in 0..<n {
                    let base = (b * c + ch) * inner
                    for i in 0..<inner { po[base + i] = beta.addingProduct(px[base + i], alpha) }
                }
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (out, savedMean, savedInvstd)
    }

    /// A 4-d or 5-d input laid out channels last (and not also plain contiguous): ATen's
    /// `suggest_memory_format` sends it to the channels-last kernels, which see it as
    /// (N·H·W, C) rows.
    static func isChannelsLast(_ t: Tensor) -> Bool {
        (t.rank == 4 || t.rank == 5) && !t.isContiguous && OutputLayout.isChannelsLastContiguous(t.sizes, t.strides)
    }

    /// `batch_norm_cpu_collect_stats_contiguous_impl`: per channel, in (batch, position) order.
    private static func planeStats<T: RealElement>(_ px: UnsafeMutablePointer<T>, n: Int, c: Int, inner: Int) -> ([T], [T]) {
        var mean = [T](repeating: 0, count: c), varSum = [T](repeating: 0, count: c)
        let count = Double(n * inner)
        for ch in 0..<c {
            var sum = 0.0
            for b in 0..<n {
                let p = px + (b * c + ch) * inner
                for i in 0..<inner { sum += Double(p[i]) }
            }
            let m = T(sum / count)
            var vs = 0.0
            for b in 0..<n {
                let p = px + (b * c + ch) * inner
                // float: each square in float, widened and added. double: GCC's build takes
                // the row two elements at a time with plain multiply-adds and fuses only the
                // odd last element's (measured against PyTorch 2.15).
                let paired = T.self == Double.self ? inner - inner % 2 : inner
                for i in 0..<inner {
                    let d = p[i] - m
                    vs = i < paired ? vs + Double(d * d) : vs.addingProduct(Double(d), Double(d))
                }
            }
            mean[ch] = m
            varSum[ch] = T(vs)
        }
        return (mean, varSum)
    }

    /// Row chunks of `at::parallel_for(0, rows, 1)` on the intra-op threads.
    static func threadChunks(_ rows: Int) -> [Range<Int>] {
        let threads = IntraOpThreads.count
        if rows <= 1 || threads < 2 { return [0..<rows] }
        let used = Swift.min(threads, rows)
        let chunk = (rows + used - 1) / used
        return stride(from: 0, to: rows, by: chunk).map { $0..<Swift.min(rows, $0 + chunk) }
    }

    /// `batch_norm_cpu_collect_stats_channels_last_impl` over `rows` rows of `c` channels.
    private static func planeStatsRows<T: RealElement>(_ px: UnsafeMutablePointer<T>, rows: Int, c: Int) -> ([T], [T]) {
        let threads = IntraOpThreads.count
        var mean = [T](repeating: 0, count: c), varSum = [T](repeating: 0, count: c)
        if rows > threads {
            var buffer = [[T]](repeating: [T](repeating: 0, count: c), count: threads)
            for (tid, range) in threadChunks(rows).enumerated() {
                for r in range { for ch in 0..<c { buffer[tid][ch] = buffer[tid][ch] + px[r * c + ch] } }
            }
            for ch in 0..<c {
                var sum = 0.0
                for t in 0..<threads { sum += Double(buffer[t][ch]) }
                mean[ch] = T(sum / Double(rows))
            }
            buffer = [[T]](repeating: [T](repeating: 0, count: c), count: threads)
            for (tid, range) in threadChunks(rows).enumerated() {
                for r in range {
                    for ch in 0..<c {
                        let d = px[r * c + ch] - mean[ch]
                        buffer[tid][ch] = buffer[tid][ch].addingProduct(d, d)
                    }
                }
            }
            for ch in 0..<c {
                var vs = 0.0
                for t in 0..<threads { vs += Double(buffer[t][ch]) }
                varSum[ch] = T(vs)
            }
        } else {
            // No more rows than threads: one pass per channel, accumulated in the element
            // type (measured against PyTorch 2.15: float sums, fused multiply-adds).
            for ch in 0..<c {
                var sum: T = 0
                for r in 0..<rows { sum = sum + px[r * c + ch] }
                mean[ch] = sum / T(rows)
            }
            for ch in 0..<c {
                var vs: T = 0
                for r in 0..<rows { let d = px[r * c + ch] - mean[ch]; vs = vs.addingProduct(d, d) }
                varSum[ch] = vs
            }
        }
        return (mean, varSum)
    }

    /// (dx, dw, db); nil where the caller falls back.
    static func backward(_ gradOutput: Tensor, _ input: Tensor, weight: Tensor?, mean: [Double], invstd: [Double],
                         training: Bool) throws(TensorError) -> (Tensor, Tensor, Tensor)? {
        let rowsLayout = isChannelsLast(input)
        guard input.device == .cpu, gradOutput.device == .cpu, input.dtype == .float32 || input.dtype == .float64,
              gradOutput.dtype == input.dtype, gradOutput.sizes == input.sizes, input.rank >= 2, input.numel > 0 else { return nil }
        let c = input.sizes[1]
        if let weight, weight.dtype != input.dtype || weight.numel != c || !weight.isContiguous || weight.device != .cpu { return nil }
        if !backwardTakesKernel(input, gradOutput) {
            return try genericBackward(gradOutput, input, weight: weight, mean: mean, invstd: invstd, training: training)
        }
        let gx = rowsLayout ? try Tensor(empty: input.sizes, strides: OutputLayout.channelsLastStrides(input.sizes), dtype: input.dtype)
                            : try Tensor(empty: input.sizes, dtype: input.dtype)
        let gw = try Tensor(empty: [c], dtype: input.dtype), gb = try Tensor(empty: [c], dtype: input.dtype)
        func run<T: RealElement>(_ t: T.Type) {
            let px = input.pointer(T.self), pdy = gradOutput.pointer(T.self), pdx = gx.pointer(T.self)
            let pw = weight?.pointer(T.self), pgw = gw.pointer(T.self), pgb = gb.pointer(T.self)
            let n = rowsLayout ? input.numel / c : input.sizes[0], inner = rowsLayout ? 1 : input.numel / (n * c), count = n * inner
            let lanes = CPUCapability.lanes(T.self, .avx2)
            var sums = [T](repeating: 0, count: c), dots = [T](repeating: 0, count: c)
            var dotsWide = [Double](repeating: 0, count: c), sumsWide = [Double](repeating: 0, count: c)
            if inner == 1 {
                // channels-last impl: per-thread element-type buffers, folded in double.
                let threads = IntraOpThreads.count
                var sumBuf = [[T]](repeating: [T](repeating: 0, count: c), count: threads)
                var dotBuf = sumBuf
                for (tid, range) in threadChunks(n).enumerated() {
                    for r in range {
                        for ch in 0..<c {
                            let dy = pdy[r * c + ch]
                            sumBuf[tid][ch] = sumBuf[tid][ch] + dy
                            dotBuf[tid][ch] = dotBuf[tid][ch].addingProduct(px[r * c + ch] - T(mean[ch]), dy)
                        }
                    }
                }
                for ch in 0..<c {
                    var s = 0.0, d = 0.0
                    for t in 0..<threads { s += Double(sumBuf[t][ch]) }
                    for t in 0..<threads { d += Double(dotBuf[t][ch]) }
                    sums[ch] = T(s); dots[ch] = T(d)
                    sumsWide[ch] = Double(sums[ch]); dotsWide[ch] = Double(dots[ch])
                }
            } else {
                var acc = [T](repeating: 0, count: lanes)
                for ch in 0..<c {
                    let m = T(mean[ch])
                    var s = 0.0, d = 0.0
                    for b in 0..<n {
                        let base = (b * c + ch) * inner
                        s += Double(laneSum(inner, lanes, &acc) { pdy[base + $0] })
                        d += Double(dotSum(inner, lanes, &acc, px + base, pdy + base, m))
                    }
                    sumsWide[ch] = s; dotsWide[ch] = d
                }
            }
            for ch in 0..<c {
                let m = T(mean[ch]), inv = T(invstd[ch]), w = pw?[ch] ?? 1
                if inner == 1 {
                    pgw[ch] = dots[ch] * inv
                    pgb[ch] = sums[ch]
                } else {
                    pgw[ch] = T(dotsWide[ch] * Double(inv))
                    pgb[ch] = T(sumsWide[ch])
                }
                let k: T, gradMean: T
                if inner == 1 {
                    k = dots[ch] * inv * inv / T(count)
                    gradMean = sums[ch] / T(count)
                } else {
                    k = T(dotsWide[ch]) * inv * inv / T(count)
                    gradMean = T(sumsWide[ch] / Double(count))
                }
                // (dy − grad_mean − (x − mean)·k)·invstd·w: GCC fuses the subtraction, except
                // in the channels-last kernel's scalar-width tail (channels past the last
                // full vector), as measured against PyTorch 2.15.
                let fused = inner > 1 || ch < c - c % lanes
                for b in 0..<n {
                    let base = (b * c + ch) * inner
                    for i in 0..<inner {
                        let j = base + i
                        if training {
                            let centred = fused ? (pdy[j] - gradMean).addingProduct(-(px[j] - m), k)
                                                : (pdy[j] - gradMean) - (px[j] - m) * k
                            pdx[j] = centred * inv * w
                        } else {
                            pdx[j] = pdy[j] * inv * w
                        }
                    }
                }
            }
        }
        if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (gx, gw, gb)
    }

    /// `t` copied into channels-last memory (unchanged when it already is).
    static func channelsLastCopy(_ t: Tensor) throws(TensorError) -> Tensor {
        if OutputLayout.isChannelsLastContiguous(t.sizes, t.strides) { return t }
        let out = try Tensor(empty: t.sizes, strides: OutputLayout.channelsLastStrides(t.sizes), dtype: t.dtype)
        _ = try out.copy_(t)
        return out
    }

    /// `map2_reduce_all((x − mean)·dy, +)` over one plane: as `laneSum`, but the partial
    /// last vector's multiply-add is fused (as GCC compiles it; the full vectors are not).
    private static func dotSum<T: RealElement>(_ n: Int, _ lanes: Int, _ acc: inout [T], _ x: UnsafeMutablePointer<T>,
                                               _ dy: UnsafeMutablePointer<T>, _ m: T) -> T {
        if n < lanes { return laneSum(n, lanes, &acc) { (x[$0] - m) * dy[$0] } }
        for l in 0..<lanes { acc[l] = (x[l] - m) * dy[l] }
        var d = lanes
        while d + lanes <= n {
            for l in 0..<lanes { acc[l] = acc[l] + (x[d + l] - m) * dy[d + l] }
            d += lanes
        }
        for l in 0..<(n - d) { acc[l] = acc[l].addingProduct(x[d + l] - m, dy[d + l]) }
        return foldLanes(&acc)
    }

    /// `vec_reduce_all(+)` of a full vector: AVX2's shuffle tree for float, lane order for double.
    private static func foldLanes<T: RealElement>(_ acc: inout [T]) -> T {
        if T.self == Float.self {
            var h = acc.count / 2
            while h >= 1 {
                for l in 0..<h { acc[l] = acc[l] + acc[l + h] }
                h /= 2
            }
            return acc[0]
        }
        var s = acc[0]
        for l in 1..<acc.count { s = s + acc[l] }
        return s
    }

    /// `reduce_all` / `map2_reduce_all` with `+`: lanes accumulate full vectors, a partial
    /// last vector adds into its first lanes, then `vec_reduce_all` folds (AVX2's shuffle
    /// tree for float, lane order for double); shorter than a vector, in order.
    private static func laneSum<T: RealElement>(_ n: Int, _ lanes: Int, _ acc: inout [T], _ f: (Int) -> T) -> T {
        if n < lanes {
            var s = f(0)
            for i in 1..<n { s = s + f(i) }
            return s
        }
        for l in 0..<lanes { acc[l] = f(l) }
        var d = lanes
        while d + lanes <= n {
            for l in 0..<lanes { acc[l] = acc[l] + f(d + l) }
            d += lanes
        }
        for l in 0..<(n - d) { acc[l] = acc[l] + f(d + l) }
        return foldLanes(&acc)
    }
}
