import Autograd
import Tensors
import Testing

/// PyTorch's generated MulBackward0 computes its formulas in the sorted order of the
/// argument names, `other` before `self`. Under create_graph that is the order the two
/// gradient nodes are created, so the order the engine (latest node first) later runs
/// them and sums their contributions. The hvp below (the double-backward trick on
/// sum(a·a·b), as torch.autograd.functional.hvp runs it) gave one value 1 ulp off with
/// `self` first; the bits are PyTorch 2.15's (func-fuzz case 92).
@Suite struct MulBackwardOrderTests {
    static func bits(_ t: Tensor) throws -> [Int32] {
        try t.contiguous().reshape([-1]).elementsAsDouble().map { Int32(bitPattern: Float($0).bitPattern) }
    }

    @Test func otherGradientNodeIsCreatedFirst() throws {
        let x = try tensor([0.5, -1.5, 2.0], requiresGrad: true)
        let y = try tensor([1.25, 0.75, -3.0], requiresGrad: true)
        let g = try tensor([1.0, -2.0, 0.5], requiresGrad: true)
        let grads = try GradMode.withGradMode(true) { () throws -> [Tensor?] in
            try Engine.grad(outputs: [try D.mul(x, y)], inputs: [x, y], gradOutputs: [g], createGraph: true)
        }
        let gx = try #require(grads[0]?.gradFn), gy = try #require(grads[1]?.gradFn)
        #expect(gy.sequenceNr < gx.sequenceNr)
    }

    @Test func hessianVectorProductSumsInPyTorchsOrder() throws {
        let a = try tensor([-0.03612755239009857, 0.1703435331583023, 0.8882038593292236], requiresGrad: true)
        let b = try tensor([-1.3391716480255127, -0.29785487055778503, -1.8902162313461304], requiresGrad: true)
        let va = try tensor([1, 1, 1])
        let vb = try tensor([-1.5892748832702637, -1.198278784751892, -0.09827811270952225])
        let result = try GradMode.withGradMode(true) { () throws -> [Tensor?] in
            let s = try D.sum(try D.mul(try D.mul(a, a), b))
            let jac = try Engine.grad(outputs: [s], inputs: [a, b], createGraph: true)
            let ga = try tensor([0, 0, 0], requiresGrad: true), gb = try tensor([0, 0, 0], requiresGrad: true)
            let back = try Engine.grad(outputs: [jac[0]!, jac[1]!], inputs: [a, b], gradOutputs: [ga, gb],
                                       createGraph: true)
            return try Engine.grad(outputs: [back[0]!, back[1]!], inputs: [ga, gb], gradOutputs: [va, vb])
        }
        #expect(try Self.bits(try #require(result[0])) == [-1071378291, -1082097315, -1065541898])
        #expect(try Self.bits(try #require(result[1])) == [-1114375556, 1051618953, 1071866196])
    }
}
