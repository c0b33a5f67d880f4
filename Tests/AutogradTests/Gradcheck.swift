import Autograd
import Tensors

/// Compares the engine's gradients with central finite differences in float64.
///
/// `f` maps the inputs to any tensor; the check differentiates `sum(f(x) * w)` for a
/// fixed non-uniform weight `w`, so every output element matters. Returns the largest
/// mismatch found (0 when all agree within tolerance) and a description of it.
struct Gradcheck {
    var eps = 1e-6
    var atol = 1e-5
    var rtol = 1e-4

    func check(_ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor) throws -> [String] {
        let leaves = try inputs.map { t -> Tensor in
            let c = try t.to(.float64, copy: true)
            if t.dtype.isFloatingPoint { try c.setRequiresGrad(true) }
            return c
        }
        let out = try f(leaves)
        let weights = try Tensor(values: (0..<out.numel).map { 0.5 + Double($0 % 7) * 0.25 }, shape: out.sizes, dtype: out.dtype)
        let objective = try D.sum(try D.mul(out, weights))
        let differentiable = leaves.filter { $0.requiresGrad }
        let analytic = try Engine.grad(outputs: [objective], inputs: differentiable, allowUnused: true)
        var problems: [String] = []
        for (k, leaf) in differentiable.enumerated() {
            let base = try leaf.elementsAsDouble()
            let got = try analytic[k]?.elementsAsDouble() ?? [Double](repeating: 0, count: base.count)
            for i in 0..<base.count {
                func value(at v: Double) throws -> Double {
                    var moved = base
                    moved[i] = v
                    let probe = try Tensor(values: moved, shape: leaf.sizes, dtype: .float64)
                    var args = leaves.map { $0.detach() }
                    args[leaves.firstIndex { $0 === leaf }!] = probe
                    let o = try GradMode.withGradMode(false) { () throws -> Tensor in try f(args) }
                    return try o.mul(weights).sum().item().doubleValue
                }
                let numeric = (try value(at: base[i] + eps) - value(at: base[i] - eps)) / (2 * eps)
                if Swift.abs(numeric - got[i]) > atol + rtol * Swift.abs(numeric) {
                    problems.append("input \(k) element \(i): analytic \(got[i]) numeric \(numeric)")
                }
            }
        }
        return problems
    }
}
