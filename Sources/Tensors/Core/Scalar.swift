/// A Python number handed to a tensor op. Kept apart from 0-dim tensors because PyTorch
/// promotes "wrapped numbers" differently: `int_tensor + 2.5` is float32, `float16 + 2.0` stays float16.
public enum Scalar: Sendable, Equatable, CustomStringConvertible {
    case bool(Bool)
    case int(Int64)
    case float(Double)

    /// The dtype PyTorch gives the number when it stands alone (`torch.tensor(2.5)` is float32).
    public var defaultDType: DType {
        switch self {
        case .bool: .bool
        case .int: .int64
        case .float: .float32
        }
    }

    public var category: Int {
        switch self {
        case .bool: 0
        case .int: 1
        case .float: 2
        }
    }

    public var doubleValue: Double {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): Double(i)
        case .float(let d): d
        }
    }

    /// Integer value; floats truncate toward zero as a C cast does.
    public var int64Value: Int64 {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): i
        case .float(let d): Int64(clampingForCast: d)
        }
    }

    public var boolValue: Bool {
        switch self {
        case .bool(let b): b
        case .int(let i): i != 0
        case .float(let d): d != 0
        }
    }

    public var isFloatingPoint: Bool { if case .float = self { true } else { false } }

    public var description: String {
        switch self {
        case .bool(let b): b ? "True" : "False"
        case .int(let i): String(i)
        case .float(let d): String(d)
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
