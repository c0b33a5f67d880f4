import Autograd
import Tensors
import Testing

/// Finite-difference checks (float64) and node names for the binary math, scans,
/// order statistics, einsum and generic in-place ops routed through autograd in issue 5.
@Suite struct MoreOpsGradcheckTests {
    let checker = Gradcheck()
    let a = try! tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8], [2, 3])
    let b = try! tensor([1.4, 0.9, -0.6, 2.1, 0.35, -1.3], [2, 3])
    let square = try! tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8, 2.0, -0.2, 0.6], [3, 3])

    func expectClean(_ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try checker.check(inputs, f)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }

    @Test func binaryMath() throws {
        try expectClean([a, b]) { try D.atan2($0[0], $0[1]) }
        try expectClean([a, try tensor([0.5, -2, 1.5])]) { try D.atan2($0[0], $0[1]) }
        try expectClean([a, b]) { try D.hypot($0[0], $0[1]) }
        // Away from the jumps of floor/trunc, d/db is -floor(a/b) or -trunc(a/b).
        let divisor = try tensor([0.55, 0.65, 0.5, 0.6, 0.7, 0.9], [2, 3])
        try expectClean([a, divisor]) { try D.remainder($0[0], $0[1]) }
        try expectClean([a, try D.neg(divisor)]) { try D.fmod($0[0], $0[1]) }
        try expectClean([a]) { try D.remainder($0[0], .float(0.65)) }
        try expectClean([a]) { try D.fmod($0[0], .float(-0.65)) }
        try expectClean([a, b]) { try D.fmax($0[0], $0[1]) }
        try expectClean([a, b]) { try D.fmin($0[0], $0[1]) }
    }

    @Test func inner() throws {
        let v3 = try tensor([0.2, -0.4, 0.9])
        try expectClean([v3, v3]) { try D.inner($0[0], $0[1]) }
        try expectClean([a, v3]) { try D.inner($0[0], $0[1]) }
        try expectClean([a, b]) { try D.inner($0[0], $0[1]) }
        try expectClean([a, try scalar(1.5)]) { try D.inner($0[0], $0[1]) }
        let m = try tensor([1, 2, 3], requiresGrad: true)
        #expect(try D.inner(m, m).gradFn?.name == "ViewBackward0")
    }

    @Test func scansAndOrderStatistics() throws {
        try expectClean([a]) { try D.cumprod($0[0], dim: 1) }
        try expectClean([square]) { try D.cumprod($0[0], dim: 0) }
        try expectClean([try tensor([2, 0, 3, 0, 5, 1.5, 0, 0.5], [2, 4])]) { try D.cumprod($0[0], dim: 1) }
        try expectClean([square]) { try D.median($0[0]) }
        try expectClean([square]) { try D.median($0[0], dim: 1).values }
        try expectClean([square]) { try D.median($0[0], dim: 0, keepdim: true).values }
        try expectClean([a]) { try D.nansum($0[0], dims: [1]) }
        try expectClean([a]) { try D.nansum($0[0]) }
    }

    @Test func einsum() throws {
        let m34 = try tensor((0..<12).map { 0.1 * Double($0) - 0.5 }, [3, 4])
        let v3 = try tensor([0.2, -0.4, 0.9])
        let cases: [(String, [Tensor])] = [
            ("ij,jk->ik", [a, m34]), ("ij,jk->ki", [a, m34]), ("ij,jk", [a, m34]), ("i,j->ij", [v3, v3]),
            ("ij,ij->ij", [a, b]), ("ij,ij->", [a, b]), ("ij,ij->i", [a, b]), ("ij,j->i", [a, v3]),
            ("ii->i", [square]), ("ii", [square]), ("ij->ji", [a]), ("ij->j", [a]),
            ("ij,jk,kl->il", [a, m34, try tensor((0..<8).map { Double($0) * 0.3 - 1 }, [4, 2])]),
            ("bij,bjk->bik", [try tensor((0..<12).map { Double($0) * 0.1 }, [2, 2, 3]), try tensor((0..<12).map { 1 - Double($0) * 0.2 }, [2, 3, 2])]),
        ]
        for (eq, ops) in cases {
            try expectClean(ops) { try D.einsum(eq, $0) }
            let plain = try Tensor.einsum(eq, ops)
            let tracked = try D.einsum(eq, try ops.map { t in let c = try t.clone(); try c.setRequiresGrad(true); return c })
            #expect(try tracked.detach().elementsAsDouble() == plain.elementsAsDouble(), "\(eq)")
            #expect(tracked.sizes == plain.sizes, "\(eq)")
        }
    }

    @Test func inPlaceTwins() throws {
        try expectClean([a]) { x in try D.unary_(try D.mul(x[0], .int(1)), .sin) }
        try expectClean([square]) { x in try D.inPlace(try D.mul(x[0], .int(1))) { t throws(TensorError) in try D.tril(t) } }
        let i = try Tensor(values: [Int64(1), 0, 2], shape: [1, 3])
        try expectClean([square, try tensor([5, 6, 7], [1, 3])]) { x in
            try D.inPlace(try D.mul(x[0], .int(1)), others: [x[1]]) { t throws(TensorError) in try D.scatter(t, 0, i, x[1]) }
        }
        // On a row of a transposed (non-contiguous) view: CopySlices cuts the row out of a
        // gradient laid out as the base is.
        try expectClean([square]) { x in
            let h = try D.mul(x[0], .int(2))
            let row = try D.select(try D.t(h), 0, 1)
            try D.unary_(row, .exp)
            return h
        }
    }

    /// A base that is not contiguous and not a view (a transposed plain tensor given
    /// history by an in-place add): the CopySlices gradient must follow its strides.
    @Test func inPlaceOnAViewOfANonContiguousBase() throws {
        try expectClean([a]) { x in
            let p = try Tensor(values: [1.0, 2, 3, 4, 5, 6], shape: [3, 2], dtype: .float64).transpose(0, 1)
            #expect(!p.isContiguous)
            try D.add_(p, x[0])
            let row = try D.select(p, 1, 2)
            try D.mul_(row, try D.select(x[0], 1, 0))
            if GradMode.isEnabled { #expect(p.gradFn?.name == "torch::autograd::CopySlices") }
            return try D.mul(p, p)
        }
    }

    @Test func names() throws {
        let m = try tensor([1, 2, 3, 4, 5, 6], [2, 3], requiresGrad: true)
        let other = try tensor([2, 3, 4, 5, 6, 7], [2, 3], requiresGrad: true)
        let cases: [(Tensor, String)] = [
            (try D.atan2(m, other), "Atan2Backward0"), (try D.hypot(m, other), "HypotBackward0"),
            (try D.remainder(m, other), "RemainderBackward1"), (try D.remainder(m, .int(2)), "RemainderBackward0"),
            (try D.fmod(m, other), "FmodBackward1"), (try D.fmod(m, .int(2)), "FmodBackward0"),
            (try D.fmax(m, other), "FmaxBackward0"), (try D.fmin(m, other), "FminBackward0"),
            (try D.floorDivide(m, .int(2)), "torch::autograd::NotImplemented"),
            (try D.reflectedRemainder(m, .int(2)), "torch::autograd::NotImplemented"),
            (try D.cumprod(m, dim: 0), "CumprodBackward0"), (try D.median(m), "MedianBackward0"),
            (try D.median(m, dim: 1).values, "MedianBackward1"), (try D.nansum(m), "NansumBackward0"),
            (try D.sgn(m), "SgnBackward0"), (try D.unary(m, .asinh), "AsinhBackward0"), (try D.unary(m, .erfc), "ErfcBackward0"),
            (try D.einsum("ij,kj->ik", [m, other]), "ViewBackward0"), (try D.einsum("ij,ij->ij", [m, other]), "MulBackward0"),
            (try D.einsum("ij->ji", [m]), "PermuteBackward0"), (try D.einsum("ij->j", [m]), "SumBackward1"),
            (try D.getItem(m, [.slice(start: nil, stop: nil, step: nil)], singleSlice: true), "SliceBackward0"),
            (try D.getItem(m, [.slice(start: nil, stop: nil, step: nil), .slice(start: nil, stop: nil, step: nil)]), "AliasBackward0"),
        ]
        for (t, name) in cases { #expect(t.gradFn?.name == name, "\(name)") }
        #expect(!(try D.einsum("ij->ji", [m])).isContiguous)
    }

    @Test func floorDivideRecordsButCannotBackward() throws {
        let m = try tensor([1.5, -2.5, 3], requiresGrad: true)
        let q = try D.floorDivide(m, .int(2))
        #expect(try show(q) == "tensor([ 0., -2.,  1.], grad_fn=<NotImplemented>)")
        #expect(message { try D.sum(q).backward() } == "derivative for aten::floor_divide is not implemented")
    }
}
