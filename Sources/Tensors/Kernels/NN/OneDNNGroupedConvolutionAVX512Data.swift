/// The data gradient of grouped float32 convolutions that oneDNN 3.13 runs as
/// `jit:avx512_core` on AVX-512 machines (the layers whose forward it runs so,
/// `OneDNNGroupedConvolutionAVX512.isSelected`). `jit_avx512_common_conv_bwd_data_kernel_f32`
/// blocks a group's channels by 16 where both its input and output channels are whole
/// 16-channel blocks, else by 8 or 4 (`ok_to_try_lower_zmm`: the largest dividing both),
/// and calls its kernel once per block of output channels: each a chain from zero over
/// kernel row, kernel column, channel, added to the sum of the blocks before it. So each
/// group is the general AVX-512 data gradient (`OneDNNDilatedConvolutionAVX512.gradInput`)
/// of its own channels with that output block, at any stride (where a group has more than
/// 16 output channels oneDNN runs strided ones as `brgconv_strided`, `dataApplies`) and
/// dilation (at unit stride). Checked against PyTorch on an
/// AVX-512 machine (OneDNNGroupedConvAVX512Goldens.json, conv-gemm-avx512.py's `g3`).
extension OneDNNGroupedConvolutionAVX512 {
    /// oneDNN's channel block for a group (`simd_w`): 16, 8 or 4, or nil (then the layer
    /// is not `jit:avx512_core`'s).
    static func channelBlock(_ p: Convolution.Plan) -> Int? {
        [16, 8, 4].first { p.cg % $0 == 0 && p.ocg % $0 == 0 }
    }

    /// The plain plan of one whole group.
    static func groupPlan(_ p: Convolution.Plan) -> Convolution.Plan { blockPlan(p, inputs: p.cg) }

    /// Whether `gradInput` follows oneDNN's order: a grouped `jit:avx512_core` layer whose
    /// group shape the data-gradient `init_conf` takes.
    static func dataApplies(_ p: Convolution.Plan) -> Bool {
        guard isSelected(p, dtype: .float32), let b = channelBlock(p) else { return false }
        // More than 16 output channels a group at a stride run brgconv_strided:avx512_core
        // (found with ONEDNN_VERBOSE; 16 or fewer run jit:avx512_core): OneDNNGroupedConvolution's
        // strided route, blocked with AVX-512's register counts.
        if p.g.stride != (1, 1) && p.ocg > 16 { return false }
        return OneDNNDilatedConvolutionAVX512.dataApplies(groupPlan(p), channelBlock: b)
    }

    /// The input gradient, group by group (see the type's notes).
    static func gradInput(_ p: Convolution.Plan, _ gy: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                          into gx: UnsafeMutablePointer<Float>) {
        guard let ob = channelBlock(p) else { return }
        let q = groupPlan(p), ks = p.kh * p.kw, plane = p.h * p.w, oplane = p.oh * p.ow
        let gs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * p.ocg * oplane)
        let ws = UnsafeMutablePointer<Float>.allocate(capacity: p.ocg * p.cg * ks)
        let xs = UnsafeMutablePointer<Float>.allocate(capacity: p.n * p.cg * plane)
        defer { gs.deallocate(); ws.deallocate(); xs.deallocate() }
        for grp in 0..<p.g.groups {
            for img in 0..<p.n {
                (gs + img * p.ocg * oplane).update(from: gy + (img * p.oc + grp * p.ocg) * oplane, count: p.ocg * oplane)
            }
            ws.update(from: w + grp * p.ocg * p.cg * ks, count: p.ocg * p.cg * ks)
            OneDNNDilatedConvolutionAVX512.gradInput(q, gs, ws, outputBlock: ob, into: xs)
            for img in 0..<p.n {
                (gx + (img * p.c + grp * p.cg) * plane).update(from: xs + img * p.cg * plane, count: p.cg * plane)
            }
        }
    }
}

extension Convolution {
    /// The grouped gradients in `jit:avx512_core`'s orders where oneDNN runs it for that
    /// pass (`data`: the input gradient; `weights`: the weight and bias gradients), the
    /// others from the route that runs without them (`rest`, asked for the input, weight
    /// and bias gradients it is to make).
    static func groupedBackwardAVX512(_ p: Plan, gradOutput: Tensor, input: Tensor, weight: Tensor, needInput: Bool, needWeight: Bool,
                                      hasBias: Bool, data: Bool, weights: Bool,
                                      rest: (Bool, Bool, Bool) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?))
        throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let (gkeep, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        var gx: Tensor?, gw: Tensor?, gb: Tensor?
        if data {
            let (wkeep, w) = try NNBuffer.read(weight, as: Float.self)
            let t = try Tensor(empty: input.sizes, dtype: input.dtype, device: input.device)
            withExtendedLifetime((gkeep, wkeep)) {
                OneDNNGroupedConvolutionAVX512.gradInput(p, gy, w, into: NNBuffer.pointer(t, as: Float.self))
            }
            gx = t
        }
        if weights {
            let (xkeep, x) = try NNBuffer.read(input, as: Float.self)
            if needWeight {
                let t = try Tensor(empty: weight.sizes, dtype: weight.dtype, device: weight.device)
                withExtendedLifetime((gkeep, xkeep)) {
                    OneDNNGroupedConvolutionAVX512.gradWeight(p, gy, x, into: NNBuffer.pointer(t, as: Float.self))
                }
                gw = t
            }
            if hasBias {
                let t = try Tensor(empty: [p.oc], dtype: weight.dtype, device: weight.device)
                withExtendedLifetime(gkeep) { OneDNNGroupedConvolutionAVX512.gradBias(p, gy, into: NNBuffer.pointer(t, as: Float.self)) }
                gb = t
            }
        }
        let restInput = needInput && !data, restWeights = !weights && (needWeight || hasBias)
        if restInput || restWeights {
            let r = try rest(restInput, needWeight && !weights, hasBias && !weights)
            if restInput { gx = r.input }
            if restWeights { (gw, gb) = (r.weight, r.bias) }
        }
        return (gx, gw, gb)
    }
}
