import Interpreter
import Tensors

/// Python scalars are "weak" under NEP 50: they take the other operand's dtype.
enum WeakKind { case bool, int, float }

/// One operand of a ufunc: its array and, for a Python number, how weak it is.
struct Operand {
    var array: NDArray
    var weak: WeakKind?
    var pyInt: Int?
}

extension NumPyRuntime {
    /// `dtype=` argument: a dtype object, a scalar type, a Python type or a name.
    func dtype(_ interp: Interpreter, _ v: PyValue?) throws -> DType? {
        guard let v, !v.isNone else { return nil }
        if let box = v.payload(DTypeBox.self) { return box.dtype }
        if case .str(let s) = v {
            if let t = DType(numpyName: s) { return t }
            throw PyError.typeError("data type '\(s)' not understood")
        }
        if case .object(let o) = v, let cls = o as? PyClass {
            for (t, c) in scalarClasses where c === cls { return t }
            switch cls.name {
            case "float": return .float64
            case "int": return .int64
            case "bool": return .bool
            case "floating", "inexact", "number": return .float64
            case "integer", "signedinteger": return .int64
            case "complex", "complex64", "complex128", "complexfloating":
                throw PyError.typeError("complex dtypes are not supported by this numpy")
            default: break
            }
            if let tensorDType = foreignDType?(v) { return tensorDType }
        }
        if let tensorDType = foreignDType?(v) { return tensorDType }
        throw PyError.typeError("Cannot interpret '\(try interp.repr(v))' as a data type")
    }

    /// Reads nested sequences into flat values and a shape.
    private func flatten(_ interp: Interpreter, _ v: PyValue, _ depth: Int,
                         _ shape: inout [Int], _ doubles: inout [Double], _ ints: inout [Int64],
                         _ dtype: inout DType?, _ sawFloat: inout Bool, _ sawInt: inout Bool) throws {
        func noteDim(_ n: Int) throws {
            if depth == shape.count { shape.append(n) }
            else if depth > shape.count || shape[depth] != n {
                throw PyError.valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions. The detected shape was \(ArrayPrinter.shapeText(Array(shape[..<depth]))) + inhomogeneous part.")
            }
        }
        func leaf(_ d: Double, _ i: Int64, _ t: DType?) throws {
            if depth != shape.count && !(depth < shape.count && false) {
                if shape.count > depth {
                    throw PyError.valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions. The detected shape was \(ArrayPrinter.shapeText(Array(shape[..<depth]))) + inhomogeneous part.")
                }
            }
            doubles.append(d); ints.append(i)
            if let t { dtype = dtype.map { DType.numpyPromote($0, t) } ?? t }
        }
        switch v {
        case .bool(let b): try leaf(b ? 1 : 0, b ? 1 : 0, .bool)
        case .int(let i): sawInt = true; try leaf(Double(i), Int64(i), nil)
        case .float(let d): sawFloat = true; try leaf(d, NDArray.castToInt(d), nil)
        default:
            if let a = NDArray.from(v) {
                if a.ndim == 0 {
                    try leaf(a.loadDouble(a.tensor.offset), a.loadInt(a.tensor.offset), a.dtype)
                    return
                }
                let vals = a.doubles(), iv = a.int64s()
                // an array inside a list: its dims continue the shape
                for (k, n) in a.shape.enumerated() {
                    if depth + k == shape.count { shape.append(n) }
                    else if shape[depth + k] != n {
                        throw PyError.valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions. The detected shape was \(ArrayPrinter.shapeText(Array(shape[..<depth]))) + inhomogeneous part.")
                    }
                }
                doubles += vals; ints += iv
                dtype = dtype.map { DType.numpyPromote($0, a.dtype) } ?? a.dtype
                return
            }
            if let f = try foreignArray?(v) {
                try flatten(interp, wrap(interp, f), depth, &shape, &doubles, &ints, &dtype, &sawFloat, &sawInt)
                return
            }
            let items: [PyValue]
            if let l = v.asList { items = l.items } else if let t = v.asTuple { items = t.items }
            else if case .object(let o) = v, o is PyRange { items = try interp.iterate(v) }
            else if case .object(let o) = v, o is PyBigInt {
                throw PyError.overflow("Python int too large to convert to C long")
            } else if case .str = v {
                throw PyError.valueError("could not convert string to float: \(try interp.repr(v))")
            } else {
                throw PyError.typeError("float() argument must be a string or a real number, not '\(interp.typeName(v))'")
            }
            try noteDim(items.count)
            for item in items {
                try flatten(interp, item, depth + 1, &shape, &doubles, &ints, &dtype, &sawFloat, &sawInt)
            }
        }
    }

    /// `np.array(obj, dtype=...)`: always a new array.
    func makeArray(_ interp: Interpreter, _ v: PyValue, dtype want: DType?, copy: Bool = true) throws -> NDArray {
        if let a = NDArray.from(v), !isScalarObject(v) || true {
            if !copy && (want == nil || want == a.dtype) { return a }
            return try a.copy(as: want ?? a.dtype)
        }
        if let f = try foreignArray?(v) {
            if !copy && (want == nil || want == f.dtype) { return f }
            return try f.copy(as: want ?? f.dtype)
        }
        var shape: [Int] = [], doubles: [Double] = [], ints: [Int64] = []
        var dt: DType? = nil
        var sawFloat = false, sawInt = false
        try flatten(interp, v, 0, &shape, &doubles, &ints, &dt, &sawFloat, &sawInt)
        var inferred = dt
        if sawInt { inferred = inferred.map { $0 == .bool ? .int64 : $0 } ?? .int64 }
        if sawFloat { inferred = inferred.map { $0.isFloatingPoint ? $0 : .float64 } ?? .float64 }
        if sawInt, let d = dt, d.isIntegral, d != .int64 { inferred = .int64 }
        let t = want ?? inferred ?? .float64
        if shape.isEmpty && doubles.isEmpty && v.asList != nil { shape = [0] }
        if !t.isFloatingPoint, want != nil, sawInt {
            let r = t.intRange
            for (k, i) in ints.enumerated() where t != .bool && !r.contains(i) && doubles[k] == Double(i) {
                if !sawFloat { throw PyError.overflow("Python integer \(i) out of bounds for \(t.numpyName)") }
            }
        }
        if t.isFloatingPoint || (inferred?.isFloatingPoint ?? false) {
            return try NDArray.make(doubles: doubles, shape: shape, dtype: t)
        }
        return try NDArray.make(int64s: ints, shape: shape, dtype: t)
    }

    /// Any array-like as an array, without copying arrays.
    func asArray(_ interp: Interpreter, _ v: PyValue, dtype want: DType? = nil) throws -> NDArray {
        if let a = NDArray.from(v) {
            if want == nil || want == a.dtype { return a }
            return try a.copy(as: want!)
        }
        return try makeArray(interp, v, dtype: want)
    }

    /// A ufunc operand, remembering whether it is a weak Python scalar.
    func operand(_ interp: Interpreter, _ v: PyValue) throws -> Operand {
        switch v {
        case .bool(let b): return Operand(array: try NDArray.make(int64s: [b ? 1 : 0], shape: [], dtype: .bool), weak: .bool)
        case .int(let i): return Operand(array: try NDArray.make(int64s: [Int64(i)], shape: [], dtype: .int64), weak: .int, pyInt: i)
        case .float(let d): return Operand(array: try NDArray.make(doubles: [d], shape: [], dtype: .float64), weak: .float)
        default: return Operand(array: try asArray(interp, v), weak: nil)
        }
    }

    /// NEP 50 result dtype of operands.
    func resultType(_ ops: [Operand]) throws -> DType {
        var strong: DType? = nil
        for o in ops where o.weak == nil { strong = strong.map { DType.numpyPromote($0, o.array.dtype) } ?? o.array.dtype }
        var weakKind: WeakKind? = nil
        for o in ops { if let w = o.weak { if weakKind == nil || rank(w) > rank(weakKind!) { weakKind = w } } }
        guard let s = strong else {
            switch weakKind! { case .bool: return .bool; case .int: return .int64; case .float: return .float64 }
        }
        guard let w = weakKind else { return s }
        switch w {
        case .bool: return s
        case .int:
            if s == .bool { return .int64 }
            if !s.isFloatingPoint {
                for o in ops where o.weak == .int {
                    if let i = o.pyInt, !s.intRange.contains(Int64(i)) {
                        throw PyError.overflow("Python integer \(i) out of bounds for \(s.numpyName)")
                    }
                }
            }
            return s
        case .float: return s.isFloatingPoint ? s : .float64
        }
    }

    private func rank(_ w: WeakKind) -> Int { switch w { case .bool: 0; case .int: 1; case .float: 2 } }

}

/// The payload of `np.dtype` objects.
final class DTypeBox {
    let dtype: DType
    init(_ d: DType) { dtype = d }
}
