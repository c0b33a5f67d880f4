/// The element types a tensor can hold, named as PyTorch names them (`torch.float32`).
///
/// The raw value orders dtypes inside their category so promotion can pick "the wider one".
public enum DType: Int, Sendable, CaseIterable, CustomStringConvertible {
    case bool, uint8, int8, int16, int32, int64, float16, bfloat16, float32, float64
    /// Interleaved (real, imaginary) pairs of float32 / float64 (`torch.cfloat`, `torch.cdouble`).
    case complex64, complex128

    /// PyTorch's name without the `torch.` prefix (`float32`).
    public var name: String {
        switch self {
        case .bool: "bool"
        case .uint8: "uint8"
        case .int8: "int8"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .float16: "float16"
        case .bfloat16: "bfloat16"
        case .float32: "float32"
        case .float64: "float64"
        case .complex64: "complex64"
        case .complex128: "complex128"
        }
    }

    /// `torch.float32` — what `repr(dtype)` prints.
    public var description: String { "torch." + name }

    /// The C++ ScalarType name PyTorch uses in error messages (`Float`, `Long`).
    public var scalarTypeName: String {
        switch self {
        case .bool: "Bool"
        case .uint8: "Byte"
        case .int8: "Char"
        case .int16: "Short"
        case .int32: "Int"
        case .int64: "Long"
        case .float16: "Half"
        case .bfloat16: "BFloat16"
        case .float32: "Float"
        case .float64: "Double"
        case .complex64: "ComplexFloat"
        case .complex128: "ComplexDouble"
        }
    }

    /// Legacy tensor type name (`torch.FloatTensor`), used by `x.type()` and autograd messages.
    public var legacyTypeName: String { "torch." + scalarTypeName + "Tensor" }

    /// Looks up a dtype by PyTorch name or alias (`float`, `double`, `long`, `int`, `half`, `short`...).
    public init?(name: String) {
        switch name {
        case "bool": self = .bool
        case "uint8": self = .uint8
        case "int8": self = .int8
        case "int16", "short": self = .int16
        case "int32", "int": self = .int32
        case "int64", "long": self = .int64
        case "float16", "half": self = .float16
        case "bfloat16": self = .bfloat16
        case "float32", "float": self = .float32
        case "float64", "double": self = .float64
        case "complex64", "cfloat": self = .complex64
        case "complex128", "cdouble": self = .complex128
        default: return nil
        }
    }

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .bool, .uint8, .int8: 1
        case .int16, .float16, .bfloat16: 2
        case .int32, .float32: 4
        case .int64, .float64, .complex64: 8
        case .complex128: 16
        }
    }

    public var isFloatingPoint: Bool {
        switch self {
        case .float16, .bfloat16, .float32, .float64: true
        default: false
        }
    }

    /// Integer dtypes, excluding bool (PyTorch's `isIntegralType(t, includeBool: false)`).
    public var isIntegral: Bool {
        switch self {
        case .uint8, .int8, .int16, .int32, .int64: true
        default: false
        }
    }

    public var isSigned: Bool { self != .bool && self != .uint8 }

    /// `complex64` / `complex128` (PyTorch's `isComplexType`; not floating point there).
    public var isComplex: Bool { self == .complex64 || self == .complex128 }

    /// Floating point or complex: the dtypes that may require gradients in PyTorch.
    public var isFloatingOrComplex: Bool { isFloatingPoint || isComplex }

    /// The real dtype of a complex one's parts (`complex64` -> `float32`); itself otherwise.
    public var realCounterpart: DType {
        switch self {
        case .complex64: .float32
        case .complex128: .float64
        default: self
        }
    }

    /// PyTorch's `toComplexType`: the complex dtype whose parts are this float dtype
    /// (`float64` -> `complex128`; half precision widens to `complex64`, Gradbook has no
    /// `complex32`); complex dtypes map to themselves, others to `complex64`.
    public var complexCounterpart: DType {
        switch self {
        case .float64, .complex128: .complex128
        default: .complex64
        }
    }

    /// Promotion category: bool < integer < floating point < complex.
    public var category: Int { self == .bool ? 0 : (isComplex ? 3 : (isFloatingPoint ? 2 : 1)) }

    /// PyTorch's `promoteTypes`: the smallest dtype both can be represented in.
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a == .bool { return b }
        if b == .bool { return a }
        if a.isComplex || b.isComplex {
            // The complex type wide enough for both value types (c10's promoteTypes table).
            let wide = a == .complex128 || b == .complex128 || a == .float64 || b == .float64
            return wide ? .complex128 : .complex64
        }
        if a.isFloatingPoint || b.isFloatingPoint {
            if a.isFloatingPoint && b.isFloatingPoint {
                let lowHalf: Set<DType> = [.float16, .bfloat16]
                if lowHalf.contains(a) && lowHalf.contains(b) { return .float32 }
                return a.rawValue > b.rawValue ? a : b
            }
            return a.isFloatingPoint ? a : b
        }
        // both integral
        if a == .uint8 || b == .uint8 {
            let other = a == .uint8 ? b : a
            return other == .int8 ? .int16 : other
        }
        return a.rawValue > b.rawValue ? a : b
    }

    /// PyTorch's `canCast(from, to)`: a value of category `self` may be written into `to`
    /// only if that does not lower the category (float -> int, int -> bool are refused).
    public func canCast(to: DType) -> Bool { category <= to.category }

    /// The dtype that floating-point ops on this dtype produce (ints become the default float).
    public func floatResult(default defaultFloat: DType = .float32) -> DType {
        isFloatingPoint || isComplex ? self : defaultFloat
    }
}
