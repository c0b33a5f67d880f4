/// `random_(from, to)` and `random_(from, None)` on a floating-point tensor, as ATen's `random_from_to_impl` does it:
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

    /// `random_(from, None)`: integers in `[from, top]`, where `top` is the dtype's largest
    /// value (`2^digits` for floats, whose `from` moves as in `random_(from, to)`).
    @discardableResult
    public func random_(from: Int64, generator: CPUGenerator) throws(TensorError) -> Tensor {
        if dtype.isComplex { throw .runtime("random_from_to_impl handles only integral, floating-point and boolean types") }
        var from = from
        let top: Int64
        if let digits = Self.floatDigits(dtype) {
            top = digits >= 63 ? .max : 1 << digits
            from = Self.updatedFrom(from, digits: digits, dtype)
            guard from < top else {
                throw .runtime("random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from=\(from) > to_inc=\(top)")
            }
        } else {
            top = switch dtype {
            case .bool: 1
            case .uint8: 255
            case .int8: 127
            case .int16: 32767
            case .int32: Int64(Int32.max)
            default: .max
            }
            let low: Int64 = switch dtype {
            case .bool, .uint8: 0
            case .int8: -128
            case .int16: -32768
            case .int32: Int64(Int32.min)
            default: .min
            }
            if from < low || from > top { throw .runtime("from is out of bounds for \(Self.randomCTypeName(dtype))") }
        }
        try checkNoInternalOverlap()
        let range = UInt64(bitPattern: top) &- UInt64(bitPattern: from) &+ 1
        let draws = (0..<numel).map { _ in generator.randomInteger(range: range, base: from) }
        if dtype.isFloatingPoint {
            try writeInVisitOrder(draws.map { Self.integerDrawAsFloat($0, dtype) })
        } else {
            try writeInVisitOrder(draws)
        }
        bumpVersion()
        return self
    }

    /// The C++ type names of ATen's bound messages for integer dtypes.
    private static func randomCTypeName(_ dtype: DType) -> String {
        switch dtype {
        case .bool: "bool"
        case .uint8: "unsigned char"
        case .int8: "signed char"
        case .int16: "short int"
        case .int32: "int"
        default: "long"
        }
    }
}
