/// The forward pass of grouped float32 convolutions that oneDNN 3.13 runs as
/// `jit:avx512_core` on AVX-512 machines (on AVX2 many of them run `gemm:jit`, groups whose
/// channels are not whole 8-channel blocks). Each group is the plain AVX-512 convolution
/// (`OneDNNConvolutionAVX512.forward`) of its own channels, with the input channels in
/// blocks: whole groups of 16 channels (and 16·k output channels) in blocks of 16 as for
/// a plain layer; otherwise blocks of 8 or 4 (the largest dividing both channel counts),
/// each later block's chain added to the output so far. Checked against PyTorch on an AVX-512 machine (OneDNNGroupedConvAVX512Goldens.json).
/// oneDNN takes a grouped layer (not depthwise) when both the input and output channels of
/// a group are multiples of 4 (read off ONEDNN_VERBOSE on the goldens' 80 grouped layers:
/// every other one ran `gemm:jit`), with 16-, 8- or 4-channel blocks, the largest that
/// divides both. The gradients: OneDNNGroupedConvolutionAVX512Data.swift (input) and
/// OneDNNGroupedConvolutionAVX512Weights.swift (weight and bias).
enum OneDNNGroupedConvolutionAVX512 {
    /// Whether oneDNN runs the forward as grouped `jit:avx512_core` (see the type's notes).
    /// A 1-d layer (height 1) has only its width's stride: the kernels read each direction's.
    static func isSelected(_ p: Convolution.Plan, dtype: DType) -> Bool {
        dtype == .float32 && p.g.followsOneDNN && p.g.groups > 1 && !(p.cg == 1 && p.ocg == 1)
            && p.cg % 4 == 0 && p.ocg % 4 == 0 && (p.g.stride.0 == p.g.stride.1 || OneDNNGroupedConvolution.isOneD(p))
            && p.g.padding.0.0 == p.g.padding.0.1 && p.g.padding.1.0 == p.g.padding.1.1
    }

    /// Input channels per kernel call (a whole group of 16·k channels: the plain kernel's
    /// own blocks of 16), or nil where oneDNN does not block by 16, 8 or 4.
    static func inputBlock(_ p: Convolution.Plan) -> Int? {
        if p.cg % 16 == 0 && p.ocg % 16 == 0 { return p.cg }
        guard let b = [8, 4].first(where: { p.cg % $0 == 0 && p.ocg % $0 == 0 }) else { return nil }
        return min(b, p.cg)
    }

    /// The plain plan one block of one group runs.
    static func blockPlan(_ p: Convolution.Plan, inputs: Int) -> Convolution.Plan {
        var g = p.g
        g.groups = 1
        return Convolution.Plan(n: p.n, c: inputs, h: p.h, w: p.w, oc: p.ocg, kh: p.kh, kw: p.kw, oh: p.oh, ow: p.ow,
                                cg: inputs, ocg: p.ocg, g: g)
    }

    /// Whether `forward` follows oneDNN's order for a grouped plan oneDNN runs as
    /// `jit:avx512_core`: a reproduced channel blocking, and a block plan the plain
    /// AVX-512 forward takes (the dilated one, OneDNNDilatedConvolutionAVX512, where dilated).
    static func forwardApplies(_ p: Convolution.Plan) -> Bool {
        guard isSelected(p, dtype: .float32), let b = inputBlock(p) else { return false }
        if p.g.dilation != (1, 1) {  // init_conf's unroll for one group (OneDNNConvolutionAVX512Unroll.swift)
            guard let simd = OneDNNGroupedConvolutionAVX512.channelBlock(p) else { return false }
            return !OneDNNDilatedConvolutionAVX512.kernelOutside(p)
                && OneDNNAVX512ForwardUnroll.unroll(blockPlan(p, inputs: p.cg), groupBlock: simd) != nil
        }
        return OneDNNConvolutionAVX512.forwardApplies(blockPlan(p, inputs: b))
    }

    /// One block's forward: the plain AVX-512 kernel, or its dilated form.
    static func blockForward(_ q: Convolution.Plan, _ x: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                             _ bias: UnsafeMutablePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
        if q.g.dilation != (1, 1) { return OneDNNDilatedConvolutionAVX512.forward(q, x, w, bias, into: y) }
        OneDNNConvolutionAVX512.forward(q, x, w, bias, into: y)
    }

    static func forward(_ p: Convolution.Plan, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                        _ bias: UnsafePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
        guard let icb = inputBlock(p) else { return }
        let q = blockPlan(p, inputs: icb), ks = p.kh * p.kw, plane = p.h * p.w, oplane = p.oh * p.ow
        let xs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * icb * plane)
        let ws = UnsafeMutablePointer<Float>.allocate(capacity: p.ocg * icb * ks)
        let bs = UnsafeMutablePointer<Float>.allocate(capacity: p.ocg)
        let ys = UnsafeMutablePointer<Float>.allocate(capacity: p.n * p.ocg * oplane)
        let part = UnsafeMutablePointer<Float>.allocate(capacity: p.n * p.ocg * oplane)
        defer { xs.deallocate(); ws.deallocate(); bs.deallocate(); ys.deallocate(); part.deallocate() }
        for grp in 0..<p.g.groups {
            for c0 in stride(from: 0, to: p.cg, by: icb) {
                for img in 0..<p.n {
                    (xs + img * icb * plane).update(from: x + (img * p.c + grp * p.cg + c0) * plane, count: icb * plane)
                }
                for o in 0..<p.ocg { (ws + o * icb * ks).update(from: w + ((grp * p.ocg + o) * p.cg + c0) * ks, count: icb * ks) }
                if c0 == 0 {
                    if let bias { bs.update(from: bias + grp * p.ocg, count: p.ocg) }
                    blockForward(q, xs, ws, bias == nil ? nil : bs, into: ys)
                } else {
                    blockForward(q, xs, ws, nil, into: part)
                    for e in 0..<(p.n * p.ocg * oplane) { ys[e] = ys[e] + part[e] }
                }
            }
            for img in 0..<p.n {
                (y + (img * p.oc + grp * p.ocg) * oplane).update(from: ys + img * p.ocg * oplane, count: p.ocg * oplane)
            }
        }
    }
}

extension Convolution {
    /// The grouped forward in `jit:avx512_core`'s order (see `OneDNNGroupedConvolutionAVX512`).
    static func groupedForwardAVX512(_ p: Plan, input x: UnsafeMutablePointer<Float>, weight: Tensor, bias: Tensor?,
                                     into out: UnsafeMutablePointer<Float>) throws(TensorError) {
        let wc = try weight.contiguous(), bc = try bias?.contiguous()
        withExtendedLifetime((wc, bc)) {
            OneDNNGroupedConvolutionAVX512.forward(p, x, NNBuffer.pointer(wc, as: Float.self),
                                                   bc.map { NNBuffer.pointer($0, as: Float.self) }, into: out)
        }
    }
}
