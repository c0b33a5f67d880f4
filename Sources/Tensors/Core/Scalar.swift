/// A Python number handed to a tensor op. Kept apart from 0-dim tensors because PyTorch
/// promotes "wrapped numbers" differently: `int_tensor + 2.5` is float32, `float16 + 2.0` stays float16.
public enum Scalar: Sendable, Equatable, CustomStringConvertible {
    case bool(Bool)
    case int(Int64)
    case float(Double)
    /// A Python `complex`: real and imaginary parts.
    case complex(Double, Double)

    /// The dtype PyTorch gives the number when it stands alone (`torch.tensor(2.5)` is float32).
    public var defaultDType: DType {
        switch self {
        case .bool: .bool
        case .int: .int64
        case .float: .float32
        case .complex: .complex64
        }
    }

    public var category: Int {
        switch self {
        case .bool: 0
        case .int: 1
        case .float: 2
        case .complex: 3
        }
    }

    public var doubleValue: Double {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): Double(i)
        case .float(let d): d
        case .complex(let re, _): re
        }
    }

    /// The imaginary part (0 for real numbers).
    public var imagValue: Double { if case .complex(_, let im) = self { im } else { 0 } }

    public var isComplex: Bool { if case .complex = self { true } else { false } }

    /// Integer value; floats truncate toward zero as a C cast does.
    public var int64Value: Int64 {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): i
        case .float(let d): Int64(clampingForCast: d)
        case .complex(let re, _): Int64(clampingForCast: re)
        }
    }

    public var boolValue: Bool {
        switch self {
        case .bool(let b): b
        case .int(let i): i != 0
        case .float(let d): d != 0
        case .complex(let re, let im): re != 0 || im != 0
        }
    }

    public var isFloatingPoint: Bool { if case .float = self { true } else { false } }

    public var description: String {
        switch self {
        case .bool(let b): b ? "True" : "False"
        case .int(let i): String(i)
        case .float(let d): String(d)
        case .complex(let re, let im): "(\(re)\(im.sign == .minus ? "" : "+")\(im)j)"
        }
    }
}

extension Int64 {
    /// C-style float-to-integer conversion without trapping: truncation toward zero, and
    /// x86's "integer indefinite" value (Int64.min) for NaN and out-of-range inputs.
    @inline(__always)
    public init(clampingForCast d: Double) {
        if d.isNaN || d >= 9.223372036854775807e18 || d < -9.223372036854775808e18 {
            self = .min
        } else {
            self = Int64(d)
        }
    }
}

extension Int32 {
    /// The 32-bit `cvttsd2si`: truncation toward zero, Int32.min for NaN and out-of-range inputs.
    @inline(__always)
    public init(clampingForCast d: Double) {
        if d.isNaN || d >= 2147483648.0 || d <= -2147483649.0 {
            self = .min
        } else {
            self = Int32(d)
        }
    }
}
