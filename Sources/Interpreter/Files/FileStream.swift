/// The state behind a file object (`open()`, `io.StringIO`, `io.BytesIO`): the whole
/// content in memory, a position, and where writes go. Text streams hold Unicode scalars in
/// their stored form (newlines as written) and translate newlines as they are read, as
/// CPython's `TextIOWrapper` does; binary streams hold bytes.
final class FileStream {
    enum Backing {
        /// A file of the lesson's file space: every write is stored there at once.
        case file(FileSpace, String)
        /// `StringIO`/`BytesIO`: the content is the object.
        case memory
        /// A `TextIOWrapper` over a binary stream.
        case wrapped(FileStream)
    }

    let text: Bool
    var bytes: [UInt8] = []
    var scalars: [Unicode.Scalar] = []
    var position = 0
    var readable: Bool
    var writable: Bool
    var appending = false
    var closed = false
    let backing: Backing
    /// `newline=` of a text stream: nil is universal newlines.
    var newline: String?
    var name: PyValue = .none
    var mode = ""
    var encoding = "UTF-8"
    /// A `TextIOWrapper`: where its text starts in the wrapped stream's bytes.
    var wrapStart = 0
    /// Text that was not valid in its encoding: raised at the first read, as CPython does.
    var decodeError: String?

    init(text: Bool, readable: Bool, writable: Bool, backing: Backing) {
        self.text = text
        self.readable = readable
        self.writable = writable
        self.backing = backing
    }

    var count: Int { text ? scalars.count : bytes.count }

    func checkOpen() throws {
        // StringIO's text has no full stop; files' and BytesIO's have one (CPython).
        if closed { throw PyError.valueError(text && isMemory ? "I/O operation on closed file" : "I/O operation on closed file.") }
    }

    var isMemory: Bool { if case .memory = backing { return true }; return false }

    func checkReadable() throws {
        try checkOpen()
        if !readable { throw PyError(type: "io.UnsupportedOperation", message: "not readable") }
    }

    func checkWritable() throws {
        try checkOpen()
        if !writable { throw PyError(type: "io.UnsupportedOperation", message: "not writable") }
    }

    // MARK: - Text

    private func isLineEnd(_ k: Int) -> Int? {
        let c = scalars[k]
        switch newline {
        case nil, "":
            if c == "\n" { return 1 }
            if c == "\r" { return k + 1 < scalars.count && scalars[k + 1] == "\n" ? 2 : 1 }
            return nil
        case "\n": return c == "\n" ? 1 : nil
        case "\r": return c == "\r" ? 1 : nil
        default: return c == "\r" && k + 1 < scalars.count && scalars[k + 1] == "\n" ? 2 : nil
        }
    }

    /// Up to `limit` characters (all when negative), stopping after a line end when `line`.
    func readText(_ limit: Int, line: Bool) -> String {
        var out = String.UnicodeScalarView()
        var taken = 0
        while position < scalars.count && (limit < 0 || taken < limit) {
            if let n = isLineEnd(position) {
                if newline == nil { out.append("\n") } else { out.append(contentsOf: scalars[position..<position + n]) }
                position += n
                taken += 1
                if line { break }
                continue
            }
            out.append(scalars[position])
            position += 1
            taken += 1
        }
        return String(out)
    }

    func writeText(_ s: String) throws {
        var stored = Array(s.unicodeScalars)
        if let nl = newline, nl == "\r" || nl == "\r\n" {
            var t: [Unicode.Scalar] = []
            for c in stored { if c == "\n" { t.append(contentsOf: nl.unicodeScalars) } else { t.append(c) } }
            stored = t
        }
        if appending { position = scalars.count }
        let end = min(position + stored.count, scalars.count)
        scalars.replaceSubrange(position..<end, with: stored)
        position += stored.count
        try store()
    }

    /// The byte offset of the position, which `tell()` answers for a UTF-8 text stream.
    var textCookie: Int {
        var n = 0
        for c in scalars[0..<position] { n += String(c).utf8.count }
        return n
    }

    func seekText(cookie: Int) throws {
        var n = 0, k = 0
        while k < scalars.count && n < cookie { n += String(scalars[k]).utf8.count; k += 1 }
        position = k
    }

    // MARK: - Binary

    func readBytes(_ limit: Int, line: Bool) -> [UInt8] {
        var end = limit < 0 ? bytes.count : min(bytes.count, position + limit)
        if line, let nl = bytes[position..<end].firstIndex(of: 10) { end = nl + 1 }
        let out = Array(bytes[position..<max(position, end)])
        position = max(position, end)
        return out
    }

    func writeBytes(_ b: [UInt8]) throws {
        if appending { position = bytes.count }
        if position > bytes.count { bytes += [UInt8](repeating: 0, count: position - bytes.count) }
        let end = min(position + b.count, bytes.count)
        bytes.replaceSubrange(position..<end, with: b)
        position += b.count
        try store()
    }

    /// The text in the stream's encoding, with CPython's `UnicodeEncodeError` text.
    func encoded() throws -> [UInt8] {
        let name = encoding.lowercased().replacing("_", with: "-")
        let limit: UInt32? = ["latin-1", "latin1", "iso-8859-1"].contains(name) ? 256 : ["ascii", "us-ascii"].contains(name) ? 128 : nil
        guard let limit else {
            let utf8 = Array(String(String.UnicodeScalarView(scalars)).utf8)
            return name == "utf-8-sig" ? [0xef, 0xbb, 0xbf] + utf8 : utf8
        }
        return try scalars.enumerated().map { k, c in
            guard c.value < limit else {
                let codec = limit == 128 ? "ascii" : "latin-1"
                let hex = String(c.value, radix: 16)
                let escaped = c.value < 256 ? "\\x" + hex : c.value < 0x10000 ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                throw PyError(type: "UnicodeEncodeError", message: "'\(codec)' codec can't encode character '\(escaped)' in position \(k): ordinal not in range(\(limit))")
            }
            return UInt8(c.value)
        }
    }

    /// Sends the content to where this stream writes.
    func store() throws {
        switch backing {
        case .file(let space, let path):
            try space.write(path, text ? try encoded() : bytes)
        case .memory: break
        case .wrapped(let inner):
            inner.bytes = Array(inner.bytes[0..<min(wrapStart, inner.bytes.count)]) + (try encoded())
            inner.position = inner.bytes.count
        }
    }

    func truncate(_ size: Int) throws {
        if text { scalars.removeSubrange(min(size, scalars.count)...) } else { bytes.removeSubrange(min(size, bytes.count)...) }
        try store()
    }
}
