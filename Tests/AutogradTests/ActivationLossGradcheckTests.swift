import Autograd
import Tensors
import Testing

/// Finite-difference checks (float64) and node names for the activations and losses of
/// torch.nn.functional that PyTorch computes natively (Activations.swift, MarginLosses.swift).
@Suite struct ActivationLossGradcheckTests {
    let checker = Gradcheck()
    // Kept away from each activation's kinks (0, ±3, ±λ) so finite differences are smooth.
    let x = try! tensor([-2.5, -0.7, 0.31, 1.2, 3.6, -4.2, 0.05, -0.2], [2, 4])
    let t = try! tensor([0.4, -1.9, 0.8, 0.15, 2.0, -3.0, 0.9, 0.7], [2, 4])

    func expectClean(_ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try checker.check(inputs, f)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }

    @Test func activations() throws {
        let cases: [Activation] = [
            .elu(alpha: 1, scale: 1, inputScale: 1), .elu(alpha: 0.5, scale: 1.05, inputScale: 1),
            .celu(alpha: 0.7), .hardsigmoid, .hardswish, .softshrink(lambda: 0.5),
            .hardshrink(lambda: 0.5), .rreluEval(slope: 0.23),
        ]
        for a in cases {
            try expectClean([x]) { try D.activation($0[0], a) }
        }
        try expectClean([x]) { try D.softplus($0[0], beta: 2, threshold: 3) }
        try expectClean([x]) { try D.logSigmoid($0[0]) }
        try expectClean([x]) { try D.glu($0[0], dim: 1) }
        try expectClean([x]) { try D.glu($0[0], dim: 0) }
        try expectClean([x, try tensor([0.25])]) { try D.prelu($0[0], $0[1]) }
        try expectClean([x, try tensor([0.1, -0.3, 0.2, 0.4])]) { try D.prelu($0[0], $0[1]) }
    }

    @Test func losses() throws {
        for r in [LossReduction.none, .mean, .sum] {
            try expectClean([x, t]) { try D.huberLoss($0[0], $0[1], reduction: r, delta: 0.8) }
            let sign = try tensor([1, -1, -1, 1, 1, -1, 1, -1], [2, 4])
            // Only the input is differentiable (PyTorch refuses a target that requires grad).
            try expectClean([x]) { try D.softMarginLoss($0[0], sign, reduction: r) }
            let needy = try tensor([1, -1, -1, 1, 1, -1, 1, -1], [2, 4], requiresGrad: true)
            #expect(throws: TensorError.runtime("The function 'soft_margin_loss' is not differentiable with respect to argument 'target'. This input cannot have requires_grad True.")) {
                try D.softMarginLoss(x, needy, reduction: r)
            }
            let targets = try Tensor(values: [Int64(2), 0], shape: [2], dtype: .int64)
            try expectClean([x]) { try D.multiMarginLoss($0[0], targets, p: 1, margin: 1, weight: nil, reduction: r) }
            let w = try tensor([1.0, 0.5, 2.0, 1.5])
            try expectClean([x]) { try D.multiMarginLoss($0[0], targets, p: 2, margin: 0.7, weight: w, reduction: r) }
        }
        try expectClean([x, t]) { try D.norm(try D.sub($0[0], $0[1]), p: 2, dims: [1], nodeName: "NormBackward1") }
    }

    @Test func nodeNames() throws {
        let v = try tensor([-1, 0.5, 2, -0.3], requiresGrad: true)
        let names: [(Tensor, String)] = [
            (try D.activation(v, .elu(alpha: 1, scale: 1, inputScale: 1)), "EluBackward0"),
            (try D.activation(v, .celu(alpha: 1)), "CeluBackward0"),
            (try D.activation(v, .hardsigmoid), "HardsigmoidBackward0"),
            (try D.activation(v, .hardswish), "HardswishBackward0"),
            (try D.activation(v, .softshrink(lambda: 0.5)), "SoftshrinkBackward0"),
            (try D.activation(v, .hardshrink(lambda: 0.5)), "HardshrinkBackward0"),
            (try D.activation(v, .rreluEval(slope: 0.2)), "RreluWithNoiseBackward0"),
            (try D.glu(v, dim: 0), "GluBackward0"),
            (try D.prelu(v, try tensor([0.25], requiresGrad: true)), "PreluKernelBackward0"),
            (try D.huberLoss(v, try tensor([0, 0, 0, 0]), reduction: .mean, delta: 1), "HuberLossBackward0"),
            (try D.softMarginLoss(v, try tensor([1, -1, 1, -1]), reduction: .sum), "SoftMarginLossBackward0"),
        ]
        for (out, name) in names { #expect(out.gradFn?.name == name) }
    }
}
