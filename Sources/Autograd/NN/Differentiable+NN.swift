import Tensors

/// The differentiable nn operations behind `torch._nn`: each runs a kernel of this folder
/// and records the node PyTorch records (`ConvolutionBackward0`, ...), whose formula calls
/// the matching backward kernel.
extension Differentiable {
    // MARK: convolution

    /// `F.conv2d` on (N, C, H, W) or unbatched (C, H, W) input; `F.conv1d` when
    /// `spatialDims` is 1 (input (N, C, L) or (C, L), weight (O, C/g, K)).
    public static func convolution(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?, geometry: ConvolutionGeometry,
                                   spatialDims: Int) throws(TensorError) -> Tensor {
        let name = spatialDims == 1 ? "conv1d" : "conv2d"
        let batchedRank = spatialDims + 2
        if input.rank != batchedRank && input.rank != batchedRank - 1 {
            throw .runtime("Expected \(batchedRank - 1)D (unbatched) or \(batchedRank)D (batched) input to \(name), but got input of size: \(shapeText(input.sizes))")
        }
        if input.rank == batchedRank - 1 {
            // PyTorch unsqueezes, convolves and squeezes: grad_fn is SqueezeBackward1.
            let batched = try unsqueeze(input, 0)
            return try squeeze(try convolution(batched, weight, bias, geometry: geometry, spatialDims: spatialDims), dim: 0)
        }
        let x4 = spatialDims == 1 ? try input.detach().unsqueeze(2) : input.detach()
        let w4 = spatialDims == 1 ? try weight.detach().unsqueeze(2) : weight.detach()
        var out = try NNOps.convolution(input: x4, weight: w4, bias: bias?.detach(), geometry: geometry, spatialDims: spatialDims,
                                          shownInput: input.sizes, shownWeight: weight.sizes)
        if spatialDims == 1 { out = try out.squeeze([2]) }
        guard isRecording([input, weight, bias]) else { return out }
        let hasBias = bias != nil
        let pick: ((Int, Int)) -> [Int] = { spatialDims == 1 ? [$0.1] : [$0.0, $0.1] }
        return try record("ConvolutionBackward0", [input, weight, bias], out, save: [input, weight],
                          attributes: convolutionAttributes(bias, stride: pick(geometry.stride),
                                                            padding: pick((geometry.padding.0.0, geometry.padding.1.0)),
                                                            dilation: pick(geometry.dilation), transposed: false,
                                                            outputPadding: pick((0, 0)), groups: geometry.groups)) { ctx in
            // convolution_backward: under create_graph it records ConvolutionBackwardBackward0.
            try convolutionBackward(ctx.grad, try ctx.saved(0), try ctx.saved(1), hasBias: hasBias, geometry: geometry,
                                    spatialDims: spatialDims, needs: (ctx.needs(0), ctx.needs(1), ctx.needs(2)))
        }
    }

    /// ConvolutionBackward0's `_saved_*` (input in slot 0, weight in slot 1); a missing
    /// bias shows `bias_sym_sizes_opt` (0,), as PyTorch's does.
    static func convolutionAttributes(_ bias: Tensor?, stride: [Int], padding: [Int], dilation: [Int], transposed: Bool,
                                      outputPadding: [Int], groups: Int) -> [(String, SavedAttribute)] {
        [("bias_sym_sizes_opt", .ints(bias?.sizes ?? [0])), ("dilation", .ints(dilation)), ("groups", .int(groups)),
         ("input", .tensor(0)), ("output_padding", .ints(outputPadding)), ("padding", .ints(padding)),
         ("stride", .ints(stride)), ("transposed", .bool(transposed)), ("weight", .tensor(1))]
    }

    /// The pooling nodes' `_saved_kernel_size`... ; `shownStride` is the stride as given
    /// (empty when the caller left it out, as PyTorch's node shows it).
    static func poolingAttributes(_ g: PoolingGeometry, shownStride: [Int]?) -> [(String, SavedAttribute)] {
        [("ceil_mode", .bool(g.ceilMode)), ("kernel_size", .ints([g.kernel.0, g.kernel.1])),
         ("padding", .ints([g.padding.0, g.padding.1])), ("stride", .ints(shownStride ?? [g.stride.0, g.stride.1]))]
    }

    // MARK: pooling

    /// `F.max_pool2d(..., return_indices=True)`: the output and int64 indices.
    public static func maxPool2d(_ input: Tensor, geometry: PoolingGeometry, shownStride: [Int]? = nil) throws(TensorError) -> (output: Tensor, indices: Tensor) {
        let (out, indices) = try NNOps.maxPool2d(input.detach(), geometry)
        guard isRecording(input) else { return (out, indices) }
        let attributes = poolingAttributes(geometry, shownStride: shownStride)
            + [("dilation", .ints([geometry.dilation.0, geometry.dilation.1])), ("self", .tensor(0)), ("result1", .tensor(1))]
        let recorded = try record("MaxPool2DWithIndicesBackward0", [input], out, save: [input, indices], attributes: attributes) { ctx in
            [try maxPool2dBackward(ctx.grad, try ctx.saved(0), indices: indices)]
        }
        return (recorded, indices)
    }

    public static func avgPool2d(_ input: Tensor, geometry: PoolingGeometry, countIncludePad: Bool, divisorOverride: Int?,
                                 shownStride: [Int]? = nil) throws(TensorError) -> Tensor {
        let out = try NNOps.avgPool2d(input.detach(), geometry, countIncludePad: countIncludePad, divisorOverride: divisorOverride)
        guard isRecording(input) else { return out }
        let attributes = poolingAttributes(geometry, shownStride: shownStride)
            + [("count_include_pad", .bool(countIncludePad)), ("divisor_override", divisorOverride.map { .int($0) } ?? .none), ("self", .tensor(0))]
        return try record("AvgPool2DBackward0", [input], out, save: [input], attributes: attributes) { ctx in
            [try avgPool2dBackward(ctx.grad, try ctx.saved(0), geometry: geometry, countIncludePad: countIncludePad,
                                   divisorOverride: divisorOverride)]
        }
    }

    /// `F.adaptive_avg_pool2d`; a 1×1 output is a mean over the plane, as in PyTorch.
    public static func adaptiveAvgPool2d(_ input: Tensor, outputSize: (Int, Int)) throws(TensorError) -> Tensor {
        if outputSize == (1, 1) && (input.rank == 3 || input.rank == 4) {
            return try mean(input, dims: [-1, -2], keepdim: true)
        }
        let out = try NNOps.adaptiveAvgPool2d(input.detach(), outputSize: outputSize)
        guard isRecording(input) else { return out }
        return try record("AdaptiveAvgPool2DBackward0", [input], out, save: [input], attributes: [("self", .tensor(0))]) { ctx in
            [try adaptiveAvgPool2dBackward(ctx.grad, try ctx.saved(0))]
        }
    }

    // MARK: normalisation

    /// `F.batch_norm`; updates the running statistics in place when training.
    public static func batchNorm(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor?, bias: Tensor?,
                                 training: Bool, momentum: Double, eps: Double) throws(TensorError) -> Tensor {
        let (out, stats) = try NNOps.batchNorm(input.detach(), runningMean: runningMean, runningVar: runningVar,
                                                       weight: weight?.detach(), bias: bias?.detach(),
                                                       training: training, momentum: momentum, eps: eps)
        if let runningMean { runningMean.bumpVersion() }
        if let runningVar, training { runningVar.bumpVersion() }
        guard isRecording([input, weight, bias]) else { return out }
        let saved = BatchNormSaved(stats: stats, runningMean: runningMean, runningVar: runningVar, training: training, eps: eps)
        // PyTorch saves input, weight, the running statistics and the saved mean and
        // inverse std (result1, result2: empty outside training).
        let statistics: [Tensor?] = training ? [try stats.mean.to(input.dtype), try stats.inverseStd.to(input.dtype)]
            : [try Tensor.zeros([0], dtype: input.dtype, device: input.device), try Tensor.zeros([0], dtype: input.dtype, device: input.device)]
        let present: (Tensor?, Int) -> SavedAttribute = { $0 == nil ? .undefinedTensor : .tensor($1) }
        return try record("NativeBatchNormBackward0", [input, weight, bias], out,
                          save: [input, weight, runningMean, runningVar] + statistics,
                          attributes: [("eps", .scalar(.float(eps))), ("input", .tensor(0)),
                                       ("running_mean", present(runningMean, 2)), ("running_var", present(runningVar, 3)),
                                       ("training", .bool(training)), ("weight", present(weight, 1)),
                                       ("result1", .tensor(4)), ("result2", .tensor(5))]) { ctx in
            // native_batch_norm_backward: under create_graph it records NativeBatchNormBackwardBackward0.
            let w: Tensor? = weight == nil ? nil : try ctx.saved(1)
            return try batchNormBackward(ctx.grad, try ctx.saved(0), weight: w, saved: saved,
                                         needs: (ctx.needs(0), ctx.needs(1), ctx.needs(2)))
        }
    }

    public static func layerNorm(_ input: Tensor, normalizedShape: [Int], weight: Tensor?, bias: Tensor?, eps: Double) throws(TensorError) -> Tensor {
        let (out, stats) = try NNOps.layerNorm(input.detach(), normalizedShape: normalizedShape, weight: weight?.detach(),
                                                       bias: bias?.detach(), eps: eps)
        guard isRecording([input, weight, bias]) else { return out }
        let present: (Tensor?, Int) -> SavedAttribute = { $0 == nil ? .undefinedTensor : .tensor($1) }
        // The mean and inverse std as native_layer_norm returns them: the input's dtype,
        // one per row, with the normalized dimensions kept as 1.
        let statShape = Array(input.sizes.dropLast(normalizedShape.count)) + [Int](repeating: 1, count: normalizedShape.count)
        let shownMean = try stats.mean.to(input.dtype).reshape(statShape)
        let shownInverseStd = try stats.inverseStd.to(input.dtype).reshape(statShape)
        return try record("NativeLayerNormBackward0", [input, weight, bias], out, save: [input, weight, bias, shownMean, shownInverseStd],
                          attributes: [("bias", present(bias, 2)), ("input", .tensor(0)), ("normalized_shape", .ints(normalizedShape)),
                                       ("weight", present(weight, 1)), ("result1", .tensor(3)), ("result2", .tensor(4))]) { ctx in
            // native_layer_norm_backward: under create_graph it records NativeLayerNormBackwardBackward0.
            let w: Tensor? = weight == nil ? nil : try ctx.saved(1)
            let b: Tensor? = bias == nil ? nil : try ctx.saved(2)
            return try layerNormBackward(ctx.grad, try ctx.saved(0), normalizedShape: normalizedShape, stats: stats,
                                         weight: w, bias: b, needs: (ctx.needs(0), ctx.needs(1), ctx.needs(2)))
        }
    }

    // MARK: lookup, padding, smooth L1

    /// `torch.embedding(weight, indices, padding_idx, scale_grad_by_freq)`.
    public static func embedding(_ weight: Tensor, _ indices: Tensor, paddingIdx: Int, scaleGradByFreq: Bool) throws(TensorError) -> Tensor {
        let out = try NNOps.embedding(weight: weight.detach(), indices: indices)
        guard isRecording(weight) else { return out }
        let rows = weight.sizes[0]
        return try record("EmbeddingBackward0", [weight], out, save: [indices],
                          attributes: [("indices", .tensor(0)), ("padding_idx", .int(paddingIdx)), ("scale_grad_by_freq", .bool(scaleGradByFreq)),
                                       ("sparse", .bool(false)), ("weight_sym_argsize_0", .int(rows))]) { ctx in
            [try embeddingDenseBackward(ctx.grad, indices: indices, numWeights: rows, paddingIdx: paddingIdx, scaleGradByFreq: scaleGradByFreq)]
        }
    }

    /// `F.pad`; the node is named after the mode and the number of padded dimensions.
    public static func pad(_ input: Tensor, _ pad: [Int], mode: Padding.Mode, value: Double) throws(TensorError) -> Tensor {
        let out = try NNOps.pad(input.detach(), pad: pad, mode: mode, value: value)
        guard isRecording(input) else { return out }
        let dims = pad.count / 2
        let name: String
        switch mode {
        case .constant: name = "ConstantPadNdBackward0"
        case .reflect: name = "ReflectionPad\(dims)DBackward0"
        case .replicate: name = "ReplicationPad\(dims)DBackward0"
        case .circular: name = "CopySlices"
        }
        let sizes = input.sizes
        switch mode {
        case .circular:
            return record(name, [input], out) { ctx in
                [try NNOps.padBackward(ctx.grad.detach(), inputSizes: sizes, pad: pad, mode: mode)]
            }
        case .constant:
            return record(name, [input], out, attributes: [("pad", .ints(pad))]) { ctx in [try padBackward(ctx.grad, sizes: sizes, input: nil, pad, mode: mode)] }
        default:
            return try record(name, [input], out, save: [input], attributes: [("padding", .ints(pad)), ("self", .tensor(0))]) { ctx in
                [try padBackward(ctx.grad, sizes: sizes, input: try ctx.saved(0), pad, mode: mode)]
            }
        }
    }

    /// The gradient of `F.pad` as PyTorch records it under create_graph: constant padding's
    /// is `constant_pad_nd(grad, -pad)` (ConstantPadNdBackward0 over grad, whose backward pads
    /// again); reflection and replication call `reflection_pad1d_backward(grad, self, pad)`
    /// (ReflectionPad1DBackwardBackward0 over grad and self: the forward padding of the
    /// incoming gradient, zeros for self). All are linear in grad.
    static func padBackward(_ go: Tensor, sizes: [Int], input: Tensor?, _ pad: [Int], mode: Padding.Mode) throws(TensorError) -> Tensor {
        let value: () throws(TensorError) -> Tensor = { () throws(TensorError) in
            guard go.dtype.isComplex else {
                return try NNOps.padBackward(go.detach(), inputSizes: sizes, pad: pad, mode: mode)
            }
            // ATen's constant_pad_nd(grad, -pad) with no positive pad: a clone of the
            // narrowed gradient (keeps -0.0, which adding into zeros would not).
            if mode == .constant && pad.allSatisfy({ $0 >= 0 }) {
                var g = go.detach()
                for i in 0..<(pad.count / 2) {
                    let d = g.rank - 1 - i
                    g = try g.narrow(d, start: pad[2 * i], length: g.sizes[d] - pad[2 * i] - pad[2 * i + 1])
                }
                return try g.clone()
            }
            // A complex gradient as (real, imaginary) pairs: a trailing dimension of 2 that is
            // not padded.
            let pairs = try go.detach().contiguousCopy().viewAsReal()
            let g = try NNOps.padBackward(pairs, inputSizes: sizes + [2], pad: [0, 0] + pad, mode: mode)
            return try g.contiguousCopy().viewAsComplex()
        }
        let dims = pad.count / 2
        switch mode {
        case .constant:
            return try backwardFunction("ConstantPadNdBackward0", [go], save: [], value: value) { ctx in
                [ctx.needs(0) ? try Differentiable.pad(ctx.grad, pad, mode: .constant, value: 0) : nil]
            }
        default:
            let name = (mode == .reflect ? "ReflectionPad" : "ReplicationPad") + "\(dims)DBackwardBackward0"
            return try backwardFunction(name, [go, input], save: [], value: value) { ctx in
                [ctx.needs(0) ? try Differentiable.pad(ctx.grad, pad, mode: mode, value: 0) : nil,
                 ctx.needs(1) ? try Tensor.zeros(sizes, dtype: go.dtype, device: go.device) : nil]
            }
        }
    }

    /// `F.smooth_l1_loss(input, target, reduction, beta)`: SmoothL1LossBackward0.
    public static func smoothL1Loss(_ input: Tensor, _ target: Tensor, reduction: LossReduction, beta: Double) throws(TensorError) -> Tensor {
        let loss = try NNOps.smoothL1(input.detach(), target.detach(), beta: beta)
        let out: Tensor
        switch reduction {
        case .none: out = loss
        case .sum: out = try loss.sum()
        case .mean: out = try loss.mean()
        }
        guard isRecording(input, target) else { return out }
        let mi = TensorMeta(input), mt = TensorMeta(target), count = loss.numel
        return try record("SmoothL1LossBackward0", [input, target], out, save: [input, target],
                          attributes: [("beta", .scalar(.float(beta))), ("reduction", .int(reduction.code)), ("self", .tensor(0)), ("target", .tensor(1))]) { ctx in
            // self: smooth_l1_loss_backward(grad, self, target); target: the same with the two swapped.
            let x = try ctx.saved(0), t = try ctx.saved(1)
            let gx = ctx.needs(0) ? try smoothL1LossBackward(ctx.grad, x, t, reduction: reduction, beta: beta, count: count) : nil
            let gt = ctx.needs(1) ? try smoothL1LossBackward(ctx.grad, t, x, reduction: reduction, beta: beta, count: count) : nil
            return [try gx.map { g throws(TensorError) in try reduce(g, to: mi) }, try gt.map { g throws(TensorError) in try reduce(g, to: mt) }]
        }
    }

    // MARK: cross-entropy

    /// `F.cross_entropy`, composed as ATen composes it: log_softmax then NLL for class
    /// indices (plus the smoothing term), or −Σ target·log_softmax for probabilities.
    public static func crossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor?, ignoreIndex: Int,
                                    reduction: LossReduction, labelSmoothing: Double) throws(TensorError) -> Tensor {
        let classDim = input.rank == 1 ? 0 : 1
        let classes = input.sizes[classDim]
        let logProbs = try logSoftmax(input, dim: classDim)
        if target.dtype.isFloatingPoint {
            var t = target
            if labelSmoothing > 0 {
                t = try add(try mul(target, .float(1 - labelSmoothing)), .float(labelSmoothing / Double(classes)))
            }
            var product = try mul(logProbs, t)
            if let weight {
                var shape = [Int](repeating: 1, count: input.rank)
                shape[classDim] = classes
                product = try mul(product, input.rank > 1 ? try view(weight, shape) : weight)
            }
            switch reduction {
            case .none: return try neg(try sum(product, dims: [classDim]))
            case .sum: return try neg(try sum(product))
            case .mean:
                return try scalarDivide(try neg(try sum(product)), Double(input.numel / Swift.max(classes, 1)))
            }
        }
        let nll = try nllLoss(logProbs, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
        if labelSmoothing <= 0 { return nll }
        let ignored = try target.eq(.int(Int64(ignoreIndex)))
        var smooth: Tensor
        if let weight {
            var shape = [Int](repeating: 1, count: input.rank)
            shape[classDim] = classes
            smooth = try neg(try sum(try mul(logProbs, input.rank > 1 ? try view(weight, shape) : weight), dims: [classDim]))
        } else {
            smooth = try neg(try sum(logProbs, dims: [classDim]))
        }
        smooth = try maskedFill(smooth, ignored, .float(0))
        let ret: Tensor
        switch reduction {
        case .none: ret = smooth
        case .sum: ret = try sum(smooth)
        case .mean:
            let kept = try target.ne(.int(Int64(ignoreIndex)))
            if let weight {
                let picked = try weight.index([try target.maskedSelect(kept).flatten()])
                ret = try div(try sum(smooth), try picked.sum())
            } else {
                ret = try div(try sum(smooth), try kept.sum())
            }
        }
        return try add(try scalarMultiply(nll, 1 - labelSmoothing), try scalarMultiply(ret, labelSmoothing / Double(classes)))
    }

    /// `tensor / number` as ATen's C++ writes it (DivBackward1, not Python's DivBackward0).
    static func scalarDivide(_ x: Tensor, _ d: Double) throws(TensorError) -> Tensor {
        let out = try x.detach().div(.float(d))
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return record("DivBackward1", [x], out, attributes: [("other", .scalar(pythonNumber(d)))]) { ctx in [try reduce(try div(ctx.grad, .float(d)), to: mx)] }
    }

    /// `number * tensor` as ATen's C++ writes it (MulBackward1).
    static func scalarMultiply(_ x: Tensor, _ s: Double) throws(TensorError) -> Tensor {
        let out = try x.detach().mul(.float(s))
        guard isRecording(x) else { return out }
        let mx = TensorMeta(x)
        return record("MulBackward1", [x], out, attributes: [("other", .scalar(.float(s)))]) { ctx in [try reduce(try mul(ctx.grad, .float(s)), to: mx)] }
    }
}
