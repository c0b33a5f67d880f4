import Tensors

/// `grid_sampler_2d_backward` as a differentiable op: under `create_graph=True` the
/// gradients of a 4-D `F.grid_sample` are the two outputs of one
/// GridSampler2DBackwardBackward0 node over (grad_output, input, grid), as in PyTorch.
///
/// Its formula (derivatives.yaml's `grid_sampler_2d_double_backward`) has two parts:
///
/// - the incoming input-gradient gradient ggI: `grad_input` is the sampling's transpose
///   applied to grad_output, so grad_output receives the forward sampling of ggI, and the
///   grid receives the grid gradient of sampling ggI (both differentiable ops again);
/// - the incoming grid-gradient gradient ggGrid: the directional derivative of the bilinear
///   weights (`GridSampling.bilinearGridTerms`, `bicubicGridTerms`, computed without a
///   graph, so these terms have no third derivative). Nearest weights are flat in the grid,
///   so there is no such term.
///
/// The first part is PyTorch's to the bit; the second sums in an order of its own, so
/// second derivatives through the grid agree with PyTorch to rounding.
extension Differentiable {
    static func gridSampler2dBackward(_ go: Tensor, _ x: Tensor, _ grid: Tensor, mode: GridSampling.Mode, padding: GridSampling.Padding,
                                      alignCorners: Bool, needInput: Bool) throws(TensorError) -> (input: Tensor?, grid: Tensor) {
        let r = try GradMode.withGradMode(false) { () throws(TensorError) in
            try GridSampling.backward(go.detach(), x.detach(), grid.detach(), mode: mode, padding: padding, alignCorners: alignCorners,
                                      needInput: needInput)
        }
        guard isRecording([go, x, grid]) else { return r }
        var gInput: Tensor
        if let given = r.input { gInput = given } else { gInput = try Tensor.zeros(x.sizes, dtype: x.dtype, device: x.device) }
        let outs = try recordMulti("GridSampler2DBackwardBackward0", [go, x, grid], [gInput, r.grid], save: [go, x, grid]) { ctx in
            let go = try ctx.saved(0), x = try ctx.saved(1), grid = try ctx.saved(2)
            let ggI = ctx.grads[0], ggGrid = ctx.grads[1]
            var ggO: Tensor? = nil, gI: Tensor? = nil, gGrid: Tensor? = nil
            if let ggI {
                if ctx.needs(0) { ggO = try gridSampler2d(ggI, grid, mode: mode, padding: padding, alignCorners: alignCorners) }
                if ctx.needs(2) {
                    gGrid = try gridSampler2dBackward(go, ggI, grid, mode: mode, padding: padding, alignCorners: alignCorners,
                                                      needInput: false).grid
                }
            }
            if let ggGrid, mode != .nearest {
                let t = try GradMode.withGradMode(false) { () throws(TensorError) in
                    mode == .bicubic
                        ? try GridSampling.bicubicGridTerms(go.detach(), x.detach(), grid.detach(), ggGrid.detach(), padding: padding,
                                                            alignCorners: alignCorners)
                        : try GridSampling.bilinearGridTerms(go.detach(), x.detach(), grid.detach(), ggGrid.detach(), padding: padding,
                                                             alignCorners: alignCorners)
                }
                if ctx.needs(0) { ggO = try ggO.map { o throws(TensorError) in try add(o, t.gradOutput) } ?? t.gradOutput }
                gI = t.input
                if ctx.needs(2) { gGrid = try gGrid.map { o throws(TensorError) in try add(o, t.grid) } ?? t.grid }
            }
            if ctx.needs(0) && ggO == nil { ggO = try zerosLike(go) }
            if ctx.needs(1) && gI == nil { gI = try zerosLike(x) }
            if ctx.needs(2) && gGrid == nil { gGrid = try zerosLike(grid) }
            return [ctx.needs(0) ? ggO : nil, ctx.needs(1) ? gI : nil, ctx.needs(2) ? gGrid : nil]
        }
        return (needInput ? outs[0] : nil, outs[1])
    }
}
