import Testing
@testable import Tensors

/// The complex dtypes at the Tensors layer: names, sizes, PyTorch's promotion table, and
/// storage laid out as interleaved (real, imaginary) pairs that `view_as_real` shares.
@Suite struct ComplexDTypeTests {
    @Test func namesAndSizes() {
        #expect(DType(name: "cfloat") == .complex64 && DType(name: "cdouble") == .complex128)
        #expect(DType.complex64.scalarTypeName == "ComplexFloat" && DType.complex128.scalarTypeName == "ComplexDouble")
        #expect(DType.complex64.itemSize == 8 && DType.complex128.itemSize == 16)
        #expect(MemoryLayout<Complex64>.stride == 8 && MemoryLayout<Complex128>.stride == 16)
        #expect(!DType.complex64.isFloatingPoint && DType.complex64.isComplex)
    }

    @Test func promotionFollowsPyTorch() {
        #expect(DType.promote(.float32, .complex64) == .complex64)
        #expect(DType.promote(.float64, .complex64) == .complex128)
        #expect(DType.promote(.int64, .complex64) == .complex64)
        #expect(DType.promote(.bool, .complex128) == .complex128)
        #expect(DType.promote(.float16, .complex64) == .complex64)
        let f64 = try! Tensor.zeros([2], dtype: .float64)
        #expect(TypePromotion.resultType(f64, .complex(0, 1)) == .complex128)
        let f32 = try! Tensor.zeros([2])
        #expect(TypePromotion.resultType(f32, .complex(0, 1)) == .complex64)
        let i64 = try! Tensor.zeros([2], dtype: .int64)
        #expect(TypePromotion.resultType(i64, .complex(0, 1)) == .complex64)
    }

    @Test func storageIsInterleavedAndViewsShareIt() throws {
        let x = try Tensor(complexValues: [Complex128(re: 1, im: 2), Complex128(re: 3, im: -4)], shape: [2])
        let r = try x.viewAsReal()
        #expect(r.sizes == [2, 2] && r.strides == [2, 1] && r.dtype == .float32)
        #expect(try r.elementsAsDouble() == [1, 2, 3, -4])
        _ = try x.imagPart().fill_(.float(9))
        #expect(try x.scalars() == [.complex(1, 9), .complex(3, 9)])
        #expect(try r.viewAsComplex().sharesStorage(with: x))
    }

    @Test func printsAsPyTorch() throws {
        let x = try Tensor(complexValues: [Complex128(re: 0.5, im: 1.25), Complex128(re: -0.0, im: -2)], shape: [2])
        #expect(x.description == "tensor([0.5000+1.2500j, -0.0000-2.0000j])")
    }
}
