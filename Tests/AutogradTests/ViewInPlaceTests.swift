import Autograd
import Tensors
import Testing

/// In-place writes through views land in the base's history (CopySlices), as in PyTorch.
@Suite struct ViewInPlaceTests {
    func names(_ n: Node?) -> [String?] { n?.nextFunctions.map { $0.node?.name } ?? [] }

    @Test func inPlaceOnViewOfNonLeafRewritesTheBase() throws {
        let x = try tensor([1, 2, 3], requiresGrad: true)
        let h = try D.mul(x, .int(2))
        let v = try D.getItem(h, [.slice(start: 1, stop: nil, step: nil)])
        try D.mul_(v, .int(3))
        #expect(h.gradFn?.name == "torch::autograd::CopySlices")
        #expect(names(h.gradFn) == ["MulBackward0", nil])
        #expect(v.gradFn?.name == "AsStridedBackward0")
        #expect(names(v.gradFn) == ["torch::autograd::CopySlices"])
        try D.sum(h).backward()
        #expect(try show(x.grad) == "tensor([2., 6., 6.])")
        #expect(try show(h) == "tensor([ 2., 12., 18.], grad_fn=<CopySlices>)")
    }

    @Test func assigningIntoARowOfAPlainTensor() throws {
        let z = try Tensor.zeros([2, 3])
        let w = try tensor([1, 2, 3], requiresGrad: true)
        try D.setItem(z, [.int(0)], w)
        try D.sum(try D.mul(z, try tensor([1, 2, 3, 4, 5, 6], [2, 3]))).backward()
        #expect(try show(w.grad) == "tensor([1., 2., 3.])")
    }

    @Test func zeroingAViewStopsItsGradient() throws {
        let x = try tensor([1, 2, 3], requiresGrad: true)
        let h = try D.mul(x, .int(2))
        try D.zero_(try D.getItem(h, [.int(0)]))
        #expect(try show(h) == "tensor([0., 4., 6.], grad_fn=<CopySlices>)")
        try D.sum(try D.view(h, [3, 1])).backward()
        #expect(try show(x.grad) == "tensor([0., 2., 2.])")
    }

    @Test func gradientThroughTheModifiedViewItself() throws {
        let x = try tensor([1, 2, 3], requiresGrad: true)
        let h = try D.mul(x, .int(2))
        let column = try D.view(h, [3, 1])
        try D.exp_(column)
        #expect(column.gradFn?.name == "AsStridedBackward0" && h.gradFn?.name == "torch::autograd::CopySlices")
        try D.sum(h).backward()
        let expected = try x.detach().mul(.int(2)).exp().mul(.int(2))
        #expect(try show(x.grad) == (try show(expected)))
    }
}
