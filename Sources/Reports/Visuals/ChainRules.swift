/// The chain-rule step each backward node applies, as a backward trace shows it: `grad` is
/// the gradient arriving from the output side, `a`, `b` the node's forward inputs in order.
/// Nodes not listed are shown by name alone.
enum ChainRules {
    static func step(for node: String) -> String? {
        rules[node]
    }

    private static let rules: [String: String] = [
        "AccumulateGrad": "leaf.grad += grad",
        "AddBackward0": "grad_a = grad, grad_b = grad",
        "AddBackward1": "grad_a = grad",
        "SubBackward0": "grad_a = grad, grad_b = −grad",
        "SubBackward1": "grad_a = grad",
        "RsubBackward1": "grad_a = −grad",
        "MulBackward0": "grad_a = grad · b, grad_b = grad · a",
        "MulBackward1": "grad_a = grad · c",
        "DivBackward0": "grad_a = grad / b, grad_b = −grad · a / b²",
        "DivBackward1": "grad_a = grad / c",
        "NegBackward0": "grad_a = −grad",
        "PowBackward0": "grad_a = grad · n · aⁿ⁻¹",
        "PowBackward1": "grad_a = grad · b · aᵇ⁻¹, grad_b = grad · aᵇ · ln a",
        "ExpBackward0": "grad_a = grad · exp(a)",
        "LogBackward0": "grad_a = grad / a",
        "SqrtBackward0": "grad_a = grad / (2 · √a)",
        "SinBackward0": "grad_a = grad · cos(a)",
        "CosBackward0": "grad_a = −grad · sin(a)",
        "TanhBackward0": "grad_a = grad · (1 − tanh²(a))",
        "SigmoidBackward0": "grad_a = grad · σ(a) · (1 − σ(a))",
        "ReluBackward0": "grad_a = grad · [a > 0]",
        "AbsBackward0": "grad_a = grad · sign(a)",
        "SumBackward0": "grad_a = grad expanded to a's shape",
        "SumBackward1": "grad_a = grad expanded over the summed dims",
        "MeanBackward0": "grad_a = grad / numel(a), expanded",
        "MeanBackward1": "grad_a = grad / n, expanded over the dims",
        "MmBackward0": "grad_a = grad · bᵀ, grad_b = aᵀ · grad",
        "MvBackward0": "grad_a = grad ⊗ b, grad_b = aᵀ · grad",
        "DotBackward0": "grad_a = grad · b, grad_b = grad · a",
        "AddmmBackward0": "grad_bias = Σ grad, grad_a = grad · bᵀ, grad_b = aᵀ · grad",
        "TBackward0": "grad_a = gradᵀ",
        "ViewBackward0": "grad_a = grad reshaped to a's shape",
        "ReshapeAliasBackward0": "grad_a = grad reshaped to a's shape",
        "UnsqueezeBackward0": "grad_a = grad squeezed",
        "SqueezeBackward0": "grad_a = grad unsqueezed",
        "ExpandBackward0": "grad_a = grad summed over the expanded dims",
        "CloneBackward0": "grad_a = grad",
        "MseLossBackward0": "grad_a = grad · 2(a − b) / n",
        "NllLossBackward0": "grad_a = −grad / n at each target class",
        "LogSoftmaxBackward0": "grad_a = grad − softmax(a) · Σ grad",
        "SoftmaxBackward0": "grad_a = s · (grad − Σ grad · s)",
        "SelectBackward0": "grad_a = zeros with grad at the index",
        "IndexBackward0": "grad_a = zeros with grad added at the indices",
        "SliceBackward0": "grad_a = zeros with grad in the slice",
    ]
}
