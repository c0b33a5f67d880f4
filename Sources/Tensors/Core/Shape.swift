/// Shape arithmetic shared by every op: strides, dimension wrapping, broadcasting.
public enum Shape {
    /// Largest element count a tensor may have; beyond this sizes are absurd and would
    /// overflow byte counts.
    public static let maxNumel = Int(1) << 56

    /// Product of sizes, refusing negative sizes and overflow.
    public static func checkedNumel(_ sizes: [Int]) throws(TensorError) -> Int {
        var n = 1
        for s in sizes {
            if s < 0 {
                throw .runtime("Trying to create tensor with negative dimension \(s): [\(sizes.map(String.init).joined(separator: ", "))]")
            }
            let (p, o) = n.multipliedReportingOverflow(by: s)
            if o || p > maxNumel { n = maxNumel; continue }
            n = p
        }
        return n
    }

    /// Row-major strides (size-1 dims get the stride they would have, as PyTorch does).
    /// Wraps instead of trapping: sizes reach here only after `checkedContiguousStrides`
    /// or from an existing tensor.
    @inline(__always)
    public static func contiguousStrides(_ sizes: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: sizes.count)
        var acc = 1
        var i = sizes.count - 1
        while i >= 0 {
            strides[i] = acc
            acc = acc &* max(sizes[i], 1)
            i -= 1
        }
        return strides
    }

    /// Row-major strides of a new tensor, with PyTorch's error when one overflows
    /// (`torch.zeros(0, 2**62, 2**62)`).
    public static func checkedContiguousStrides(_ sizes: [Int]) throws(TensorError) -> [Int] {
        var strides = [Int](repeating: 1, count: sizes.count)
        var acc = 1
        for i in sizes.indices.reversed() {
            strides[i] = acc
            let (p, o) = acc.multipliedReportingOverflow(by: max(sizes[i], 1))
            if o && i > 0 { throw .runtime("Stride calculation overflowed") }
            acc = p
        }
        return strides
    }

    /// Bytes of a new contiguous tensor, checked as PyTorch's `computeStorageNbytesContiguous`:
    /// unsigned 64-bit products, and a total past Int64.max is an overflow too.
    public static func contiguousByteCount(_ sizes: [Int], itemSize: Int) throws(TensorError) -> Int {
        for s in sizes where s < 0 {
            throw .runtime("Trying to create tensor with negative dimension \(s): [\(sizes.map(String.init).joined(separator: ", "))]")
        }
        var product: UInt64 = 1, overflowed = false
        for s in sizes {
            let (p, o) = product.multipliedReportingOverflow(by: UInt64(s))
            overflowed = overflowed || o
            product = p
        }
        let (bytes, o) = product.multipliedReportingOverflow(by: UInt64(itemSize))
        overflowed = overflowed || o || bytes > UInt64(Int.max)
        if overflowed {
            throw .runtime("Storage size calculation overflowed with sizes=[\(sizes.map(String.init).joined(separator: ", "))]")
        }
        return Int(bytes)
    }

    /// PyTorch's `is_contiguous`: dims of size 1 may have any stride.
    public static func isContiguous(sizes: [Int], strides: [Int]) -> Bool {
        var expected = 1
        var i = sizes.count - 1
        while i >= 0 {
            let s = sizes[i]
            if s == 0 { return true }
            if s != 1 {
                // An empty tensor is contiguous whatever its strides (a 0 further left).
                if strides[i] != expected { return sizes.contains(0) }
                expected *= s
            }
            i -= 1
        }
        return true
    }

    /// Turns a possibly negative dim into 0..<rank; a 0-dim tensor accepts -1 and 0.
    @inline(__always)
    public static func wrapDim(_ dim: Int, rank: Int) throws(TensorError) -> Int {
        let r = max(rank, 1)
        if dim < -r || dim >= r { throw .dimOutOfRange(dim: dim, min: -r, max: r - 1) }
        return dim < 0 ? dim + r : dim
    }

    /// Broadcast shape of two shapes, or PyTorch's size-mismatch error.
    public static func broadcast(_ a: [Int], _ b: [Int]) throws(TensorError) -> [Int] {
        if a == b { return a }
        let n = max(a.count, b.count)
        var out = [Int](repeating: 0, count: n)
        for i in (0..<n).reversed() {
            let da = i - (n - a.count), db = i - (n - b.count)
            let sa = da >= 0 ? a[da] : 1
            let sb = db >= 0 ? b[db] : 1
            if sa == sb || sb == 1 { out[i] = sa }
            else if sa == 1 { out[i] = sb }
            else { throw .broadcastMismatch(sizeA: sa, sizeB: sb, dim: i) }
        }
        return out
    }

    /// Formats a shape as PyTorch does inside messages: `[2, 3]`.
    public static func describe(_ sizes: [Int]) -> String {
        "[" + sizes.map(String.init).joined(separator: ", ") + "]"
    }
}
