/// Grouped float32 `Conv3d` whose groups are whole channel blocks, which oneDNN 3.13 runs
/// on its jit kernels rather than `gemm:jit` (ONEDNN_VERBOSE): `jit:avx2` where each
/// group's input and output channels are multiples of 8, `jit:avx512_core` where they are
/// multiples of 4 (blocks of 16 for whole 16-channel groups, else 8 or 4, the largest
/// dividing both). The grouped kernels are the plain ones run group by group, so the
/// forward and the unit-stride data gradient are `OneDNNConvolution3D.forward` /
/// `gradInput` on each group's channels, with the AVX-512 chains blocked by the group's
/// block. The weight and bias passes (ONEDNN_VERBOSE): `jit:avx512_core` for groups of
/// whole 16-channel blocks (the 3-d harness per group; with at least as many groups as
/// threads one thread a group, so one chain over all (image, output depth) pairs),
/// `jit:avx2` for whole 8-channel blocks without depth padding (on both ISAs; its reducer
/// balances all groups' jobs), else `gemm:jit`.
extension OneDNNConvolution3D {
    /// The channel block oneDNN's grouped jit kernel takes for groups of `cg` input and
    /// `ocg` output channels, or nil where the layer runs `gemm:jit` (or is depthwise).
    static func groupedJitBlock(cg: Int, ocg: Int, avx512: Bool) -> Int? {
        if !avx512 { return cg % 8 == 0 && ocg % 8 == 0 ? 8 : nil }
        return [16, 8, 4].first { cg % $0 == 0 && ocg % $0 == 0 }
    }

    /// Grouped, undilated, unit stride, padding under the kernel, ATen on oneDNN, not the
    /// flat source (8 input channels or more in all), whole channel blocks per group, and a
    /// group's plan the plain jit kernels take (forward and data gradient).
    public static func groupedJitSelected(input: [Int], weight: [Int], stride: [Int], padding: [Int], dilation: [Int],
                                          groups: Int, dtype: DType, avx512: Bool = OneDNNISA.avx512Core) -> Bool {
        guard dtype == .float32, input.count == 5, weight.count == 5, groups > 1, input[1] % groups == 0,
              weight[0] % groups == 0, weight[1] * groups == input[1], dilation == [1, 1, 1], stride == [1, 1, 1],
              padding.count == 3, input[1] >= block, atenTakesOneDNN(input: input, weight: weight, groups: groups),
              (0..<3).allSatisfy({ padding[$0] < weight[2 + $0] }) else { return false }
        let cg = input[1] / groups, ocg = weight[0] / groups
        guard let b = groupedJitBlock(cg: cg, ocg: ocg, avx512: avx512) else { return false }
        let q = plan([input[0], cg] + input[2...], [ocg, cg] + weight[2...], stride: stride, padding: padding)
        if avx512 {
            return OneDNNConvolution3DAVX512.forwardApplies(q)
                && OneDNNDilatedConvolutionAVX512.dataApplies(OneDNNConvolution3DAVX512.slice(q), channelBlock: b)
        }
        return jitAVX2ForwardApplies(q) && OneDNNDilatedConvolution.dataGradientApplies(OneDNNConvolution3DAVX512.slice(q))
    }

    /// Each group's channels (contiguous copies) through `body`, the results joined along
    /// the channels.
    static func byGroups(_ groups: Int, _ a: Tensor, _ w: Tensor, aPerGroup: Int, wPerGroup: Int,
                         _ body: (Int, Tensor, Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        var outputs: [Tensor] = []
        for g in 0..<groups {
            let ag = try a.narrow(1, start: g * aPerGroup, length: aPerGroup).contiguous()
            let wg = try w.narrow(0, start: g * wPerGroup, length: wPerGroup).contiguous()
            outputs.append(try body(g, ag, wg))
        }
        return try Tensor.cat(outputs, dim: 1)
    }

    /// The forward of a layer `groupedJitSelected` takes.
    public static func groupedJitForward(input: Tensor, weight: Tensor, bias: Tensor?, padding: [Int], groups: Int,
                                         avx512: Bool = OneDNNISA.avx512Core) throws(TensorError) -> Tensor {
        let cg = input.sizes[1] / groups, ocg = weight.sizes[0] / groups
        let b = groupedJitBlock(cg: cg, ocg: ocg, avx512: avx512) ?? block
        return try byGroups(groups, input, weight, aPerGroup: cg, wPerGroup: ocg) { g, x, w throws(TensorError) in
            let bg = try bias.map { b throws(TensorError) in try b.narrow(0, start: g * ocg, length: ocg).contiguous() }
            guard avx512 else { return try forward(input: x, weight: w, bias: bg, stride: [1, 1, 1], padding: padding, avx512: false) }
            let p = plan(x.sizes, w.sizes, stride: [1, 1, 1], padding: padding)
            let out = try Tensor(empty: [p.n, p.o, p.od, p.oh, p.ow], dtype: .float32, device: x.device)
            withExtendedLifetime((x, w, bg)) {
                OneDNNConvolution3DAVX512.forward(p, NNBuffer.pointer(x, as: Float.self), NNBuffer.pointer(w, as: Float.self),
                                                  bg.map { NNBuffer.pointer($0, as: Float.self) }, inputBlock: min(b, cg),
                                                  into: NNBuffer.pointer(out, as: Float.self))
            }
            return out
        }
    }

    /// The data gradient of a layer `groupedJitSelected` takes.
    public static func groupedJitGradInput(gradOutput: Tensor, weight: Tensor, inputSizes: [Int], padding: [Int], groups: Int,
                                           avx512: Bool = OneDNNISA.avx512Core) throws(TensorError) -> Tensor {
        let cg = inputSizes[1] / groups, ocg = weight.sizes[0] / groups
        let b = groupedJitBlock(cg: cg, ocg: ocg, avx512: avx512) ?? block
        let sizes = [inputSizes[0], cg] + inputSizes[2...]
        return try byGroups(groups, gradOutput, weight, aPerGroup: ocg, wPerGroup: ocg) { _, g, w throws(TensorError) in
            guard avx512 else {
                return try gradInput(gradOutput: g, weight: w, inputSizes: sizes, stride: [1, 1, 1], padding: padding, avx512: false)
            }
            let p = plan(sizes, w.sizes, stride: [1, 1, 1], padding: padding)
            let out = try Tensor(empty: sizes, dtype: .float32, device: g.device)
            withExtendedLifetime((g, w)) {
                OneDNNConvolution3DAVX512.gradInput(p, NNBuffer.pointer(g, as: Float.self), NNBuffer.pointer(w, as: Float.self),
                                                    outputBlock: b, into: NNBuffer.pointer(out, as: Float.self))
            }
            return out
        }
    }

    /// One group's plan of a grouped layer.
    static func groupPlan(_ input: [Int], _ weight: [Int], stride: [Int], padding: [Int], groups: Int) -> Plan {
        plan([input[0], input[1] / groups] + input[2...], [weight[0] / groups] + weight[1...], stride: stride, padding: padding)
    }

    /// The weight pass of a grouped layer of whole channel blocks (see the type's notes), or
    /// nil where it is not one (`gemm:jit`, as `weightPass` decides).
    static func groupedJitWeightPass(weight: [Int], padding: [Int], groups: Int, input: [Int]?, stride: [Int]?,
                                     avx512: Bool) -> WeightPass? {
        guard let input, let stride, input.count == 5, weight.count == 5, stride.count == 3, padding.count == 3,
              input[1] % groups == 0, weight[0] % groups == 0, weight[1] * groups == input[1],
              (0..<3).allSatisfy({ padding[$0] < weight[2 + $0] }) else { return nil }
        let cg = input[1] / groups, ocg = weight[0] / groups
        if avx512 && cg % 16 == 0 && ocg % 16 == 0
            && OneDNNConvolution3DAVX512.weightApplies(groupPlan(input, weight, stride: stride, padding: padding, groups: groups)) {
            return .jitAVX512
        }
        return cg % 8 == 0 && ocg % 8 == 0 && padding[0] == 0 ? .jit : nil
    }

    /// The (image, output depth) pairs each thread of one group takes: oneDNN's `balance`
    /// gives each group `threads / groups` threads (one below as many threads as groups).
    static func groupedWeightRanges(_ q: Plan, groups: Int, threads: Int = IntraOpThreads.count) -> [Range<Int>] {
        let perGroup = threads / groups
        let mb = perGroup <= 1 ? 1 : OneDNNConvolution3DAVX512.weightBalance(q, threads: perGroup).mb
        return OneDNNConvolution.imageRanges(q.n * q.od, parts: mb)
    }

    /// The weight gradient of a grouped layer of whole channel blocks, group by group
    /// (`pass` is `groupedJitWeightPass`'s); `p` is the whole layer's plan.
    static func groupedJitGradWeight(_ p: Plan, gradOutput: Tensor, input: Tensor, pass: WeightPass,
                                     into gw: UnsafeMutablePointer<Float>) throws(TensorError) {
        let groups = p.groups, cg = p.c / groups, ocg = p.o / groups
        let q = plan([p.n, cg, p.d, p.h, p.w], [ocg, cg, p.kd, p.kh, p.kw], stride: p.stride, padding: p.padding)
        let ranges = groupedWeightRanges(q, groups: groups)
        for g in 0..<groups {
            let (gkeep, gy) = try NNBuffer.read(gradOutput.narrow(1, start: g * ocg, length: ocg), as: Float.self)
            let (xkeep, x) = try NNBuffer.read(input.narrow(1, start: g * cg, length: cg), as: Float.self)
            withExtendedLifetime((gkeep, xkeep)) {
                let into = gw + g * ocg * cg * q.taps
                if pass == .jitAVX512 {
                    OneDNNConvolution3DAVX512.gradWeight(q, gy, x, ranges: ranges, into: into)
                } else {
                    jitGradWeight(q, gy, x, groups: groups, into: into)
                }
            }
        }
    }
}
