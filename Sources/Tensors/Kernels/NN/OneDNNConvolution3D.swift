/// PyTorch 2.15's float32 `conv3d` on batches of more than one image, where ATen hands it
/// to oneDNN 3.13: the forward (`jit:avx2`) and the input gradient (`jit:avx2` at stride 1,
/// `brgconv_strided:avx2` above) in oneDNN's orders, read from the 2-d kernels
/// (`OneDNNConvolution`) with the depth loop outermost and checked bit for bit against
/// PyTorch (`OneDNNConvolution3DGoldenTests`). The weight and bias gradients follow
/// `jit:avx2` where oneDNN runs it (no depth padding, kernel not 1×1×1) and `x64:gemm:jit`
/// where the depth is padded (OneDNNConvolution3DGemmWeights.swift).
public enum OneDNNConvolution3D {
    struct Plan {
        let n, c, d, h, w, o, kd, kh, kw, od, oh, ow: Int
        let stride: [Int], padding: [Int]
        /// `c` and `o` count all groups' channels.
        var groups = 1
        /// Kernel taps `dilation` apart (only `x64:gemm:jit` takes a dilated 3-d layer).
        var dilation = [1, 1, 1]
        var taps: Int { kd * kh * kw }
        var volume: Int { d * h * w }
        var ovolume: Int { od * oh * ow }
    }

    typealias Lanes = OneDNNConvolution.Lanes
    static let block = OneDNNConvolution.block

    /// ATen's `use_mkldnn` size rule for a float32 CPU 5-d input (the thread clause always
    /// holds at 2 threads): groups, more than one image, a kernel wider and taller than 3,
    /// or N·C·D·H over 20480 — so one image with a 5×5×5 kernel goes to oneDNN too.
    public static func atenTakesOneDNN(input: [Int], weight: [Int], groups: Int) -> Bool {
        guard input.count == 5, weight.count == 5 else { return false }
        return groups > 1 || input[0] > 1 || (weight[3] > 3 && weight[4] > 3) || input[0] * input[1] * input[2] * input[3] > 20480
    }

    /// Whether ATen takes oneDNN and these kernels reproduce it: float32 on the CPU,
    /// `atenTakesOneDNN`, no groups or dilation, and padding under the kernel's size (else
    /// oneDNN takes `x64:gemm:jit`). The three strides may differ (`jit:avx2` and
    /// `brgconv_strided` step each dimension by its own, ONEDNN_VERBOSE).
    public static func isSelected(input: [Int], weight: [Int], stride: [Int], padding: [Int], dilation: [Int], groups: Int,
                                  dtype: DType) -> Bool {
        dtype == .float32 && input.count == 5 && weight.count == 5 && atenTakesOneDNN(input: input, weight: weight, groups: groups)
            && groups == 1
            && dilation == [1, 1, 1] && weight[1] == input[1] && stride.count == 3 && padding.count == 3
            && (0..<3).allSatisfy { padding[$0] < weight[2 + $0] }
            && !(stride == [1, 1, 1] && Convolution.keepsPointwiseNative(batch: input[0], kernel: (weight[3], weight[4]),
                                                                          stride: (1, 1), dilation: (1, 1)))
    }

    static func plan(_ input: [Int], _ weight: [Int], stride: [Int], padding: [Int], groups: Int = 1,
                     dilation: [Int] = [1, 1, 1]) -> Plan {
        var out: [Int] = []
        for k in 0..<3 {
            let span: Int = input[2 + k] + 2 * padding[k] - dilation[k] * (weight[2 + k] - 1) - 1
            out.append(span / stride[k] + 1)
        }
        return Plan(n: input[0], c: input[1], d: input[2], h: input[3], w: input[4], o: weight[0],
                    kd: weight[2], kh: weight[3], kw: weight[4], od: out[0], oh: out[1], ow: out[2],
                    stride: stride, padding: padding, groups: groups, dilation: dilation)
    }

    /// The kernel taps `lo..<hi` along dimension `dim` (0 depth, 1 rows, 2 columns) that
    /// output position `o` reaches inside the input, taps `p.dilation` apart (the jit
    /// kernels skip the ones in the padding; those inside are consecutive).
    static func tapRange(_ o: Int, _ dim: Int, _ p: Plan) -> (Int, Int) {
        let k = [p.kd, p.kh, p.kw][dim], size = [p.d, p.h, p.w][dim], dl = p.dilation[dim]
        let start = o * p.stride[dim] - p.padding[dim]
        var lo = 0, hi = k
        while lo < k && start + lo * dl < 0 { lo += 1 }
        while hi > lo && start + (hi - 1) * dl >= size { hi -= 1 }
        return (lo, hi)
    }

    /// y = conv3d(x, W) + b: each output starts at its bias, then input channels go by
    /// blocks of 8 (all of them below 8), and within a block the order is kernel depth,
    /// row, column, channel, one fused multiply-add chain; taps in the padding are skipped.
    public static func forward(input: Tensor, weight: Tensor, bias: Tensor?, stride: [Int], padding: [Int],
                               dilation: [Int] = [1, 1, 1], avx512: Bool = OneDNNISA.avx512Core) throws(TensorError) -> Tensor {
        let p = plan(input.sizes, weight.sizes, stride: stride, padding: padding, dilation: dilation)
        let (xkeep, x) = try NNBuffer.read(input, as: Float.self)
        let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
        let bc = try bias?.contiguous()
        defer { withExtendedLifetime((xkeep, wkeep, bc)) {} }
        let out = try Tensor(empty: [p.n, p.o, p.od, p.oh, p.ow], dtype: .float32, device: input.device)
        if avx512 && OneDNNConvolution3DAVX512.forwardApplies(p) {  // jit:avx512_core (OneDNNConvolution3DAVX512.swift)
            OneDNNConvolution3DAVX512.forward(p, x, w, bc.map { NNBuffer.pointer($0, as: Float.self) }, into: NNBuffer.pointer(out, as: Float.self))
            return out
        }
        let blocks = (p.o + block - 1) / block, taps = p.taps
        let icBlock = p.c < block ? p.c : block
        let pw = OneDNNConvolution.interleave(w, count: 1, rows: p.o, cols: p.c * taps)
        defer { pw.deallocate() }
        var starts = [Lanes](repeating: Lanes(repeating: 0), count: blocks)
        if let bc {
            let b = NNBuffer.pointer(bc, as: Float.self)
            for o in 0..<p.o { starts[o / block][o % block] = b[o] }
        }
        let (xBox, yBox) = (UncheckedBox(x), UncheckedBox(NNBuffer.pointer(out, as: Float.self)))
        let (s, pad, dl) = (p.stride, p.padding, p.dilation)
        starts.withUnsafeBufferPointer { starts in
            let sBox = UncheckedBox(starts)
            OneDNNConvolution.parallel(p.n * blocks) { job in
                let (img, ob) = (job / blocks, job % blocks)
                let xi = xBox.value + img * p.c * p.volume, wb = pw + ob * p.c * taps
                let lanes = min(block, p.o - ob * block)
                let yo = yBox.value + (img * p.o + ob * block) * p.ovolume
                for z in 0..<p.od {
                    let (a0, a1) = tapRange(z, 0, p)
                    for y in 0..<p.oh {
                        let (i0, i1) = tapRange(y, 1, p)
                        for x in 0..<p.ow {
                            let (j0, j1) = tapRange(x, 2, p)
                            var acc = sBox.value[ob]
                            var c0 = 0
                            while c0 < p.c {
                                let c1 = min(c0 + icBlock, p.c)
                                for a in Swift.stride(from: a0, to: a1, by: 1) {
                                    for i in Swift.stride(from: i0, to: i1, by: 1) {
                                        let zz: Int = z * s[0] - pad[0] + a * dl[0], yy: Int = y * s[1] - pad[1] + i * dl[1]
                                        let row: Int = (zz * p.h + yy) * p.w + x * s[2] - pad[2]
                                        let tap = (a * p.kh + i) * p.kw
                                        for j in Swift.stride(from: j0, to: j1, by: 1) {
                                            for c in c0..<c1 {
                                                acc = acc.addingProduct(Lanes(repeating: xi[c * p.volume + row + j * dl[2]]), wb[c * taps + tap + j])
                                            }
                                        }
                                    }
                                }
                                c0 = c1
                            }
                            let at = (z * p.oh + y) * p.ow + x
                            for l in 0..<lanes { yo[l * p.ovolume + at] = acc[l] }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The input gradient. Stride 1 (`jit:avx2`): per block of 8 output channels a chain
    /// from zero over kernel depth, row, column, channel, each block's sum added to the
    /// sum of the blocks before it. Larger strides (`brgconv_strided:avx2`): one chain over
    /// kernel depth, row, column, channel; but where the input width is a multiple of the
    /// stride and the left padding is under kernel width − 1, one chain per kernel column
    /// (over depth, row, channel), the columns' sums added left to right (as in 2-d).
    public static func gradInput(gradOutput: Tensor, weight: Tensor, inputSizes: [Int], stride: [Int], padding: [Int],
                                 dilation: [Int] = [1, 1, 1], avx512: Bool = OneDNNISA.avx512Core) throws(TensorError) -> Tensor {
        let p = plan(inputSizes, weight.sizes, stride: stride, padding: padding, dilation: dilation)
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
        defer { withExtendedLifetime((gkeep, wkeep)) {} }
        let out = try Tensor(empty: inputSizes, dtype: .float32, device: gradOutput.device)
        if avx512 && OneDNNConvolution3DAVX512.dataApplies(p) {  // jit:avx512_core (OneDNNConvolution3DAVX512.swift)
            OneDNNConvolution3DAVX512.gradInput(p, gy, w, into: NNBuffer.pointer(out, as: Float.self))
            return out
        }
        let pad = p.padding, taps = p.taps
        let unit = p.stride == [1, 1, 1]
        let byColumns = !unit && p.w % p.stride[2] == 0 && pad[2] < p.kw - 1
        let chunk = unit ? block : p.o
        let blocks = (p.c + block - 1) / block
        let pw = OneDNNConvolution.interleave(w, count: p.o, rows: p.c, cols: taps)
        defer { pw.deallocate() }
        let (gBox, xBox) = (UncheckedBox(gy), UncheckedBox(NNBuffer.pointer(out, as: Float.self)))
        OneDNNConvolution.parallel(p.n * blocks) { job in
            let (img, cb) = (job / blocks, job % blocks)
            let gi = gBox.value + img * p.o * p.ovolume
            let wc = pw + cb * taps, wStride = blocks * taps
            let lanes = min(block, p.c - cb * block)
            let xo = xBox.value + (img * p.c + cb * block) * p.volume
            // the output position input position `i` takes from through tap `k` along `dim`
            func source(_ i: Int, _ k: Int, _ dim: Int, _ limit: Int) -> Int? {
                let t = i + pad[dim] - k * p.dilation[dim], s = p.stride[dim]
                return t < 0 || t % s != 0 || t / s >= limit ? nil : t / s
            }
            for z in 0..<p.d {
                for y in 0..<p.h {
                    for x in 0..<p.w {
                        var total = Lanes(repeating: 0), first = true
                        if byColumns {
                            for j in 0..<p.kw {
                                guard let tx = source(x, j, 2, p.ow) else { continue }
                                var acc = Lanes(repeating: 0), any = false
                                for a in 0..<p.kd {
                                    guard let tz = source(z, a, 0, p.od) else { continue }
                                    for i in 0..<p.kh {
                                        guard let ty = source(y, i, 1, p.oh) else { continue }
                                        any = true
                                        let g = gi + (tz * p.oh + ty) * p.ow + tx, wt = wc + (a * p.kh + i) * p.kw + j
                                        for o in 0..<p.o {
                                            acc = acc.addingProduct(Lanes(repeating: g[o * p.ovolume]), wt[o * wStride])
                                        }
                                    }
                                }
                                if !any { continue }
                                total = first ? acc : total + acc
                                first = false
                            }
                        } else {
                            var o0 = 0
                            while o0 < p.o {
                                let o1 = min(o0 + chunk, p.o)
                                var acc = Lanes(repeating: 0)
                                for a in 0..<p.kd {
                                    guard let tz = source(z, a, 0, p.od) else { continue }
                                    for i in 0..<p.kh {
                                        guard let ty = source(y, i, 1, p.oh) else { continue }
                                        for j in 0..<p.kw {
                                            guard let tx = source(x, j, 2, p.ow) else { continue }
                                            let g = gi + (tz * p.oh + ty) * p.ow + tx, wt = wc + (a * p.kh + i) * p.kw + j
                                            for o in o0..<o1 {
                                                acc = acc.addingProduct(Lanes(repeating: g[o * p.ovolume]), wt[o * wStride])
                                            }
                                        }
                                    }
                                }
                                total = o0 == 0 ? acc : acc + total
                                o0 = o1
                            }
                        }
                        let at = (z * p.h + y) * p.w + x
                        for l in 0..<lanes { xo[l * p.volume + at] = total[l] }
                    }
                }
            }
        }
        return out
    }

    /// Which kernel oneDNN 3.13 runs for the weight-gradient pass (with it the bias
    /// gradient): `x64:gemm:jit` for a dilated layer, `jit_1x1` for a 1×1×1 kernel,
    /// `x64:gemm:jit` where the depth is padded, else `jit:avx2` (seen with ONEDNN_VERBOSE).
    /// On AVX-512 machines `jit:avx512_core` where it takes the layer, dilated in height or
    /// width too (`jitAVX512`, OneDNNConvolution3DAVX512Weights.swift; it needs the input's
    /// sizes and the stride).
    public enum WeightPass { case oneByOne, gemm, jit, jitAVX512 }

    public static func weightPass(weight: [Int], padding: [Int], groups: Int = 1, input: [Int]? = nil, stride: [Int]? = nil,
                                  dilation: [Int] = [1, 1, 1], avx512: Bool = OneDNNISA.avx512Core) -> WeightPass {
        if avx512, groups == 1, let input, let stride, input.count == 5, weight.count == 5, stride.count == 3, padding.count == 3,
           dilation.count == 3,
           OneDNNConvolution3DAVX512.weightApplies(plan(input, weight, stride: stride, padding: padding, dilation: dilation)) {
            return .jitAVX512
        }
        // every other dilated 3-d weight pass (ONEDNN_VERBOSE, both ISAs)
        if dilation.contains(where: { $0 != 1 }) { return .gemm }
        // grouped layers of whole channel blocks (OneDNNConvolution3DGroupedJit.swift)
        if groups > 1, let pass = groupedJitWeightPass(weight: weight, padding: padding, groups: groups, input: input, stride: stride,
                                                        avx512: avx512) {
            return pass
        }
        // grouped layers and paddings as large as the kernel: `gemm:jit` (OneDNNConvolution3DGemm.swift)
        if groups > 1 || (weight.count == 5 && padding.count == 3 && (0..<3).contains { padding[$0] >= weight[2 + $0] }) {
            return .gemm
        }
        if weight.count == 5 && weight[2...].allSatisfy({ $0 == 1 }) { return .oneByOne }
        return padding.first ?? 0 > 0 ? .gemm : .jit
    }

    /// The bias gradient, in the order of the pass that computes it: `gemm:jit`'s
    /// (`execute_backward_weights_ncsp`, as in 2-d, `OneDNNGemmConvolution.gradBias`: per
    /// channel each output row summed from zero left to right, the rows' sums added in
    /// order) or `jit:avx2`'s (as in 2-d, `OneDNNConvolution.gradBias`: per thread one
    /// chain over its images and positions, the threads' sums added). Nil for `jit_1x1`.
    public static func gradBias(gradOutput: Tensor, weight: [Int], padding: [Int], groups: Int = 1, input: [Int]? = nil,
                                stride: [Int]? = nil, dilation: [Int] = [1, 1, 1]) throws(TensorError) -> Tensor? {
        precondition(gradOutput.rank == 5)
        let pass = weightPass(weight: weight, padding: padding, groups: groups, input: input, stride: stride, dilation: dilation)
        if pass == .oneByOne { return nil }
        let s = gradOutput.sizes
        let (keep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        defer { withExtendedLifetime(keep) {} }
        let out = try Tensor(empty: [s[1]], dtype: .float32, device: gradOutput.device)
        let gb = NNBuffer.pointer(out, as: Float.self)
        let (n, o, volume) = (s[0], s[1], s[2] * s[3] * s[4])
        if pass == .gemm {
            OneDNNGemmConvolution.gradBias(n: n, channels: o, rows: s[2] * s[3], cols: s[4], gy, into: gb)
            return out
        }
        if pass == .jitAVX512, let input, let stride, groups > 1 {
            let q = groupPlan(input, weight, stride: stride, padding: padding, groups: groups)
            let ranges = groupedWeightRanges(q, groups: groups)
            for g in 0..<groups {
                OneDNNConvolution3DAVX512.gradBias(q, gy + g * q.o * q.ovolume, imageStride: o * volume, ranges: ranges, into: gb + g * q.o)
            }
            return out
        }
        if pass == .jitAVX512, let input, let stride {
            OneDNNConvolution3DAVX512.gradBias(plan(input, weight, stride: stride, padding: padding, dilation: dilation), gy, into: gb)
            return out
        }
        // jit:avx2: the reducer balances all groups' channel blocks
        let jobs = groups * ((o / groups + block - 1) / block)
        let ranges = OneDNNConvolution.imageRanges(n, parts: OneDNNConvolution.parts(jobs: jobs, jobSize: block, images: n))
        for ch in 0..<o {
            var total: Float = 0
            for (t, range) in ranges.enumerated() {
                var acc: Float = 0
                for img in range {
                    let g = gy + (img * o + ch) * volume
                    for k in 0..<volume { acc += g[k] }
                }
                total = t == 0 ? acc : total + acc
            }
            gb[ch] = total
        }
        return out
    }

    /// The weight gradient where oneDNN runs `jit:avx2` (`weightPass == .jit`), as the 2-d
    /// kernel (`OneDNNConvolution.gradWeight`) with the depth outermost: per tap and
    /// thread one chain over its (image, output depth) pairs, rows, columns; the threads' sums
    /// added in thread order (oneDNN's reducer over the images). Where the depth is padded,
    /// `gemm:jit`'s order (`gradWeightGemm`). Nil for a 1×1×1 kernel.
    public static func gradWeight(gradOutput: Tensor, input: Tensor, weight: [Int], stride: [Int], padding: [Int],
                                  groups: Int = 1, dilation: [Int] = [1, 1, 1]) throws(TensorError) -> Tensor? {
        let pass = weightPass(weight: weight, padding: padding, groups: groups, input: input.sizes, stride: stride, dilation: dilation)
        guard pass != .oneByOne else { return nil }
        let p = plan(input.sizes, weight, stride: stride, padding: padding, groups: groups, dilation: dilation)
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        let (xkeep, x) = try NNBuffer.read(input, as: Float.self)
        defer { withExtendedLifetime((gkeep, xkeep)) {} }
        let out = try Tensor(empty: weight, dtype: .float32, device: input.device)
        let gw = NNBuffer.pointer(out, as: Float.self)
        if pass == .gemm {  // OneDNNConvolution3DGemmWeights.swift
            gradWeightGemm(p, gy, x, into: gw)
            return out
        }
        if groups > 1 {  // whole channel blocks per group (OneDNNConvolution3DGroupedJit.swift)
            try groupedJitGradWeight(p, gradOutput: gradOutput, input: input, pass: pass, into: gw)
            return out
        }
        if pass == .jitAVX512 {  // OneDNNConvolution3DAVX512Weights.swift
            OneDNNConvolution3DAVX512.gradWeight(p, gy, x, into: gw)
            return out
        }
        jitGradWeight(p, gy, x, into: gw)
        return out
    }

    /// `jit:avx2`'s weight gradient (see `gradWeight`); `groups`: the layer's group count
    /// where `p` is one group of it (the reducer balances the jobs of all groups).
    static func jitGradWeight(_ p: Plan, _ gy: UnsafePointer<Float>, _ x: UnsafePointer<Float>, groups: Int = 1,
                              into gw: UnsafeMutablePointer<Float>) {
        let icBlock = p.c == 3 ? 3 : block, icBlocks = (p.c + icBlock - 1) / icBlock
        // the reducer's threads per job split (image, output depth) pairs (`balance211(mb·od)`);
        // its balancer reduces over mb·od too (`reduce_balancer_t(..., mb * od, ...)`), so one
        // image with several output depths still splits them between threads
        let ranges = OneDNNConvolution.imageRanges(p.n * p.od, parts: OneDNNConvolution.parts(
            jobs: groups * ((p.o + block - 1) / block) * icBlocks, jobSize: p.taps * icBlock * block, images: p.n * p.od))
        let (s, pad) = (p.stride, p.padding)
        let (gBox, xBox, wBox) = (UncheckedBox(gy), UncheckedBox(x), UncheckedBox(gw))
        OneDNNConvolution.parallel(p.o * p.c) { job in
            let (oc, c) = (job / p.c, job % p.c)
            let g0 = gBox.value, x0 = xBox.value
            func range(_ k: Int, _ pd: Int, _ st: Int, _ size: Int, _ osize: Int) -> Range<Int> {
                let lo = max(0, (pd - k + st - 1) / st), hi = min(osize, (size + pd - k + st - 1) / st)
                return lo..<max(lo, hi)
            }
            for a in 0..<p.kd {
                let zr = range(a, pad[0], s[0], p.d, p.od)
                for i in 0..<p.kh {
                    let yr = range(i, pad[1], s[1], p.h, p.oh)
                    for j in 0..<p.kw {
                        let xr = range(j, pad[2], s[2], p.w, p.ow)
                        var total: Float = 0
                        for (t, units) in ranges.enumerated() {
                            var acc: Float = 0
                            for unit in units {
                                let (img, z) = (unit / p.od, unit % p.od)
                                guard zr.contains(z) else { continue }
                                let g = g0 + (img * p.o + oc) * p.ovolume
                                let xc = x0 + (img * p.c + c) * p.volume
                                do {
                                    for y in yr {
                                        let grow = g + (z * p.oh + y) * p.ow
                                        let xrow = xc + ((z * s[0] - pad[0] + a) * p.h + y * s[1] - pad[1] + i) * p.w - pad[2] + j
                                        for xx in xr { acc = acc.addingProduct(grow[xx], xrow[xx * s[2]]) }
                                    }
                                }
                            }
                            total = t == 0 ? acc : total + acc
                        }
                        wBox.value[((oc * p.c + c) * p.kd + a) * p.kh * p.kw + i * p.kw + j] = total
                    }
                }
            }
        }
    }
}
