/// A line `print(expr)  # Output: text` (or `# -> text`) in a cell: the lesson claims that
/// this print shows `text`, and `check` holds it to that, as it does an output block.
public struct InlineClaim: Sendable, Codable, Equatable {
    /// File line of the print.
    public var line: Int
    /// The claimed text, trimmed.
    public var text: String

    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }

    /// The reason a cell fails when only its claims do not hold.
    public static let failureReason = "inline claim differs"

    /// The claims among a cell's code lines; the first code line is file line `firstLine`.
    static func find(in code: String, firstLine: Int) -> [InlineClaim] {
        var claims: [InlineClaim] = []
        for (offset, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let statement = line.drop(while: { $0 == " " || $0 == "\t" })
            guard statement.hasPrefix("print("), let comment = comment(in: statement) else { continue }
            let body = comment.trimmingWhitespace()
            for marker in ["Output:", "->"] where body.hasPrefix(marker) {
                claims.append(InlineClaim(line: firstLine + offset, text: body.dropFirst(marker.count).trimmingWhitespace()))
                break
            }
        }
        return claims
    }

    /// The text after the `#` that starts a comment on `line` (not one inside a string).
    private static func comment(in line: Substring) -> Substring? {
        var quote: Character?
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                return line[line.index(after: index)...]
            }
        }
        return nil
    }
}

/// A claim whose print showed something else (or nothing, in a cell that completed).
public struct ClaimMismatch: Sendable, Codable, Equatable {
    public var line: Int
    public var claimed: String
    /// What the line printed, without its final newline; empty when it printed nothing.
    public var printed: String

    /// `--- claimed` / `+++ printed` hunks, as `check` shows them.
    public var diff: String {
        UnifiedDiff.make(expected: [claimed], actual: OutputComparison.comparedLines(printed))
    }

    /// The mismatches among `claims`, given what each line printed. A line that printed
    /// nothing counts only when the cell completed: a cell stopped by an exception before
    /// reaching its claim is judged by that exception.
    static func judge(_ claims: [InlineClaim], printed: [Int: String], completed: Bool, tolerance: Double?) -> [ClaimMismatch] {
        claims.compactMap { claim in
            guard let text = printed[claim.line] else {
                return completed ? ClaimMismatch(line: claim.line, claimed: claim.text, printed: "") : nil
            }
            return OutputComparison.matches(text, claim.text, tolerance: tolerance)
                ? nil : ClaimMismatch(line: claim.line, claimed: claim.text, printed: text)
        }
    }
}
