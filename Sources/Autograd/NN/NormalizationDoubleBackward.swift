import Tensors

/// `native_layer_norm_backward` and `native_batch_norm_backward` as differentiable ops:
/// the first derivatives of layer norm and batch norm (instance norm too: it is batch
/// norm on a reshaped input).
///
/// The first-order formulas call these; their values are the fused kernels' (computed
/// with grad mode off, exactly as before). Under `create_graph=True` each records
/// PyTorch's node, one node with three outputs (grad_input, grad_weight, grad_bias):
///
/// - NativeLayerNormBackwardBackward0 over (grad_out, input, mean, rstd, weight, bias),
///   mean/rstd never differentiable, bias's gradient always undefined;
/// - NativeBatchNormBackwardBackward0 over (grad_out, input, weight, save_mean,
///   save_invstd), the last two never differentiable.
///
/// Their formulas are FunctionsManual's `layer_norm_double_backward` and
/// `batchnorm_double_backward`, term by term in ATen's operation order and with its
/// overloads (`div_(M)` is a div.Scalar, DivBackward1), so second derivatives round as
/// PyTorch's do; every term is a differentiable op, so third derivatives exist too.
extension Differentiable {
    // MARK: layer norm

    static func layerNormBackward(_ go: Tensor, _ x: Tensor, normalizedShape: [Int], stats: NNOps.Statistics,
                                  weight: Tensor?, bias: Tensor?, needs: (Bool, Bool, Bool)) throws(TensorError) -> [Tensor?] {
        let values = try GradMode.withGradMode(false) { () throws(TensorError) -> [Tensor?] in
            let g = try NNOps.layerNormBackward(go.detach(), x.detach(), normalizedShape: normalizedShape,
                                                weight: weight?.detach(), stats: stats)
            return [needs.0 ? g.input : nil, needs.1 ? g.weight : nil, needs.2 ? g.bias : nil]
        }
        guard isRecording([go, x, weight, bias]) else { return values }
        let affine = weight != nil
        let node = Node(name: "NativeLayerNormBackwardBackward0",
                        nextEdges: [go, x, nil, nil, weight, bias].map(gradientEdge), numOutputs: 3) { ctx in
            let go = try ctx.saved(0), x = try ctx.saved(1)
            let w: Tensor? = affine ? try ctx.saved(2) : nil
            let r = try layerNormDoubleBackward(x, w, ggI: ctx.grads[0], ggG: ctx.grads[1], ggB: ctx.grads[2], go,
                                                mean: stats.mean, rstd: stats.inverseStd, normalizedShape: normalizedShape)
            return [ctx.needs(0) ? r.ggO : nil, ctx.needs(1) ? r.gI : nil, nil, nil, ctx.needs(4) ? r.gG : nil, nil]
        }
        try node.save(go)
        try node.save(x)
        try node.save(weight)
        return attach(values, to: node)
    }

    /// FunctionsManual's layer_norm_double_backward: (gI, gG, ggO).
    static func layerNormDoubleBackward(_ inputT: Tensor, _ gamma: Tensor?, ggI: Tensor?, ggG: Tensor?, ggB: Tensor?, _ gOT: Tensor,
                                        mean: Tensor, rstd: Tensor, normalizedShape: [Int]) throws(TensorError)
        -> (gI: Tensor?, gG: Tensor?, ggO: Tensor?) {
        let axis = inputT.rank - normalizedShape.count
        let m = inputT.sizes[..<axis].reduce(1, *), n = inputT.sizes[axis...].reduce(1, *)
        let dn = Int64(n)
        let input = try reshape(inputT, [m, n])
        let gO = try reshape(gOT, [m, n])
        let saveMean = try mean.to(inputT.dtype).reshape([m, 1])
        let saveInvstd = try rstd.to(inputT.dtype).reshape([m, 1])

        let gammaExpanded: Tensor
        var ggGExpanded: Tensor? = nil, ggBExpanded: Tensor? = nil
        if let gamma {
            gammaExpanded = try reshape(gamma, [1, n])
            if let ggG { ggGExpanded = try reshape(ggG, [1, n]) }
            if let ggB { ggBExpanded = try reshape(ggB, [1, n]) }
        } else {
            gammaExpanded = try Tensor.ones([1], dtype: input.dtype, device: input.device)
        }
        let ggIExpanded: Tensor? = try ggI.map { g throws(TensorError) in try reshape(g, [m, n]) }

        let inputSubMu = try sub(input, saveMean)
        let s1 = saveInvstd
        let sNeg1 = try pow(s1, .int(2))
        let sNeg32 = try pow(s1, .int(3))

        var gI: Tensor? = nil
        let inputMuSigma = try mul(inputSubMu, sNeg32)
        if let ggI = ggIExpanded {
            let gxhat = try mul(gO, gammaExpanded)
            let gxhatMuSum = try sum(try mul(gxhat, inputSubMu), dims: [1], keepdim: true)
            let gxhatSum = try sum(gxhat, dims: [1], keepdim: true)
            let ggISum = try sum(ggI, dims: [1], keepdim: true)
            let ggIMuSum = try sum(try mul(ggI, inputSubMu), dims: [1], keepdim: true)
            let allSub = try add(try sub(try divScalarOverload(try mul(ggISum, gxhatSum), .int(dn)),
                                         try sum(try mul(ggI, gxhat), dims: [1], keepdim: true)),
                                 try mulScalarOverload(try mul(try mul(sNeg1, gxhatMuSum), ggIMuSum), .float(3 / Double(n))))
            let gI0 = try divScalarOverload(try mul(inputMuSigma, allSub), .int(dn))
            let gI1 = try mul(try divScalarOverload(try mul(ggIMuSum, sNeg32), .int(dn)),
                              try sub(try divScalarOverload(gxhatSum, .int(dn)), gxhat))
            let gI2 = try mul(try divScalarOverload(try mul(gxhatMuSum, sNeg32), .int(dn)),
                              try sub(try divScalarOverload(ggISum, .int(dn)), ggI))
            gI = try add(try add(gI0, gI1), gI2)
        }
        if gamma != nil, let ggGE = ggGExpanded {
            let t0 = try mul(try mul(gO, ggGE), s1)
            let t1 = try divScalarOverload(try mul(s1, try sum(try mul(gO, ggGE), dims: [1], keepdim: true)), .int(-dn))
            let t2 = try divScalarOverload(try mul(inputMuSigma, try sum(try mul(try mul(gO, ggGE), inputSubMu), dims: [1], keepdim: true)),
                                           .int(-dn))
            let term = try add(try add(t0, t1), t2)
            gI = try gI.map { g throws(TensorError) in try add(g, term) } ?? term
        }
        if let g = gI { gI = try reshape(g, inputT.sizes) }

        // The first backward's grad_input for grad_output `gOLocal` and weight `gammaLocal`.
        func firstBackwardGradInput(_ gOLocal: Tensor, _ gammaLocal: Tensor) throws(TensorError) -> Tensor {
            let h0 = try divScalarOverload(try mul(gammaLocal, s1), .int(dn))
            let h1 = try sub(try sub(try mulScalarOverload(gOLocal, .int(dn)), try sum(gOLocal, dims: [1], keepdim: true)),
                             try mul(try mul(inputSubMu, sNeg1), try sum(try mul(gOLocal, inputSubMu), dims: [1], keepdim: true)))
            return try mul(h0, h1)
        }

        var gG: Tensor? = nil
        if let gamma, let ggI = ggIExpanded {
            let ones = try Tensor.ones([], dtype: s1.dtype, device: s1.device)
            let first = try firstBackwardGradInput(ggI, ones)
            gG = try reshape(try sum(try mul(gO, first), dims: [0]), gamma.sizes)
        }

        var ggO: Tensor? = nil
        if let ggI = ggIExpanded { ggO = try firstBackwardGradInput(ggI, gammaExpanded) }
        if let ggGE = ggGExpanded {
            let term = try mul(try mul(ggGE, inputSubMu), s1)
            ggO = try ggO.map { o throws(TensorError) in try add(o, term) } ?? term
        }
        if let ggBE = ggBExpanded {
            ggO = try ggO.map { o throws(TensorError) in try add(o, ggBE) } ?? ggBE
        }
        if let o = ggO { ggO = try reshape(try expand(o, [m, n]), inputT.sizes) }
        return (gI, gG, ggO)
    }

    // MARK: batch norm

    /// The statistics batch norm's double backward reads: the batch's saved mean and
    /// invstd in training, the running ones (as they are at backward time) otherwise.
    struct BatchNormSaved {
        let stats: NNOps.Statistics
        let runningMean: Tensor?
        let runningVar: Tensor?
        let training: Bool
        let eps: Double
    }

    static func batchNormBackward(_ go: Tensor, _ x: Tensor, weight: Tensor?, saved: BatchNormSaved,
                                  needs: (Bool, Bool, Bool)) throws(TensorError) -> [Tensor?] {
        let values = try GradMode.withGradMode(false) { () throws(TensorError) -> [Tensor?] in
            let g = try NNOps.batchNormBackward(go.detach(), x.detach(), weight: weight?.detach(), stats: saved.stats,
                                                training: saved.training)
            return [needs.0 ? g.input : nil, needs.1 ? g.weight : nil, needs.2 ? g.bias : nil]
        }
        guard isRecording([go, x, weight]) else { return values }
        let affine = weight != nil
        let node = Node(name: "NativeBatchNormBackwardBackward0",
                        nextEdges: [go, x, weight, nil, nil].map(gradientEdge), numOutputs: 3) { ctx in
            let go = try ctx.saved(0), x = try ctx.saved(1)
            let w: Tensor? = affine ? try ctx.saved(2) : nil
            let r = try batchNormDoubleBackward(x, w, ggI: ctx.grads[0], ggG: ctx.grads[1], ggB: ctx.grads[2], go, saved: saved)
            return [ctx.needs(0) ? r.ggO : nil, ctx.needs(1) ? r.gI : nil, ctx.needs(2) ? r.gG : nil, nil, nil]
        }
        try node.save(go)
        try node.save(x)
        try node.save(weight)
        return attach(values, to: node)
    }

    /// FunctionsManual's batchnorm_double_backward: (gI, gG, ggO).
    static func batchNormDoubleBackward(_ input: Tensor, _ gamma: Tensor?, ggI: Tensor?, ggG: Tensor?, ggB: Tensor?, _ gO: Tensor,
                                        saved: BatchNormSaved) throws(TensorError) -> (gI: Tensor?, gG: Tensor?, ggO: Tensor?) {
        let training = saved.training
        // gamma, ggG, ggB are one-dimensional (dim 1 of the input): unsqueezed, expanded.
        func expandAsDim1(_ src: Tensor) throws(TensorError) -> Tensor {
            var s = src
            while s.rank < input.rank - 1 { s = try unsqueeze(s, 1) }
            return try expand(s, input.sizes)
        }
        // As if reduced with keepdim=True: (C) -> (1, C, 1, ...).
        func unsqueezeDim1(_ src: Tensor) throws(TensorError) -> Tensor {
            var s = src
            while s.rank < input.rank - 1 { s = try unsqueeze(s, 1) }
            if s.rank == input.rank - 1 { s = try unsqueeze(s, 0) }
            return s
        }
        func sumExcludeDim1(_ t: Tensor, keepdim: Bool = true) throws(TensorError) -> Tensor {
            var r = try sum(t, dims: [0], keepdim: keepdim)
            let start = keepdim ? 1 : 0
            var d = r.rank - 1
            while d > start {
                r = try sum(r, dims: [d], keepdim: keepdim)
                d -= 1
            }
            return r
        }

        let affine = gamma != nil
        let gammaExpanded: Tensor
        var ggGExpanded: Tensor? = nil, ggBExpanded: Tensor? = nil
        if let gamma {
            gammaExpanded = try expandAsDim1(gamma)
            if let ggG { ggGExpanded = try expandAsDim1(ggG) }
            if let ggB { ggBExpanded = try expandAsDim1(ggB) }
        } else {
            gammaExpanded = try Tensor.ones([], dtype: input.dtype, device: input.device)
        }

        let m = input.sizes[0] * input.sizes.dropFirst(2).reduce(1, *)
        let dm = Int64(m)
        let mu: Tensor
        let s1: Tensor
        if training {
            let batchStats = try thirdOrderGuard(try saved.stats.mean.to(input.dtype), try saved.stats.inverseStd.to(input.dtype),
                                                 input: input)
            mu = try unsqueezeDim1(batchStats.mean)
            s1 = try unsqueezeDim1(batchStats.invstd)
        } else {
            guard let runningMean = saved.runningMean, let runningVar = saved.runningVar else {
                throw .runtime("running_mean and running_var must be defined in evaluation mode")
            }
            mu = try unsqueezeDim1(runningMean.detach())
            s1 = try unsqueezeDim1(try runningVar.detach().add(.float(saved.eps)).pow(.float(-0.5)))
        }
        let inputSubMu = try sub(input, mu)
        let sNeg1 = try pow(s1, .int(2))
        let sNeg32 = try pow(s1, .int(3))

        let inputMuSigma = try mul(inputSubMu, sNeg32)
        let gOinmuSum = try sumExcludeDim1(try mul(gO, inputSubMu))
        let gOSum = try sumExcludeDim1(gO)

        var gI: Tensor? = nil
        if let ggI, training {
            let ggISum = try sumExcludeDim1(ggI)
            let ggIinmuSum = try sumExcludeDim1(try mul(ggI, inputSubMu))
            let allSub = try add(try sub(try divScalarOverload(try mul(ggISum, gOSum), .int(dm)), try sumExcludeDim1(try mul(gO, ggI))),
                                 try mulScalarOverload(try mul(try mul(sNeg1, gOinmuSum), ggIinmuSum), .float(3 / Double(m))))
            let gI0 = try divScalarOverload(try mul(inputMuSigma, allSub), .int(dm))
            let gI1 = try mul(try divScalarOverload(try mul(ggIinmuSum, sNeg32), .int(dm)),
                              try sub(try divScalarOverload(gOSum, .int(dm)), gO))
            let gI2 = try mul(try divScalarOverload(try mul(gOinmuSum, sNeg32), .int(dm)),
                              try sub(try divScalarOverload(ggISum, .int(dm)), ggI))
            gI = try mul(gammaExpanded, try add(try add(gI0, gI1), gI2))
        }
        if affine, let ggGE = ggGExpanded {
            let term: Tensor
            if training {
                let t0 = try mul(gO, s1)
                let t1 = try divScalarOverload(try mul(s1, gOSum), .int(-dm))
                let t2 = try divScalarOverload(try mul(inputMuSigma, try sumExcludeDim1(try mul(gO, inputSubMu))), .int(-dm))
                term = try mul(ggGE, try add(try add(t0, t1), t2))
            } else {
                term = try mul(try mul(ggGE, s1), gO)
            }
            gI = try gI.map { g throws(TensorError) in try add(g, term) } ?? term
        }

        // The first backward's grad_input for grad_output `gOLocal` and weight `gammaLocal`.
        func firstBackwardGradInput(_ gOLocal: Tensor, _ gammaLocal: Tensor) throws(TensorError) -> Tensor {
            let h0 = try divScalarOverload(try mul(gammaLocal, s1), .int(dm))
            let h1 = try sub(try sub(try mulScalarOverload(gOLocal, .int(dm)), try sumExcludeDim1(gOLocal)),
                             try mul(try mul(inputSubMu, sNeg1), try sumExcludeDim1(try mul(gOLocal, inputSubMu))))
            return try mul(h0, h1)
        }

        var gG: Tensor? = nil
        if affine, let ggI {
            if training {
                let ones = try Tensor.ones([], dtype: s1.dtype, device: s1.device)
                gG = try sumExcludeDim1(try mul(ggI, try firstBackwardGradInput(gO, ones)), keepdim: false)
            } else {
                gG = try sumExcludeDim1(try mul(try mul(ggI, gO), s1), keepdim: false)
            }
        }

        var ggO: Tensor? = nil
        if let ggI {
            ggO = training ? try firstBackwardGradInput(ggI, gammaExpanded) : try mul(try mul(ggI, s1), gammaExpanded)
        }
        if let ggGE = ggGExpanded {
            let term = try mul(try mul(ggGE, inputSubMu), s1)
            ggO = try ggO.map { o throws(TensorError) in try add(o, term) } ?? term
        }
        if let ggBE = ggBExpanded {
            ggO = try ggO.map { o throws(TensorError) in try add(o, ggBE) } ?? ggBE
        }
        return (gI, gG, ggO)
    }

    /// PyTorch 2.14+ does not differentiate the batch statistics a second time: under
    /// create_graph the saved mean and invstd become the outputs of one
    /// `torch::autograd::Error` node over (none, none, input), so a third derivative that
    /// reaches the input through them raises, and one that does not still runs.
    static func thirdOrderGuard(_ mean: Tensor, _ invstd: Tensor, input: Tensor) throws(TensorError) -> (mean: Tensor, invstd: Tensor) {
        guard isRecording([input]) else { return (mean, invstd) }
        let node = Node(name: "torch::autograd::Error", nextEdges: [.none, .none, gradientEdge(input)], numOutputs: 2) { _ in
            throw TensorError.runtime("batch_norm does not support 3rd+ order derivatives.")
        }
        let outs = attach([mean, invstd], to: node)
        return (outs[0]!, outs[1]!)
    }

    // MARK: shared

    /// Makes `node` the grad_fn of each value, with output numbers 0, 1, 2.
    static func attach(_ values: [Tensor?], to node: Node) -> [Tensor?] {
        values.enumerated().map { i, v in
            guard let v else { return nil }
            let out = v.autogradMeta == nil ? v : v.alias()
            out.autogradMeta = AutogradMeta(gradFn: node, outputNr: i)
            return out
        }
    }
}
