import Testing
@testable import Tensors

/// `topk`, `kthvalue` and `median(dim)` report the indices of tied keys (NaN, -0.0/+0.0,
/// repeated values) that PyTorch 2.15's CPU kernels leave: TopKImpl.h's libstdc++
/// `partial_sort` (k·64 ≤ n) or `nth_element` + `sort` of the first k-1, Sorting.cpp's
/// `quick_select_template` for kthvalue, median's (value, index) order with NaN first.
/// Expected outputs were printed by real PyTorch 2.15 for the inputs below.
@Suite struct TopKSelectionTests {
    static let n = Double.nan
    static let x: [Double] = [n, -0.0, 1, 1, 1, 2, -0.0, n, 2, 1, 1, -0.0, 2, 1, n, 2, -0.0, 1, 2, 2, 1, -0.0, 0, 0, 1, 2, -0.0, 1, n, 1, 2, -0.0, 0, 1, 0, n, -0.0]

    static func signs(_ t: Tensor) throws -> [String] {
        try t.elementsAsDouble().map { $0.isNaN ? "nan" : ($0 == 0 && $0.sign == .minus ? "-0" : String($0)) }
    }

    @Test func topkNthElementPath() throws {
        let t = try tensor(Self.x, dtype: .float32)
        let big = try t.topk(9)
        #expect(try big.indices.elementsAsInt64() == [14, 28, 7, 35, 0, 18, 12, 15, 5])
        let small = try t.topk(9, largest: false)
        #expect(try small.indices.elementsAsInt64() == [26, 11, 16, 21, 22, 23, 32, 36, 34])
        #expect(try Self.signs(small.values) == ["-0", "-0", "-0", "-0", "0.0", "0.0", "0.0", "-0", "0.0"])
        // sorted=False skips the sort of the first k-1 that nth_element left.
        #expect(try t.topk(9, sorted: false).indices.elementsAsInt64() == [14, 28, 7, 35, 18, 0, 12, 15, 5])
        #expect(try t.topk(30, largest: false, sorted: false).indices.elementsAsInt64() == [1, 36, 34, 32, 31, 26, 23, 22, 21, 16, 11, 12, 10, 13, 2, 33, 9, 17, 3, 4, 20, 30, 29, 6, 24, 27, 18, 19, 25, 15])
    }

    /// k·64 ≤ n: std::partial_sort (heap select, then sort_heap).
    @Test func topkPartialSortPath() throws {
        let y = try itensor((0..<200).map { Int64($0 * 7919 % 1009 % 3) }, dtype: .int64)
        #expect(try y.topk(3).indices.elementsAsInt64() == [9, 8, 7])
        #expect(try y.topk(3, largest: false).indices.elementsAsInt64() == [15, 14, 0])
    }

    @Test func kthvalueQuickSelect() throws {
        let t = try tensor(Self.x, dtype: .float32)
        let got = try [1, 10, 19, 37].map { k in try t.kthvalue(k).indices.item().int64Value }
        #expect(got == [22, 34, 24, 0])
        #expect(try Self.signs(t.kthvalue(1).values) == ["0.0"])
    }

    @Test func medianAlongDim() throws {
        let noNaN = Self.x.map { $0.isNaN ? 1 : $0 }
        let r = try tensor(noNaN, dtype: .float32).medianAlong(0)
        #expect(try r.indices.item().int64Value == 10)
        // With NaN present the first NaN is the median.
        #expect(try tensor(Self.x, dtype: .float32).medianAlong(0).indices.item().int64Value == 0)
    }
}
