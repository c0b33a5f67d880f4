import Tensors

/// `F.grid_sample` on 4-D and 5-D input (`GridSampler2DBackward0`, `GridSampler3DBackward0`) and `F.affine_grid`
/// (`AffineGridGeneratorBackward0`: the base grid of normalised pixel centres times θᵀ).
extension Differentiable {
    public static func gridSampler2d(_ input: Tensor, _ grid: Tensor, mode: GridSampling.Mode, padding: GridSampling.Padding,
                                     alignCorners: Bool) throws(TensorError) -> Tensor {
        let x = input.detach(), g = grid.detach()
        let volumetric = input.rank == 5
        let out = volumetric ? try GridSampling3D.forward(x, g, mode: mode, padding: padding, alignCorners: alignCorners)
            : try GridSampling.forward(x, g, mode: mode, padding: padding, alignCorners: alignCorners)
        guard isRecording([input, grid]) else { return out }
        if !volumetric {
            return try record("GridSampler2DBackward0", [input, grid], out, save: [input, grid]) { ctx in
                // grid_sampler_2d_backward: under create_graph it records GridSampler2DBackwardBackward0.
                let r = try gridSampler2dBackward(ctx.grad, try ctx.saved(0), try ctx.saved(1), mode: mode, padding: padding,
                                                  alignCorners: alignCorners, needInput: ctx.needs(0))
                return [r.input, ctx.needs(1) ? r.grid : nil]
            }
        }
        return record("GridSampler3DBackward0", [input, grid], out) { ctx in
            let r = volumetric
                ? try GridSampling3D.backward(ctx.grad.detach(), x, g, mode: mode, padding: padding, alignCorners: alignCorners,
                                              needInput: ctx.needs(0))
                : try GridSampling.backward(ctx.grad.detach(), x, g, mode: mode, padding: padding, alignCorners: alignCorners,
                                            needInput: ctx.needs(0))
            return [r.input, ctx.needs(1) ? r.grid : nil]
        }
    }

    /// `affine_grid_generator` for θ of shape (N, 2, 3) and size (N, C, H, W), or θ (N, 3, 4)
    /// and size (N, C, D, H, W).
    public static func affineGrid(_ theta: Tensor, size: [Int], alignCorners: Bool) throws(TensorError) -> Tensor {
        let n = size[0], spatial = Array(size.dropFirst(2))
        let k = spatial.count
        let t = theta.detach()
        // Base grid (N, ∏spatial, k+1): x varies fastest, then y (then z), then a column of ones.
        func axis(_ steps: Int) throws(TensorError) -> Tensor {
            if steps <= 1 { return try Tensor.full([1], .float(0), dtype: t.dtype, device: t.device) }
            var r = try Tensor.linspace(.float(-1), .float(1), steps: steps, dtype: t.dtype, device: t.device)
            if !alignCorners {
                r = try r.mul(.int(Int64(steps - 1))).div(.int(Int64(steps)))
            }
            return r
        }
        let base = try Tensor.zeros(spatial + [k + 1], dtype: t.dtype, device: t.device)
        for (i, d) in (0..<k).reversed().enumerated() {
            // Component i (x first) runs along spatial dimension d.
            var shape = [Int](repeating: 1, count: k)
            shape[d] = spatial[d]
            let line = try axis(spatial[d]).reshape(spatial[d] <= 1 ? [Int](repeating: 1, count: k) : shape)
            try base.select(k, i).copy_(line)
        }
        try base.select(k, k).fill_(.float(1))
        let points = spatial.reduce(1, *)
        let flat = try base.reshape([1, points, k + 1]).expand([n, points, k + 1]).contiguous()
        let out = try flat.bmm(try t.transpose(1, 2)).reshape([n] + spatial + [k])
        guard isRecording(theta) else { return out }
        return record("AffineGridGeneratorBackward0", [theta], out) { ctx in
            // affine_grid_generator_backward is composite in ATen:
            // base_grid.view(N, P, k+1).transpose(1, 2).bmm(grad_grid.reshape(N, P, k)).transpose(1, 2),
            // recorded op by op under create_graph (BmmBackward0, TransposeBackward0).
            let gg = try reshape(ctx.grad, [n, points, k])
            return [try transpose(try bmm(try flat.transpose(1, 2), gg), 1, 2)]
        }
    }
}
