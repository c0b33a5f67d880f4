/// c10's `checked_convert`: a number written into a tensor (`x[i] = v`, `fill_`, `full`,
/// `masked_fill`, `index_fill`) must fit the tensor's dtype, or PyTorch raises
/// "value cannot be converted to type uint8_t without overflow".
extension Scalar {
    public func checkFits(_ dtype: DType) throws(TensorError) {
        if let name = overflowTypeName(dtype) {
            throw .runtime("value cannot be converted to type \(name) without overflow")
        }
    }

    /// The C type named in the error when this value overflows `dtype`, else nil.
    /// Half and BFloat16 go through `Scalar::toDouble` (so infinities are fine, and only a
    /// complex value with an imaginary part fails, naming `double`); unsigned targets accept
    /// negative integers down to -max (c10's `overflows` without `strict_unsigned`).
    public func overflowTypeName(_ dtype: DType) -> String? {
        let name: String
        switch dtype {
        case .bool, .complex128: return nil
        case .uint8: name = "uint8_t"
        case .int8: name = "int8_t"
        case .int16: name = "int16_t"
        case .int32: name = "int"
        case .int64: name = "int64_t"
        case .float16, .bfloat16, .float64: name = "double"
        case .float32: name = "float"
        case .complex64: name = "c10::complex<float>"
        }
        var real: Double
        switch self {
        case .bool: return nil
        case .int(let i):
            guard let (low, high) = Self.integerBounds(dtype) else { return nil }
            let floor = dtype == .uint8 ? -high : low
            return i < floor || i > high ? name : nil
        case .float(let d): real = d
        case .complex(let re, let im):
            if !dtype.isComplex && im != 0 { return name }
            if dtype == .complex64 && (Self.overflowsFloat(re) || Self.overflowsFloat(im)) { return name }
            real = re
        }
        switch dtype {
        case .float32, .complex64: return Self.overflowsFloat(real) ? name : nil
        case .float16, .bfloat16, .float64: return nil
        default:
            guard let (low, high) = Self.integerBounds(dtype) else { return nil }
            if !real.isFinite { return name }
            // A double is checked against the type's own range (no unsigned wrap-around),
            // before truncation: -0.5 overflows uint8.
            return real < Double(low) || real > Double(high) ? name : nil
        }
    }

    /// A finite double beyond float's range (infinities and NaN convert).
    static func overflowsFloat(_ d: Double) -> Bool {
        d.isFinite && (d < -Double(Float.greatestFiniteMagnitude) || d > Double(Float.greatestFiniteMagnitude))
    }

    static func integerBounds(_ dtype: DType) -> (Int64, Int64)? {
        switch dtype {
        case .uint8: (0, 255)
        case .int8: (-128, 127)
        case .int16: (-32768, 32767)
        case .int32: (Int64(Int32.min), Int64(Int32.max))
        case .int64: (Int64.min, Int64.max)
        default: nil
        }
    }
}
