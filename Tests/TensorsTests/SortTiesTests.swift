import Testing
@testable import Tensors

/// `sort(stable: false)` puts tied keys where PyTorch 2.15's CPU kernel does. For every dtype
/// (int32/int64/float32/float64 too: the wheel is built without x86-simd-sort) that is
/// libstdc++'s `std::sort` (`LibstdcxxIntroSort`); the expected indices were printed by real
/// PyTorch 2.15 (`torch.manual_seed(0)`, then the inputs below, drawn in this order).
@Suite struct SortTiesTests {
    /// torch.randint(0, 3, (40,)).to(torch.int16).sort()[1]
    @Test func int16AscendingIntrosortTies() throws {
        let x = try itensor([2, 0, 2, 0, 1, 0, 1, 1, 1, 0, 2, 2, 0, 0, 1, 2, 0, 0, 2, 0, 2, 2, 2, 2, 2, 2, 1, 2, 0, 0, 1, 0, 2, 0, 1, 0, 1, 2, 2, 1], dtype: .int16)
        #expect(try x.sort().indices.elementsAsInt64() == [9, 19, 17, 16, 28, 13, 12, 29, 31, 33, 5, 35, 3, 1, 39, 30, 34, 26, 36, 4, 6, 7, 14, 8, 11, 0, 38, 37, 2, 32, 10, 18, 27, 15, 25, 24, 23, 22, 21, 20])
        // stable: ties in input order, as std::stable_sort leaves them.
        let stable = try x.sort(stable: true).indices.elementsAsInt64()
        #expect(Array(stable.prefix(4)) == [1, 3, 5, 9])
        #expect(try x.argsort().elementsAsInt64().prefix(3) == [9, 19, 17])
    }

    /// float16 with NaN and -0.0/+0.0 ties, descending (KeyValueCompDesc: NaN first).
    @Test func float16DescendingWithNaNAndSignedZeros() throws {
        let n = Double.nan
        let x = try tensor([n, -0.0, 1, 1, 1, 2, -0.0, n, 2, 1, 1, -0.0, 2, 1, n, 2, -0.0, 1, 2, 2, 1, -0.0, 0, 0, 1, 2, -0.0, 1, n, 1, 2, -0.0, 0, 1, 0, n, -0.0], dtype: .float16)
        #expect(try x.sort(descending: true).indices.elementsAsInt64() == [14, 28, 7, 35, 0, 5, 25, 30, 19, 18, 15, 12, 8, 20, 4, 27, 29, 3, 24, 2, 9, 17, 33, 10, 13, 34, 32, 31, 36, 26, 23, 22, 21, 16, 11, 6, 1])
    }

    @Test func boolIntrosort() throws {
        let bits: [Int64] = [0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0]
        let x = try itensor(bits).to(.bool)
        #expect(try x.sort().indices.elementsAsInt64() == [16, 32, 29, 28, 27, 25, 24, 22, 19, 18, 0, 15, 2, 3, 5, 12, 7, 1, 31, 30, 4, 26, 6, 23, 21, 20, 8, 9, 17, 10, 11, 14, 13])
    }

    /// Along dim 0 of a [21, 2] uint8 tensor: each strided column is sorted on its own.
    @Test func uint8StridedColumns() throws {
        let x = try itensor([2, 1, 2, 2, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 2, 0, 1, 0, 1, 0, 0, 0, 1, 0, 2, 1, 1, 0, 1], [21, 2], dtype: .uint8)
        #expect(try x.sort(dim: 0).indices.elementsAsInt64() == [20, 2, 18, 3, 17, 4, 5, 16, 16, 10, 15, 20, 14, 19, 10, 17, 19, 15, 11, 14, 9, 12, 8, 11, 7, 0, 6, 9, 4, 8, 3, 6, 2, 5, 0, 13, 12, 7, 13, 18, 1, 1])
    }

    /// The same keys as int64 (torch.randint's own dtype), both orders: std::sort, not a
    /// stable sort and not x86-simd-sort.
    @Test func int64IntrosortTiesBothOrders() throws {
        let x = try itensor([2, 0, 2, 0, 1, 0, 1, 1, 1, 0, 2, 2, 0, 0, 1, 2, 0, 0, 2, 0, 2, 2, 2, 2, 2, 2, 1, 2, 0, 0, 1, 0, 2, 0, 1, 0, 1, 2, 2, 1])
        #expect(try x.sort().indices.elementsAsInt64() == [9, 19, 17, 16, 28, 13, 12, 29, 31, 33, 5, 35, 3, 1, 39, 30, 34, 26, 36, 4, 6, 7, 14, 8, 11, 0, 38, 37, 2, 32, 10, 18, 27, 15, 25, 24, 23, 22, 21, 20])
        #expect(try x.sort(descending: true).indices.elementsAsInt64() == [10, 20, 21, 18, 22, 23, 15, 24, 25, 11, 27, 32, 37, 38, 2, 0, 39, 26, 30, 34, 36, 14, 4, 6, 8, 7, 1, 19, 3, 5, 35, 33, 31, 29, 28, 9, 12, 13, 16, 17])
    }

    /// float32 ascending (NaN last, -0.0 and +0.0 tied) and float64 descending with the
    /// float16 test's keys: PyTorch prints the same indices as for float16.
    @Test func float32AndFloat64WithNaNAndSignedZeros() throws {
        let n = Double.nan
        let keys = [n, -0.0, 1, 1, 1, 2, -0.0, n, 2, 1, 1, -0.0, 2, 1, n, 2, -0.0, 1, 2, 2, 1, -0.0, 0, 0, 1, 2, -0.0, 1, n, 1, 2, -0.0, 0, 1, 0, n, -0.0]
        #expect(try tensor(keys, dtype: .float32).sort().indices.elementsAsInt64() == [1, 36, 34, 32, 31, 26, 23, 22, 21, 16, 11, 6, 10, 13, 2, 33, 9, 17, 3, 4, 20, 29, 24, 27, 12, 30, 5, 25, 8, 19, 18, 15, 28, 7, 14, 35, 0])
        #expect(try tensor(keys, dtype: .float64).sort(descending: true).indices.elementsAsInt64() == [14, 28, 7, 35, 0, 5, 25, 30, 19, 18, 15, 12, 8, 20, 4, 27, 29, 3, 24, 2, 9, 17, 33, 10, 13, 34, 32, 31, 36, 26, 23, 22, 21, 16, 11, 6, 1])
    }

    /// int32 along dim 0 of the uint8 test's [21, 2] keys: the same indices.
    @Test func int32StridedColumns() throws {
        let x = try itensor([2, 1, 2, 2, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 2, 0, 1, 0, 1, 0, 0, 0, 1, 0, 2, 1, 1, 0, 1], [21, 2], dtype: .int32)
        #expect(try x.sort(dim: 0).indices.elementsAsInt64() == [20, 2, 18, 3, 17, 4, 5, 16, 16, 10, 15, 20, 14, 19, 10, 17, 19, 15, 11, 14, 9, 12, 8, 11, 7, 0, 6, 9, 4, 8, 3, 6, 2, 5, 0, 13, 12, 7, 13, 18, 1, 1])
    }

    /// ATen's choice of algorithm: stable where PyTorch's is (stable=True, stride 0, fbgemm's
    /// radix sort for 1-d ascending integers of at least 32768 elements), introsort otherwise.
    @Test func algorithmChoice() throws {
        let big = try Tensor.zeros([32768], dtype: .int16)
        #expect(SortAlgorithm(big, dim: 0, descending: false, stable: false) == .stable)
        #expect(SortAlgorithm(big, dim: 0, descending: true, stable: false) == .introsort)
        let small = try Tensor.zeros([32767], dtype: .int16)
        #expect(SortAlgorithm(small, dim: 0, descending: false, stable: false) == .introsort)
        #expect(SortAlgorithm(try big.to(.bool), dim: 0, descending: false, stable: false) == .introsort)
        for dtype in [DType.int32, .int64, .float32, .float64] {
            #expect(SortAlgorithm(try Tensor.zeros([40], dtype: dtype), dim: 0, descending: false, stable: false) == .introsort)
        }
        #expect(SortAlgorithm(try Tensor.zeros([32768], dtype: .int64), dim: 0, descending: false, stable: false) == .stable)
        #expect(SortAlgorithm(try Tensor.zeros([32768], dtype: .float32), dim: 0, descending: false, stable: false) == .introsort)
        let expanded = try Tensor.zeros([1], dtype: .int8).expand([40])
        #expect(SortAlgorithm(expanded, dim: 0, descending: false, stable: false) == .stable)
        #expect(try expanded.sort().indices.elementsAsInt64() == Array(0..<40))
        #expect(SortAlgorithm(try Tensor.zeros([40], dtype: .int8), dim: 0, descending: false, stable: true) == .stable)
    }
}
