import Tensors

/// Transposed convolution, nearest upsampling, sliding blocks (unfold/fold) and rrelu's
/// random slopes: recorded under PyTorch's node names (`ConvolutionBackward0`,
/// `UpsampleNearest2DBackward0`, `Im2ColBackward0`, `Col2ImBackward0`,
/// `RreluWithNoiseBackward0`).
extension Differentiable {
    /// `F.conv_transpose{1,2}d`: the input gradient of the convolution whose output is
    /// `input`, in the order ATen's choice of backend gives (see `TransposedConvolution`).
    public static func convTranspose(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?, stride: (Int, Int), padding: (Int, Int),
                                     outputPadding: (Int, Int), groups: Int, dilation: (Int, Int), spatialDims: Int) throws(TensorError) -> Tensor {
        let name = spatialDims == 1 ? "conv_transpose1d" : "conv_transpose2d"
        let batchedRank = spatialDims + 2
        if input.rank != batchedRank && input.rank != batchedRank - 1 {
            throw .runtime("Expected \(batchedRank - 1)D (unbatched) or \(batchedRank)D (batched) input to \(name), but got input of size: \(shapeText(input.sizes))")
        }
        if input.rank == batchedRank - 1 {
            let batched = try unsqueeze(input, 0)
            return try squeeze(try convTranspose(batched, weight, bias, stride: stride, padding: padding, outputPadding: outputPadding,
                                                 groups: groups, dilation: dilation, spatialDims: spatialDims), dim: 0)
        }
        if weight.rank != batchedRank {
            throw .runtime("weight should have at least three dimensions")
        }
        if groups <= 0 { throw .runtime("non-positive groups is not supported") }
        if input.sizes[1] != weight.sizes[0] {
            throw .runtime("Given transposed=1, weight of size \(shapeText(weight.sizes)), expected input\(shapeText(input.sizes)) to have \(weight.sizes[0]) channels, but got \(input.sizes[1]) channels instead")
        }
        if outputPadding.0 >= Swift.max(stride.0, dilation.0) || outputPadding.1 >= Swift.max(stride.1, dilation.1) {
            let shown = spatialDims == 1
                ? "output_padding_width: \(outputPadding.1) stride_width: \(stride.1) dilation_width: \(dilation.1)"
                : "output_padding_height: \(outputPadding.0) output_padding_width: \(outputPadding.1) stride_height: \(stride.0) stride_width: \(stride.1) dilation_height: \(dilation.0) dilation_width: \(dilation.1)"
            throw .runtime("output padding must be smaller than either stride or dilation, but got \(shown)")
        }
        let x4 = spatialDims == 1 ? try input.detach().unsqueeze(2) : input.detach()
        let w4 = spatialDims == 1 ? try weight.detach().unsqueeze(2) : weight.detach()
        let h = x4.sizes[2], w = x4.sizes[3]
        let kh = w4.sizes[2], kw = w4.sizes[3]
        let oh = (h - 1) * stride.0 - 2 * padding.0 + dilation.0 * (kh - 1) + outputPadding.0 + 1
        let ow = (w - 1) * stride.1 - 2 * padding.1 + dilation.1 * (kw - 1) + outputPadding.1 + 1
        let oneDNN = TransposedConvolution.choosesOneDNN(input: x4.sizes, weight: w4.sizes, dtype: x4.dtype,
                                                        stride: stride, dilation: dilation, outputPadding: outputPadding,
                                                        groups: groups)
        if oh <= 0 || ow <= 0 {
            // ATen checks the output size only on its slow path; oneDNN takes a 0-size output
            // (an empty result, zero gradients) and refuses a negative one.
            if oneDNN && oh >= 0 && ow >= 0 {
                return try emptyConvTranspose(input, weight, bias, outputSizes: spatialDims == 1 ? [ow] : [oh, ow], groups: groups)
            }
            if oneDNN { throw .runtime("could not construct a memory descriptor using a format tag") }
            throw .runtime("Given input size per channel: (\(h) x \(w)). Calculated output size per channel: (\(oh) x \(ow)). Output size is too small")
        }
        let geometry = TransposedConvolution.geometry(stride: stride, padding: padding, dilation: dilation, groups: groups, oneDNN: oneDNN,
                                                      outputPadding: outputPadding, inputSize: (h, w))
        var out = try TransposedConvolution.forward(input: x4, weight: w4, bias: bias?.detach(), geometry: geometry, outputSize: (oh, ow))
        if spatialDims == 1 { out = try out.squeeze([2]) }
        guard isRecording([input, weight, bias]) else { return out }
        let hasBias = bias != nil
        let arguments = ConvTransposeArguments(stride: stride, padding: padding, outputPadding: outputPadding, dilation: dilation,
                                               groups: groups, spatialDims: spatialDims)
        let pick: ((Int, Int)) -> [Int] = { spatialDims == 1 ? [$0.1] : [$0.0, $0.1] }
        return try record("ConvolutionBackward0", [input, weight, bias], out, save: [input, weight],
                          attributes: convolutionAttributes(bias, stride: pick(stride), padding: pick(padding), dilation: pick(dilation),
                                                            transposed: true, outputPadding: pick(outputPadding), groups: groups)) { ctx in
            // convolution_backward: under create_graph it records ConvolutionBackwardBackward0.
            try convTransposeBackward(ctx.grad, try ctx.saved(0), try ctx.saved(1), hasBias: hasBias, arguments: arguments,
                                      geometry: geometry, needs: (ctx.needs(0), ctx.needs(1), ctx.needs(2)))
        }
    }

    /// A transposed convolution oneDNN runs with a 0-size output dimension (PyTorch's
    /// `mkldnn_convolution_transpose` builds the empty result and its backward passes write
    /// nothing): an empty output and zero gradients, under `ConvolutionBackward0`.
    static func emptyConvTranspose(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?, outputSizes: [Int],
                                   groups: Int) throws(TensorError) -> Tensor {
        let shape = [input.sizes[0], weight.sizes[1] * groups] + outputSizes
        let out = try Tensor.zeros(shape, dtype: input.dtype, device: input.device)
        guard isRecording([input, weight, bias]) else { return out }
        let sizes = [input.sizes, weight.sizes, bias?.sizes]
        return record("ConvolutionBackward0", [input, weight, bias], out) { ctx in
            var grads: [Tensor?] = []
            for (i, s) in sizes.enumerated() {
                if let s, ctx.needs(i) { grads.append(try Tensor.zeros(s, dtype: out.dtype, device: out.device)) } else { grads.append(nil) }
            }
            return grads
        }
    }

    /// Nearest (or nearest-exact) upsampling of the trailing `indices.count` dimensions.
    /// `gradIndices` are the backward kernel's indices where they differ from the forward's
    /// (see `NearestUpsampling.sourceIndices`).
    /// `scales`: the scale factors as the call gave them (nil: not given), which the node shows.
    public static func upsampleNearest(_ input: Tensor, indices: [[Int]], gradIndices: [[Int]]? = nil, exact: Bool,
                                       scales: [Double?] = []) throws(TensorError) -> Tensor {
        let out = try NearestUpsampling.forward(input.detach(), indices: indices)
        guard isRecording(input) else { return out }
        let sizes = input.sizes
        let node = "Upsample\(exact ? "NearestExact" : "Nearest")\(indices.count)D"
        let outputSize = indices.map(\.count)
        return record(node + "Backward0", [input], out,
                      attributes: [("output_size", .ints(outputSize))] + upsampleScales(scales, outputSize.count)
                          + [("self_sym_sizes", .ints(sizes))]) { ctx in
            // Under create_graph: upsample_nearest*d_backward, linear in grad_output, whose
            // derivative is the forward upsampling (UpsampleNearest2DBackwardBackward0).
            [try backwardFunction(node + "BackwardBackward0", [ctx.grad], save: [], value: { () throws(TensorError) in
                try NearestUpsampling.backward(ctx.grad.detach(), inputSizes: sizes, indices: gradIndices ?? indices)
            }) { c2 in
                [c2.needs(0) ? try upsampleNearest(c2.grad, indices: indices, gradIndices: gradIndices, exact: exact) : nil]
            }]
        }
    }

    /// The upsampling nodes' `_saved_scales*` (`scales` in 1-d, `scales_h`/`scales_w` in 2-d,
    /// `scales_d` too in 3-d): a float, or None where the call gave a size.
    static func upsampleScales(_ scales: [Double?], _ dims: Int) -> [(String, SavedAttribute)] {
        let names = dims == 1 ? ["scales"] : dims == 2 ? ["scales_h", "scales_w"] : ["scales_d", "scales_h", "scales_w"]
        return names.enumerated().map { i, name in
            (name, i < scales.count ? scales[i].map { .scalar(.float($0)) } ?? .none : .none)
        }
    }

    /// `F.unfold` on (N, C, H, W).
    public static func im2col(_ input: Tensor, _ g: SlidingBlocks.Geometry) throws(TensorError) -> Tensor {
        let out = try SlidingBlocks.im2col(input.detach(), g)
        guard isRecording(input) else { return out }
        let size = (input.sizes[2], input.sizes[3])
        // The gradient is F.fold of grad (Col2ImBackward0 under create_graph), and back.
        return record("Im2ColBackward0", [input], out) { ctx in [try col2im(ctx.grad, outputSize: size, g)] }
    }

    /// `F.fold` to (N, C, H, W).
    public static func col2im(_ input: Tensor, outputSize: (Int, Int), _ g: SlidingBlocks.Geometry) throws(TensorError) -> Tensor {
        let out = try SlidingBlocks.col2im(input.detach(), outputSize: outputSize, g)
        guard isRecording(input) else { return out }
        return record("Col2ImBackward0", [input], out) { ctx in [try im2col(ctx.grad, g)] }
    }

    /// rrelu in training: x·noise, where noise holds the drawn slope of each non-positive
    /// element and 1 elsewhere (drawn by the caller from the generator, as ATen does).
    public static func rreluWithNoise(_ x: Tensor, noise: Tensor) throws(TensorError) -> Tensor {
        let out = try x.detach().mul(noise)
        guard isRecording(x) else { return out }
        return record("RreluWithNoiseBackward0", [x], out) { ctx in [try ctx.grad.detach().mul(noise)] }
    }
}

extension Differentiable {
    /// `max_unpool2d`: MaxUnpool2DBackward0 reads the gradient back at the indices.
    public static func maxUnpool2d(_ input: Tensor, indices: Tensor, outputSize: (Int, Int)) throws(TensorError) -> Tensor {
        let out = try MaxUnpooling.forward(input.detach(), indices: indices, outputSize: outputSize)
        guard isRecording(input) else { return out }
        return record("MaxUnpool2DBackward0", [input], out) { ctx in [try MaxUnpooling.backward(ctx.grad.detach(), indices: indices)] }
    }

    /// `multilabel_margin_loss` with reduction 0 none, 1 mean, 2 sum.
    public static func multilabelMarginLoss(_ input: Tensor, _ target: Tensor, reduction: Int) throws(TensorError) -> Tensor {
        let out = try MultilabelMargin.forward(input.detach(), target, reduction: reduction)
        guard isRecording(input) else { return out }
        return try record("MultilabelMarginLossBackward0", [input], out, save: [input]) { ctx in
            // PyTorch has no formula for multilabel_margin_loss_backward: NotImplemented under create_graph.
            let x = try ctx.saved(0)
            return [notImplemented("multilabel_margin_loss_backward", [ctx.grad, x],
                                   try MultilabelMargin.backward(ctx.grad.detach(), x.detach(), target, reduction: reduction))]
        }
    }
}

extension Differentiable {
    /// `torch.embedding_bag`'s output; the gradient reaches `weight` only
    /// (EmbeddingBagBackward0).
    public static func embeddingBag(_ weight: Tensor, _ indices: Tensor, offsets: Tensor, mode: EmbeddingBagKernel.Mode,
                                    perSampleWeights: Tensor?, includeLastOffset: Bool, paddingIdx: Int,
                                    scaleGradByFreq: Bool = false) throws(TensorError) -> Tensor {
        let psw = perSampleWeights?.detach()
        let (out, bags) = try EmbeddingBagKernel.forward(weight: weight.detach(), indices: indices, offsets: offsets, mode: mode,
                                                         perSampleWeights: psw, includeLastOffset: includeLastOffset, paddingIdx: paddingIdx)
        let sizes = weight.sizes
        if let perSampleWeights, isRecording([weight, perSampleWeights]) {
            // Both are differentiable: per_sample_weights' gradient is, per position, the dot
            // product of its bag's gradient row and its weight row (0 at padding_idx), as
            // ATen's `_embedding_bag_per_sample_weights_backward` takes it (BLAS dot).
            let w = weight.detach()
            return record("EmbeddingBagBackward0", [weight, perSampleWeights], out) { ctx in
                let g = ctx.grad.detach()
                let gw = ctx.needs(0) ? try EmbeddingBagKernel.backward(g, bags: bags, weightSizes: sizes, mode: mode, perSampleWeights: psw,
                                                                        paddingIdx: paddingIdx, scaleGradByFreq: scaleGradByFreq) : nil
                guard ctx.needs(1) else { return [gw, nil] }
                let gp = try Tensor.zeros([bags.indices.count], dtype: g.dtype, device: g.device)
                for (i, row) in bags.indices.enumerated() where row != paddingIdx {
                    try gp.select(0, i).copy_(try g.select(0, bags.bagOf[i]).dot(try w.select(0, row)))
                }
                return [gw, gp]
            }
        }
        guard isRecording(weight) else { return out }
        return record("EmbeddingBagBackward0", [weight], out) { ctx in
            [try EmbeddingBagKernel.backward(ctx.grad.detach(), bags: bags, weightSizes: sizes, mode: mode, perSampleWeights: psw,
                                             paddingIdx: paddingIdx, scaleGradByFreq: scaleGradByFreq)]
        }
    }
}
