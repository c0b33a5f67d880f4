import Testing
@testable import Tensors

/// PyTorch's conjugate and negative bits at the Tensors layer: a view with a bit shares
/// memory, resolves into a copy of the values it reads as, and stores writes back through
/// the bit (the conjugate of a value written to a conjugate view lands in the base).
@Suite struct MathBitsTests {
    private func base() throws -> Tensor {
        try Tensor(complexValues: [Complex128(re: 1, im: 2), Complex128(re: 3, im: -4)], shape: [2])
    }

    @Test func conjugateViewSharesMemoryAndResolvesIntoACopy() throws {
        let x = try base()
        let y = x.withMathBits(conj: true, neg: false)
        #expect(y.isConj && !y.isNeg && y.sharesStorage(with: x) && y.dataPointerAddress == x.dataPointerAddress)
        #expect(y.versionCounter === x.versionCounter)
        let r = try y.resolvedMathBits()
        #expect(!r.hasMathBits && !r.sharesStorage(with: x))
        #expect(try r.scalars() == [.complex(1, -2), .complex(3, 4)])
        #expect(try x.scalars() == [.complex(1, 2), .complex(3, -4)])
        #expect(try x.resolvedMathBits() === x)
    }

    @Test func writesStoreTheConjugate() throws {
        let x = try base()
        let y = x.withMathBits(conj: true, neg: false)
        let values = try Tensor(complexValues: [Complex128(re: 5, im: 6), Complex128(re: 7, im: 0)], shape: [2])
        try y.storeReading(values)
        #expect(try x.scalars() == [.complex(5, -6), .complex(7, 0)])
        // std::conj of a zero imaginary part is -0, as PyTorch's `y.zero_()` leaves `x` at 0.-0.j.
        #expect(try x.viewAsReal().elementsAsDouble()[3].sign == .minus)
        #expect(try y.resolvedMathBits().scalars() == [.complex(5, 6), .complex(7, 0)])
    }

    @Test func negativeBitNegatesAndRealTensorsNeverCarryTheConjugateBit() throws {
        let t = try Tensor(values: [1.0, -3.0], shape: [2], dtype: .float32)
        #expect(!t.withMathBits(conj: true, neg: false).isConj)
        let n = t.withMathBits(conj: false, neg: true)
        #expect(try n.resolvedMathBits().elementsAsDouble() == [-1, 3])
        try n.storeReading(try Tensor(values: [10.0, 20.0], shape: [2], dtype: .float32))
        #expect(try t.elementsAsDouble() == [-10, -20])
    }
}
