import Tensors

/// How a dtype looks in generated C: the storage type, the type arithmetic happens in
/// (PyTorch's "opmath": float for half types), and the conversions between them.
struct CType {
    let dtype: DType

    init(_ dtype: DType) { self.dtype = dtype }

    /// The C type of one stored element.
    var storage: String {
        switch dtype {
        case .bool, .uint8: "unsigned char"
        case .int8: "signed char"
        case .int16: "short"
        case .int32: "int"
        case .int64: "long long"
        case .float16, .bfloat16: "unsigned short"
        case .float32: "float"
        case .float64: "double"
        // Never generated: the backend refuses complex tensors (GeneratedKernelBackend).
        case .complex64: "float2"
        case .complex128: "double2"
        }
    }

    /// The C type values are computed in (bool computes as int 0/1).
    var compute: String {
        switch dtype {
        case .bool: "int"
        case .float16, .bfloat16, .float32: "float"
        case .float64: "double"
        default: storage
        }
    }

    var isFloat: Bool { dtype.isFloatingPoint }
    var isDouble: Bool { dtype == .float64 }
    var bitWidth: Int { dtype.itemSize * 8 }

    /// A C math function for the compute type: `expf` for float, `exp` for double.
    func math(_ name: String) -> String { isDouble ? name : name + "f" }

    /// Converts a stored element (an lvalue of `storage` type) to the compute type.
    func load(_ element: String) -> String {
        switch dtype {
        case .float16: "gb_h2f(\(element))"
        case .bfloat16: "gb_bf2f(\(element))"
        case .bool: "(int)(\(element) != 0)"
        default: "(\(compute))(\(element))"
        }
    }

    /// Converts a compute-type value to the storage type.
    func store(_ value: String) -> String {
        switch dtype {
        case .float16: "gb_f2h((float)(\(value)))"
        case .bfloat16: "gb_f2bf((float)(\(value)))"
        case .bool: "(unsigned char)((\(value)) != 0)"
        default: "(\(storage))(\(value))"
        }
    }

    /// Converts a value of another dtype's compute type into this compute type, as a C cast
    /// does (bool tests for non-zero).
    func convert(_ value: String, from source: CType) -> String {
        if dtype == .bool { return "(int)((\(value)) != 0)" }
        // Float to integer goes through int64 with the CPU backend's clamping (NaN and
        // out-of-range give INT64_MIN), then truncates, as PyTorch's x86 casts do.
        if source.isFloat && !isFloat { return "(\(compute))gb_d2ll((double)(\(value)))" }
        return "(\(compute))(\(value))"
    }

    /// Reads a scalar slot `a.s[i]` holding this compute type's bits (see `ScalarBits`).
    func scalarSlot(_ i: Int) -> String {
        switch dtype {
        case .float16, .bfloat16, .float32: "gb_bits_f((unsigned int)a.s[\(i)])"
        case .float64: "gb_bits_d(a.s[\(i)])"
        default: "(\(compute))a.s[\(i)]"
        }
    }

    /// A double parameter slot converted to the compute type (activation parameters).
    func doubleSlot(_ i: Int) -> String { "(\(compute))gb_bits_d(a.s[\(i)])" }

    var infinity: String { isDouble ? "GB_INF" : "GB_INFF" }
    var nan: String { isDouble ? "GB_NAN" : "GB_NANF" }

    /// Short name used in kernel names (`f32`, `bf16`).
    var tag: String {
        switch dtype {
        case .bool: "b8"
        case .uint8: "u8"
        case .int8: "i8"
        case .int16: "i16"
        case .int32: "i32"
        case .int64: "i64"
        case .float16: "f16"
        case .bfloat16: "bf16"
        case .float32: "f32"
        case .float64: "f64"
        case .complex64: "c64"
        case .complex128: "c128"
        }
    }
}

/// The 8-byte pattern a scalar slot carries: the scalar converted to the compute type of
/// `dtype` on the host (as the CPU backend converts it), then widened bit for bit.
enum ScalarBits {
    static func bits(_ value: Scalar, as dtype: DType) -> Int64 {
        switch dtype {
        case .float16, .bfloat16, .float32:
            let f: Float = switch value {
            case .bool(let b): b ? 1 : 0
            case .int(let i): Float(i)
            case .float(let d): Float(d)
            case .complex(let re, _): Float(re)
            }
            return Int64(f.bitPattern)
        case .float64:
            let d: Double = switch value {
            case .bool(let b): b ? 1 : 0
            case .int(let i): Double(i)
            case .float(let d): d
            case .complex(let re, _): re
            }
            return Int64(bitPattern: d.bitPattern)
        case .bool:
            return value.boolValue ? 1 : 0
        case .uint8: return Int64(UInt8(truncatingIfNeeded: value.int64Value))
        case .int8: return Int64(Int8(truncatingIfNeeded: value.int64Value))
        case .int16: return Int64(Int16(truncatingIfNeeded: value.int64Value))
        case .int32: return Int64(Int32(truncatingIfNeeded: value.int64Value))
        case .int64: return value.int64Value
        case .complex64, .complex128: return 0  // refused before any kernel runs
        }
    }

    static func double(_ d: Double) -> Int64 { Int64(bitPattern: d.bitPattern) }
}
