import Autograd
import Tensors
import Testing

/// grad_fn names and next_functions as PyTorch 2.15 shows them.
@Suite struct NodeNameTests {
    let m = try! tensor([0.5, -1, 2, 3, -0.5, 1], [2, 3], requiresGrad: true)
    let v = try! tensor([1, 2, 3], requiresGrad: true)

    func names(_ t: Tensor) -> [String?] { t.gradFn.map(names) ?? [] }
    func names(_ n: Node) -> [String?] { n.nextFunctions.map { $0.node?.name } }

    @Test func namesOfCommonOps() throws {
        let c = try tensor((0..<24).map(Double.init), [2, 3, 4], requiresGrad: true)
        let cases: [(Tensor, String)] = [
            (try D.reshape(m, [6]), "ViewBackward0"), (try D.reshape(try D.t(m), [6]), "UnsafeViewBackward0"),
            (try D.flatten(c), "ViewBackward0"), (try D.expand(v, [2, 3]), "ExpandBackward0"),
            (try D.squeeze(try D.unsqueeze(m, 0)), "SqueezeBackward0"), (try D.squeeze(try D.unsqueeze(m, 0), dim: 0), "SqueezeBackward1"),
            (try D.squeeze(try D.unsqueeze(m, 0), dims: [0]), "SqueezeBackward2"), (try D.unsqueeze(m, 1), "UnsqueezeBackward0"),
            (try D.narrow(m, 1, start: 0, length: 2), "SliceBackward0"), (try D.getItem(m, [.int(0)]), "SelectBackward0"),
            (try D.getItem(m, [.ellipsis]), "AliasBackward0"), (try D.reversedDims(m), "PermuteBackward0"), (try D.t(m), "TBackward0"),
            (try D.matrixTranspose(c), "TransposeBackward0"), (try D.getItem(m, [.tensor(try Tensor(values: [Int64(0), 1], shape: [2]))]), "IndexBackward0"),
            (try D.getItem(m, [.tensor(try m.gt(.int(0)))]), "IndexBackward0"),
            (try D.cat([m, m]), "CatBackward0"), (try D.stack([m, m]), "StackBackward0"),
            (try D.split(m, size: 1)[0], "SplitBackward0"), (try D.chunk(m, 2)[1], "SplitBackward0"), (try D.unbind(m)[0], "UnbindBackward0"),
            (try D.softmax(m, dim: 1), "SoftmaxBackward0"), (try D.logSoftmax(m, dim: 1), "LogSoftmaxBackward0"),
            (try D.clamp(m, min: .int(0), max: .int(1)), "ClampBackward1"), (try D.clamp(m, min: .int(0), max: nil), "ClampBackward1"),
            (try D.clamp(m, min: try Tensor.zeros([3]), max: nil), "ClampBackward0"),
            (try D.where(try m.gt(.int(0)), m, .float(0)), "WhereBackward0"), (try D.maskedFill(m, try m.gt(.int(0)), .float(0)), "MaskedFillBackward0"),
            (try D.pow(m, v), "PowBackward1"), (try D.pow(.int(2), m), "PowBackward2"), (try D.pow(m, .int(2)), "PowBackward0"),
            (try D.square(m), "PowBackward0"), (try D.rdiv(m, .int(2)), "MulBackward0"), (try D.rsub(m, .int(1)), "RsubBackward1"),
            (try D.rsub(m, v), "RsubBackward0"), (try D.to(m, .float64), "ToCopyBackward0"), (try D.clone(m), "CloneBackward0"),
            (try D.contiguous(try D.t(m)), "CloneBackward0"), (try D.max(m), "MaxBackward1"), (try D.min(m, dim: 1).values, "MinBackward0"),
            (try D.amax(m, dims: [1]), "AmaxBackward0"), (try D.std(m), "StdBackward0"), (try D.variance(m, dims: [1]), "VarBackward0"),
            (try D.norm(m), "LinalgVectorNormBackward0"), (try D.logsumexp(m, dims: [1]), "LogsumexpBackward0"),
            (try D.cumsum(m, dim: 1), "CumsumBackward0"), (try D.prod(m), "ProdBackward0"), (try D.prod(m, dim: 1), "ProdBackward1"),
            (try D.sum(m, dims: [1], keepdim: true), "SumBackward1"), (try D.mean(m, dims: [0, 1]), "MeanBackward1"),
            (try D.outer(v, v), "MulBackward0"), (try D.bmm(c, try D.matrixTranspose(c)), "BmmBackward0"),
            (try D.nllLoss(try D.logSoftmax(m, dim: 1), try Tensor(values: [Int64(0), 1], shape: [2])), "NllLossBackward0"),
            (try D.mseLoss(m, try Tensor.zeros([2, 3])), "MseLossBackward0"),
            (try D.binaryCrossEntropyWithLogits(m, try Tensor.zeros([2, 3])), "BinaryCrossEntropyWithLogitsBackward0"),
            (try D.binaryCrossEntropy(try D.sigmoid(m), try Tensor.zeros([2, 3])), "BinaryCrossEntropyBackward0"),
            (try D.trace(try D.mm(m, try D.t(m))), "TraceBackward0"), (try D.maximum(m, v), "MaximumBackward0"),
            (try D.unary(m, .square), "PowBackward0"), (try D.log1p(try D.abs(m)), "Log1PBackward0"),
        ]
        for (t, name) in cases {
            #expect(t.gradFn?.name == name)
        }
    }

    @Test func numbersCountAsInputsWithoutHistory() throws {
        #expect(names(try D.mul(v, .int(2))) == ["torch::autograd::AccumulateGrad", nil])
        #expect(names(try D.add(v, .int(1))) == ["torch::autograd::AccumulateGrad", nil])
        #expect(names(try D.rsub(v, .int(2))) == ["torch::autograd::AccumulateGrad"])
        #expect(names(try D.pow(v, .int(2))) == ["torch::autograd::AccumulateGrad"])
        #expect(names(try D.where(try v.gt(.int(1)), .float(1), v)) == [nil, "torch::autograd::AccumulateGrad"])
        #expect(names(try D.cat([m, m.detach(), m])) == ["torch::autograd::AccumulateGrad", nil, "torch::autograd::AccumulateGrad"])
    }

    @Test func accumulateGradIsSharedAndPointsAtTheLeaf() throws {
        let r = try D.div(v, v)
        let edges = r.gradFn!.nextFunctions
        #expect(edges[0].node === edges[1].node)
        #expect(edges[0].node?.variable === v)
        #expect(edges[0].node?.typeName == "AccumulateGrad")
        #expect(r.gradFn?.typeName == "DivBackward0")
    }

    @Test func matmulShapesRecordPyTorchsGraph() throws {
        let c = try tensor((0..<12).map(Double.init), [2, 2, 3])
        let c4 = try tensor((0..<24).map(Double.init), [2, 3, 4])
        let oneByTwo = try D.matmul(v, try D.t(m))
        #expect(oneByTwo.gradFn?.name == "SqueezeBackward4")
        #expect(names(oneByTwo) == ["MmBackward0"])
        #expect(try D.matmul(m, v).gradFn?.name == "MvBackward0")
        #expect(try D.matmul(v, v).gradFn?.name == "DotBackward0")
        #expect(try D.matmul(m, try D.t(m)).gradFn?.name == "MmBackward0")
        #expect(try D.matmul(c, try D.t(m)).gradFn?.name == "UnsafeViewBackward0")
        let twoByThree = try D.matmul(try D.t(m), c)
        #expect(twoByThree.gradFn?.name == "CloneBackward0")
        #expect(names(twoByThree) == ["TransposeBackward0"])
        #expect(try D.matmul(v, c4).gradFn?.name == "UnsafeViewBackward0")
        #expect(names(try D.matmul(v, try tensor((0..<12).map(Double.init), [3, 4]))) == ["MmBackward0"])
    }

    @Test func linearRecordsAddmmOrFoldedView() throws {
        let w = try tensor((0..<12).map(Double.init), [4, 3]), bias = try tensor([1, 2, 3, 4])
        let x2 = try tensor((0..<6).map(Double.init), [2, 3], requiresGrad: true)
        #expect(try D.linear(x2, w, bias).gradFn?.name == "AddmmBackward0")
        let one = try D.linear(v, w, bias)
        #expect(one.gradFn?.name == "UnsafeViewBackward0")
        #expect(names(one) == ["AddmmBackward0"])
        #expect(one.gradFn?.nextFunctions[0].node.map(names) == [nil, "ViewBackward0", nil])
        #expect(try D.linear(x2, w, nil).gradFn?.name == "MmBackward0")
    }

    @Test func inPlaceOpsRebaseHistory() throws {
        let cases: [(String, (Tensor) throws -> Void, [String?])] = [
            ("AddBackward0", { try D.add_($0, .int(1)) }, ["MulBackward0", nil]),
            ("SubBackward0", { try D.sub_($0, .int(1)) }, ["MulBackward0", nil]),
            ("MulBackward0", { try D.mul_($0, .int(2)) }, ["MulBackward0", nil]),
            ("DivBackward0", { try D.div_($0, .int(2)) }, ["MulBackward0", nil]),
            ("PowBackward0", { try D.pow_($0, .int(2)) }, ["MulBackward0"]),
            ("ClampBackward1", { try D.clamp_($0, min: .int(0), max: .int(1)) }, ["MulBackward0"]),
            ("ReluBackward0", { try D.relu_($0) }, ["MulBackward0"]),
            ("SigmoidBackward0", { try D.sigmoid_($0) }, ["MulBackward0"]),
            ("ZeroBackward0", { try D.zero_($0) }, ["MulBackward0"]),
            ("FillBackward2", { try D.fill_($0, .int(1)) }, ["MulBackward0"]),
            ("torch::autograd::CopyBackwards", { try D.copy_($0, self.v) }, ["MulBackward0", "torch::autograd::AccumulateGrad"]),
            ("MaskedFillBackward0", { try D.maskedFill_($0, try $0.gt(.int(0)), .float(0)) }, ["MulBackward0"]),
            ("MulBackward0", { try D.mul_($0, self.v) }, ["MulBackward0", "torch::autograd::AccumulateGrad"]),
            ("AddBackward0", { try D.add_($0, self.v, alpha: .int(2)) }, ["MulBackward0", "torch::autograd::AccumulateGrad"]),
        ]
        for (name, op, next) in cases {
            let y = try D.mul(m, .int(1))
            try op(y)
            #expect(y.gradFn?.name == name)
            #expect(names(y) == next, "\(name)")
        }
    }

    @Test func setItemRecordsCopySlicesOrMaskedFill() throws {
        let z = try D.mul(m, .int(1))
        try D.setItem(z, [.int(0)], .float(5))
        #expect(z.gradFn?.name == "torch::autograd::CopySlices" && names(z) == ["MulBackward0"])
        let masked = try D.mul(m, .int(1))
        try D.setItem(masked, [.tensor(try masked.gt(.int(0)))], .float(0))
        #expect(masked.gradFn?.name == "MaskedFillBackward0")
        let plain = try Tensor.zeros([2, 3])
        try D.setItem(plain, [.int(0)], v)
        #expect(plain.gradFn?.name == "torch::autograd::CopySlices")
        #expect(names(plain) == [nil, "torch::autograd::AccumulateGrad"])
        #expect(plain.requiresGrad && !plain.isLeaf)
    }
}
