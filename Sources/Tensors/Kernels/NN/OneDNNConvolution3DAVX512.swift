/// PyTorch 2.15's float32 `conv3d` on machines where oneDNN 3.13 runs its `avx512_core`
/// kernels: the `jit:avx512_core` forward and unit-stride input gradient (strided input
/// gradients run `brgconv_strided:avx512_core`, whose order is `brgconv_strided:avx2`'s,
/// OneDNNConvolution3D.swift). The 3-d kernels are the 2-d ones
/// (OneDNNConvolutionAVX512.swift) with a kernel-depth loop outside the kernel-row loop
/// (`kd_label` around `kh_label`), so each output is the 2-d AVX-512 order over depth, row,
/// column, channel: per block of 16 input channels (all of them below 16) a chain from zero,
/// added to the bias or the output so far; and per block of 16 output channels for the input
/// gradient, each added to the sum of the blocks before it. Checked against PyTorch on an
/// AVX-512 machine (OneDNNConv3dAVX512Goldens.json).
enum OneDNNConvolution3DAVX512 {
    typealias Plan = OneDNNConvolution3D.Plan
    typealias Lanes = OneDNNConvolutionAVX512.Lanes
    static let block = OneDNNConvolutionAVX512.block

    /// The 2-d plan of a depth slice (rows and columns), for the width checks of `init_conf`.
    static func slice(_ p: Plan) -> Convolution.Plan {
        Convolution.Plan(n: p.n, c: p.c, h: p.h, w: p.w, oc: p.o, kh: p.kh, kw: p.kw, oh: p.oh, ow: p.ow, cg: p.c, ocg: p.o,
                         g: ConvolutionGeometry(stride: (p.stride[1], p.stride[2]),
                                                padding: ((p.padding[1], p.padding[1]), (p.padding[2], p.padding[2])),
                                                dilation: (p.dilation[1], p.dilation[2]), groups: 1))
    }

    /// Whether `jit:avx512_core` takes the forward and this order follows it: the left and
    /// right paddings within the least width unroll (as in 2-d).
    static func forwardApplies(_ p: Plan) -> Bool { OneDNNDilatedConvolutionAVX512.forwardApplies(slice(p)) }

    /// Whether `jit:avx512_core` runs the input gradient: unit stride, or a dilated layer
    /// (`brgconv_strided` takes strided undilated ones and refuses dilation); then
    /// `init_conf`'s checks: dilation only at unit stride along each dimension, the dilated
    /// kernel not wholly in the depth padding (`kernel_outside_src`), and the 2-d width and
    /// height checks of a depth slice (`l_overflow`, `r_overflow_no_tail` within `ur_w`).
    static func dataApplies(_ p: Plan) -> Bool {
        guard p.stride == [1, 1, 1] || p.dilation != [1, 1, 1] else { return false }
        if p.dilation[0] != 1 && p.stride[0] != 1 { return false }
        let ekd = (p.kd - 1) * p.dilation[0] + 1
        let back = (p.od - 1) * p.stride[0] + ekd - p.d - p.padding[0]
        if ekd <= p.padding[0] || ekd <= back { return false }
        return OneDNNDilatedConvolutionAVX512.dataApplies(slice(p))
    }

    /// `inputBlock`: input channels per chain (a grouped layer's 16, 8 or 4; a plain
    /// layer's 16, or all of them below 16).
    static func forward(_ p: Plan, _ x: UnsafePointer<Float>, _ w: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>?,
                        inputBlock: Int? = nil, into y: UnsafeMutablePointer<Float>) {
        let blocks = (p.o + block - 1) / block, taps = p.taps
        let icBlock = inputBlock ?? OneDNNConvolutionAVX512.inputBlock(p.c)
        let pw = OneDNNConvolution.interleave(w, count: 1, rows: p.o, cols: p.c * taps, as: Lanes.self)
        defer { pw.deallocate() }
        var biases = [Lanes](repeating: Lanes(), count: blocks)
        if let bias {
            for o in 0..<p.o { biases[o / block][o % block] = bias[o] }
        }
        let hasBias = bias != nil
        let (xBox, yBox, wBox) = (UncheckedBox(x), UncheckedBox(y), UncheckedBox(pw))
        let (s, pad, dl) = (p.stride, p.padding, p.dilation)
        biases.withUnsafeBufferPointer { biases in
            let bBox = UncheckedBox(biases)
            OneDNNConvolution.parallel(p.n * blocks) { job in
                let (img, ob) = (job / blocks, job % blocks)
                let xi = xBox.value + img * p.c * p.volume, wb = wBox.value + ob * p.c * taps
                let lanes = min(block, p.o - ob * block)
                let yo = yBox.value + (img * p.o + ob * block) * p.ovolume
                for z in 0..<p.od {
                    let (a0, a1) = OneDNNConvolution3D.tapRange(z, 0, p)
                    for y in 0..<p.oh {
                        let (i0, i1) = OneDNNConvolution3D.tapRange(y, 1, p)
                        for x in 0..<p.ow {
                            let (j0, j1) = OneDNNConvolution3D.tapRange(x, 2, p)
                            var sum = Lanes()
                            var c0 = 0
                            while c0 < p.c {
                                let c1 = min(c0 + icBlock, p.c)
                                var acc = Lanes()
                                for a in Swift.stride(from: a0, to: a1, by: 1) {
                                    for i in Swift.stride(from: i0, to: i1, by: 1) {
                                        let zz = z * s[0] - pad[0] + a * dl[0], yy = y * s[1] - pad[1] + i * dl[1]
                                        let row = (zz * p.h + yy) * p.w + x * s[2] - pad[2]
                                        let tap = (a * p.kh + i) * p.kw
                                        for j in Swift.stride(from: j0, to: j1, by: 1) {
                                            for c in c0..<c1 {
                                                acc = acc.addingProduct(Lanes(repeating: xi[c * p.volume + row + j * dl[2]]), wb[c * taps + tap + j])
                                            }
                                        }
                                    }
                                }
                                sum = c0 == 0 ? (hasBias ? acc + bBox.value[ob] : acc) : acc + sum
                                c0 = c1
                            }
                            let at = (z * p.oh + y) * p.ow + x
                            for l in 0..<lanes { yo[l * p.ovolume + at] = sum[l] }
                        }
                    }
                }
            }
        }
    }

    /// The input gradient at any stride and dilation (see the type's notes): per input
    /// position the taps that reach an output, kernel depth, row, column ascending.
    /// `outputBlock`: output channels per chain (a grouped layer's 16, 8 or 4).
    static func gradInput(_ p: Plan, _ gy: UnsafePointer<Float>, _ w: UnsafeMutablePointer<Float>, outputBlock: Int = block,
                          into gx: UnsafeMutablePointer<Float>) {
        let pad = p.padding, taps = p.taps
        let blocks = (p.c + block - 1) / block
        let pw = OneDNNConvolution.interleave(w, count: p.o, rows: p.c, cols: taps, as: Lanes.self)
        defer { pw.deallocate() }
        // per dimension and input position, the (tap, output position) pairs that reach it
        func reach(_ dim: Int) -> [[(tap: Int, at: Int)]] {
            let (k, size, limit) = ([p.kd, p.kh, p.kw][dim], [p.d, p.h, p.w][dim], [p.od, p.oh, p.ow][dim])
            let (dl, s) = (p.dilation[dim], p.stride[dim])
            return (0..<size).map { i in
                (0..<k).compactMap { tap in
                    let t = i + pad[dim] - tap * dl
                    return t >= 0 && t % s == 0 && t / s < limit ? (tap, t / s) : nil
                }
            }
        }
        let (zTaps, yTaps, xTaps) = (reach(0), reach(1), reach(2))
        let (gBox, xBox, wBox) = (UncheckedBox(gy), UncheckedBox(gx), UncheckedBox(pw))
        OneDNNConvolution.parallel(p.n * blocks) { job in
            let (img, cb) = (job / blocks, job % blocks)
            let gi = gBox.value + img * p.o * p.ovolume
            let wc = wBox.value + cb * taps, wStride = blocks * taps
            let lanes = min(block, p.c - cb * block)
            let xo = xBox.value + (img * p.c + cb * block) * p.volume
            for z in 0..<p.d {
                for y in 0..<p.h {
                    for x in 0..<p.w {
                        var total = Lanes()
                        var o0 = 0
                        while o0 < p.o {
                            let o1 = min(o0 + outputBlock, p.o)
                            var acc = Lanes()
                            for (a, tz) in zTaps[z] {
                                for (i, ty) in yTaps[y] {
                                    let row = (tz * p.oh + ty) * p.ow
                                    for (j, tx) in xTaps[x] {
                                        let g = gi + row + tx, wt = wc + (a * p.kh + i) * p.kw + j
                                        for o in o0..<o1 {
                                            acc = acc.addingProduct(Lanes(repeating: g[o * p.ovolume]), wt[o * wStride])
                                        }
                                    }
                                }
                            }
                            total = o0 == 0 ? acc : acc + total
                            o0 = o1
                        }
                        for l in 0..<lanes { xo[l * p.volume + (z * p.h + y) * p.w + x] = total[l] }
                    }
                }
            }
        }
    }
}
