/// C's double -> int64 conversion as NumPy's compiled code performs it on x86-64
/// (`cvttsd2si`): truncation toward zero, and INT64_MIN for NaN or out-of-range values where
/// C leaves it undefined. Rejection loops in NumPy rely on that value being rejected.
@inline(__always)
func cInt64(_ x: Double) -> Int64 {
    guard x.isFinite, x >= -9.223372036854775808e18, x < 9.223372036854775808e18 else { return Int64.min }
    return Int64(x.rounded(.towardZero))
}
