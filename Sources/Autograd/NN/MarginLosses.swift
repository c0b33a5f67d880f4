import Tensors

/// Huber, soft-margin and multi-class margin losses, which PyTorch computes natively
/// (`HuberLossBackward0`, `SoftMarginLossBackward0`, `MultiMarginLossBackward0`).
extension Differentiable {
    /// ½z² below delta, delta·(z − ½delta) above, with z = |input − target|.
    public static func huberLoss(_ input: Tensor, _ target: Tensor, reduction: LossReduction, delta: Double) throws(TensorError) -> Tensor {
        try requireFloat(input.dtype, op: "huber")
        let (x, t) = try ElementwiseLoss.broadcastPair(input.detach(), target.detach())
        let z = try x.sub(t).abs()
        let quadratic = try z.mul(.float(0.5)).mul(z)
        let linear = try z.sub(.float(0.5 * delta)).mul(.float(delta))
        let out = try reduced(try Tensor.where(try z.lt(.float(delta)), quadratic, linear), reduction)
        guard isRecording(input, target) else { return out }
        let mi = TensorMeta(input), mt = TensorMeta(target), count = x.numel
        return try record("HuberLossBackward0", [input, target], out, save: [input, target],
                          attributes: [("delta", .scalar(.float(delta))), ("reduction", .int(reduction.code)), ("self", .tensor(0)), ("target", .tensor(1))]) { ctx in
            // self: huber_loss_backward(grad, self, target); target: the same with the two swapped.
            let value: (Tensor, Tensor, Tensor) throws(TensorError) -> Tensor = { go, x, t throws(TensorError) in
                // huber_backward_cpu_kernel's order where it applies (float CPU operands).
                if let exact = try Tensor.huberBackwardValues(go, x, t, delta: delta,
                                                              scale: reduction == .mean ? 1 / Double(count) : 1) { return exact }
                let (x, t) = try ElementwiseLoss.broadcastPair(x, t)
                let d = try x.sub(t), g = try go.expand(d.sizes)
                let norm = Scalar.float(reduction == .mean ? 1 / Double(count) : 1)
                let clipped = try Tensor.where(try d.le(.float(-delta)), try g.mul(norm).mul(.float(-delta)), try g.mul(norm).mul(.float(delta)))
                return try Tensor.where(try d.le(.float(-delta)).logicalOr(try d.ge(.float(delta))), clipped, try d.mul(norm).mul(g))
            }
            let x = try ctx.saved(0), t = try ctx.saved(1)
            let gx = ctx.needs(0) ? try huberLossBackward(ctx.grad, x, t, reduction: reduction, delta: delta, count: count, value: value) : nil
            let gt = ctx.needs(1) ? try huberLossBackward(ctx.grad, t, x, reduction: reduction, delta: delta, count: count, value: value) : nil
            return [try gx.map { g throws(TensorError) in try reduce(g, to: mi) }, try gt.map { g throws(TensorError) in try reduce(g, to: mt) }]
        }
    }

    /// log(1 + exp(−target·input)) for targets ±1. Only `input` is differentiable
    /// (derivatives.yaml lists no target formula): the node has one edge, and a target
    /// that requires grad is refused under grad mode, as PyTorch's check_no_requires_grad.
    public static func softMarginLoss(_ input: Tensor, _ target: Tensor, reduction: LossReduction) throws(TensorError) -> Tensor {
        try requireFloat(input.dtype, op: "soft_margin_loss")
        if isRecording(target) {
            throw .runtime("The function 'soft_margin_loss' is not differentiable with respect to argument 'target'. This input cannot have requires_grad True.")
        }
        let x = input.detach(), t = target.detach()
        let out = try reduced(try x.neg().mul(t).exp().unary(.log1p), reduction)
        guard isRecording(input) else { return out }
        let mi = TensorMeta(input)
        return try record("SoftMarginLossBackward0", [input], out, save: [input, target]) { ctx in
            // ATen's soft_margin_loss_backward, differentiable again
            // (SoftMarginLossBackwardBackward0) under create_graph.
            [ctx.needs(0) ? try reduce(try softMarginLossBackward(ctx.grad, try ctx.saved(0), try ctx.saved(1),
                                                                 reduction: reduction), to: mi) : nil]
        }
    }

    /// Σ_{j≠y} max(0, margin − x[y] + x[j])^p · weight[y] / C per sample, for input (N, C) or (C,).
    public static func multiMarginLoss(_ input: Tensor, _ target: Tensor, p: Int, margin: Double, weight: Tensor?,
                                       reduction: LossReduction) throws(TensorError) -> Tensor {
        try requireFloat(input.dtype, op: "multi_margin_loss_cpu")
        if input.rank > 2 || (input.rank == 2 && input.sizes[0] == 0) || input.numel == 0 {
            throw .runtime("Expected non-empty vector or matrix with optional 0-dim batch size, but got: \(shapeText(input.sizes))")
        }
        let n = input.rank == 2 ? input.sizes[0] : 1, classes = input.sizes.last ?? 1
        if target.numel != n || target.rank > 1 {
            throw .runtime("inconsistent target size, expected \(n) but got \(shapeText(target.sizes))")
        }
        let targets = try target.elementsAsInt64().map { Int($0) }
        for y in targets where y < 0 || y >= classes { throw .runtime("target out of range") }
        let w = try weight.map { w throws(TensorError) in try w.detach().to(input.dtype).contiguous().elementsAsDouble() }
        let perSample = try NNOps.multiMargin(input.detach(), targets: targets, p: p, margin: margin, weight: w)
        let out: Tensor
        switch reduction {
        case .none: out = input.rank == 2 ? perSample : try perSample.reshape([])
        case .sum, .mean:
            var total = try perSample.to(.float64).elementsAsDouble().reduce(0, +)
            if reduction == .mean { total /= Double(n) }
            out = try Tensor(values: [total], shape: [], dtype: input.dtype, device: input.device)
        }
        guard isRecording(input) else { return out }
        let mi = TensorMeta(input)
        // derivatives.yaml differentiates only self: the node has one edge.
        return try record("MultiMarginLossBackward0", [input], out, save: [input]) { ctx in
            let scale = reduction == .mean ? 1 / Double(n * classes) : 1 / Double(classes)
            let x = try ctx.saved(0)
            var g = try NNOps.multiMarginBackward(x.detach(), targets: targets, p: p, margin: margin, weight: w, scale: scale)
            let go = ctx.grad.detach()
            g = try g.mul(reduction == .none && input.rank == 2 ? try go.unsqueeze(1) : go)
            // PyTorch has no formula for multi_margin_loss_backward: NotImplemented under create_graph.
            return [notImplemented("multi_margin_loss_backward", [ctx.grad, x], try reduce(g, to: mi))]
        }
    }
}
