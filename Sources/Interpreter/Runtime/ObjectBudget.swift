/// Python objects a lesson builds are bounded like tensor storage: a string, list or tuple
/// that would need more than `Limits.objectByteLimit` bytes raises `MemoryError` before any
/// memory is taken (CPython raises it when malloc fails; here the host must survive it).
extension Interpreter {
    /// Throws `MemoryError` when `count` items of `itemBytes` bytes each exceed the limit.
    func reserveObject(_ count: Int, itemBytes: Int) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: itemBytes)
        if overflow || bytes > limits.objectByteLimit { throw PyError.memoryError() }
    }

    /// `count` repeated `n` times, refused past the limit (`[1, 2] * 2**62`, `'a' * 10**12`).
    func reserveRepetition(_ count: Int, times n: Int, itemBytes: Int) throws {
        guard n > 0, count > 0 else { return }
        let (total, overflow) = count.multipliedReportingOverflow(by: n)
        if overflow { throw PyError.memoryError() }
        try reserveObject(total, itemBytes: itemBytes)
    }

    /// `s * n`: CPython's OverflowError when the length overflows, else the memory check.
    func reserveStringRepetition(_ s: String, times n: Int) throws {
        guard n > 0 else { return }
        let (total, overflow) = s.unicodeScalars.count.multipliedReportingOverflow(by: n)
        if overflow { throw PyError.overflow("repeated string is too long") }
        try reserveObject(total, itemBytes: 1)
    }

    /// A padded string of width `width` (`center`, `ljust`, `zfill`, `'%*d'`, format widths).
    func reservePadding(_ width: Int) throws {
        try reserveObject(width, itemBytes: 1)
    }
}

extension PyError {
    /// CPython's bare `MemoryError` (no message).
    static func memoryError() -> PyError { PyError(type: "MemoryError", args: []) }
}
