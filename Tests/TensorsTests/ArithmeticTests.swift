import Testing
@testable import Tensors

@Suite struct ArithmeticTests {
    @Test func broadcastingAdd() throws {
        let m = try tensor([1, 2], [2, 1])
        let a = try tensor([1, 2, 3])
        let r = try m.add(a)
        #expect(r.sizes == [2, 3])
        #expect(try r.elementsAsDouble() == [2, 3, 4, 3, 4, 5])
    }

    @Test func promotionRules() throws {
        let i = try itensor([1, 2, 3])
        #expect(try i.add(.int(1)).dtype == .int64)
        #expect(try i.mul(.float(2.5)).dtype == .float32)
        #expect(try i.div(.int(2)).dtype == .float32)
        #expect(try i.div(.int(2)).elementsAsDouble() == [0.5, 1, 1.5])
        #expect(try i.floorDivide(.int(2)).elementsAsInt64() == [0, 1, 1])
        #expect(try i.gt(.int(1)).dtype == .bool)
        let h = try tensor([1, 2], dtype: .float16)
        #expect(try h.add(.float(2.5)).dtype == .float16)
        let i8 = try itensor([1, 2], dtype: .int8)
        #expect(try i8.add(try Tensor(scalar: .int(1000))).dtype == .int8)   // 0-dim does not raise within category
        #expect(try i8.add(try Tensor(scalar: .float(1))).dtype == .float32)
        #expect(try tensor([1, 2]).add(try itensor([1, 2], dtype: .int8)).dtype == .float32)
        let d = try tensor([1], dtype: .float64)
        #expect(try tensor([1]).add(d).dtype == .float64)
        #expect(try Tensor(values: [true], shape: [1]).add(.int(1)).dtype == .int64)
    }

    @Test func pythonDivisionSemantics() throws {
        let a = try tensor([-7, 7, -7, 7])
        let b = try tensor([2, -2, -2, 2])
        #expect(try a.floorDivide(b).elementsAsDouble() == [-4, -4, 3, 3])
        #expect(try a.remainder(b).elementsAsDouble() == [1, -1, -1, 1])
        #expect(try a.div(b, roundingMode: .trunc).elementsAsDouble() == [-3, -3, 3, 3])
        let ia = try itensor([-7, 7, -7, 7]), ib = try itensor([2, -2, -2, 2])
        #expect(try ia.floorDivide(ib).elementsAsInt64() == [-4, -4, 3, 3])
        #expect(try ia.remainder(ib).elementsAsInt64() == [1, -1, -1, 1])
        #expect(errorText { try ia.floorDivide(.int(0)) } == "RuntimeError: ZeroDivisionError")
    }

    @Test func reflectedScalarOps() throws {
        let a = try tensor([1, 2, 3])
        #expect(try a.binary(.pow, .int(2), reflected: true).elementsAsDouble() == [2, 4, 8])
        #expect(try a.binary(.sub, .int(10), reflected: true).elementsAsDouble() == [9, 8, 7])
        #expect(try a.pow(.int(2)).elementsAsDouble() == [1, 4, 9])
        #expect(errorText { try itensor([1]).pow(.int(-1)) } == "RuntimeError: Integers to negative integer powers are not allowed.")
    }

    @Test func inPlaceOpsAndCastErrors() throws {
        let c = try Tensor.ones([2, 3])
        let v0 = c.version
        try c.binaryInPlace(.add, .int(1))
        try c.binaryInPlace(.mul, .int(3))
        #expect(try c.elementsAsDouble() == [6, 6, 6, 6, 6, 6])
        #expect(c.version == v0 + 2)
        #expect(errorText { try itensor([1, 2]).binaryInPlace(.add, .float(1.5)) } == "RuntimeError: result type Float can't be cast to the desired output type Long")
        #expect(errorText { try tensor([1, 2, 3]).binaryInPlace(.add, try Tensor.ones([2, 3])) } == "RuntimeError: output with shape [3] doesn't match the broadcast shape [2, 3]")
        let i = try itensor([1, 2])
        try i.binaryInPlace(.add, try itensor([5, 5], dtype: .int8))
        #expect(try i.elementsAsInt64() == [6, 7])
    }

    @Test func broadcastMismatchMessage() throws {
        #expect(errorText { try Tensor.ones([2, 3]).add(try Tensor.ones([3, 2])) } == "RuntimeError: The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1")
    }

    @Test func boolArithmeticErrors() throws {
        let b = try Tensor(values: [true, false], shape: [2])
        #expect(errorText { try b.sub(b) } == "NotImplementedError: Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
        #expect(errorText { try b.neg() } == "NotImplementedError: Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        #expect(errorText { try tensor([1]).bitwiseAnd(try tensor([1])) } == "NotImplementedError: \"bitwise_and_cpu\" not implemented for 'Float'")
        #expect(try b.logicalAnd(try Tensor(values: [true, true], shape: [2])).elementsAsBool() == [true, false])
    }

    @Test func comparisonsAndWhere() throws {
        let a = try tensor([1, 2, 3])
        let mask = try a.gt(.float(1.5))
        #expect(try mask.elementsAsBool() == [false, true, true])
        #expect(try Tensor.where(mask, a, try Tensor.zeros([3])).elementsAsDouble() == [0, 2, 3])
        #expect(try Tensor.where(mask, a, .int(-1)).elementsAsDouble() == [-1, 2, 3])
    }

    @Test func unaryMath() throws {
        let a = try tensor([-1.5, 0.5, 2.5])
        #expect(try a.round().elementsAsDouble() == [-2, 0, 2])
        #expect(try a.relu().elementsAsDouble() == [0, 0.5, 2.5])
        #expect(try a.abs().elementsAsDouble() == [1.5, 0.5, 2.5])
        #expect(try a.clamp(min: .float(0), max: .int(1)).elementsAsDouble() == [0, 0.5, 1])
        #expect(try itensor([1, 2]).exp().dtype == .float32)
        #expect(try itensor([-3, 2]).clamp(min: .int(0), max: nil).elementsAsInt64() == [0, 2])
        #expect(try itensor([-3, 2]).clamp(min: .float(0.5), max: nil).dtype == .float32)
        #expect(errorText { try itensor([1]).unaryInPlace(.exp) } == "RuntimeError: result type Float can't be cast to the desired output type Long")
        #expect(try tensor([0]).sigmoid().elementsAsDouble() == [0.5])
    }

    @Test func halfPrecisionRoundsPerOp() throws {
        let h = try tensor([1, 2049], dtype: .float16)
        #expect(try h.elementsAsDouble() == [1, 2048])   // 2049 is not representable
        let b = try tensor([1.00390625], dtype: .bfloat16) // halfway: rounds to even
        #expect(try b.elementsAsDouble() == [1])
        #expect(try h.add(.int(1)).elementsAsDouble() == [2, 2048])
    }
}

@Suite struct FusedAddTests {
    /// PyTorch 2.15 computes `a + alpha·b` as one fused multiply-add; multiplying first
    /// would give -0.16827845573425293 here.
    @Test func alphaIsFused() throws {
        let a = try tensor([0.30372199416160583]), b = try tensor([-1.573334813117981])
        #expect(try a.add(b, alpha: .float(0.3)).elementsAsFloat() == [-0.16827847063541412])
        let x = try a.clone()
        try x.add_(b, alpha: .float(0.3))
        #expect(try x.elementsAsFloat() == [-0.16827847063541412])
        #expect(try a.sub(b, alpha: .float(-0.3)).elementsAsFloat() == [-0.16827847063541412])
    }
}
