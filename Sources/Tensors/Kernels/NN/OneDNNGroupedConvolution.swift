/// PyTorch 2.15's float32 grouped convolution (groups > 1, not depthwise), which ATen
/// hands to oneDNN whenever groups > 1. Where every group has a multiple of 8 input and
/// output channels, oneDNN 3.13 runs `jit:avx2` on AVX2, group by group, in the orders of
/// `OneDNNConvolution` (the strided data gradient is `brgconv_strided`'s only where a group
/// has more than 8 output channels, else `jit:avx2`'s as in `OneDNNDilatedConvolution`;
/// checked against PyTorch); its weight and bias reducers balance the
/// jobs of all groups together (`groups:`). Other channel counts run `gemm:jit`, whose
/// order is not reproduced: they stay on the slow path. Each group is copied out into a
/// contiguous plan of its own, run through the plain kernels and copied back.
enum OneDNNGroupedConvolution {
    static let block = OneDNNConvolution.block

    /// Groups of whole 8-channel blocks, no dilation, square stride, symmetric padding.
    static func isSelected(_ p: Convolution.Plan, dtype: DType) -> Bool {
        dtype == .float32 && p.g.followsOneDNN && p.g.groups > 1 && !(p.g.groups == p.c && p.oc == p.c)
            && p.cg % block == 0 && p.ocg % block == 0 && p.g.dilation == (1, 1)
            && (p.g.stride.0 == p.g.stride.1 || isOneD(p))
            && p.g.padding.0.0 == p.g.padding.0.1 && p.g.padding.1.0 == p.g.padding.1.1
    }

    /// Groups of whole 8-channel blocks with a dilation (the two may differ): oneDNN runs
    /// the forward as `jit:avx2` group by group where its `init_conf` takes one group
    /// (`forwardApplies`), the unit-stride data gradient likewise (`dataApplies`), and the
    /// rest as `gemm:jit` (found with ONEDNN_VERBOSE). Each group's order is the dilated
    /// one (OneDNNDilatedConvolution).
    static func isDilated(_ p: Convolution.Plan, dtype: DType) -> Bool {
        dtype == .float32 && p.g.followsOneDNN && p.g.groups > 1 && !(p.g.groups == p.c && p.oc == p.c)
            && p.cg % block == 0 && p.ocg % block == 0 && p.g.dilation != (1, 1)
            && (p.g.stride.0 == p.g.stride.1 || isOneD(p))
            && p.g.padding.0.0 == p.g.padding.0.1 && p.g.padding.1.0 == p.g.padding.1.1
    }

    /// A dilated grouped forward `jit:avx2` takes (see `isDilated`).
    static func dilatedForwardApplies(_ p: Convolution.Plan, dtype: DType) -> Bool {
        isDilated(p, dtype: dtype) && OneDNNDilatedConvolution.forwardApplies(groupPlan(p))
    }

    /// A dilated grouped data gradient `jit:avx2` takes (see `isDilated`).
    static func dilatedDataApplies(_ p: Convolution.Plan, dtype: DType) -> Bool {
        isDilated(p, dtype: dtype) && OneDNNDilatedConvolution.dataGradientApplies(groupPlan(p))
    }

    /// A `Conv1d` as ATen views it: height 1, stride and dilation `(1, s)`. The kernels
    /// read the width's stride and dilation, so its rows need no square geometry.
    static func isOneD(_ p: Convolution.Plan) -> Bool {
        p.h == 1 && p.kh == 1 && p.g.padding.0 == (0, 0)
    }

    /// Whether `jit:avx2`'s forward `init_conf` refuses a group of whole 8-channel blocks,
    /// as it refuses the plain layer of one group (`OneDNNPlainGemm.forwardRunsGemm`: the
    /// kernel outside the input, a left padding over the width unroll, ...): oneDNN then
    /// runs the forward as `gemm:jit` (fuzz case c224: a 1-d layer of 2 outputs, padding 3).
    static func forwardRefused(_ p: Convolution.Plan) -> Bool {
        OneDNNPlainGemm.forwardRunsGemm(groupPlan(p))
    }

    /// Whether `jit:avx2`'s data-gradient `init_conf` refuses a strided group it would take
    /// (not `brgconv_strided`'s): it asks `stride_w == stride_h`, which a 1-d layer (height
    /// 1, stride 1 there) with a stride over 1 fails, so oneDNN runs `gemm:jit`.
    static func dataRefused(_ p: Convolution.Plan) -> Bool {
        !stridedByBRGEMM(p) && p.g.stride.0 != p.g.stride.1
    }

    /// One group as a convolution of its own.
    static func groupPlan(_ p: Convolution.Plan) -> Convolution.Plan {
        let g = ConvolutionGeometry(stride: p.g.stride, padding: p.g.padding, dilation: p.g.dilation, groups: 1)
        return Convolution.Plan(n: p.n, c: p.cg, h: p.h, w: p.w, oc: p.ocg, kh: p.kh, kw: p.kw, oh: p.oh, ow: p.ow,
                                cg: p.cg, ocg: p.ocg, g: g)
    }

    /// Copies `channels` planes of channel `first` on of each of `n` images (of `total`
    /// channels) into `dst`, or back from `dst` when `back`.
    static func move(_ src: UnsafeMutablePointer<Float>, _ dst: UnsafeMutablePointer<Float>, n: Int, total: Int,
                     first: Int, channels: Int, plane: Int, back: Bool = false) {
        for img in 0..<n {
            let a = src + (img * total + first) * plane, b = dst + img * channels * plane
            if back { a.update(from: b, count: channels * plane) } else { b.update(from: a, count: channels * plane) }
        }
    }

    static func forward(_ p: Convolution.Plan, _ x: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                        _ bias: UnsafeMutablePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
        let q = groupPlan(p), plane = p.h * p.w, oplane = p.oh * p.ow
        let xs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * q.c * plane)
        let ys = UnsafeMutablePointer<Float>.allocate(capacity: p.n * q.oc * oplane)
        defer { xs.deallocate(); ys.deallocate() }
        for grp in 0..<p.g.groups {
            move(x, xs, n: p.n, total: p.c, first: grp * q.c, channels: q.c, plane: plane)
            let wg = w + grp * q.oc * q.c * p.kh * p.kw, bg = bias.map { $0 + grp * q.oc }
            if p.g.dilation != (1, 1) {
                OneDNNDilatedConvolution.forward(q, xs, wg, bg, into: ys)
            } else {
                OneDNNConvolution.forward(q, xs, wg, bg, into: ys, grouped: true)
            }
            move(y, ys, n: p.n, total: p.oc, first: grp * q.oc, channels: q.oc, plane: oplane, back: true)
        }
    }

    /// Whether oneDNN runs the strided data gradient as `brgconv_strided:avx2` (the order
    /// of `OneDNNConvolution.gradInput` at stride > 1): with groups, only where a group has
    /// more than 8 output channels (found with ONEDNN_VERBOSE; at 8, `jit:avx2`).
    static func stridedByBRGEMM(_ p: Convolution.Plan) -> Bool {
        p.g.stride.1 > 1 && p.ocg > block
    }

    static func gradInput(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                          into gx: UnsafeMutablePointer<Float>) {
        let q = groupPlan(p), plane = p.h * p.w, oplane = p.oh * p.ow
        let gs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * q.oc * oplane)
        let xs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * q.c * plane)
        defer { gs.deallocate(); xs.deallocate() }
        for grp in 0..<p.g.groups {
            move(gy, gs, n: p.n, total: p.oc, first: grp * q.oc, channels: q.oc, plane: oplane)
            let wg = w + grp * q.oc * q.c * p.kh * p.kw
            if stridedByBRGEMM(p) && p.g.dilation == (1, 1) {
                OneDNNConvolution.gradInput(q, gs, wg, into: xs, grouped: true, groups: p.g.groups)
            } else {
                OneDNNDilatedConvolution.gradInput(q, gs, wg, into: xs)
            }
            move(gx, xs, n: p.n, total: p.c, first: grp * q.c, channels: q.c, plane: plane, back: true)
        }
    }

    static func gradWeight(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>,
                           into gw: UnsafeMutablePointer<Float>) {
        let q = groupPlan(p), plane = p.h * p.w, oplane = p.oh * p.ow
        let gs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * q.oc * oplane)
        let xs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * q.c * plane)
        defer { gs.deallocate(); xs.deallocate() }
        for grp in 0..<p.g.groups {
            move(gy, gs, n: p.n, total: p.oc, first: grp * q.oc, channels: q.oc, plane: oplane)
            move(x, xs, n: p.n, total: p.c, first: grp * q.c, channels: q.c, plane: plane)
            OneDNNConvolution.gradWeight(q, gs, xs, into: gw + grp * q.oc * q.c * p.kh * p.kw, groups: p.g.groups)
        }
    }

    static func gradBias(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, into gb: UnsafeMutablePointer<Float>) {
        let q = groupPlan(p), oplane = p.oh * p.ow
        let gs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * q.oc * oplane)
        defer { gs.deallocate() }
        for grp in 0..<p.g.groups {
            move(gy, gs, n: p.n, total: p.oc, first: grp * q.oc, channels: q.oc, plane: oplane)
            OneDNNConvolution.gradBias(q, gs, into: gb + grp * q.oc, groups: p.g.groups)
        }
    }
}

extension Convolution {
    /// The grouped forward in `jit:avx2`'s order (see `OneDNNGroupedConvolution`).
    static func groupedForward(_ p: Plan, input x: UnsafeMutablePointer<Float>, weight: Tensor, bias: Tensor?,
                               into out: UnsafeMutablePointer<Float>) throws(TensorError) {
        let wc = try weight.contiguous(), bc = try bias?.contiguous()
        withExtendedLifetime((wc, bc)) {
            OneDNNGroupedConvolution.forward(p, x, NNBuffer.pointer(wc, as: Float.self),
                                             bc.map { NNBuffer.pointer($0, as: Float.self) }, into: out)
        }
    }

    /// The dilated grouped gradients: the data gradient in `jit:avx2`'s order where oneDNN
    /// runs it, else `gemm:jit`'s, and the weight and bias gradients in `gemm:jit`'s.
    static func dilatedGroupedBackward(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                                       needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        var gx: Tensor?
        if needInput && OneDNNGroupedConvolution.dilatedDataApplies(p, dtype: input.dtype) {
            gx = try groupedGradInput(p, gradOutput: gradOutput, input: input, weight: weight)
        } else if needInput {
            gx = try gemmInputGradient(p, gradOutput, input, weight)
        }
        return (gx, needWeight ? try gemmWeightGradient(p, gradOutput, input, weight) : nil,
                hasBias ? try gemmBiasGradient(p, gradOutput) : nil)
    }

    /// The grouped gradients in `jit:avx2`'s orders, each only when asked for (the data
    /// gradient `jit:avx2` refuses in `gemm:jit`'s).
    static func groupedBackward(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool,
                                needInput: Bool, needWeight: Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        if needInput && OneDNNGroupedConvolution.dataRefused(p) {
            let rest = try groupedBackward(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                                           needInput: false, needWeight: needWeight)
            return (try gemmInputGradient(p, gradOutput, input, weight), rest.weight, rest.bias)
        }
        return try floatGradients(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                           needInput: needInput, needWeight: needWeight,
                           gradInput: { OneDNNGroupedConvolution.gradInput(p, $0, $1, into: $2) },
                           gradWeight: { OneDNNGroupedConvolution.gradWeight(p, $0, $1, into: $2) },
                           gradBias: { OneDNNGroupedConvolution.gradBias(p, $0, into: $1) })
    }
}
