/// A strict RFC 8259 JSON parser over UTF-8 bytes that records where every value starts
/// and reports malformed text at its line and column. Nesting is bounded so that hostile
/// input is an error, never a stack overflow.
public struct JSONParser {
    /// Deeper nesting than this is reported, not followed (notebooks nest a few levels).
    public static let maximumDepth = 512

    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    /// The column of `columnOffset` on the current line: columns are counted onwards from
    /// here, so finding positions stays linear even on one very long line.
    private var columnOffset = 0
    private var column = 1
    private var depth = 0

    /// Parses a whole JSON text (a leading UTF-8 byte order mark is skipped).
    public static func parse(_ text: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: text)
        if text.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.offset = 3
            parser.lineStart = 3
            parser.columnOffset = 3
        }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.offset == parser.bytes.count else {
            throw parser.error("unexpected \(parser.describeNext()) after the end of the document")
        }
        return value
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: Values

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        let start = position()
        guard offset < bytes.count else { throw error("unexpected end of file, expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return JSONValue(.object(try parseObject()), at: start)
        case UInt8(ascii: "["): return JSONValue(.array(try parseArray()), at: start)
        case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), at: start)
        case UInt8(ascii: "t"): try expectWord("true"); return JSONValue(.bool(true), at: start)
        case UInt8(ascii: "f"): try expectWord("false"); return JSONValue(.bool(false), at: start)
        case UInt8(ascii: "n"): try expectWord("null"); return JSONValue(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONValue(.number(try parseNumber()), at: start)
        default: throw error("unexpected \(describeNext()), expected a value")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> [JSONMember] {
        try enter()
        offset += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return members
        }
        while true {
            guard peek == UInt8(ascii: "\"") else {
                throw error("expected a string in double quotes as object key, found \(describeNext())")
            }
            let key = try parseString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':' after the object key \"\(key)\", found \(describeNext())") }
            offset += 1
            skipWhitespace()
            members.append(JSONMember(key, try parseValue()))
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                offset += 1
                skipWhitespace()
                continue
            }
            guard peek == UInt8(ascii: "}") else { throw error("expected ',' or '}' after an object member, found \(describeNext())") }
            offset += 1
            depth -= 1
            return members
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> [JSONValue] {
        try enter()
        offset += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return items
        }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                offset += 1
                skipWhitespace()
                continue
            }
            guard peek == UInt8(ascii: "]") else { throw error("expected ',' or ']' after an array item, found \(describeNext())") }
            offset += 1
            depth -= 1
            return items
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let expected = Array(word.utf8)
        guard bytes[offset...].starts(with: expected) else {
            throw error("unexpected \(describeNext()), expected a value")
        }
        offset += expected.count
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = offset
        func digits() -> Int {
            let first = offset
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
            return offset - first
        }
        if peek == UInt8(ascii: "-") { offset += 1 }
        if peek == UInt8(ascii: "0") {
            offset += 1
            if let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                throw error("a number cannot have a leading zero")
            }
        } else if digits() == 0 {
            throw error("expected a digit in a number, found \(describeNext())")
        }
        if peek == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw error("expected a digit after the decimal point, found \(describeNext())") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            offset += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent, found \(describeNext())") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flushRun() {
            if runStart < offset {
                scalars.append(contentsOf: String(decoding: bytes[runStart..<offset], as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard let byte = peek else { throw error("unexpected end of file in a string") }
            switch byte {
            case UInt8(ascii: "\""):
                flushRun()
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flushRun()
                scalars.append(try parseEscape())
                runStart = offset
            case 0..<0x20:
                throw error("control character U+\(Self.hex4(byte)) must be escaped in a string")
            case 0x80...:
                try skipUTF8Sequence()
            default:
                offset += 1
            }
        }
    }

    /// Checks one multi-byte UTF-8 sequence and steps over it.
    private mutating func skipUTF8Sequence() throws(JSONSyntaxError) {
        let lead = bytes[offset]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: throw error("invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))")
        }
        guard offset + length <= bytes.count,
              String(validating: bytes[offset..<(offset + length)], as: UTF8.self) != nil else {
            throw error("invalid UTF-8 sequence")
        }
        offset += length
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        offset += 1
        guard let byte = peek else { throw error("unexpected end of file in a string") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hexQuad()
            if (0xD800...0xDBFF).contains(first), bytes[offset...].starts(with: Array("\\u".utf8)) {
                let save = offset
                offset += 2
                let second = try hexQuad()
                if (0xDC00...0xDFFF).contains(second) {
                    return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
                }
                offset = save
            }
            // A lone surrogate (which Python accepts) cannot live in a Swift string.
            return Unicode.Scalar(first) ?? "\u{FFFD}"
        default:
            offset -= 1
            let escaped = describeByte(byte)
            offset -= 1
            throw error("invalid escape '\\\(escaped)' in a string")
        }
    }

    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = Self.hexDigit(byte) else {
                throw error("expected four hexadecimal digits after '\\u', found \(describeNext())")
            }
            value = value * 16 + digit
            offset += 1
        }
        return value
    }

    private static func hex4(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // MARK: Positions and errors

    private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
                columnOffset = offset
                column = 1
            default:
                return
            }
        }
    }

    /// The line and column of `offset`, counting characters (UTF-8 lead bytes), not bytes.
    private mutating func position() -> JSONPosition {
        if columnOffset < lineStart || columnOffset > offset {
            columnOffset = lineStart
            column = 1
        }
        while columnOffset < offset {
            if bytes[columnOffset] & 0xC0 != 0x80 { column += 1 }
            columnOffset += 1
        }
        return JSONPosition(line: line, column: column)
    }

    private mutating func error(_ message: String) -> JSONSyntaxError {
        let place = position()
        return JSONSyntaxError(line: place.line, column: place.column, message: message)
    }

    private func describeNext() -> String {
        guard let byte = peek else { return "end of file" }
        return "'\(describeByte(byte))'"
    }

    private func describeByte(_ byte: UInt8) -> String {
        if byte >= 0x20, byte < 0x7F { return String(UnicodeScalar(byte)) }
        if byte >= 0x80 {
            // Name the whole character when it is one.
            var end = offset + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            if let text = String(validating: bytes[offset..<end], as: UTF8.self) { return text }
        }
        return "\\u" + Self.hex4(byte)
    }
}

/// Text that is not well-formed JSON, with the place where reading stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(line):\(column): \(message)" }
}
