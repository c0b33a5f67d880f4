#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Long strings built within the cell's time limit: `'a' * 2**31`, `center`, `zfill`,
/// format widths (`f'{x:>{2**31}}'`). One `String(repeating:count:)` of gigabytes is a
/// single native call the evaluator cannot interrupt; these copy in chunks and poll the
/// deadline between them (`NativeDeadline`), at no cost for the short strings lessons build.
enum LongText {
    /// Bytes below which a repetition is one plain call (no clock is read).
    static let shortBytes = 1 << 20
    /// Bytes copied between two polls of the deadline.
    static let chunkBytes = 1 << 24

    /// `unit` repeated `count` times. When the cell's time runs out it stops early and
    /// returns an incomplete string: the caller must `NativeDeadline.throwIfTripped()`.
    static func repeated(_ unit: String, _ count: Int) -> String {
        guard count > 0, !unit.isEmpty else { return "" }
        let unitBytes = unit.utf8.count
        let (total, overflow) = unitBytes.multipliedReportingOverflow(by: count)
        if overflow || total < shortBytes { return String(repeating: unit, count: count) }
        let step = max(unitBytes, chunkBytes / unitBytes * unitBytes)
        return String(unsafeUninitializedCapacity: total) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var filled = 0
            unit.utf8.forEach { base[filled] = $0; filled += 1 }
            // Doubling copies from the start: `filled` stays a multiple of the unit.
            while filled < total {
                let n = min(filled, total - filled, step)
                memcpy(base + filled, base, n)
                filled += n
                if NativeDeadline.poll() { return filled - filled % unitBytes }
            }
            return filled
        }
    }

    /// `count` copies of `fill` (padding).
    static func padding(_ fill: Character, _ count: Int) -> String {
        count <= 0 ? "" : repeated(String(fill), count)
    }
}

extension Interpreter {
    /// `unit * count` within the cell's time limit.
    func repeatedText(_ unit: String, _ count: Int) throws -> String {
        let s = LongText.repeated(unit, count)
        try NativeDeadline.throwIfTripped()
        return s
    }
}
