import Tensors

/// NumPy's view of the Tensors dtypes: names, kinds and NumPy's promotion table (which
/// differs from PyTorch's: int16 + float16 is float32, int64 + float32 is float64).
extension DType {
    /// NumPy's name (`float64`, `bool`).
    public var numpyName: String { self == .bfloat16 ? "bfloat16" : name }

    /// The array-protocol kind letter (`f`, `i`, `u`, `b`).
    public var numpyKind: String {
        switch self {
        case .bool: "b"
        case .uint8: "u"
        case .int8, .int16, .int32, .int64: "i"
        case .complex64, .complex128: "c"
        default: "f"
        }
    }

    /// `dtype.str` (`<f8`, `|b1`).
    public var numpyStr: String {
        itemSize == 1 ? "|\(numpyKind)1" : "<\(numpyKind)\(itemSize)"
    }

    /// `dtype.char` (`d`, `f`, `l`).
    public var numpyChar: String {
        switch self {
        case .bool: "?"
        case .uint8: "B"
        case .int8: "b"
        case .int16: "h"
        case .int32: "i"
        case .int64: "l"
        case .float16: "e"
        case .bfloat16: "E"
        case .float32: "f"
        case .float64: "d"
        case .complex64: "F"
        case .complex128: "D"
        }
    }

    /// Looks a dtype up by a NumPy name, alias or type code (`'f8'`, `'float'`, `'int'`, `'i4'`).
    public init?(numpyName s: String) {
        switch s {
        case "bool", "bool_", "?", "b1": self = .bool
        case "uint8", "u1", "B", "ubyte": self = .uint8
        case "int8", "i1", "b", "byte": self = .int8
        case "int16", "i2", "h", "short": self = .int16
        case "int32", "i4", "i", "intc": self = .int32
        case "int64", "i8", "l", "int", "int_", "long", "q", "longlong", "intp", "p": self = .int64
        case "float16", "f2", "e", "half": self = .float16
        case "float32", "f4", "f", "single": self = .float32
        case "float64", "f8", "d", "float", "double", "float_": self = .float64
        default:
            if s.hasPrefix("<") || s.hasPrefix("=") || s.hasPrefix("|") { self.init(numpyName: String(s.dropFirst())) } else { return nil }
        }
    }

    /// The smallest float that holds every value of an integer dtype (NumPy's table).
    var safeFloat: DType {
        switch self {
        case .bool, .uint8, .int8: .float16
        case .int16: .float32
        case .float16, .bfloat16, .float32, .float64: self
        default: .float64
        }
    }

    /// `np.promote_types(a, b)`.
    public static func numpyPromote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a == .bool { return b }
        if b == .bool { return a }
        if a.isFloatingPoint || b.isFloatingPoint {
            let fa = a.safeFloat, fb = b.safeFloat
            return fa.rawValue >= fb.rawValue ? fa : fb
        }
        if a == .uint8 || b == .uint8 {
            let other = a == .uint8 ? b : a
            return other == .int8 ? .int16 : other
        }
        return a.rawValue > b.rawValue ? a : b
    }

    /// `finfo(t).precision` (digits), used by the printing rules.
    var decimalPrecision: Int {
        switch self {
        case .float16: 3
        case .bfloat16: 2
        case .float32: 6
        default: 15
        }
    }

    /// Range of an integer dtype.
    var intRange: ClosedRange<Int64> {
        switch self {
        case .bool: 0...1
        case .uint8: 0...255
        case .int8: -128...127
        case .int16: -32768...32767
        case .int32: Int64(Int32.min)...Int64(Int32.max)
        default: Int64.min...Int64.max
        }
    }

    /// `np.can_cast(from, to)` with the default 'safe' casting.
    public func numpyCanCastSafely(to t: DType) -> Bool { DType.numpyPromote(self, t) == t }
}
