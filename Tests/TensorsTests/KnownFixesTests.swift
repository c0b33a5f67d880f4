import Testing
@testable import Tensors

/// Small exact checks of the fourteenth session's fixes (the capability script
/// `known-fixes.py` compares them with PyTorch at scale).
@Suite struct KnownFixesTests {
    /// addmm_impl_cpu_ + normalize_last_dims for a (1, k)·(k, 1) product: a contiguous row
    /// reads transposed (lda = k), a contiguous column transposed (ldb = its first stride);
    /// `b.t().mm(a.t())` of contiguous vectors keeps both untransposed (lda 1, ldb k).
    @Test func dotShapedProductsTakeATensFlags() {
        let k = 27
        let rowByColumn = MKLProducts.dotShapedFlags(k: k, k, 1, 1, 1)
        #expect(rowByColumn?.aTransposed == true && rowByColumn?.lda == k)
        #expect(rowByColumn?.bTransposed == true && rowByColumn?.ldb == 1)
        let transposedViews = MKLProducts.dotShapedFlags(k: k, 1, 1, 1, k)
        #expect(transposedViews?.aTransposed == false && transposedViews?.lda == 1)
        #expect(transposedViews?.bTransposed == false && transposedViews?.ldb == k)
        // A row with a stride other than 1 in both dims is copied by ATen first.
        #expect(MKLProducts.dotShapedFlags(k: k, 2 * k, 2, 1, 1) == nil)
    }

    /// rsqrt(bfloat16(1.0078125)): the vector lanes round 1/sqrt once (0.99609375); the
    /// scalar lambda rounds sqrt to 1.0 first, so the tail element is 1.
    @Test func reducedRsqrtRoundsTheRootInTheTail() throws {
        let lanes = try tensor([Double](repeating: 1.0078125, count: 33), dtype: .bfloat16).unary(.rsqrt).elementsAsDouble()
        #expect(lanes.prefix(32).allSatisfy { $0 == 0.99609375 })
        #expect(lanes[32] == 1)
    }

    /// float16 × a 0-dim float64 multiplies by the float value, not by its float16 rounding.
    @Test func halfTimesOneElementTensorReadsItAsFloat() throws {
        let x = try tensor([-3.30078125], dtype: .float16)
        let s = try Tensor.full([], .float(33.41767), dtype: .float64)
        #expect(try x.binary(.mul, s).elementsAsDouble() == [-110.3125])
        #expect(try x.binary(.mul, try s.to(.float16)).elementsAsDouble() == [-110.25])
    }
}
