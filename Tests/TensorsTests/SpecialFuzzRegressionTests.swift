import Testing
@testable import Tensors

/// Exact values from PyTorch 2.15 (CPU, AVX2 and AVX-512 alike) for two fixes the
/// special-function fuzz (`special-fuzz.py`) found outside the special functions themselves.
@Suite struct SpecialFuzzRegressionTests {
    /// `x.to(torch.int32/int16/int8)` of out-of-range and NaN floats: GCC's 32-bit
    /// `cvttsd2si` gives Int32.min, which the narrower types truncate.
    @Test func floatToNarrowIntegerCastsAsCvttsd2si() throws {
        let x = try Tensor(values: [4294967553.0, 8589934599.0, -4294967553.0, 70000.0, -70001.0,
                                    2147483647.0, 2147483648.0, -2147483649.0, 1e10 + 3, .nan],
                           shape: [10], dtype: .float64)
        let m = Int64(Int32.min)
        #expect(try x.to(.int32).elements(as: Int64.self) == [m, m, m, 70000, -70001, 2147483647, m, m, m, m])
        #expect(try x.to(.int16).elements(as: Int64.self) == [0, 0, 0, 4464, -4465, -1, 0, 0, 0, 0])
        #expect(try x.to(.int8).elements(as: Int64.self) == [0, 0, 0, 112, -113, -1, 0, 0, 0, 0])
        #expect(try x.to(.int64).elements(as: Int64.self) == [4294967553, 8589934599, -4294967553, 70000, -70001,
                                                             2147483647, 2147483648, -2147483649, 10000000003, Int64.min])
    }

    /// `logit_backward` with eps over 42 float32 elements: elements 0–31 run in the kernel's
    /// vector lanes (a NaN x gets the fill, 0), the last 10 in its scalar loop (NaN).
    @Test func logitBackwardLanesAndTailDisagreeOnNaN() throws {
        let pattern: [Double] = [-3, -0.5, -0.0, 0, 1e-30, 0.3, 0.5, 0.9999, 1, 1.5, 7, .nan, .infinity, -1e-5]
        let x = try Tensor(values: pattern + pattern + pattern, shape: [42], dtype: .float32)
        let g = try Tensor(values: [Double](repeating: 1, count: 42), shape: [42], dtype: .float32)
        let eps = 1e-6
        let lo = Double(Float(eps)), hi = Double(1 - Float(eps))
        let r = try #require(try Tensor.logitBackwardKernel(g, x, eps: eps, lo: lo, hi: hi)).elementsAsDouble()
        #expect(r[11] == 0 && r[25] == 0 && r[39].isNaN)
        #expect(r[8] == 0 && r[36] == 0)  // x = 1 lies above hi = 1 − 1e-6 in float32
        let none = try #require(try Tensor.logitBackwardKernel(g, x, eps: nil, lo: 0, hi: 1)).elementsAsDouble()
        #expect(none[11].isNaN && none[39].isNaN && none[0].isNaN)
        #expect(none[8] == .infinity && none[36] == .infinity && none[2] == -.infinity)
    }
}
