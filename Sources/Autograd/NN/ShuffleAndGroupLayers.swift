import Tensors

/// threshold, pixel (un)shuffle, channel shuffle, adaptive max pooling and group norm:
/// the layers PyTorch computes natively and names their grad_fn after
/// (`ThresholdBackward0`, `PixelShuffleBackward0`, `ChannelShuffleBackward0`,
/// `AdaptiveMaxPool2DBackward0`, `NativeGroupNormBackward0`).
extension Differentiable {
    /// `x <= threshold ? value : x`, in x's dtype.
    public static func threshold(_ x: Tensor, threshold: Double, value: Double) throws(TensorError) -> Tensor {
        let v: Scalar = x.dtype.isFloatingPoint ? .float(value) : .int(Int64(value))
        let t: Scalar = x.dtype.isFloatingPoint ? .float(threshold) : .int(Int64(threshold.rounded(.down)))
        let out = try Tensor.where(try x.detach().le(t), v, x.detach())
        guard isRecording(x) else { return out }
        return try record("ThresholdBackward0", [x], out, save: [x],
                          attributes: [("self", .tensor(0)), ("threshold", .scalar(pythonNumber(threshold)))]) { ctx in
            [try thresholdBackward(ctx.grad, try ctx.saved(0), t)]
        }
    }

    /// (*, C·r², H, W) → (*, C, H·r, W·r).
    public static func pixelShuffle(_ x: Tensor, upscaleFactor r: Int) throws(TensorError) -> Tensor {
        if x.rank < 3 {
            throw .runtime("pixel_shuffle expects input to have at least 3 dimensions, but got input with \(x.rank) dimension(s)")
        }
        if r <= 0 { throw .runtime("pixel_shuffle expects a positive upscale_factor, but got \(r)") }
        let c = x.sizes[x.rank - 3], h = x.sizes[x.rank - 2], w = x.sizes[x.rank - 1]
        if c % (r * r) != 0 {
            throw .runtime("pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=\(c) is not divisible by \(r * r)")
        }
        let lead = Array(x.sizes.dropLast(3)), k = lead.count
        let out = try x.detach().reshape(lead + [c / (r * r), r, r, h, w])
            .permute(Array(0..<k) + [k, k + 3, k + 1, k + 4, k + 2]).contiguous()
            .reshape(lead + [c / (r * r), h * r, w * r])
        guard isRecording(x) else { return out }
        return record("PixelShuffleBackward0", [x], out, attributes: [("upscale_factor", .int(r))]) { ctx in [try pixelUnshuffle(ctx.grad, downscaleFactor: r)] }
    }

    /// (*, C, H·r, W·r) → (*, C·r², H, W).
    public static func pixelUnshuffle(_ x: Tensor, downscaleFactor r: Int) throws(TensorError) -> Tensor {
        if x.rank < 3 {
            throw .runtime("pixel_unshuffle expects input to have at least 3 dimensions, but got input with \(x.rank) dimension(s)")
        }
        if r <= 0 { throw .runtime("pixel_unshuffle expects a positive downscale_factor, but got \(r)") }
        let c = x.sizes[x.rank - 3], h = x.sizes[x.rank - 2], w = x.sizes[x.rank - 1]
        if h % r != 0 {
            throw .runtime("pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=\(h) is not divisible by \(r)")
        }
        if w % r != 0 {
            throw .runtime("pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=\(w) is not divisible by \(r)")
        }
        let lead = Array(x.sizes.dropLast(3)), k = lead.count
        let out = try x.detach().reshape(lead + [c, h / r, r, w / r, r])
            .permute(Array(0..<k) + [k, k + 2, k + 4, k + 1, k + 3]).contiguous()
            .reshape(lead + [c * r * r, h / r, w / r])
        guard isRecording(x) else { return out }
        return record("PixelUnshuffleBackward0", [x], out) { ctx in [try pixelShuffle(ctx.grad, upscaleFactor: r)] }
    }

    /// (N, C, *) with C = g·k: channel j·k + i moves to i·g + j.
    public static func channelShuffle(_ x: Tensor, groups: Int) throws(TensorError) -> Tensor {
        if x.rank <= 2 {
            throw .runtime("channel_shuffle expects input with > 2 dims, but got input with sizes \(shapeText(x.sizes))")
        }
        let c = x.sizes[1]
        if groups <= 0 { throw .runtime("Number of groups to divide channels in must be positive. Value of groups:\(groups)") }
        if c % groups != 0 {
            throw .runtime("Number of channels must be divisible by groups. Got \(c) channels and \(groups) groups.")
        }
        let rest = Array(x.sizes.dropFirst(2))
        let out = try x.detach().reshape([x.sizes[0], groups, c / groups] + rest).transpose(1, 2).contiguous().reshape(x.sizes)
        guard isRecording(x) else { return out }
        return record("ChannelShuffleBackward0", [x], out) { ctx in [try channelShuffle(ctx.grad.detach(), groups: c / groups)] }
    }

    /// `F.adaptive_max_pool2d(..., return_indices=True)`.
    public static func adaptiveMaxPool2d(_ x: Tensor, outputSize: (Int, Int)) throws(TensorError) -> (output: Tensor, indices: Tensor) {
        let (out, indices) = try AdaptiveMaxPooling.forward2d(x.detach(), outputSize: outputSize)
        guard isRecording(x) else { return (out, indices) }
        let recorded = try record("AdaptiveMaxPool2DBackward0", [x], out, save: [x, indices],
                                  attributes: [("self", .tensor(0)), ("result1", .tensor(1))]) { ctx in
            [try adaptiveMaxPool2dBackward(ctx.grad, try ctx.saved(0), indices: indices)]
        }
        return (recorded, indices)
    }

    /// `F.group_norm`, with PyTorch's argument checks in its order.
    public static func groupNorm(_ x: Tensor, groups: Int, weight: Tensor?, bias: Tensor?, eps: Double) throws(TensorError) -> Tensor {
        if x.rank < 2 { throw .runtime("Expected at least 2 dimensions for input tensor but received \(x.rank)") }
        let c = x.sizes[1]
        if groups <= 0 || c % groups != 0 {
            throw .runtime("Expected number of channels in input to be divisible by num_groups, but got input of shape \(shapeText(x.sizes)) and num_groups=\(groups)")
        }
        if let weight, weight.rank != 1 || weight.numel != c {
            throw .runtime("Expected weight to be a vector of size equal to the number of channels in input, but got weight of shape \(shapeText(weight.sizes)) and input of shape \(shapeText(x.sizes))")
        }
        if let bias, bias.rank != 1 || bias.numel != c {
            throw .runtime("Expected bias to be a vector of size equal to the number of channels in input, but got bias of shape \(shapeText(bias.sizes)) and input of shape \(shapeText(x.sizes))")
        }
        let (out, stats) = try GroupNormKernel.forward(x.detach(), groups: groups, weight: weight?.detach(), bias: bias?.detach(), eps: eps)
        guard isRecording([x, weight, bias]) else { return out }
        // Outputs 1 and 2 (mean, rstd; shape (N, G)) are differentiable, as in PyTorch: the
        // composite backward that create_graph runs reads them (GroupNormDifferentiableBackward).
        let n = x.sizes[0]
        let mean = try Tensor(values: stats.mean, shape: [n, groups], dtype: x.dtype, device: x.device)
        let rstd = try Tensor(values: stats.rstd, shape: [n, groups], dtype: x.dtype, device: x.device)
        let hasWeight = weight != nil
        let node = Node(name: "NativeGroupNormBackward0", nextEdges: [x, weight, bias].map(gradientEdge), numOutputs: 3) { ctx in
            let needs = (ctx.needs(0), ctx.needs(1), ctx.needs(2))
            let w: Tensor? = hasWeight ? try ctx.saved(1) : nil
            if GradMode.current.isEnabled {
                let r = try groupNormBackwardComposite(dY: ctx.grads[0], dmean: ctx.grads[1], drstd: ctx.grads[2], x: try ctx.saved(0),
                                                       mean: try ctx.saved(2), rstd: try ctx.saved(3), gamma: w, groups: groups,
                                                       needs: needs)
                return [r.0, r.1, r.2]
            }
            // Without grad mode: the kernel for dY (zeros when only mean/rstd got a
            // gradient, as PyTorch's dispatcher gives zero weight/bias gradients then),
            // plus var_mean_backward's terms for dmean/drstd.
            let statsGrad = ctx.grads[1] != nil || ctx.grads[2] != nil
            var result: [Tensor?] = [nil, nil, nil]
            let x = try ctx.saved(0)
            if let dY = try ctx.grads[0] ?? (statsGrad ? try Tensor.zeros(x.sizes, dtype: x.dtype, device: x.device) : nil) {
                let g = try GroupNormKernel.backward(dY.detach(), x.detach(), groups: groups, weight: w?.detach(), stats: stats)
                result = [needs.0 ? g.input : nil, needs.1 ? g.weight : nil, needs.2 ? g.bias : nil]
            }
            if statsGrad {
                let r = try groupNormBackwardComposite(dY: nil, dmean: ctx.grads[1], drstd: ctx.grads[2], x: x,
                                                       mean: try ctx.saved(2), rstd: try ctx.saved(3), gamma: w, groups: groups,
                                                       needs: needs)
                if let vm = r.0 { result[0] = try result[0].map { g throws(TensorError) in try add(g, vm) } ?? vm }
            }
            return result
        }
        let hw = x.sizes.dropFirst(2).reduce(1, *)
        node.describe([("C", .int(c)), ("HxW", .int(hw)), ("N", .int(n)), ("group", .int(groups)), ("input", .tensor(0)),
                       ("weight", hasWeight ? .tensor(1) : .undefinedTensor), ("result1", .tensor(2)), ("result2", .tensor(3))])
        try node.save(x)
        try node.save(weight)
        let outs = attach([out, mean, rstd], to: node)
        node.saveOutput(outs[1]!, outputNr: 1)
        node.saveOutput(outs[2]!, outputNr: 2)
        return outs[0]!
    }
}
