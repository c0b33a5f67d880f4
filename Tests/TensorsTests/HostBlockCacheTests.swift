import Testing
@testable import Tensors

/// The CPU backend's cache of large freed blocks: a temporary's memory is handed to the
/// next tensor of the same size, and the memory budget still counts live tensors only.
@Suite struct HostBlockCacheTests {
    // An odd size that no other test allocates, so that concurrent tests cannot take the
    // block in between.
    static let elements = 308_641

    @Test func aFreedLargeBlockIsReusedForTheSameSize() throws {
        #expect(HostBlockCache.capacityBytes > 0)
        var first: UnsafeMutableRawPointer?
        do {
            let t = try Tensor(empty: [Self.elements], dtype: .float32)
            first = t.storage.data
        }
        let again = try Tensor(empty: [Self.elements], dtype: .float32)
        #expect(again.storage.data == first)
    }

    @Test func smallBlocksAndOtherSizesAreNotServedFromTheCache() throws {
        #expect(HostBlockCache.take(HostBlockCache.minimumBytes - 1) == nil)
        #expect(HostBlockCache.take(Self.elements * 4 + 3) == nil)
        let small = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
        #expect(!HostBlockCache.keep(small, 64))
        small.deallocate()
    }

    @Test func theBudgetCountsLiveTensorsNotCachedBlocks() throws {
        let budget = MemoryBudget(limit: 8 << 20)
        try MemoryBudget.$current.withValue(budget) {
            for _ in 0..<20 {
                // 4 MB each: twenty in a row fit an 8 MB budget because each is freed.
                let t = try Tensor(empty: [1 << 20], dtype: .float32)
                #expect(budget.used == 4 << 20)
                _ = t
            }
            #expect(budget.used == 0)
        }
    }
}
