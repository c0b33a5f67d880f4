import Testing
@testable import Tensors

/// Expected values come from PyTorch 2.15 on `torch.arange(24).view(2, 3, 4)`.
@Suite struct IndexingTests {
    let x: Tensor
    init() throws { x = try Tensor.arange(end: .int(24)).view([2, 3, 4]) }

    func check(_ idx: [TensorIndex], _ shape: [Int], _ values: [Int64], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try x.getItem(idx)
        #expect(r.sizes == shape, sourceLocation: sourceLocation)
        #expect(try r.elementsAsInt64() == values, sourceLocation: sourceLocation)
    }

    func list(_ v: [Int64]) throws -> TensorIndex { .tensor(try itensor(v)) }
    let all = TensorIndex.slice(start: nil, stop: nil, step: nil)

    @Test func basicIndexingGivesViews() throws {
        try check([.int(1)], [3, 4], Array(12...23))
        try check([all, .int(1)], [2, 4], [4, 5, 6, 7, 16, 17, 18, 19])
        try check([.ellipsis, .int(1)], [2, 3], [1, 5, 9, 13, 17, 21])
        try check([.int(1), .ellipsis, .slice(start: nil, stop: nil, step: 2)], [3, 2], [12, 14, 16, 18, 20, 22])
        #expect(try x.getItem([.ellipsis, .newAxis]).sizes == [2, 3, 4, 1])
        #expect(try x.getItem([.int(1)]).sharesStorage(with: x))
        #expect(try x.getItem([.bool(true)]).sizes == [1, 2, 3, 4])
        #expect(try x.getItem([.bool(false)]).sizes == [0, 2, 3, 4])
        try check([.tensor(try Tensor(scalar: .int(1)))], [3, 4], Array(12...23))
    }

    @Test func advancedIndexing() throws {
        try check([all, try list([0, 2])], [2, 2, 4], [0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23])
        try check([all, all, try list([0, 2])], [2, 3, 2], [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22])
        try check([try list([0, 1]), all, try list([1, 2])], [2, 3], [1, 5, 9, 14, 18, 22])
        try check([all, try list([0, 2]), try list([1, 3])], [2, 2], [1, 11, 13, 23])
        try check([all, .newAxis, try list([0, 1])], [2, 1, 2, 4], [0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18, 19])
        try check([try list([0, 1]), .newAxis, try list([1, 2])], [2, 1, 4], [4, 5, 6, 7, 20, 21, 22, 23])
        try check([.tensor(try itensor([0, 1], [2, 1])), .tensor(try itensor([0, 1, 2], [1, 3]))], [2, 3, 4], Array(0...23))
    }

    @Test func boolMasks() throws {
        try check([.tensor(try x.gt(.int(20)))], [3], [21, 22, 23])
        let row = try x.getItem([.int(0)])
        try check([.int(0), .tensor(try row.gt(.int(5)))], [6], [6, 7, 8, 9, 10, 11])
        try check([all, .tensor(try Tensor(values: [true, false, true], shape: [3]))], [2, 2, 4],
                  [0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23])
        #expect(errorText { try x.getItem([.tensor(try Tensor(values: [true, false], shape: [2])), .int(0), .int(0), .int(0)]) } == "IndexError: too many indices for tensor of dimension 3")
        #expect(errorText { try Tensor.ones([3]).getItem([.tensor(try Tensor(values: [true, false], shape: [2]))]) } == "IndexError: The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3] at index 0")
    }

    @Test func indexErrors() throws {
        #expect(errorText { try x.getItem([try list([0, 5])]) } == "IndexError: index 5 is out of bounds for dimension 0 with size 2")
        #expect(errorText { try x.getItem([try list([0, 1]), try list([0, 1, 2])]) } == "IndexError: shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]")
        #expect(errorText { try Tensor.ones([3]).getItem([.int(5)]) } == "IndexError: index 5 is out of bounds for dimension 0 with size 3")
        #expect(errorText { try Tensor.ones([2, 3]).getItem([all, .int(5)]) } == "IndexError: index 5 is out of bounds for dimension 1 with size 3")
        #expect(errorText { try Tensor.ones([3]).getItem([.int(0), .int(0)]) } == "IndexError: too many indices for tensor of dimension 1")
        #expect(errorText { try Tensor.ones([3]).getItem([.slice(start: nil, stop: nil, step: -1)]) } == "ValueError: step must be greater than zero")
    }

    @Test func setItem() throws {
        let y = try Tensor.zeros([3, 4])
        try y.setItem([.int(0)], .int(1))
        try y.setItem([all, .int(1)], try tensor([5, 6, 7]))
        try y.setItem([.tensor(try y.gt(.int(5)))], .int(-1))
        try y.setItem([try list([0, 2]), try list([3, 3])], try tensor([8, 9]))
        #expect(try y.elementsAsDouble() == [1, 5, 1, 8, 0, -1, 0, 0, 0, -1, 0, 9])
        #expect(errorText { try y.setItem([.slice(start: 0, stop: 2, step: nil)], try Tensor.ones([3])) } == "RuntimeError: The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]")
        #expect(errorText { try y.setItem([try list([0, 1])], try Tensor.ones([3])) } == "RuntimeError: shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [2, 4]")
        let z = try Tensor.zeros([5])
        try z.setItem([try list([0, 0, 1])], try tensor([1, 2, 3]))
        #expect(try z.elementsAsDouble() == [2, 3, 0, 0, 0])
        let w = try Tensor.zeros([5])
        try w.indexPut_([try itensor([0, 0, 1])], try tensor([1, 2, 3]), accumulate: true)
        #expect(try w.elementsAsDouble() == [3, 3, 0, 0, 0])
    }

    @Test func planExposesStepsForAutograd() throws {
        let plan = try IndexPlan.make([.int(1), .slice(start: 1, stop: nil, step: nil), .newAxis], sizes: [2, 3, 4])
        #expect(plan.steps == [.select(dim: 0, index: 1), .slice(dim: 0, start: 1, end: 3, step: 1), .unsqueeze(dim: 1)])
        #expect(plan.advanced == nil)
        #expect(try IndexPlan.make([.ellipsis], sizes: [2]).steps == [.alias])
    }
}
