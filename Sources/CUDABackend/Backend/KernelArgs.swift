import Tensors

/// The argument block every generated kernel takes by value (`GBArgs` in KernelPrelude):
/// 69 eight-byte slots, packed here in the same order.
struct KernelArgs {
    static let slotCount = 69
    private(set) var slots = [Int64](repeating: 0, count: slotCount)

    private enum Slot {
        static let n = 0, rank = 1, sizes = 2, strides = 10, pointers = 42, scalars = 46
        static let rrank = 50, rsizes = 51, rstrides = 59, rn = 67, parts = 68
    }

    var count: Int {
        get { Int(slots[Slot.n]) }
        set { slots[Slot.n] = Int64(newValue) }
    }

    /// The iteration shape and each operand's element strides in it (operand 0 first).
    mutating func setShape(_ sizes: [Int], strides: [[Int]]) {
        precondition(sizes.count <= KernelPrelude.maxRank && strides.count <= KernelPrelude.operandCount)
        slots[Slot.rank] = Int64(sizes.count)
        for (d, s) in sizes.enumerated() { slots[Slot.sizes + d] = Int64(s) }
        for (k, operand) in strides.enumerated() {
            for (d, s) in operand.enumerated() { slots[Slot.strides + k * KernelPrelude.maxRank + d] = Int64(s) }
        }
    }

    mutating func setPointer(_ k: Int, _ address: UInt64) { slots[Slot.pointers + k] = Int64(bitPattern: address) }
    mutating func setScalar(_ k: Int, _ bits: Int64) { slots[Slot.scalars + k] = bits }

    mutating func setReduced(_ sizes: [Int], strides: [Int], parts: Int) {
        precondition(sizes.count <= KernelPrelude.maxRank)
        slots[Slot.rrank] = Int64(sizes.count)
        for (d, s) in sizes.enumerated() { slots[Slot.rsizes + d] = Int64(s) }
        for (d, s) in strides.enumerated() { slots[Slot.rstrides + d] = Int64(s) }
        slots[Slot.rn] = Int64(sizes.reduce(1, *))
        slots[Slot.parts] = Int64(parts)
    }
}

/// Shrinks an iteration space without changing which elements meet: drops size-1 dims and
/// merges neighbours that every operand walks as one run (so contiguous tensors become
/// rank 1 and kernels spend less time on index arithmetic).
enum DimCoalescing {
    static func coalesce(_ sizes: [Int], _ strides: [[Int]]) -> (sizes: [Int], strides: [[Int]]) {
        var outSizes: [Int] = []
        var outStrides = [[Int]](repeating: [], count: strides.count)
        for d in 0..<sizes.count where sizes[d] != 1 {
            if let last = outSizes.indices.last,
               strides.indices.allSatisfy({ outStrides[$0][last] == strides[$0][d] * sizes[d] }) {
                outSizes[last] *= sizes[d]
                for k in strides.indices { outStrides[k][last] = strides[k][d] }
            } else {
                outSizes.append(sizes[d])
                for k in strides.indices { outStrides[k].append(strides[k][d]) }
            }
        }
        return (outSizes, outStrides)
    }
}
