#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The few string functions the interpreter took from Foundation, written on the standard
// library and libc: Foundation's full module (with ICU's 30 MB of data) would be linked into
// the binary for them.

/// C's `printf` formatting of one value (`%.3f`, `%-8ld`, `%#x`), as Python's `%` and
/// `format` use it for numbers.
public func cFormat(_ format: String, _ arguments: CVarArg...) -> String {
    withVaList(arguments) { list in
        var buffer = [CChar](repeating: 0, count: 512)
        let count = Int(vsnprintf(&buffer, buffer.count, format, list))
        if count < buffer.count { return String(cString: buffer) }
        buffer = [CChar](repeating: 0, count: count + 1)
        return withVaList(arguments) { again in
            _ = vsnprintf(&buffer, buffer.count, format, again)
            return String(cString: buffer)
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace (newlines included).
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    /// The range of the last occurrence of `other`.
    func lastRange(of other: String) -> Range<Index>? {
        guard !other.isEmpty else { return nil }
        var found: Range<Index>?
        var start = startIndex
        while let range = self[start...].firstRange(of: other) {
            found = range
            start = index(after: range.lowerBound)
        }
        return found
    }

    /// Padded with `pad` on the right to `length` characters.
    func padded(to length: Int, with pad: Character = " ") -> String {
        String(self) + String(repeating: pad, count: Swift.max(0, length - count))
    }
}
