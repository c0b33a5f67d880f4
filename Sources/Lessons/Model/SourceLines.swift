/// A lesson file's text as lines, each keeping its own terminator, so that edits can splice
/// the original bytes back together and leave untouched lines byte-identical.
public struct SourceLines: Sendable, Codable, Equatable {
    /// Line contents without terminators; `lines[0]` is line 1.
    public private(set) var lines: [String]
    /// Each line's terminator: `"\n"`, `"\r\n"`, or `""` for a last line without one.
    public private(set) var terminators: [String]

    /// Splits text at `\n`, treating a `\r` right before it as part of the terminator.
    public init(_ text: String) {
        var lines: [String] = []
        var terminators: [String] = []
        var bytes = Array(text.utf8)[...]
        while let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
            var end = newline
            var terminator = "\n"
            if end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: "\r") {
                end -= 1
                terminator = "\r\n"
            }
            lines.append(String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self))
            terminators.append(terminator)
            bytes = bytes[(newline + 1)...]
        }
        if !bytes.isEmpty {
            lines.append(String(decoding: bytes, as: UTF8.self))
            terminators.append("")
        }
        self.lines = lines
        self.terminators = terminators
    }

    public var count: Int { lines.count }

    /// The content of 1-based line `number` (empty past the end).
    public func line(_ number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// The terminator new lines should get: CRLF when the file's first line ends that way.
    public var preferredTerminator: String {
        terminators.first(where: { !$0.isEmpty }) ?? "\n"
    }

    /// The original text, byte for byte.
    public var text: String {
        var result = ""
        for (line, terminator) in zip(lines, terminators) {
            result += line
            result += terminator
        }
        return result
    }

    /// Original text of lines `range` (1-based, inclusive), terminators included.
    public func text(of range: ClosedRange<Int>) -> String {
        var result = ""
        for number in range where number >= 1 && number <= lines.count {
            result += lines[number - 1] + terminators[number - 1]
        }
        return result
    }

    /// The text with every line ending as `\n`: what cmark is given, so that cmark's line
    /// numbers are this file's line numbers.
    public func normalized(blanking blanked: ClosedRange<Int>? = nil) -> String {
        var result = ""
        for (index, line) in lines.enumerated() {
            if let blanked, blanked.contains(index + 1) {
                result += "\n"
            } else {
                result += line + "\n"
            }
        }
        return result
    }
}
