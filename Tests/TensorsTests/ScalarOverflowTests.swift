import Testing
@testable import Tensors

/// c10's checked_convert as PyTorch 2.15 applies it to `x[i] = v` (Tests/CLITests/
/// CapabilityScripts/index-fuzz.py covers the Python side); expected names from PyTorch.
@Suite struct ScalarOverflowTests {
    func name(_ v: Scalar, _ d: DType) -> String? { v.overflowTypeName(d) }

    @Test func integerTargets() {
        #expect(name(.int(300), .uint8) == "uint8_t")
        #expect(name(.int(-129), .uint8) == nil)          // wraps to 127
        #expect(name(.int(-256), .uint8) == "uint8_t")
        #expect(name(.float(-0.5), .uint8) == "uint8_t")   // a double is range-checked as is
        #expect(name(.int(-129), .int8) == "int8_t")
        #expect(name(.int(1 << 40), .int32) == "int")
        #expect(name(.float(70000), .int32) == nil)
        #expect(name(.float(.nan), .int64) == "int64_t")
        #expect(name(.float(.infinity), .int16) == "int16_t")
        #expect(name(.complex(1, 0), .int64) == nil)
        #expect(name(.complex(1, 2), .int64) == "int64_t")
    }

    @Test func floatingTargets() {
        #expect(name(.float(1e40), .float32) == "float")
        #expect(name(.float(.infinity), .float32) == nil)
        #expect(name(.float(1e40), .float16) == nil)       // via double: becomes inf
        #expect(name(.complex(0, 2), .float16) == "double")
        #expect(name(.complex(0, 2), .bfloat16) == "double")
        #expect(name(.float(1e40), .complex64) == "c10::complex<float>")
        #expect(name(.float(1e40), .complex128) == nil)
        #expect(name(.complex(0, 2), .bool) == nil)
    }

    @Test func thrownMessage() {
        #expect(throws: TensorError.runtime("value cannot be converted to type uint8_t without overflow")) {
            try Scalar.int(300).checkFits(.uint8)
        }
    }

    @Test func complexNonzeroCountsTheImaginaryPart() throws {
        let re = try Tensor(values: [0.0, 1.0, 0.0, -0.0], shape: [4], dtype: .float64)
        let im = try Tensor(values: [-0.0, 0.0, 2.0, 0.0], shape: [4], dtype: .float64)
        let z = try Tensor.complex(real: re, imag: im)
        #expect(try z.nonzero().elementsAsInt64() == [1, 2])
    }
}
