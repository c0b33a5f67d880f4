#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's `'{:.Nf}'.format(x)` and `'{:.Ne}'.format(x)` for a float64 `x`.
///
/// CPython formats with correctly rounded decimal conversion (round half to even on the
/// exact binary value); C's `printf` does the same on glibc and Darwin, so the digits come
/// from `vsnprintf`. What differs is spelled out here: Python never prints `-nan`.
public enum PythonFloatFormat {
    /// `'{:.{precision}f}'.format(value)`.
    public static func fixed(_ value: Double, precision: Int) -> String {
        if let special = nonFinite(value) { return special }
        return printf("%.*f", precision, value)
    }

    /// `'{:.{precision}e}'.format(value)`: mantissa digits, then `e±XX` (at least two
    /// exponent digits).
    public static func scientific(_ value: Double, precision: Int) -> String {
        if let special = nonFinite(value) { return special }
        return printf("%.*e", precision, value)
    }

    private static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    private static func printf(_ format: String, _ precision: Int, _ value: Double) -> String {
        let precision = Int32(clamping: precision)
        var buffer = [CChar](repeating: 0, count: 64)
        let needed = withVaList([precision, value]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, args) }
        }
        if Int(needed) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(needed) + 1)
            _ = withVaList([precision, value]) { args in
                buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, args) }
            }
        }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
