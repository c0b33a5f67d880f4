import Autograd
import Tensors
import Testing

/// The autograd parts of conformance lessons 07, 08, 10 and 13, driven through the API
/// the `torch` binding uses; expected strings are PyTorch 2.15's.
@Suite struct ConformanceScenarioTests {
    @Test func basicsMulSumBackward() throws {
        let x = try tensor([1, 2, 3], requiresGrad: true)
        let y = try D.mul(x, .int(2))
        #expect(try show(y) == "tensor([2., 4., 6.], grad_fn=<MulBackward0>)")
        #expect(y.gradFn?.name == "MulBackward0")
        #expect(y.requiresGrad && x.isLeaf && !y.isLeaf)
        let s = try D.sum(y)
        try s.backward()
        #expect(try show(s) == "tensor(12., grad_fn=<SumBackward0>)")
        #expect(try show(x.grad) == "tensor([2., 2., 2.])")

        let z = try D.sum(try D.pow(x, .int(2)))
        try z.backward()
        #expect(try show(x.grad) == "tensor([4., 6., 8.])")
        try D.zero_(x.grad!)
        try D.mean(try D.mul(try D.mul(x, x), x)).backward()
        #expect(try show(x.grad) == "tensor([1., 4., 9.])")

        let y2 = try D.mul(x, .int(2))
        #expect(message { try y2.backward() } == "grad can be implicitly created only for scalar outputs")
        try y2.backward(gradient: try tensor([1.0, 0.1, 0.01]))
        #expect(try show(x.grad) == "tensor([3.0000, 4.2000, 9.0200])")
    }

    @Test func secondBackwardThroughFreedGraphFails() throws {
        let w = try scalar(2, requiresGrad: true)
        let loss = try D.pow(try D.mul(w, .int(3)), .int(2))
        try loss.backward()
        #expect(try show(w.grad) == "tensor(36.)")
        #expect(message { try loss.backward() } == "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.")
    }

    @Test func noGradFnMessages() throws {
        let i = try Tensor(values: [Int64(1), 2, 3], shape: [3])
        #expect(message { try i.setRequiresGrad(true, from: .argument) } == "Only Tensors of floating point and complex dtype can require gradients")
        let q = try tensor([1, 2])
        #expect(message { try D.sum(try D.mul(q, .int(2))).backward() } == "element 0 of tensors does not require grad and does not have a grad_fn")
    }

    @Test func mixedExpression() throws {
        let a = try scalar(3, requiresGrad: true), b = try scalar(4, requiresGrad: true)
        let c = try D.sub(try D.add(try D.mul(a, b), try D.exp(a)), try D.log(b))
        try c.backward()
        #expect(try show(c) == "tensor(30.6992, grad_fn=<SubBackward0>)")
        #expect(try show(a.grad) == "tensor(24.0855)")
        #expect(try show(b.grad) == "tensor(2.7500)")
        #expect(c.gradFn?.nextFunctions[0].node?.name == "AddBackward0")
    }

    @Test func noGradAndDetach() throws {
        let x = try tensor([0.5, -1.0], requiresGrad: true)
        let y = try GradMode.withGradMode(false) { () throws(TensorError) -> Tensor in try D.mul(x, .int(3)) }
        #expect(try show(y) == "tensor([ 1.5000, -3.0000])")
        #expect(!y.requiresGrad)
        let d = try D.mul(x, .int(3)).detach()
        #expect(try show(d) == "tensor([ 1.5000, -3.0000])" && !d.requiresGrad && GradMode.isEnabled)
    }

    @Test func retainGradOnNonLeaf() throws {
        let x = try tensor([0.5, -1.0], requiresGrad: true)
        let h = try D.tanh(x)
        try h.retainGrad()
        try D.sum(try D.pow(h, .int(2))).backward()
        #expect(try show(h.grad) == "tensor([ 0.9242, -1.5232])")
        #expect(try show(x.grad) == "tensor([ 0.7269, -0.6397])")
    }

    @Test func higherOrderGradient() throws {
        let u = try scalar(2, requiresGrad: true)
        let f = try D.pow(u, .int(3))
        let g = try Engine.grad(outputs: [f], inputs: [u], createGraph: true)[0]!
        #expect(try show(g) == "tensor(12., grad_fn=<MulBackward0>)")
        let g2 = try Engine.grad(outputs: [g], inputs: [u])[0]!
        #expect(try show(g2) == "tensor(12.)")
    }

    @Test func requiresGradInPlaceAndTrace() throws {
        let v = try Tensor.ones([3])
        #expect(!v.requiresGrad)
        try v.requiresGrad_()
        let vv = try D.mul(v, v)
        #expect(v.requiresGrad && vv.gradFn?.name == "MulBackward0")
        let m = try tensor([1, 2, 3, 4], [2, 2], requiresGrad: true)
        try D.trace(try D.matmul(m, m)).backward()
        #expect(try show(m.grad) == "tensor([[2., 6.],\n        [4., 8.]])")
    }

    @Test func leafInPlaceRefusedUnlessNoGrad() throws {
        let leaf = try tensor([1, 2], requiresGrad: true)
        #expect(message { try D.add_(leaf, .int(1)) } == "a leaf Variable that requires grad is being used in an in-place operation.")
        let w = try tensor([1, 2], requiresGrad: true)
        let step = try D.mul(try tensor([1, 1]), .float(0.1))
        try GradMode.withGradMode(false) { () throws(TensorError) in
            try D.sub_(w, step)
        }
        #expect(try show(w) == "tensor([0.9000, 1.9000], requires_grad=True)" && w.isLeaf)
    }

    @Test func reluSigmoidMean() throws {
        let p = try tensor([1, 2, 3], requiresGrad: true)
        let r = try D.add(try D.relu(try D.sub(p, .int(2))), try D.mul(try D.sigmoid(p), try D.mean(p)))
        try D.sum(r).backward()
        #expect(try show(r) == "tensor([1.4621, 1.7616, 2.9051], grad_fn=<AddBackward0>)")
        #expect(try show(p.grad) == "tensor([1.2480, 1.0648, 1.9452])")
    }

    @Test func manualRegression() throws {
        let X = try tensor([1, 2, 3, 4], [4, 1])
        let Y = try X.mul(.int(2)).add(.int(1))
        let w = try Tensor.zeros([1, 1]); try w.setRequiresGrad(true, from: .argument)
        let b = try Tensor.zeros([1]); try b.setRequiresGrad(true, from: .argument)
        var lines: [String] = []
        var lastLoss = 0.0
        for step in 0...200 {
            let pred = try D.add(try D.matmul(X, w), b)
            let loss = try D.mean(try D.pow(try D.sub(pred, Y), .int(2)))
            try loss.backward()
            try GradMode.withGradMode(false) { () throws(TensorError) in
                try D.sub_(w, try D.mul(w.grad!, .float(0.05)))
                try D.sub_(b, try D.mul(b.grad!, .float(0.05)))
            }
            try D.zero_(w.grad!)
            try D.zero_(b.grad!)
            lastLoss = try loss.item().doubleValue
            if step % 50 == 0 {
                lines.append("\(step) \(try show(w)) \(try show(b))")
            }
        }
        #expect(lines.first == "0 tensor([[1.7500]], requires_grad=True) tensor([0.6000], requires_grad=True)")
        #expect(lines.last == "200 tensor([[2.0047]], requires_grad=True) tensor([0.9862], requires_grad=True)")
        #expect(lastLoss < 1e-3)
    }

    @Test func gradientAccumulatesAndCanBeReset() throws {
        let x = try tensor([1, 2, 3], requiresGrad: true)
        try D.sum(try D.mul(x, .int(2))).backward()
        #expect(try show(x.grad) == "tensor([2., 2., 2.])")
        try x.setGrad(nil)
        try D.sum(try D.pow(x, .int(2))).backward()
        #expect(try show(x.grad) == "tensor([2., 4., 6.])")
    }
}
