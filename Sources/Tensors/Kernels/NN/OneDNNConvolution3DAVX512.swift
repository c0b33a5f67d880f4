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

    /// Whether `jit:avx512_core` takes the input gradient: unit stride, and the 2-d width
    /// checks (`l_overflow`, `r_overflow_no_tail` within `ur_w`).
    static func dataApplies(_ p: Plan) -> Bool {
        p.stride == [1, 1, 1] && OneDNNDilatedConvolutionAVX512.dataApplies(slice(p))
    }

    static func forward(_ p: Plan, _ x: UnsafePointer<Float>, _ w: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>?,
                        into y: UnsafeMutablePointer<Float>) {
        let blocks = (p.o + block - 1) / block, taps = p.taps
        let icBlock = OneDNNConvolutionAVX512.inputBlock(p.c)
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

    /// The unit-stride input gradient (see the type's notes).
    static func gradInput(_ p: Plan, _ gy: UnsafePointer<Float>, _ w: UnsafeMutablePointer<Float>, into gx: UnsafeMutablePointer<Float>) {
        let pad = p.padding, taps = p.taps
        let blocks = (p.c + block - 1) / block
        let pw = OneDNNConvolution.interleave(w, count: p.o, rows: p.c, cols: taps, as: Lanes.self)
        defer { pw.deallocate() }
        let (gBox, xBox, wBox) = (UncheckedBox(gy), UncheckedBox(gx), UncheckedBox(pw))
        OneDNNConvolution.parallel(p.n * blocks) { job in
            let (img, cb) = (job / blocks, job % blocks)
            let gi = gBox.value + img * p.o * p.ovolume
            let wc = wBox.value + cb * taps, wStride = blocks * taps
            let lanes = min(block, p.c - cb * block)
            let xo = xBox.value + (img * p.c + cb * block) * p.volume
            // the taps through which input position `i` reaches an output along `dim` (unit stride)
            func reach(_ i: Int, _ dim: Int) -> [Int] {
                let (k, limit, dl) = ([p.kd, p.kh, p.kw][dim], [p.od, p.oh, p.ow][dim], p.dilation[dim])
                return (0..<k).filter { let t = i + pad[dim] - $0 * dl; return t >= 0 && t < limit }
            }
            let dl = p.dilation
            for z in 0..<p.d {
                let zs = reach(z, 0)
                for y in 0..<p.h {
                    let ys = reach(y, 1)
                    for x in 0..<p.w {
                        let xs = reach(x, 2)
                        var total = Lanes()
                        var o0 = 0
                        while o0 < p.o {
                            let o1 = min(o0 + block, p.o)
                            var acc = Lanes()
                            for a in zs {
                                for i in ys {
                                    let row = ((z + pad[0] - a * dl[0]) * p.oh + y + pad[1] - i * dl[1]) * p.ow + x + pad[2]
                                    for j in xs {
                                        let g = gi + row - j * dl[2], wt = wc + (a * p.kh + i) * p.kw + j
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
