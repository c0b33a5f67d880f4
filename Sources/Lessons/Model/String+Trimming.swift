extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).trimmingTrailingWhitespace())
    }

    /// The text without trailing spaces, tabs and carriage returns (what output comparison ignores).
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex {
            let previous = index(before: end)
            let character = self[previous]
            guard character == " " || character == "\t" || character == "\r" else { break }
            end = previous
        }
        return String(self[startIndex..<end])
    }

    /// The text without one pair of surrounding single or double quotes.
    func unquoted() -> String {
        let text = String(self)
        if text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
