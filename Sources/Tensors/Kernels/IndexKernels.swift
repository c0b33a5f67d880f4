/// Gathers `out[b, r...] = src[offsets[b] + r·restStrides]` for advanced indexing; `out`
/// is contiguous with shape B + rest.
struct IndexGatherKernel: ElementVisitor {
    let source: Tensor
    let restSizes: [Int]
    let restStrides: [Int]
    let offsets: [Int]
    let out: Tensor

    func visit<T: TensorElement>(_ t: T.Type) {
        let ps = source.storage.data.assumingMemoryBound(to: T.self)
        let po = out.pointer(T.self)
        let restCount = restSizes.reduce(1, *)
        if restSizes.isEmpty {
            for (b, off) in offsets.enumerated() { po[b] = ps[off] }
            return
        }
        let loop = StridedLoop(shape: restSizes, restStrides, Shape.contiguousStrides(restSizes))
        for (b, off) in offsets.enumerated() {
            let src = ps + off, dst = po + b * restCount
            loop.forEachRow { os, od, _, n, iS, iD, _ in
                for j in 0..<n { dst[od + j * iD] = src[os + j * iS] }
            }
        }
    }
}

/// Writes (or adds, when `accumulate`) `value[b, r...]` into `dest[offsets[b] + r·restStrides]`.
/// `valueOffsets[b]` and `valueRestStrides` locate the (broadcast) value.
struct IndexPutKernel: ElementVisitor {
    let dest: Tensor
    let restSizes: [Int]
    let restStrides: [Int]
    let offsets: [Int]
    let value: Tensor
    let valueOffsets: [Int]
    let valueRestStrides: [Int]
    let accumulate: Bool

    func visit<T: TensorElement>(_ t: T.Type) {
        let pd = dest.storage.data.assumingMemoryBound(to: T.self)
        let pv = value.storage.data.assumingMemoryBound(to: T.self)
        let isFloat = T.dtype.isFloatingPoint, isComplex = T.dtype.isComplex
        let acc = accumulate
        @inline(__always) func put(_ d: UnsafeMutablePointer<T>, _ v: T) {
            if !acc { d.pointee = v }
            else if T.dtype == .bool { d.pointee = T(int64: (d.pointee.int64Value != 0 || v.int64Value != 0) ? 1 : 0) }
            else if isFloat { d.pointee = T(double: d.pointee.doubleValue + v.doubleValue) }
            // Complex is not floating point here: both parts add (the int path dropped them).
            else if isComplex { d.pointee = T(real: d.pointee.doubleValue + v.doubleValue, imag: d.pointee.imagValue + v.imagValue) }
            else { d.pointee = T(int64: d.pointee.int64Value &+ v.int64Value) }
        }
        if restSizes.isEmpty {
            for (b, off) in offsets.enumerated() { put(pd + off, pv[valueOffsets[b]]) }
            return
        }
        let loop = StridedLoop(shape: restSizes, restStrides, valueRestStrides)
        for (b, off) in offsets.enumerated() {
            let dst = pd + off, src = pv + valueOffsets[b]
            loop.forEachRow { od, os, _, n, iD, iS, _ in
                for j in 0..<n { put(dst + od + j * iD, src[os + j * iS]) }
            }
        }
    }
}

/// Row-major coordinates of nonzero elements, as an [n, rank] int64 array.
struct NonzeroKernel: ElementVisitor {
    let input: Tensor

    func visit<T: TensorElement>(_ t: T.Type) -> [Int64] {
        let p = input.pointer(T.self)
        let rank = input.rank
        var result: [Int64] = []
        var index = [Int](repeating: 0, count: rank)
        let n = input.numel
        if n == 0 { return [] }
        var off = 0
        for _ in 0..<n {
            // `boolValue`: a complex element with a zero real part but a non-zero (or NaN)
            // imaginary part is non-zero too; NaN compares unequal to zero.
            if p[off].boolValue {
                for d in 0..<rank { result.append(Int64(index[d])) }
            }
            var d = rank - 1
            while d >= 0 {
                index[d] += 1
                off += input.strides[d]
                if index[d] < input.sizes[d] { break }
                off -= input.strides[d] * input.sizes[d]
                index[d] = 0
                d -= 1
            }
        }
        return result
    }
}
