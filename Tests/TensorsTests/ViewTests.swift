import Testing
@testable import Tensors

@Suite struct ViewTests {
    @Test func viewsShareStorage() throws {
        let x = try Tensor.arange(end: .int(6)).view([2, 3])
        let t = try x.t()
        #expect(t.sizes == [3, 2] && t.strides == [1, 3] && !t.isContiguous)
        #expect(try t.elementsAsInt64() == [0, 3, 1, 4, 2, 5])
        let row = try x.select(0, 1)
        try row.fill_(.int(9))
        #expect(try x.elementsAsInt64() == [0, 1, 2, 9, 9, 9])
        #expect(x.version == row.version)
    }

    @Test func viewErrors() throws {
        let x = try Tensor.ones([6])
        #expect(errorText { try x.view([5]) } == "RuntimeError: shape '[5]' is invalid for input of size 6")
        #expect(errorText { try x.view([-1, 4]) } == "RuntimeError: shape '[-1, 4]' is invalid for input of size 6")
        #expect(errorText { try x.view([-1, -1]) } == "RuntimeError: only one dimension can be inferred")
        let nc = try x.view([2, 3]).t()
        #expect(errorText { try nc.view([6]) } == "RuntimeError: view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        let r = try nc.reshape([6])
        #expect(r.isContiguous && !r.sharesStorage(with: nc))
        #expect(try x.view([2, 3]).reshape([3, 2]).sharesStorage(with: x))
        #expect(errorText { try Tensor.ones([2, 3]).transpose(0, 2) } == "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)")
    }

    @Test func slicingWithSteps() throws {
        let x = try Tensor.arange(end: .int(10))
        #expect(try x.slice(0, start: 1, end: nil, step: 3).elementsAsInt64() == [1, 4, 7])
        #expect(try x.slice(0, start: -3, end: 100).elementsAsInt64() == [7, 8, 9])
        #expect(try x.slice(0, start: 5, end: 2).numel == 0)
        #expect(errorText { try x.slice(0, start: nil, end: nil, step: -1) } == "ValueError: step must be greater than zero")
    }

    @Test func expandSqueezeUnsqueeze() throws {
        let x = try tensor([1, 2, 3])
        let e = try x.expand([2, 3])
        #expect(try e.strides == [0, 1] && (e.elementsAsDouble()) == [1, 2, 3, 1, 2, 3])
        #expect(errorText { try x.expand([2, 4]) } == "RuntimeError: The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]")
        let u = try x.unsqueeze(0).unsqueeze(-1)
        #expect(u.sizes == [1, 3, 1])
        #expect(try u.squeeze().sizes == [3])
        #expect(try u.squeeze([0]).sizes == [3, 1])
        #expect(try u.flatten().sizes == [3])
        #expect(try Tensor.ones([2, 3, 4]).permute([2, 0, 1]).sizes == [4, 2, 3])
    }

    @Test func copyBroadcastsAndConverts() throws {
        let x = try Tensor.zeros([2, 3])
        try x.copy_(try itensor([1, 2, 3]))
        #expect(try x.elementsAsDouble() == [1, 2, 3, 1, 2, 3])
        #expect(errorText { try x.copy_(try tensor([1, 2])) } == "RuntimeError: The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1")
        let y = try tensor([1.7, -1.7]).to(.int64)
        #expect(try y.elementsAsInt64() == [1, -1])
    }

    @Test func setDataSwapsStorage() throws {
        let x = try tensor([1, 2])
        let y = try itensor([7, 8, 9])
        x.setData(y)
        #expect(x.dtype == .int64 && x.sizes == [3] && x.sharesStorage(with: y))
    }
}
