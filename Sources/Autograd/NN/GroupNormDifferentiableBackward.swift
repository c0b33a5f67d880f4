import Tensors

/// Group norm's backward as PyTorch 2.15 runs it when it must stay differentiable.
///
/// `native_group_norm` has three outputs (out, mean, rstd) and its node,
/// NativeGroupNormBackward0, receives a gradient for each. With grad mode off (a plain
/// backward) and no gradient for mean/rstd, the fused kernel computes the first
/// derivative. Under `create_graph=True` (or when mean/rstd got a gradient) PyTorch's
/// `native_group_norm_backward_dispatcher` computes it instead from differentiable ops
/// — the composite below, in ATen's order — whose mean and rstd are this node's own
/// saved outputs, so a second backward flows back into the node through them (the
/// `var_mean_backward` terms). There is no GroupNorm double-backward node: second and
/// higher derivatives come from the ops the composite records.
extension Differentiable {
    /// The composite's (dX, dgamma, dbeta) for incoming gradients (dY, dmean, drstd).
    static func groupNormBackwardComposite(dY: Tensor?, dmean: Tensor?, drstd: Tensor?, x: Tensor, mean: Tensor, rstd: Tensor,
                                           gamma: Tensor?, groups g: Int, needs: (Bool, Bool, Bool)) throws(TensorError)
        -> (Tensor?, Tensor?, Tensor?) {
        let n = x.sizes[0], c = x.sizes[1]
        let hxw = n * c == 0 ? 0 : x.numel / (n * c), d = c / g
        let s = 1.0 / Double(d * hxw)
        let xT = try reshape(x, [n, g, d, hxw])
        let meanT = try reshape(mean, [n, g, 1, 1])
        let rstdT = try reshape(rstd, [n, g, 1, 1])
        var dYT: Tensor? = nil, ds: Tensor? = nil, db: Tensor? = nil
        if let dY {
            let t = try reshape(dY, [n, g, d, hxw])
            dYT = t
            // ATen: .sum(3).unsqueeze_(-1), which records no view node.
            ds = try sum(try mul(t, xT), dims: [3], keepdim: true)
            db = try sum(t, dims: [3], keepdim: true)
        }
        // var_mean_backward(dvar, dmean, X, {2, 3}, correction 0, keepdim).
        func varMeanBackward(_ dvar: Tensor, _ dmean: Tensor) throws(TensorError) -> Tensor {
            // (2 / n) * grad * (self - self.mean(dims, keepdim=True)), right operand first.
            let centered = try sub(xT, try Differentiable.mean(xT, dims: [2, 3], keepdim: true))
            let fromVar = try mul(try mulScalarOverload(dvar, .float(2.0 / Double(d * hxw))), centered)
            let fromMean = try divScalarOverload(try expand(dmean, xT.sizes), .int(Int64(d * hxw)))
            return try add(fromVar, fromMean)
        }
        var dX: Tensor? = nil
        if needs.0 {
            let gammaT: Tensor? = try gamma.map { w throws(TensorError) in try reshape(w, [1, g, d, 1]) }
            let rstdCube = try mul(try mul(rstdT, rstdT), rstdT)
            // Operands are created in the order PyTorch's GCC build evaluates them (the
            // right operand of a binary operator first), which fixes the nodes' sequence
            // numbers and so the order in which the next backward accumulates.
            var dvar: Tensor? = nil
            if let drstd {
                let viewed = try view(drstd, [n, g, 1, 1])
                dvar = try mul(try mulScalarOverload(rstdCube, .float(-0.5)), viewed)
            }
            let dmeanView: () throws(TensorError) -> Tensor? = { () throws(TensorError) in
                try dmean.map { m throws(TensorError) in try view(m, [n, g, 1, 1]) }
            }
            if let dYT, let ds, let db {
                let a = try gammaT.map { w throws(TensorError) in try mul(rstdT, w) } ?? rstdT
                var b = try sum(try gammaT.map { w throws(TensorError) in try mul(ds, w) } ?? ds, dims: [2], keepdim: true)
                var cc = try sum(try gammaT.map { w throws(TensorError) in try mul(db, w) } ?? db, dims: [2], keepdim: true)
                b = try mulScalarOverload(try mul(try sub(try mul(cc, meanT), b), rstdCube), .float(s))
                // c = -b * mean - c * rstd * s
                let cTerm = try mulScalarOverload(try mul(cc, rstdT), .float(s))
                cc = try sub(try mul(try neg(b), meanT), cTerm)
                // dX = a * dY + b * X + c
                let bX = try mul(b, xT)
                var r = try add(try add(try mul(a, dYT), bX), cc)
                if let dvar, dmean != nil, let dm = try dmeanView() { r = try add(r, try varMeanBackward(dvar, dm)) }
                dX = try reshape(r, x.sizes)
            } else if let dvar, dmean != nil, let dm = try dmeanView() {
                dX = try reshape(try varMeanBackward(dvar, dm), x.sizes)
            }
        }
        var dgamma: Tensor? = nil, dbeta: Tensor? = nil
        if needs.1, let gamma, let ds, let db {
            dgamma = try reshape(try sum(try mul(try sub(ds, try mul(db, meanT)), rstdT), dims: [0]), gamma.sizes)
        }
        if needs.2, let db {
            dbeta = try reshape(try sum(db, dims: [0]), [c])
        }
        return (dX, dgamma, dbeta)
    }
}
