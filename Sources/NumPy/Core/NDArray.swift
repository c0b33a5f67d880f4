#if canImport(Glibc)
import Glibc
#endif
import Tensors

/// A NumPy array: a strided view of Tensors storage (so `torch.from_numpy` can share it)
/// with NumPy's extras — the array it views (`.base`) and the writeable flag.
public final class NDArray {
    public let tensor: Tensor
    /// The array this one is a view of (NumPy's `.base`), nil for an owner.
    public var base: NDArray?
    public var writeable = true
    /// The Python object currently standing for this array, so the same array comes back as
    /// the same object (`v.base is a`). Weak: the object owns the array.
    public weak var hostObject: AnyObject?

    public init(tensor: Tensor, base: NDArray? = nil) {
        self.tensor = tensor
        self.base = base
    }

    public var shape: [Int] { tensor.sizes }
    public var dtype: DType { tensor.dtype }
    public var ndim: Int { tensor.rank }
    public var size: Int { tensor.numel }
    /// Element strides.
    public var elementStrides: [Int] { tensor.strides }

    /// Uninitialised (zeroed) contiguous array.
    public static func empty(_ shape: [Int], _ dtype: DType) throws -> NDArray {
        let t = try Tensor(empty: shape, dtype: dtype)
        memset(t.storage.data, 0, t.storage.byteCount)
        return NDArray(tensor: t)
    }

    /// A view with another layout over the same storage; its base is this array's owner.
    func view(shape: [Int], strides: [Int], offset: Int, dtype: DType? = nil) -> NDArray {
        let t = Tensor(storage: tensor.storage, sizes: shape, strides: strides, offset: offset,
                       dtype: dtype ?? self.dtype, versionCounter: tensor.versionCounter)
        let v = NDArray(tensor: t, base: base ?? self)
        v.writeable = writeable
        return v
    }

    /// Storage element indices of every element in C (row-major) order.
    func storageIndices() -> [Int] {
        let shape = self.shape, strides = elementStrides
        let n = size
        var out = [Int](repeating: tensor.offset, count: n)
        if n == 0 { return [] }
        if shape.isEmpty { return out }
        if isCContiguous {
            for i in 0..<n { out[i] = tensor.offset + i }
            return out
        }
        var idx = [Int](repeating: 0, count: shape.count)
        var pos = tensor.offset
        for i in 0..<n {
            out[i] = pos
            var d = shape.count - 1
            while d >= 0 {
                idx[d] += 1
                pos += strides[d]
                if idx[d] < shape[d] { break }
                pos -= strides[d] * shape[d]
                idx[d] = 0
                d -= 1
            }
        }
        return out
    }

    var isCContiguous: Bool {
        var expected = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            if shape[d] == 1 { continue }
            if elementStrides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    var isFContiguous: Bool {
        var expected = 1
        for d in 0..<shape.count {
            if shape[d] == 1 { continue }
            if elementStrides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    var raw: UnsafeMutableRawPointer { tensor.storage.data }

    @inline(__always) func loadDouble(_ i: Int) -> Double {
        switch dtype {
        case .bool, .uint8: return Double(raw.load(fromByteOffset: i, as: UInt8.self))
        case .int8: return Double(raw.load(fromByteOffset: i, as: Int8.self))
        case .int16: return Double(raw.load(fromByteOffset: i * 2, as: Int16.self))
        case .int32: return Double(raw.load(fromByteOffset: i * 4, as: Int32.self))
        case .int64: return Double(raw.load(fromByteOffset: i * 8, as: Int64.self))
        case .float16: return Double(raw.load(fromByteOffset: i * 2, as: Float16.self))
        case .bfloat16:
            let bits = UInt32(raw.load(fromByteOffset: i * 2, as: UInt16.self)) << 16
            return Double(Float(bitPattern: bits))
        case .float32: return Double(raw.load(fromByteOffset: i * 4, as: Float.self))
        case .float64: return raw.load(fromByteOffset: i * 8, as: Double.self)
        // The real part (NumPy arrays of complex tensors are not supported beyond this).
        case .complex64: return Double(raw.load(fromByteOffset: i * 8, as: Float.self))
        case .complex128: return raw.load(fromByteOffset: i * 16, as: Double.self)
        }
    }

    @inline(__always) func loadInt(_ i: Int) -> Int64 {
        switch dtype {
        case .bool, .uint8: return Int64(raw.load(fromByteOffset: i, as: UInt8.self))
        case .int8: return Int64(raw.load(fromByteOffset: i, as: Int8.self))
        case .int16: return Int64(raw.load(fromByteOffset: i * 2, as: Int16.self))
        case .int32: return Int64(raw.load(fromByteOffset: i * 4, as: Int32.self))
        case .int64: return raw.load(fromByteOffset: i * 8, as: Int64.self)
        default: return NDArray.castToInt(loadDouble(i))
        }
    }

    /// NumPy's float -> int cast: truncation; NaN and out-of-range give INT64_MIN.
    static func castToInt(_ d: Double) -> Int64 {
        if d.isNaN || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18 { return Int64.min }
        return Int64(d.rounded(.towardZero))
    }

    @inline(__always) func storeDouble(_ i: Int, _ v: Double) {
        switch dtype {
        case .bool: raw.storeBytes(of: v != 0 ? 1 : 0, toByteOffset: i, as: UInt8.self)
        case .float16: raw.storeBytes(of: Float16(v), toByteOffset: i * 2, as: Float16.self)
        case .bfloat16:
            let f = Float(v)
            var bits = f.bitPattern
            if f.isNaN { bits = 0x7fc0_0000 } else { bits = bits &+ 0x7fff &+ ((bits >> 16) & 1) }
            raw.storeBytes(of: UInt16(bits >> 16), toByteOffset: i * 2, as: UInt16.self)
        case .float32: raw.storeBytes(of: Float(v), toByteOffset: i * 4, as: Float.self)
        case .float64: raw.storeBytes(of: v, toByteOffset: i * 8, as: Double.self)
        default: storeInt(i, NDArray.castToInt(v))
        }
    }

    @inline(__always) func storeInt(_ i: Int, _ v: Int64) {
        switch dtype {
        case .bool: raw.storeBytes(of: v != 0 ? 1 : 0, toByteOffset: i, as: UInt8.self)
        case .uint8: raw.storeBytes(of: UInt8(truncatingIfNeeded: v), toByteOffset: i, as: UInt8.self)
        case .int8: raw.storeBytes(of: Int8(truncatingIfNeeded: v), toByteOffset: i, as: Int8.self)
        case .int16: raw.storeBytes(of: Int16(truncatingIfNeeded: v), toByteOffset: i * 2, as: Int16.self)
        case .int32: raw.storeBytes(of: Int32(truncatingIfNeeded: v), toByteOffset: i * 4, as: Int32.self)
        case .int64: raw.storeBytes(of: v, toByteOffset: i * 8, as: Int64.self)
        default: storeDouble(i, Double(v))
        }
    }

    /// Every element as a Double, in C order.
    public func doubles() -> [Double] {
        if isCContiguous {
            let n = size, base = raw
            let off = tensor.offset
            switch dtype {
            case .float64:
                return Array(UnsafeBufferPointer(start: base.assumingMemoryBound(to: Double.self) + off, count: n))
            case .float32:
                let p = base.assumingMemoryBound(to: Float.self) + off
                return [Double](unsafeUninitializedCapacity: n) { buf, count in
                    for i in 0..<n { buf[i] = Double(p[i]) }
                    count = n
                }
            case .int64:
                let p = base.assumingMemoryBound(to: Int64.self) + off
                return [Double](unsafeUninitializedCapacity: n) { buf, count in
                    for i in 0..<n { buf[i] = Double(p[i]) }
                    count = n
                }
            default:
                return (off..<(off + n)).map(loadDouble)
            }
        }
        return storageIndices().map(loadDouble)
    }
    /// Every element as an Int64 (floats truncated), in C order.
    public func int64s() -> [Int64] {
        if isCContiguous {
            let n = size, off = tensor.offset
            if dtype == .int64 {
                return Array(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: Int64.self) + off, count: n))
            }
            return (off..<(off + n)).map(loadInt)
        }
        return storageIndices().map(loadInt)
    }

    /// Writes values (C order) into this array's elements, cast to its dtype.
    func assign(doubles v: [Double]) {
        for (k, i) in storageIndices().enumerated() { storeDouble(i, v[k]) }
    }
    func assign(int64s v: [Int64]) {
        for (k, i) in storageIndices().enumerated() { storeInt(i, v[k]) }
    }

    /// A new contiguous array of `dtype` from flat C-order values (cast as NumPy casts).
    /// This is the stable entry point other modules (numpy.random) build arrays with.
    public static func make(doubles: [Double], shape: [Int], dtype: DType = .float64) throws -> NDArray {
        let a = try empty(shape, dtype)
        let n = min(doubles.count, a.size)
        if dtype == .float64 {
            doubles.withUnsafeBufferPointer { src in
                a.raw.assumingMemoryBound(to: Double.self).update(from: src.baseAddress!, count: n)
            }
            return a
        }
        if dtype == .float32 {
            let p = a.raw.assumingMemoryBound(to: Float.self)
            for i in 0..<n { p[i] = Float(doubles[i]) }
            return a
        }
        for i in 0..<min(doubles.count, a.size) { a.storeDouble(i, doubles[i]) }
        return a
    }

    /// A new contiguous array of `dtype` from flat C-order integers.
    public static func make(int64s: [Int64], shape: [Int], dtype: DType = .int64) throws -> NDArray {
        let a = try empty(shape, dtype)
        if dtype == .int64 {
            let n = min(int64s.count, a.size)
            int64s.withUnsafeBufferPointer { src in
                a.raw.assumingMemoryBound(to: Int64.self).update(from: src.baseAddress!, count: n)
            }
            return a
        }
        for i in 0..<min(int64s.count, a.size) { a.storeInt(i, int64s[i]) }
        return a
    }

    /// A contiguous copy (NumPy's `copy()`), optionally cast.
    func copy(as newType: DType? = nil) throws -> NDArray {
        let t = newType ?? dtype
        if t.isFloatingPoint || dtype.isFloatingPoint && t != .bool {
            if dtype.isFloatingPoint { return try NDArray.make(doubles: doubles(), shape: shape, dtype: t) }
        }
        if dtype.isFloatingPoint { return try NDArray.make(doubles: doubles(), shape: shape, dtype: t) }
        return try NDArray.make(int64s: int64s(), shape: shape, dtype: t)
    }

    /// Whether the values must be handled as floats.
    var isFloat: Bool { dtype.isFloatingPoint }
}
