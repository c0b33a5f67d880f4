import Tensors

/// `convolution_backward` as a differentiable op: the first derivative of a convolution.
///
/// ConvolutionBackward0's formula calls it; under `create_graph=True` it records PyTorch's
/// ConvolutionBackwardBackward0, one node over (grad_output, input, weight) with three
/// outputs (grad_input, grad_weight, grad_bias), whose formula is derivatives.yaml's
/// `_convolution_double_backward`:
///
///     ggO = conv(ggI, weight) + conv(input, ggW) + ggb (broadcast over N and space)
///     gI  = the input gradient of conv(input, ggW) for grad_output gO
///     gW  = the weight gradient of conv(ggI, weight) for grad_output gO
///
/// ATen computes gI with a transposed convolution and gW with a convolution whose stride
/// and dilation are swapped (and groups split by hand). gW is computed ATen's way without
/// groups (`weightTermAsATen`: its own order, oneDNN's for float32 batches), gI and the
/// grouped gW with the backward kernels of the same convolution, which are the same sums
/// (exact in the double-backward audit's conv cases, else to rounding); ggO (plain
/// convolutions, as in ATen) is bit-exact. Every term is itself a differentiable op, so
/// third and higher derivatives exist too.
extension Differentiable {
    static func convolutionBackward(_ g: Tensor, _ x: Tensor, _ w: Tensor, hasBias: Bool, geometry: ConvolutionGeometry,
                                    spatialDims: Int, needs: (input: Bool, weight: Bool, bias: Bool)) throws(TensorError) -> [Tensor?] {
        let inputSizes = x.sizes, weightSizes = w.sizes
        let values: [Tensor?] = try GradMode.withGradMode(false) { () throws(TensorError) -> [Tensor?] in
            var x4 = x.detach(), w4 = w.detach(), g4 = g.detach()
            if spatialDims == 1 {
                x4 = try x4.unsqueeze(2)
                w4 = try w4.unsqueeze(2)
                g4 = try g4.unsqueeze(2)
            }
            let r = try NNOps.convolutionBackward(gradOutput: g4, input: x4, weight: w4, hasBias: hasBias, geometry: geometry,
                                                  needInput: needs.input, needWeight: needs.weight)
            return [needs.input ? try r.input?.reshape(inputSizes) : nil,
                    needs.weight ? try r.weight?.reshape(weightSizes) : nil,
                    hasBias && needs.bias ? r.bias : nil]
        }
        guard isRecording([g, x, w]) else { return values }
        let node = Node(name: "ConvolutionBackwardBackward0", nextEdges: [g, x, w].map(gradientEdge), numOutputs: 3) { ctx in
            let go = try ctx.saved(0), x = try ctx.saved(1), w = try ctx.saved(2)
            let ggI = ctx.grads[0], ggW = ctx.grads[1], ggb = ctx.grads[2]
            var ggO: Tensor? = nil, gI: Tensor? = nil, gW: Tensor? = nil
            if ctx.needs(0) {
                if let ggI { ggO = try convolution(ggI, w, nil, geometry: geometry, spatialDims: spatialDims) }
                if let ggW {
                    let term = try convolution(x, ggW, nil, geometry: geometry, spatialDims: spatialDims)
                    ggO = try ggO.map { o throws(TensorError) in try add(o, term) } ?? term
                }
                if let ggb {
                    var shape = [Int](repeating: 1, count: go.rank)
                    shape[1] = ggb.sizes[0]
                    let expanded = try expand(try reshape(ggb, shape), go.sizes)
                    ggO = try ggO.map { o throws(TensorError) in try add(o, expanded) } ?? expanded
                }
                if ggO == nil { ggO = try zerosLike(go) }
            }
            if ctx.needs(1) {
                if let ggW {
                    gI = try convolutionBackward(go, x, ggW, hasBias: false, geometry: geometry, spatialDims: spatialDims,
                                                 needs: (true, false, false))[0]
                } else {
                    gI = try zerosLike(x)
                }
            }
            if ctx.needs(2) {
                if let ggI {
                    gW = try weightTermAsATen(go, ggI, w, geometry: geometry, spatialDims: spatialDims)
                        ?? (try convolutionBackward(go, ggI, w, hasBias: false, geometry: geometry, spatialDims: spatialDims,
                                                    needs: (false, true, false))[1])
                } else {
                    gW = try zerosLike(w)
                }
            }
            return [ggO, gI, gW]
        }
        try node.save(g)
        try node.save(x)
        try node.save(w)
        return values.enumerated().map { i, v in
            guard let v else { return nil }
            let out = v.autogradMeta == nil ? v : v.alias()
            out.autogradMeta = AutogradMeta(gradFn: node, outputNr: i)
            return out
        }
    }

    /// gW as `_convolution_double_backward` computes it for a convolution without groups and
    /// with symmetric padding: a convolution of ggI with gO over the batch (both with batch
    /// and channels swapped), stride and dilation swapped, then transposed back and cut to
    /// the kernel's size. Its sums run in that convolution's order (for float32 batches of
    /// more than one channel, oneDNN's dilated `jit:avx2`), which the weight-gradient kernel
    /// of the original convolution does not share. Nil where that shortcut does not apply.
    static func weightTermAsATen(_ go: Tensor, _ ggI: Tensor, _ w: Tensor, geometry: ConvolutionGeometry,
                                 spatialDims: Int) throws(TensorError) -> Tensor? {
        guard geometry.groups == 1, geometry.followsOneDNN, !geometry.chosenForOneDNN,
              geometry.padding.0.0 == geometry.padding.0.1, geometry.padding.1.0 == geometry.padding.1.1,
              go.rank == spatialDims + 2, ggI.rank == go.rank else { return nil }
        var swapped = geometry
        swapped.stride = geometry.dilation
        swapped.dilation = geometry.stride
        let gWt = try convolution(try transpose(ggI, 0, 1), try transpose(go, 0, 1), nil, geometry: swapped, spatialDims: spatialDims)
        var gW = try transpose(gWt, 0, 1)
        for d in 2..<gW.rank where gW.sizes[d] > w.sizes[d] {
            gW = try narrow(gW, d, start: 0, length: w.sizes[d])
        }
        return gW
    }
}
