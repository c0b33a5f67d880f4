/// Runs generic code for the Swift element type of a dtype: the one place that maps
/// runtime dtypes to compile-time types, so kernels specialise per type.
protocol ElementVisitor {
    associatedtype Result
    func visit<T: TensorElement>(_ type: T.Type) -> Result
}

extension DType {
    @inline(__always)
    func dispatch<V: ElementVisitor>(_ v: V) -> V.Result {
        switch self {
        case .bool: v.visit(Bool.self)
        case .uint8: v.visit(UInt8.self)
        case .int8: v.visit(Int8.self)
        case .int16: v.visit(Int16.self)
        case .int32: v.visit(Int32.self)
        case .int64: v.visit(Int64.self)
        case .float16: v.visit(Float16.self)
        case .bfloat16: v.visit(BFloat16.self)
        case .float32: v.visit(Float.self)
        case .float64: v.visit(Double.self)
        case .complex64: v.visit(Complex64.self)
        case .complex128: v.visit(Complex128.self)
        }
    }
}

/// Converts one element as PyTorch's `static_cast` chain does.
@inline(__always)
func convertElement<S: TensorElement, D: TensorElement>(_ s: S, to: D.Type) -> D {
    if S.self == D.self { return unsafeBitCast(s, to: D.self) }
    if D.dtype == .bool { return D(int64: s.boolValue ? 1 : 0) }
    if D.dtype.isComplex {
        if S.dtype.isComplex { return D(real: s.doubleValue, imag: s.imagValue) }
        if !S.dtype.isFloatingPoint { return D(int64: s.int64Value) }
        return D(double: s.doubleValue)
    }
    if S.dtype.isFloatingPoint || D.dtype.isFloatingPoint {
        if S.dtype == .int64 && D.dtype == .float32 { return D(double: Double(Float(s.int64Value))) }
        return D(double: s.doubleValue)
    }
    return D(int64: s.int64Value)
}

/// Elementwise copy with conversion between any two dtypes, source and destination of one shape.
struct CastCopy: ElementVisitor {
    let source: Tensor
    let destination: Tensor

    func visit<S: TensorElement>(_ s: S.Type) {
        destination.dtype.dispatch(CastCopyInto<S>(source: source, destination: destination))
    }
}

/// Second half of `CastCopy`'s double dispatch: the source type is known.
struct CastCopyInto<S: TensorElement>: ElementVisitor {
    let source: Tensor
    let destination: Tensor

    func visit<D: TensorElement>(_ d: D.Type) {
        if S.self == D.self && source.isContiguous && destination.isContiguous {
            let size = D.dtype.itemSize
            (destination.storage.data + destination.offset * size)
                .copyMemory(from: source.storage.data + source.offset * size, byteCount: destination.numel * size)
            return
        }
        mapUnary(destination.sizes, Operand(destination), Operand(source), Convert<S, D>())
    }
}

/// Writes one scalar into every element.
struct Fill: ElementVisitor {
    let tensor: Tensor
    let value: Scalar

    func visit<T: TensorElement>(_ t: T.Type) {
        let v: T
        switch value {
        case .bool(let b): v = T(int64: b ? 1 : 0)
        case .int(let i): v = T.dtype.isFloatingPoint ? T(double: Double(i)) : T(int64: i)
        case .float(let d): v = T(double: d)
        case .complex(let re, let im): v = T(real: re, imag: im)
        }
        let p = tensor.pointer(T.self)
        if tensor.isContiguous {
            p.update(repeating: v, count: tensor.numel)
            return
        }
        let loop = StridedLoop(shape: tensor.sizes, tensor.strides)
        loop.forEachRow { o, _, _, n, i, _, _ in
            for j in 0..<n { p[o + j * i] = v }
        }
    }
}

/// Stores a scalar converted to element type T at `pointer`.
struct StoreScalar: ElementVisitor {
    let value: Scalar
    let pointer: UnsafeMutableRawPointer

    func visit<T: TensorElement>(_ t: T.Type) {
        let v: T
        switch value {
        case .bool(let b): v = T(int64: b ? 1 : 0)
        case .int(let i): v = T.dtype.isFloatingPoint ? T(double: Double(i)) : T(int64: i)
        case .float(let d): v = T(double: d)
        case .complex(let re, let im): v = T(real: re, imag: im)
        }
        pointer.assumingMemoryBound(to: T.self).pointee = v
    }
}
