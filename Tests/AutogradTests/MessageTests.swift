import Autograd
import Tensors
import Testing

/// PyTorch's exact error texts, and the behaviours they guard.
@Suite struct MessageTests {
    let hint = "Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."

    @Test func modifiedSavedOutputNamesTheSavingNode() throws {
        let x = try tensor([1, 2], requiresGrad: true)
        let b = try D.sigmoid(x)
        try D.mul_(b, .int(2))
        #expect(message { try D.sum(b).backward() } == "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 of Sigmoid, is at version 1; expected version 0 instead. " + hint)
    }

    @Test func modifiedSavedInputNamesItsCurrentGradFn() throws {
        let x = try tensor([1, 2], requiresGrad: true)
        let y = try D.mul(x, .int(1))
        let z = try D.mul(y, y)
        try D.add_(y, .int(1))
        #expect(message { try D.sum(z).backward() } == "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 of Add, is at version 1; expected version 0 instead. " + hint)
    }

    @Test func modifiedLeafHasNoOwner() throws {
        let x = try tensor([1, 2], requiresGrad: true)
        let z = try D.mul(x, x)
        try GradMode.withGradMode(false) { () throws(TensorError) in try D.mul_(x, .int(2)) }
        #expect(message { try D.sum(z).backward() } == "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]] is at version 1; expected version 0 instead. " + hint)
    }

    @Test func inPlaceOnLeafOrItsView() throws {
        let l = try tensor([1, 2], requiresGrad: true)
        #expect(message { try D.mul_(try D.getItem(l, [.int(0)]), .int(2)) } == "a view of a leaf Variable that requires grad is being used in an in-place operation.")
        #expect(message { try D.mul_(l, .int(2)) } == "a leaf Variable that requires grad is being used in an in-place operation.")
        #expect(message { try D.mul_(l.detach(), .int(2)) } == "no error")
        #expect(message { try D.mul_(l.data, .int(2)) } == "no error")
    }

    @Test func requiresGradRules() throws {
        let i = try Tensor(values: [Int64(1), 2], shape: [2])
        #expect(message { try i.requiresGrad_() } == "only Tensors of floating point dtype can require gradients")
        #expect(message { try i.setRequiresGrad(true) } == "only Tensors of floating point and complex dtype can require gradients")
        let y = try D.mul(try tensor([1], requiresGrad: true), .int(2))
        let leafOnly = "you can only change requires_grad flags of leaf variables."
        #expect(message { try y.setRequiresGrad(false) } == leafOnly + " If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        #expect(message { try y.setRequiresGrad(true) } == leafOnly)
        #expect(message { try y.requiresGrad_(false) } == leafOnly + " If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        #expect(message { try y.requiresGrad_(true) } == "no error")
        #expect(message { try tensor([1]).registerHook { $0 } } == "cannot register a hook on a tensor that doesn't require gradient")
        #expect(message { try tensor([1]).retainGrad() } == "can't retain_grad on Tensor that has requires_grad=False")
    }

    @Test func gradAssignmentChecks() throws {
        let x = try tensor([1, 2, 3, 4, 5, 6], [2, 3], requiresGrad: true)
        #expect(message { try x.setGrad(try Tensor.ones([3])) } == "attempting to assign a gradient of size '[3]' to a tensor of size '[2, 3]'. Please ensure that the gradient and the tensor are the same size")
        #expect(message { try x.setGrad(try Tensor.ones([2, 3], dtype: .float64)) }.hasPrefix("attempting to assign a gradient with dtype 'double' to a tensor with grad_dtype 'Float'."))
    }

    @Test func backwardArgumentChecks() throws {
        let x = try tensor([1, 2, 3, 4, 5, 6], [2, 3], requiresGrad: true)
        #expect(message { try D.sum(try D.mul(x, .int(2))).backward(gradient: try Tensor.ones([2])) } == "Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] has a shape of torch.Size([]).")
        #expect(message { try D.mul(x, .int(2)).backward(gradient: try Tensor.ones([3])) } == "Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape of torch.Size([2, 3]).")
        #expect(message { try D.sum(x).backward(inputs: []) } == "`inputs` argument to `backward()` cannot be empty.")
    }

    @Test func autogradGradChecks() throws {
        let x = try tensor([1, 2], requiresGrad: true), v = try tensor([3], requiresGrad: true)
        #expect(message { _ = try Engine.grad(outputs: [try D.sum(try D.mul(x, .int(2)))], inputs: [v]) } == "The differentiated Tensor at index 0 appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
        #expect(message { _ = try Engine.grad(outputs: [try D.sum(try D.mul(x, .int(2)))], inputs: [try Tensor.ones([2])]) } == "One of the differentiated Tensors does not require grad")
        let r = try Engine.grad(outputs: [try D.sum(try D.mul(x, .int(2)))], inputs: [x, v], allowUnused: true)
        #expect(try show(r[0]) == "tensor([2., 2.])" && r[1] == nil)
        #expect(x.grad == nil)
    }
}

/// Engine behaviours: retained graphs, hooks, `inputs=`, accumulation.
@Suite struct EngineTests {
    @Test func graphOfAdditionsRunsTwiceSavedGraphNeedsRetain() throws {
        let x = try tensor([1, 2], requiresGrad: true)
        let y = try D.add(x, .int(1))
        try y.backward(gradient: try Tensor.ones([2]))
        try y.backward(gradient: try Tensor.ones([2]))
        #expect(try show(x.grad) == "tensor([2., 2.])")
        let x3 = try tensor([1, 2], requiresGrad: true)
        let s = try D.sum(try D.pow(x3, .int(2)))
        try s.backward(retainGraph: true)
        try s.backward()
        #expect(try show(x3.grad) == "tensor([4., 8.])")
    }

    @Test func hooksSeeAndReplaceGradients() throws {
        let x = try tensor([1, 2], requiresGrad: true)
        var seen: [String] = []
        try x.registerHook { g in seen.append(try show(g)); return try g.mul(.int(10)) }
        let y = try D.mul(x, .int(3))
        let handle = try y.registerHook { g in seen.append("y " + (try show(g))); return nil }
        try D.sum(y).backward()
        #expect(seen == ["y tensor([1., 1.])", "tensor([3., 3.])"])
        #expect(try show(x.grad) == "tensor([30., 30.])")
        handle.remove()
        seen = []
        try D.sum(try D.mul(x, .int(3))).backward()
        #expect(seen == ["tensor([3., 3.])"])
    }

    @Test func backwardWithInputsOnlyAccumulatesThose() throws {
        let a = try tensor([1, 2], requiresGrad: true), b = try tensor([3, 4], requiresGrad: true)
        try D.sum(try D.mul(a, b)).backward(inputs: [a])
        #expect(try show(a.grad) == "tensor([3., 4.])")
        #expect(b.grad == nil)
    }

    @Test func nonLeafGradIsNoneWithoutRetainGrad() throws {
        let x = try scalar(1, requiresGrad: true)
        let y = try D.mul(x, .int(2))
        #expect(y.grad == nil && y.gradAccessWarns && !x.gradAccessWarns)
    }

    @Test func createGraphAccumulatesDifferentiableGrad() throws {
        let x = try scalar(3, requiresGrad: true)
        let y = try D.pow(x, .int(3))
        try y.backward(createGraph: true)
        #expect(try show(x.grad) == "tensor(27., grad_fn=<MulBackward0>)")
        let g = x.grad!
        try x.setGrad(nil)
        try g.backward()
        #expect(try show(x.grad) == "tensor(18.)")
    }

    @Test func savedTensorsAreFreedAfterBackward() throws {
        let x = try tensor([1, 2], requiresGrad: true)
        let y = try D.sigmoid(x)
        let s = try D.sum(y)
        try s.backward()
        #expect(message { try s.backward() }.hasPrefix("Trying to backward through the graph a second time"))
    }

    @Test func gradModeIsPerThreadState() throws {
        #expect(GradMode.isEnabled)
        let saved = GradMode.save()
        GradMode.setInferenceMode(true)
        #expect(!GradMode.isEnabled && GradMode.current.isInferenceMode)
        GradMode.restore(saved)
        #expect(GradMode.isEnabled && !GradMode.current.isInferenceMode)
    }
}
