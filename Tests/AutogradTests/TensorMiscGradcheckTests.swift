import Autograd
import Tensors
import Testing

/// Finite-difference checks (float64) for the issue-12 ops with their own backward nodes:
/// index/scatter writes, paired reductions, placement ops and the accumulating products.
@Suite struct TensorMiscGradcheckTests {
    let checker = Gradcheck()
    let a = try! tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8], [2, 3])
    let b = try! tensor([1.4, 0.9, -0.6, 2.1, 0.35, -1.3], [2, 3])
    let rowIndex = try! Tensor(values: [Int64(1), 0, 1], shape: [3])

    func expectClean(_ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try checker.check(inputs, f)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }

    @Test func indexWrites() throws {
        let source = try tensor([0.5, -0.25, 2.0, 1.5, 0.75, -1.0], [3, 2])
        let cols = try Tensor(values: [Int64(2), 0], shape: [2])
        try expectClean([a, try D.transpose(source, 0, 1)]) { try D.indexAdd($0[0], 1, try Tensor(values: [Int64(2), 0, 2], shape: [3]), $0[1], alpha: .float(1.5)) }
        try expectClean([a, try tensor([0.1, 0.2, 0.3, 0.4], [2, 2])]) { try D.indexCopy($0[0], 1, cols, $0[1]) }
        try expectClean([a, try scalar(0.7)]) { try D.indexFill($0[0], 1, cols, $0[1]) }
        try expectClean([a]) { try D.indexFill($0[0], 0, try Tensor(values: [Int64(1)], shape: [1]), .float(2)) }
        let mask = try Tensor(values: [true, false, true, false, true, true], shape: [2, 3])
        try expectClean([a, b]) { try D.maskedScatter($0[0], mask, $0[1]) }
        try expectClean([a, try tensor([0.4, -0.9, 1.3])]) { try D.put($0[0], try Tensor(values: [Int64(0), 4, -1], shape: [3]), $0[1], accumulate: false) }
        try expectClean([a, try tensor([0.4, -0.9, 1.3])]) { try D.put($0[0], try Tensor(values: [Int64(1), 1, 5], shape: [3]), $0[1], accumulate: true) }
    }

    @Test func scatterReductions() throws {
        let base = try tensor([1.5, -0.5, 2.5, 0.25])
        let src = try tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8])
        let index = try Tensor(values: [Int64(0), 1, 0, 1, 2, 1], shape: [6])
        for reduction: Tensor.ScatterReduction in [.sum, .mean, .prod, .amax, .amin] {
            for includeSelf in [true, false] {
                try expectClean([base, src]) { try D.scatterReduce($0[0], 0, index, $0[1], reduction, includeSelf: includeSelf) }
            }
        }
        let rows = try tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8, 2.0, -0.2], [4, 2])
        for reduction: Tensor.ScatterReduction in [.mean, .prod, .amax, .amin] {
            try expectClean([try tensor([1.5, -0.5, 2.5, 0.25, 0.6, -1.4], [3, 2]), rows]) {
                try D.indexReduce($0[0], 0, try Tensor(values: [Int64(0), 2, 0, 1], shape: [4]), $0[1], reduction, includeSelf: true)
            }
        }
    }

    @Test func pairedReductions() throws {
        try expectClean([a]) { try D.cumulativeExtreme($0[0], dim: 1, isMax: true).values }
        try expectClean([a]) { try D.cumulativeExtreme($0[0], dim: 0, isMax: false).values }
        try expectClean([a]) { x in let r = try D.aminmax(x[0], dim: 1, keepdim: false); return try D.add(try D.mul(r.min, .int(2)), r.max) }
        try expectClean([a]) { x in let r = try D.aminmax(x[0], dim: nil, keepdim: false); return try D.sub(r.max, r.min) }
        for sqrt in [false, true] {
            try expectClean([a]) { x in let r = try D.moments(x[0], dims: [1], correction: 1, keepdim: false, sqrt: sqrt); return try D.add(r.stat, try D.mul(r.mean, .int(3))) }
            try expectClean([a]) { x in let r = try D.moments(x[0], dims: nil, correction: 0, keepdim: false, sqrt: sqrt); return try D.add(r.stat, r.mean) }
        }
    }

    @Test func placement() throws {
        try expectClean([a]) { try D.diagEmbed($0[0], offset: 1) }
        try expectClean([a]) { try D.rot90($0[0], k: 1, dims: [0, 1]) }
        try expectClean([a]) { try D.rot90($0[0], k: -3, dims: [1, 0]) }
        try expectClean([a, try tensor([0.5, -0.25]), try scalar(0.9)]) { try D.blockDiag($0) }
        try expectClean([a, try tensor([0.5, -0.25, 0.75])]) { x in try D.partScatter("SelectScatterBackward0", x[0], x[1]) { t throws(TensorError) in try D.select(t, 0, 1) } }
        for p in [1.0, 2, 3, 0.5, Double.infinity] {
            try expectClean([a, b]) { try D.dist($0[0], $0[1], p: p) }
        }
        try expectClean([try tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8, 2.0])]) { try D.unfold($0[0], dim: 0, size: 3, step: 2) }
        try expectClean([a, try scalar(0.4)]) { try D.fill($0[0], $0[1]) }
    }

    @Test func accumulatingProducts() throws {
        let m = try tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8], [3, 2])
        try expectClean([try tensor([0.1, 0.2, -0.3]), m, try tensor([0.6, -0.4])]) { try D.addmv($0[0], $0[1], $0[2], beta: .float(0.5), alpha: .int(2)) }
        try expectClean([a, try tensor([0.6, -0.4]), try tensor([1.0, 0.3, -0.8])]) { try D.addr($0[0], $0[1], $0[2], beta: .int(2), alpha: .float(1.5)) }
        let b1 = try tensor((0..<12).map { Double($0) * 0.1 - 0.5 }, [2, 2, 3])
        let b2 = try tensor((0..<12).map { 0.4 - Double($0) * 0.07 }, [2, 3, 2])
        try expectClean([try tensor([0.1, 0.2, -0.3, 0.4], [2, 2]), b1, b2]) { try D.baddbmm($0[0], $0[1], $0[2], beta: .float(0.5), alpha: .int(2)) }
        try expectClean([try tensor([0.1, 0.2, -0.3, 0.4], [2, 2]), b1, b2]) { try D.addbmm($0[0], $0[1], $0[2], beta: .int(3), alpha: .float(0.5)) }
        #expect(try D.addbmm(try tensor([0, 0, 0, 0], [2, 2], requiresGrad: true), b1, b2).gradFn?.name == "AddbmmBackward0")
    }
}
