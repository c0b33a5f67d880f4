#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A double as C++'s `std::ostream << double` writes it (`%g`, six significant digits), which
/// is how PyTorch's error messages show numbers: `2`, `0.5`, `1e-07`.
func cppNumberText(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    var buffer = [CChar](repeating: 0, count: 48)
    _ = withVaList([value]) { args in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, "%g", args) }
    }
    return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}
