import Autograd
import Tensors
import Testing

/// Second derivatives through the `*_backward` functions (BackwardFunctions.swift): the
/// node create_graph records for each op, and a float64 gradgradcheck (finite differences
/// of the first derivative, itself computed with create_graph, against its analytic
/// gradient through the recorded node).
@Suite struct DoubleBackwardTests {
    // Away from every kink (0, ±0.5, ±1, ±3, the hardtanh bounds) so differences are smooth.
    let x = try! tensor([-2.5, -0.7, 0.3, 1.2, 3.6, -0.05, 0.8, -1.6], [2, 4], dtype: .float64)
    let checker = Gradcheck(eps: 1e-6, atol: 1e-5, rtol: 1e-3)

    /// The first derivative of `sum(f(x) * w)` with create_graph, as a function of x.
    static func firstDerivative(_ f: @escaping (Tensor) throws -> Tensor) -> ([Tensor]) throws -> Tensor {
        { xs in
            try GradMode.withGradMode(true) { () throws -> Tensor in
                var leaf = xs[0]
                if !leaf.requiresGrad {
                    leaf = try leaf.detach().contiguousCopy()
                    try leaf.setRequiresGrad(true)
                }
                let y = try f(leaf)
                let w = try Tensor(values: (0..<y.numel).map { 0.75 - Double($0 % 5) * 0.3 }, shape: y.sizes, dtype: y.dtype)
                let objective = try D.sum(try D.mul(y, w))
                return try Engine.grad(outputs: [objective], inputs: [leaf], createGraph: true)[0]!
            }
        }
    }

    /// The name of the first derivative's grad_fn and its next functions' names.
    static func node(_ f: (Tensor) throws -> Tensor, _ x: Tensor) throws -> String {
        let leaf = try x.detach().contiguousCopy()
        try leaf.setRequiresGrad(true)
        let g = try Engine.grad(outputs: [try D.sum(try f(leaf))], inputs: [leaf], createGraph: true)[0]!
        guard let fn = g.gradFn else { return "None" }
        return fn.name + " " + fn.nextFunctions.map { $0.node?.name ?? "None" }.joined(separator: ",")
    }

    func expect(_ f: @escaping (Tensor) throws -> Tensor, node expected: String,
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try Self.node(f, x) == expected, sourceLocation: sourceLocation)
        let problems = try checker.check([x], Self.firstDerivative(f))
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }

    @Test func tanhAndSigmoid() throws {
        try expect({ try D.tanh($0) }, node: "TanhBackwardBackward0 None,TanhBackward0")
        try expect({ try D.sigmoid($0) }, node: "SigmoidBackwardBackward0 None,SigmoidBackward0")
    }

    @Test func piecewiseLinear() throws {
        try expect({ try D.relu($0) }, node: "ThresholdBackwardBackward0 None,ReluBackward0")
        try expect({ try D.threshold($0, threshold: 0.2, value: -1) },
                   node: "ThresholdBackwardBackward0 None,torch::autograd::AccumulateGrad")
        try expect({ try D.leakyRelu($0, slope: 0.1) }, node: "LeakyReluBackwardBackward0 None,torch::autograd::AccumulateGrad")
        try expect({ try D.hardtanh($0, min: -2, max: 1.5) }, node: "HardtanhBackwardBackward0 None,torch::autograd::AccumulateGrad")
        try expect({ try D.activation($0, .softshrink(lambda: 0.5)) },
                   node: "SoftshrinkBackwardBackward0 None,torch::autograd::AccumulateGrad")
        try expect({ try D.activation($0, .hardshrink(lambda: 0.5)) },
                   node: "HardshrinkBackwardBackward0 None,torch::autograd::AccumulateGrad")
    }

    @Test func smoothActivations() throws {
        let acc = "None,torch::autograd::AccumulateGrad"
        try expect({ try D.gelu($0) }, node: "GeluBackwardBackward0 " + acc)
        try expect({ try D.gelu($0, approximateTanh: true) }, node: "GeluBackwardBackward0 " + acc)
        try expect({ try D.softplus($0, beta: 2, threshold: 3) }, node: "SoftplusBackwardBackward0 " + acc)
        try expect({ try D.logSigmoid($0) }, node: "LogSigmoidBackwardBackward0 " + acc)
        try expect({ try D.activation($0, .elu(alpha: 1, scale: 1, inputScale: 1)) }, node: "EluBackwardBackward0 " + acc)
        try expect({ try D.activation($0, .elu(alpha: 1.6732632423543772, scale: 1.0507009873554805, inputScale: 1)) },
                   node: "EluBackwardBackward0 " + acc)
        try expect({ try D.activation($0, .celu(alpha: 0.7)) }, node: "EluBackwardBackward0 " + acc)
        try expect({ try D.activation($0, .hardswish) }, node: "HardswishBackwardBackward0 " + acc)
        // silu and mish: PyTorch's infinitely differentiable composites.
        try expect({ try D.silu($0) }, node: "MulBackward0 MulBackward0,AddBackward1")
        try expect({ try D.mish($0) }, node: "MulBackward0 None,AddBackward0")
    }

    @Test func softmaxFamily() throws {
        let w = try tensor([0.5, -1.25, 2, 1.5, 0.75, -0.5, 1, 0.25], [2, 4], dtype: .float64)
        for dim in [0, 1] {
            try expect({ try D.mul(try D.softmax($0, dim: dim), w) }, node: "SoftmaxBackwardDataBackward0 None,SoftmaxBackward0")
            try expect({ try D.mul(try D.logSoftmax($0, dim: dim), w) }, node: "LogSoftmaxBackwardDataBackward0 None,LogSoftmaxBackward0")
        }
    }

    @Test func losses() throws {
        let t = try tensor([0.25, -0.5, 1, 0.1, 2.5, -1.5, 0.3, 0.9], [2, 4], dtype: .float64)
        for r in [LossReduction.none, .mean, .sum] {
            try expect({ try D.mseLoss($0, t, reduction: r) }, node: "MseLossBackwardBackward0 None,torch::autograd::AccumulateGrad,None")
        }
        for r in [LossReduction.none, .mean, .sum] {
            try expect({ try D.smoothL1Loss($0, t, reduction: r, beta: 0.8) },
                       node: "SmoothL1LossBackwardBackward0 None,torch::autograd::AccumulateGrad,None")
            try expect({ try D.huberLoss($0, t, reduction: r, delta: 0.6) },
                       node: "HuberLossBackwardBackward0 None,torch::autograd::AccumulateGrad,None")
        }
        let target = try tensor([2, 0], dtype: .int64)
        try expect({ try D.nllLoss(try D.logSoftmax($0, dim: 1), target) },
                   node: "LogSoftmaxBackwardDataBackward0 NllLossBackwardBackward0,LogSoftmaxBackward0")
    }

    @Test func pooling() throws {
        let geometry = PoolingGeometry(kernel: (1, 2), stride: (1, 1), padding: (0, 0), dilation: (1, 1), ceilMode: false)
        try expect({ try D.maxPool2d(try D.reshape($0, [1, 2, 4]), geometry: geometry).output },
                   node: "ViewBackward0 MaxPool2DWithIndicesBackwardBackward0")
        try expect({ try D.avgPool2d(try D.reshape($0, [1, 2, 4]), geometry: geometry, countIncludePad: true, divisorOverride: nil) },
                   node: "ViewBackward0 AvgPool2DBackwardBackward0")
        // adaptive_avg_pool2d (not 1×1, which is a mean): the node over (grad_output, self).
        try expect({ try D.adaptiveAvgPool2d(try D.reshape($0, [1, 1, 2, 4]), outputSize: (1, 3)) },
                   node: "ViewBackward0 AdaptiveAvgPool2DBackwardBackward0")
    }
}
