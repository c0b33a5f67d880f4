import Autograd
import Tensors
import Testing

/// Second derivatives of convolution (ConvolutionDoubleBackward.swift): the node
/// create_graph records and a float64 gradgradcheck of every first derivative (input,
/// weight, bias) against finite differences, over stride, padding, dilation and groups.
@Suite struct ConvolutionDoubleBackwardTests {
    let checker = Gradcheck(eps: 1e-6, atol: 1e-5, rtol: 1e-3)

    static func ramp(_ shape: [Int], _ scale: Double, _ shift: Double = 0) throws -> Tensor {
        let n = shape.reduce(1, *)
        return try Tensor(values: (0..<n).map { Double($0 % 7 - 3) * scale + shift }, shape: shape, dtype: .float64)
    }

    static func leaf(_ t: Tensor) throws -> Tensor {
        let l = try t.detach().contiguousCopy()
        try l.setRequiresGrad(true)
        return l
    }

    /// First derivatives of `sum(conv(x, w, b) * r)` with create_graph.
    static func grads(_ x: Tensor, _ w: Tensor, _ b: Tensor?, _ g: ConvolutionGeometry, spatialDims: Int) throws -> [Tensor] {
        try GradMode.withGradMode(true) { () throws -> [Tensor] in
            let y = try D.convolution(x, w, b, geometry: g, spatialDims: spatialDims)
            let r = try ramp(y.sizes, 0.5, 0.125)
            let inputs = [x, w] + (b.map { [$0] } ?? [])
            return try Engine.grad(outputs: [try D.sum(try D.mul(y, r))], inputs: inputs, createGraph: true).map { $0! }
        }
    }

    func expect(xShape: [Int], wShape: [Int], bias: Bool, _ g: ConvolutionGeometry, spatialDims: Int = 2,
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let x = try Self.ramp(xShape, 0.25), w = try Self.ramp(wShape, -0.125, 0.05)
        let b = bias ? try Self.ramp([wShape[0]], 0.3, 0.1) : nil
        let first = try Self.grads(try Self.leaf(x), try Self.leaf(w), try b.map(Self.leaf), g, spatialDims: spatialDims)
        for d in first {
            #expect(d.gradFn?.name == "ConvolutionBackwardBackward0", sourceLocation: sourceLocation)
        }
        #expect(first[0].gradFn?.nextFunctions.map { $0.node?.name ?? "None" }
                == ["None", "torch::autograd::AccumulateGrad", "torch::autograd::AccumulateGrad"], sourceLocation: sourceLocation)
        for k in 0..<(bias ? 3 : 2) {
            let inputs = [x, w] + (b.map { [$0] } ?? [])
            let problems = try checker.check(inputs) { xs in
                let ls = try xs.map { t throws in try t.requiresGrad ? t : Self.leaf(t) }
                return try Self.grads(ls[0], ls[1], bias ? ls[2] : nil, g, spatialDims: spatialDims)[k]
            }
            #expect(problems.isEmpty, "gradient \(k): \(problems)", sourceLocation: sourceLocation)
        }
    }

    @Test func plain() throws {
        try expect(xShape: [2, 2, 5, 5], wShape: [3, 2, 3, 3], bias: true,
                   ConvolutionGeometry(stride: (1, 1), padding: ((0, 0), (0, 0)), dilation: (1, 1), groups: 1))
    }

    @Test func strideDilationAsymmetricPaddingGroups() throws {
        try expect(xShape: [1, 2, 7, 6], wShape: [2, 2, 3, 2], bias: true,
                   ConvolutionGeometry(stride: (2, 1), padding: ((1, 1), (1, 1)), dilation: (1, 2), groups: 1))
        try expect(xShape: [1, 4, 5, 5], wShape: [4, 2, 2, 3], bias: false,
                   ConvolutionGeometry(stride: (1, 1), padding: ((0, 1), (1, 1)), dilation: (1, 1), groups: 2))
    }

    @Test func conv1d() throws {
        try expect(xShape: [2, 2, 9], wShape: [3, 2, 3], bias: true,
                   ConvolutionGeometry(stride: (1, 2), padding: ((0, 0), (2, 2)), dilation: (1, 2), groups: 1), spatialDims: 1)
    }
}
