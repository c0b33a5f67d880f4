import Tensors

/// The arguments of one `F.conv_transpose{1,2}d` call, kept so that its backward can call
/// the transposed convolution again (the double-backward formula does).
struct ConvTransposeArguments {
    let stride: (Int, Int), padding: (Int, Int), outputPadding: (Int, Int), dilation: (Int, Int)
    let groups: Int, spatialDims: Int
}

/// `convolution_backward(..., transposed=True)` as a differentiable op: the first derivative
/// of a transposed convolution. Under `create_graph=True` it records PyTorch's
/// ConvolutionBackwardBackward0 over (grad_output, input, weight), whose formula is
/// derivatives.yaml's `_convolution_double_backward` with `transposed` set:
///
///     ggO = conv_transpose(ggI, weight) + conv_transpose(input, ggW) + ggb (broadcast)
///     gI  = the input gradient of conv_transpose(input, ggW) for grad_output gO
///     gW  = the weight gradient of conv_transpose(ggI, weight) for grad_output gO
///
/// Each term is a differentiable op again. As for ordinary convolution
/// (`convolutionBackward`), ATen computes gI and gW with convolutions of swapped roles,
/// which are the same sums in another order: second derivatives agree to rounding.
extension Differentiable {
    static func convTransposeBackward(_ g: Tensor, _ x: Tensor, _ w: Tensor, hasBias: Bool, arguments a: ConvTransposeArguments,
                                      geometry: ConvolutionGeometry, needs: (input: Bool, weight: Bool, bias: Bool)) throws(TensorError) -> [Tensor?] {
        let inputSizes = x.sizes, weightSizes = w.sizes
        let values: [Tensor?] = try GradMode.withGradMode(false) { () throws(TensorError) -> [Tensor?] in
            var x4 = x.detach(), w4 = w.detach(), g4 = g.detach()
            if a.spatialDims == 1 { x4 = try x4.unsqueeze(2); w4 = try w4.unsqueeze(2); g4 = try g4.unsqueeze(2) }
            return [needs.input ? try TransposedConvolution.gradInput(g4, weight: w4, geometry: geometry).reshape(inputSizes) : nil,
                    needs.weight ? try TransposedConvolution.gradWeight(g4, input: x4, weight: w4, geometry: geometry).reshape(weightSizes) : nil,
                    hasBias && needs.bias ? try TransposedConvolution.gradBias(g4, weight: w4, geometry: geometry) : nil]
        }
        guard isRecording([g, x, w]) else { return values }
        func transposed(_ x: Tensor, _ w: Tensor) throws(TensorError) -> Tensor {
            try convTranspose(x, w, nil, stride: a.stride, padding: a.padding, outputPadding: a.outputPadding, groups: a.groups,
                              dilation: a.dilation, spatialDims: a.spatialDims)
        }
        let node = Node(name: "ConvolutionBackwardBackward0", nextEdges: [g, x, w].map(gradientEdge), numOutputs: 3) { ctx in
            let go = try ctx.saved(0), x = try ctx.saved(1), w = try ctx.saved(2)
            let ggI = ctx.grads[0], ggW = ctx.grads[1], ggb = ctx.grads[2]
            var ggO: Tensor? = nil, gI: Tensor? = nil, gW: Tensor? = nil
            if ctx.needs(0) {
                if let ggI { ggO = try transposed(ggI, w) }
                if let ggW {
                    let term = try transposed(x, ggW)
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
                gI = try ggW.map { ggW throws(TensorError) in
                    try convTransposeBackward(go, x, ggW, hasBias: false, arguments: a, geometry: geometry, needs: (true, false, false))[0]
                } ?? zerosLike(x)
            }
            if ctx.needs(2) {
                if let ggI {
                    if let term = try transposedWeightTermAsATen(go, ggI, w, arguments: a) {
                        gW = term
                    } else {
                        gW = try convTransposeBackward(go, ggI, w, hasBias: false, arguments: a, geometry: geometry,
                                                       needs: (false, true, false))[1]
                    }
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

    /// gW as `_convolution_double_backward` computes it for a transposed convolution without
    /// groups: a plain (not transposed) convolution of gO over ggI, both with batch and
    /// channels swapped, stride and dilation swapped, padding kept; then transposed back
    /// and cut to the kernel's size (traced with a dispatch mode in PyTorch 2.15:
    /// transpose, convolution, transpose). Nil where groups are split by hand.
    static func transposedWeightTermAsATen(_ go: Tensor, _ ggI: Tensor, _ w: Tensor,
                                           arguments a: ConvTransposeArguments) throws(TensorError) -> Tensor? {
        guard a.groups == 1, go.rank == a.spatialDims + 2, ggI.rank == go.rank else { return nil }
        let geometry = ConvolutionGeometry(stride: a.dilation, padding: ((a.padding.0, a.padding.0), (a.padding.1, a.padding.1)),
                                           dilation: a.stride, groups: 1)
        let gWt = try convolution(try transpose(go, 0, 1), try transpose(ggI, 0, 1), nil, geometry: geometry,
                                  spatialDims: a.spatialDims)
        var gW = try transpose(gWt, 0, 1)
        for d in 2..<gW.rank where gW.sizes[d] > w.sizes[d] {
            gW = try narrow(gW, d, start: 0, length: w.sizes[d])
        }
        return gW
    }
}
