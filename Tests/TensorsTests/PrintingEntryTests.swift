import Testing
@testable import Tensors

@Suite struct PrintingEntryTests {
    @Test func reprOfViewsAndDtypes() throws {
        let x = try tensor([1, 2, 3, 4, 5, 6], [2, 3])
        #expect(try x.repr() == "tensor([[1., 2., 3.],\n        [4., 5., 6.]])")
        #expect(try x.t().repr() == "tensor([[1., 4.],\n        [2., 5.],\n        [3., 6.]])")
        #expect(try itensor([1, 2], dtype: .int32).repr() == "tensor([1, 2], dtype=torch.int32)")
        #expect(try tensor([0.25, 1.5], dtype: .float16).repr() == "tensor([0.2500, 1.5000], dtype=torch.float16)")
        #expect(try tensor([1, 2]).gt(.int(1)).repr() == "tensor([False,  True])")
        #expect(try Tensor(scalar: .float(3)).repr() == "tensor(3.)")
        #expect(try tensor([1]).repr(autograd: .gradFn("MulBackward0")) == "tensor([1.], grad_fn=<MulBackward0>)")
    }
}
