/// Reading elements out to Swift, for printing, `tolist()` and `item()`.
extension Tensor {
    /// All elements in row-major order, converted to Double.
    public func elementsAsDouble() throws(TensorError) -> [Double] { try elements(as: Double.self) }
    /// All elements in row-major order, converted to Int64 (floats truncate).
    public func elementsAsInt64() throws(TensorError) -> [Int64] { try elements(as: Int64.self) }
    /// All elements in row-major order, converted to Bool (nonzero is true).
    public func elementsAsBool() throws(TensorError) -> [Bool] { try elements(as: Bool.self) }
    /// float32 elements as Float, without widening (printing float32 needs the exact float).
    public func elementsAsFloat() throws(TensorError) -> [Float] { try elements(as: Float.self) }

    /// Elements in row-major order as Swift type T.
    public func elements<T: TensorElement>(as type: T.Type) throws(TensorError) -> [T] {
        let host = try to(device: .cpu)
        let n = numel
        return [T](unsafeUninitializedCapacity: n) { buf, count in
            let dst = Tensor(storage: Storage(borrowing: UnsafeMutableRawPointer(buf.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!), byteCount: n * T.dtype.itemSize),
                             sizes: sizes, strides: Shape.contiguousStrides(sizes), offset: 0, dtype: T.dtype)
            try? Backends.cpu.copyCast(from: host, into: dst)
            count = n
        }
    }

    /// `item()`: the single element as a Python-style number.
    public func item() throws(TensorError) -> Scalar {
        if numel != 1 {
            throw .runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        if dtype.isFloatingPoint { return .float(try elementsAsDouble()[0]) }
        if dtype.isComplex { let c = try elements(as: Complex128.self)[0]; return .complex(c.re, c.im) }
        if dtype == .bool { return .bool(try elementsAsBool()[0]) }
        return .int(try elementsAsInt64()[0])
    }

    /// Element at a full index (no negative indices), as a Scalar. For tests and tolist.
    public func element(at index: [Int]) throws(TensorError) -> Scalar {
        precondition(index.count == rank)
        var off = offset
        for (i, d) in index.enumerated() { off += d * strides[i] }
        let v = Tensor(storage: storage, sizes: [], strides: [], offset: off, dtype: dtype)
        return try v.item()
    }

    /// Elements as `Scalar`s in row-major order.
    public func scalars() throws(TensorError) -> [Scalar] {
        if dtype.isFloatingPoint { return try elementsAsDouble().map { .float($0) } }
        if dtype.isComplex { return try elements(as: Complex128.self).map { .complex($0.re, $0.im) } }
        if dtype == .bool { return try elementsAsBool().map { .bool($0) } }
        return try elementsAsInt64().map { .int($0) }
    }
}
