import Autograd
import Tensors
import Testing

/// Gradchecks and names for selection and rearranging ops.
@Suite struct SelectionGradcheckTests {
    let checker = Gradcheck()
    let a = try! tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8], [2, 3])
    let square = try! tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8, 2.0, -0.2, 0.6], [3, 3])

    func expectClean(_ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try checker.check(inputs, f)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }

    @Test func selection() throws {
        let idx = try Tensor(values: [Int64(2), 0, 0, 1, 1, 1], shape: [2, 3])
        let cols = try Tensor(values: [Int64(2), 0, 2], shape: [3])
        try expectClean([a]) { try D.gather($0[0], 1, idx) }
        try expectClean([a, try tensor([1, 2, 3, 4, 5, 6], [2, 3])]) { try D.scatter($0[0], 1, try idx.narrow(1, start: 0, length: 1), $0[1]) }
        try expectClean([a]) { try D.scatter($0[0], 0, try Tensor(values: [Int64(1), 0, 1], shape: [1, 3]), value: .float(2)) }
        try expectClean([a, try tensor([1, 2, 3, 4, 5, 6], [2, 3])]) { try D.scatterAdd($0[0], 1, idx, $0[1]) }
        try expectClean([a]) { try D.indexSelect($0[0], 1, cols) }
        try expectClean([a]) { try D.sort($0[0], dim: 1).values }
        try expectClean([a]) { try D.sort($0[0], dim: 0, descending: true).values }
        try expectClean([a]) { try D.topk($0[0], 2).values }
        try expectClean([a]) { try D.kthvalue($0[0], 2, dim: 1).values }
    }

    @Test func rearranging() throws {
        try expectClean([a]) { try D.flip($0[0], [0, 1]) }
        try expectClean([a]) { try D.roll($0[0], [1], dims: [1]) }
        try expectClean([a]) { try D.roll($0[0], [2]) }
        try expectClean([a]) { try D.repeat($0[0], [2, 1, 2]) }
        try expectClean([a]) { try D.tile($0[0], [2]) }
        try expectClean([square]) { try D.tril($0[0]) }
        try expectClean([square]) { try D.triu($0[0], diagonal: 1) }
        try expectClean([square]) { try D.diag($0[0], diagonal: -1) }
        try expectClean([try tensor([1, 2, 3])]) { try D.diag($0[0], diagonal: 1) }
    }

    @Test func names() throws {
        let m = try tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3], requiresGrad: true)
        let i = try Tensor(values: [Int64(0), 1, 2], shape: [3, 1])
        let cases: [(Tensor, String)] = [
            (try D.gather(m, 1, i), "GatherBackward0"), (try D.indexSelect(m, 0, try Tensor(values: [Int64(1)], shape: [1])), "IndexSelectBackward0"),
            (try D.sort(m).values, "SortBackward0"), (try D.topk(m, 2).values, "TopkBackward0"), (try D.kthvalue(m, 1, dim: 1).values, "KthvalueBackward0"),
            (try D.scatter(m, 1, i, value: .int(5)), "ScatterBackward1"), (try D.scatter(m, 1, i, try D.narrow(m, 1, start: 0, length: 1)), "ScatterBackward0"),
            (try D.scatterAdd(m, 1, i, try D.narrow(m, 1, start: 0, length: 1)), "ScatterAddBackward0"),
            (try D.flip(m, [0]), "FlipBackward0"), (try D.roll(m, [1]), "RollBackward0"), (try D.repeat(m, [2, 1]), "RepeatBackward0"),
            (try D.tile(m, [2]), "RepeatBackward0"), (try D.tril(m), "TrilBackward0"), (try D.triu(m), "TriuBackward0"),
            (try D.diag(m), "DiagonalBackward0_copy"), (try D.diag(try D.select(m, 0, 0)), "DiagEmbedBackward0"),
        ]
        for (t, name) in cases { #expect(t.gradFn?.name == name) }
    }
}
