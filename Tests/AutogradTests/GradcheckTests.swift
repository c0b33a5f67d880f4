import Autograd
import Tensors
import Testing

/// Every backward formula against central finite differences in float64.
@Suite struct GradcheckTests {
    let checker = Gradcheck()
    /// Inputs away from kinks and ties, positive where logs and roots need it.
    let a = try! tensor([0.3, -0.7, 1.2, 0.45, -1.1, 0.8], [2, 3])
    let b = try! tensor([1.3, 0.6, -0.4, 0.9, 1.7, -0.25], [2, 3])
    let row = try! tensor([0.5, -1.5, 2.0], [3])
    let pos = try! tensor([0.3, 0.7, 1.2, 0.45, 1.1, 0.8], [2, 3])
    let unit = try! tensor([0.3, -0.7, 0.2, 0.45, -0.1, 0.8], [2, 3])

    func expectClean(_ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try checker.check(inputs, f)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }

    @Test func binaryArithmeticWithBroadcasting() throws {
        try expectClean([a, row]) { try D.add($0[0], $0[1], alpha: .float(2.5)) }
        try expectClean([a, row]) { try D.sub($0[0], $0[1], alpha: .int(3)) }
        try expectClean([a, row]) { try D.rsub($0[0], $0[1]) }
        try expectClean([a, b]) { try D.mul($0[0], $0[1]) }
        try expectClean([a, row]) { try D.div($0[0], $0[1]) }
        try expectClean([a, b]) { try D.maximum($0[0], $0[1]) }
        try expectClean([a, b]) { try D.minimum($0[0], $0[1]) }
        try expectClean([pos, row]) { try D.pow($0[0], $0[1]) }
    }

    @Test func scalarArithmetic() throws {
        try expectClean([a]) { try D.add($0[0], .float(1.5)) }
        try expectClean([a]) { try D.sub($0[0], .int(2)) }
        try expectClean([a]) { try D.rsub($0[0], .int(2)) }
        try expectClean([a]) { try D.mul($0[0], .float(-3)) }
        try expectClean([a]) { try D.div($0[0], .int(4)) }
        try expectClean([a]) { try D.rdiv($0[0], .int(2)) }
        try expectClean([a]) { try D.pow($0[0], .int(3)) }
        try expectClean([pos]) { try D.pow($0[0], .float(-1.5)) }
        try expectClean([a]) { try D.pow(.float(2.5), $0[0]) }
        try expectClean([a]) { try D.neg($0[0]) }
    }

    @Test func unaryMath() throws {
        let cases: [(String, (Tensor) throws -> Tensor, Tensor)] = [
            ("exp", D.exp, a), ("log", D.log, pos), ("sqrt", D.sqrt, pos), ("rsqrt", D.rsqrt, pos),
            ("abs", D.abs, a), ("sin", D.sin, a), ("cos", D.cos, a), ("tan", D.tan, unit),
            ("tanh", D.tanh, a), ("sigmoid", D.sigmoid, a), ("relu", D.relu, a),
            ("reciprocal", D.reciprocal, pos), ("square", D.square, a), ("log1p", D.log1p, pos),
            ("expm1", D.expm1, a), ("log2", D.log2, pos), ("log10", D.log10, pos), ("exp2", D.exp2, a),
            ("asin", D.asin, unit), ("acos", D.acos, unit), ("atan", D.atan, a), ("sinh", D.sinh, a),
            ("cosh", D.cosh, a), ("erf", D.erf, a), ("frac", D.frac, a),
            ("silu", D.silu, a), ("gelu", { try D.gelu($0) }, a), ("geluTanh", { try D.gelu($0, approximateTanh: true) }, a),
            ("softplus", { try D.softplus($0) }, a), ("elu", { try D.elu($0) }, a),
            ("leakyRelu", { try D.leakyRelu($0, slope: 0.2) }, a), ("hardtanh", { try D.hardtanh($0) }, unit),
            ("logSigmoid", D.logSigmoid, a),
            ("clamp", { try D.clamp($0, min: .float(-0.5), max: .float(0.5)) }, a),
            ("clampMin", { try D.clampMin($0, .int(0)) }, a),
            ("clampTensor", { try D.clamp($0, min: try tensor([0, 0, 0]), max: nil) }, a),
        ]
        for (name, f, input) in cases {
            let problems = try checker.check([input]) { try f($0[0]) }
            #expect(problems.isEmpty, "\(name): \(problems)")
        }
    }

    @Test func reductions() throws {
        try expectClean([a]) { try D.sum($0[0]) }
        try expectClean([a]) { try D.sum($0[0], dims: [1]) }
        try expectClean([a]) { try D.sum($0[0], dims: [0], keepdim: true) }
        try expectClean([a]) { try D.mean($0[0]) }
        try expectClean([a]) { try D.mean($0[0], dims: [-1]) }
        try expectClean([a]) { try D.prod($0[0]) }
        try expectClean([a]) { try D.prod($0[0], dim: 1) }
        try expectClean([try tensor([0, 2, 3, 1.5], [2, 2])]) { try D.prod($0[0], dim: 1, keepdim: true) }
        try expectClean([try tensor([0, 2, 3, 1.5])]) { try D.prod($0[0]) }
        try expectClean([a]) { try D.max($0[0]) }
        try expectClean([a]) { try D.min($0[0]) }
        try expectClean([a]) { try D.max($0[0], dim: 1).values }
        try expectClean([a]) { try D.min($0[0], dim: 0, keepdim: true).values }
        try expectClean([a]) { try D.amax($0[0], dims: [1]) }
        try expectClean([a]) { try D.amin($0[0], dims: [0], keepdim: true) }
        try expectClean([a]) { try D.variance($0[0]) }
        try expectClean([a]) { try D.variance($0[0], dims: [1], correction: 0) }
        try expectClean([a]) { try D.std($0[0]) }
        try expectClean([a]) { try D.std($0[0], dims: [0], keepdim: true) }
        try expectClean([a]) { try D.norm($0[0]) }
        try expectClean([a]) { try D.norm($0[0], p: 1, dims: [1]) }
        try expectClean([a]) { try D.norm($0[0], p: 3, dims: [0]) }
        try expectClean([a]) { try D.norm($0[0], p: .infinity) }
        try expectClean([a]) { try D.logsumexp($0[0], dims: [1]) }
        try expectClean([a]) { try D.cumsum($0[0], dim: 1) }
        try expectClean([a]) { try D.softmax($0[0], dim: 1) }
        try expectClean([a]) { try D.logSoftmax($0[0], dim: 0) }
        try expectClean([try tensor([1, 2, 3, 4], [2, 2])]) { try D.trace($0[0]) }
    }

    @Test func matrixProducts() throws {
        let m = try tensor([0.1, 0.2, -0.3, 0.4, 0.5, -0.6], [3, 2])
        let batch = try tensor((0..<12).map { Double($0) * 0.1 - 0.5 }, [2, 2, 3])
        try expectClean([a, m]) { try D.mm($0[0], $0[1]) }
        try expectClean([batch, try tensor((0..<12).map { Double($0) * 0.07 }, [2, 3, 2])]) { try D.bmm($0[0], $0[1]) }
        try expectClean([a, row]) { try D.mv($0[0], $0[1]) }
        try expectClean([row, row]) { try D.dot($0[0], $0[1]) }
        try expectClean([row, try tensor([1, 2])]) { try D.outer($0[0], $0[1]) }
        try expectClean([try tensor([1, -1]), a, m]) { try D.addmm($0[0], $0[1], $0[2], beta: .float(0.5), alpha: .int(2)) }
        // matmul in each shape case: 1x1, 2x1, 1x2, 2x2, 3x2 (folded), 2x3 (folded, transposed), 3x1, 1x3, 3x3.
        try expectClean([row, row]) { try D.matmul($0[0], $0[1]) }
        try expectClean([a, row]) { try D.matmul($0[0], $0[1]) }
        try expectClean([try tensor([1, 2]), a]) { try D.matmul($0[0], $0[1]) }
        try expectClean([a, m]) { try D.matmul($0[0], $0[1]) }
        try expectClean([batch, m]) { try D.matmul($0[0], $0[1]) }
        try expectClean([m, batch]) { try D.matmul($0[0], $0[1]) }
        try expectClean([batch, row]) { try D.matmul($0[0], $0[1]) }
        try expectClean([try tensor([1, 2]), batch]) { try D.matmul($0[0], $0[1]) }
        try expectClean([batch, try tensor((0..<12).map { Double($0) * 0.07 }, [2, 3, 2])]) { try D.matmul($0[0], $0[1]) }
        try expectClean([batch, try tensor((0..<6).map { Double($0) * 0.07 }, [1, 3, 2])]) { try D.matmul($0[0], $0[1]) }
        try expectClean([a, try tensor((0..<12).map { Double($0) * 0.1 }, [4, 3]), try tensor([1, 2, 3, 4])]) {
            try D.linear($0[0], $0[1], $0[2])
        }
        try expectClean([row, try tensor((0..<12).map { Double($0) * 0.1 }, [4, 3]), try tensor([1, 2, 3, 4])]) {
            try D.linear($0[0], $0[1], $0[2])
        }
        try expectClean([batch, try tensor((0..<12).map { Double($0) * 0.1 }, [4, 3])]) { try D.linear($0[0], $0[1], nil) }
    }

    @Test func views() throws {
        let c = try tensor((0..<24).map { Double($0) * 0.1 }, [2, 3, 4])
        try expectClean([a]) { try D.view($0[0], [3, 2]) }
        try expectClean([a]) { try D.reshape(try D.t($0[0]), [6]) }
        try expectClean([c]) { try D.flatten($0[0], start: 1) }
        try expectClean([row]) { try D.expand($0[0], [2, 3]) }
        try expectClean([c]) { try D.transpose($0[0], 0, 2) }
        try expectClean([c]) { try D.permute($0[0], [2, 0, 1]) }
        try expectClean([c]) { try D.reversedDims($0[0]) }
        try expectClean([a]) { try D.unsqueeze($0[0], 1) }
        try expectClean([a]) { try D.squeeze(try D.unsqueeze($0[0], 0)) }
        try expectClean([a]) { try D.squeeze(try D.unsqueeze($0[0], 2), dim: 2) }
        try expectClean([c]) { try D.select($0[0], 1, -1) }
        try expectClean([c]) { try D.slice($0[0], 2, start: 1, end: nil, step: 2) }
        try expectClean([c]) { try D.narrow($0[0], 0, start: 1, length: 1) }
        try expectClean([a]) { try D.diagonal($0[0]) }
        try expectClean([c]) { try D.movedim($0[0], 0, 2) }
        try expectClean([a]) { try D.unflatten($0[0], 1, [3, 1]) }
        try expectClean([a]) { try D.contiguous(try D.t($0[0])) }
        try expectClean([a]) { try D.clone(try D.to($0[0], .float64, copy: true)) }
    }

    @Test func indexing() throws {
        let c = try tensor((0..<24).map { Double($0) * 0.1 }, [2, 3, 4])
        let rows = try Tensor(values: [Int64(1), 0, 1], shape: [3])
        try expectClean([c]) { try D.getItem($0[0], [.int(1), .slice(start: nil, stop: nil, step: 2), .newAxis]) }
        try expectClean([c]) { try D.getItem($0[0], [.tensor(rows)]) }
        try expectClean([c]) { try D.getItem($0[0], [.slice(start: nil, stop: nil, step: nil), .tensor(rows), .int(2)]) }
        try expectClean([a]) { try D.getItem($0[0], [.tensor(try a.gt(.int(0)))]) }
        try expectClean([a]) { try D.maskedFill($0[0], try a.gt(.int(0)), .float(2)) }
        try expectClean([a, try scalar(3)]) { try D.maskedFill($0[0], try a.gt(.int(0)), $0[1]) }
        try expectClean([a]) { try D.maskedSelect($0[0], try a.lt(.int(1))) }
        try expectClean([a, row]) { try D.where(try a.gt(.int(0)), $0[0], $0[1]) }
        try expectClean([a]) { try D.where(try a.gt(.int(0)), $0[0], .float(0.5)) }
        try expectClean([a, row]) { try D.indexPut($0[0], [rows.narrow(0, start: 0, length: 2)], $0[1]) }
        try expectClean([a, row]) { try D.indexPut($0[0], [rows.narrow(0, start: 0, length: 2)], $0[1], accumulate: true) }
    }

    @Test func setItemAndInPlace() throws {
        try expectClean([a, row]) { x in
            let y = try D.mul(x[0], .int(2))
            try D.setItem(y, [.int(1)], x[1])
            return y
        }
        try expectClean([a]) { x in
            let y = try D.mul(x[0], .int(2))
            try D.setItem(y, [.slice(start: 1, stop: nil, step: nil)], .float(5))
            return y
        }
        try expectClean([a, b]) { x in
            let y = try D.mul(x[0], .int(1))
            try D.mul_(y, x[1])
            try D.add_(y, x[1], alpha: .int(2))
            try D.sub_(y, .int(1))
            try D.div_(y, x[1])
            try D.tanh_(y)
            return y
        }
        try expectClean([a]) { x in
            // Ops that save their result must come last: a later in-place op would
            // (rightly) invalidate what they saved.
            let y = try D.add(x[0], .int(2))
            try D.pow_(y, .int(2))
            try D.log_(y)
            try D.clamp_(y, min: .float(-1), max: .float(1.5))
            try D.abs_(y)
            try D.exp_(y)
            return y
        }
        try expectClean([a, row]) { x in
            let y = try Tensor.zeros([2, 3], dtype: .float64)
            try D.copy_(y, x[1])
            try D.add_(y, x[0])
            return y
        }
    }

    @Test func joining() throws {
        try expectClean([a, b]) { try D.cat([$0[0], $0[1]], dim: 1) }
        try expectClean([a, b]) { try D.stack([$0[0], $0[1]], dim: 2) }
        try expectClean([a]) { x in
            let parts = try D.split(x[0], size: 2, dim: 1)
            return try D.add(try D.mul(parts[0], .int(2)), try D.sum(parts[1]))
        }
        try expectClean([a]) { x in try D.chunk(x[0], 2, dim: 0)[1] }
        try expectClean([a]) { x in
            let parts = try D.split(x[0], sizes: [1, 2], dim: 1)
            return try D.sum(parts[1], dims: [1])
        }
        try expectClean([a]) { x in try D.unbind(x[0], dim: 1)[2] }
    }

    @Test func losses() throws {
        let target = try Tensor(values: [Int64(2), 0], shape: [2])
        let weights = try tensor([0.2, 1.0, 3.0])
        let labels = try tensor([1, 0, 1, 0, 0, 1], [2, 3])
        try expectClean([a]) { try D.nllLoss(try D.logSoftmax($0[0], dim: 1), target) }
        try expectClean([a]) { try D.nllLoss($0[0], target, weight: weights) }
        try expectClean([a]) { try D.nllLoss($0[0], target, reduction: .none) }
        try expectClean([a]) { try D.nllLoss($0[0], target, reduction: .sum, ignoreIndex: 0) }
        try expectClean([row]) { try D.nllLoss($0[0], try Tensor(values: [Int64(1)], shape: [])) }
        try expectClean([a, b]) { try D.mseLoss($0[0], $0[1]) }
        try expectClean([a, b]) { try D.mseLoss($0[0], $0[1], reduction: .none) }
        try expectClean([a, labels]) { try D.binaryCrossEntropyWithLogits($0[0], $0[1]) }
        try expectClean([a, labels]) {
            try D.binaryCrossEntropyWithLogits($0[0], $0[1], weight: row, posWeight: try tensor([2, 0.5, 1]), reduction: .sum)
        }
        try expectClean([try D.sigmoid(a).detach(), labels]) { try D.binaryCrossEntropy($0[0], $0[1]) }
    }
}

extension Array where Element == Tensor {
    /// Test shorthand: `x[0]` inside closures means the first input.
    subscript(safe i: Int) -> Tensor { self[i] }
}

@Suite struct ConversionGradientTests {
    @Test func gradientOfDtypeConversionComesBackInTheInputDtype() throws {
        let x = try tensor([1, 2], requiresGrad: true)
        let y = try D.to(x, .float64)
        #expect(y.gradFn?.name == "ToCopyBackward0")
        try D.sum(try D.mul(y, y)).backward()
        #expect(x.grad?.dtype == .float32)
        #expect(try show(x.grad) == "tensor([2., 4.])")
        #expect(try D.to(x, .float32) === x)
    }
}
