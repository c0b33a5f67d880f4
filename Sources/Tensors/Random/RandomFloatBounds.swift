/// `random_(from, to)` on a floating-point tensor, as ATen's `random_from_to_impl` does it:
/// `from` and `to` move inwards to the nearest integers the dtype holds exactly
/// (`update_from` / `update_to`), so the range — the modulus of every draw — shrinks
/// (`random_(0, 2**29)` on float32 draws modulo `2**29 - 32`), and each integer drawn is cast
/// `int64 -> float -> dtype` (two roundings for half types, as `static_cast` does).
extension Tensor {
    /// The mantissa digits (`std::numeric_limits<T>::digits`) of a floating dtype.
    static func floatDigits(_ dtype: DType) -> Int? {
        switch dtype {
        case .float16: 11
        case .bfloat16: 8
        case .float32: 24
        case .float64: 53
        default: nil
        }
    }

    /// `static_cast<int64_t>(static_cast<scalar_t>(v))`: the nearest value of the dtype,
    /// back as an integer (x86's out-of-range conversion gives `INT64_MIN`).
    static func roundTripThroughFloat(_ v: Int64, _ dtype: DType) -> Int64 {
        let rounded: Double = switch dtype {
        case .float64: Double(v)
        case .float32: Double(Float(v))
        case .float16: Double(Float(Float16(Float(v))))
        default: Double(BFloat16(Float(v)).float)
        }
        if rounded.isNaN || rounded >= 9.223372036854775808e18 || rounded < -9.223372036854775808e18 { return .min }
        return Int64(rounded)
    }

    /// ATen's `update_from`: the first `from` whose cast stays at or above `from`.
    static func updatedFrom(_ from: Int64, digits: Int, _ dtype: DType) -> Int64 {
        let fromPlus1 = roundTripThroughFloat(from &+ 1, dtype)
        guard fromPlus1 < from else { return from }
        let n = Int64.bitWidth - 1 - (from &+ 1).magnitude.leadingZeroBitCount
        return fromPlus1 &+ (1 << (n - digits + 1))
    }

    /// ATen's `update_to`: the last `to` whose `to - 1` cast stays below `to`.
    static func updatedTo(_ to: Int64, digits: Int, _ dtype: DType) -> Int64 {
        let toMinus1 = roundTripThroughFloat(to &- 1, dtype)
        guard toMinus1 >= to else { return to }
        let n = Int64.bitWidth - 1 - (to &- 1).magnitude.leadingZeroBitCount
        return toMinus1 &- (1 << (n - digits + 1))
    }

    /// An integer draw as the float kernel stores it: `int64 -> float` (rounding to
    /// nearest) for float32 and the half types, exact `int64 -> double` for float64.
    static func integerDrawAsFloat(_ v: Int64, _ dtype: DType) -> Double {
        dtype == .float64 ? Double(v) : Double(Float(v))
    }
}
