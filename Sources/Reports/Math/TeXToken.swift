/// A token of TeX math: a control sequence (`\frac`, `\,`, `\\`), one other character, or
/// a run of white space (which only `\text{...}` keeps).
enum TeXToken: Equatable, Sendable {
    case command(String)
    case character(Character)
    case space

    /// Splits TeX source into tokens. `\` at the very end stands for itself.
    static func tokenize(_ source: String) -> [TeXToken] {
        var tokens: [TeXToken] = []
        let characters = Array(source)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                var end = index + 1
                if characters[end].isASCIILetter {
                    while end < characters.count, characters[end].isASCIILetter { end += 1 }
                    // `\operatorname*` and friends: a star belongs to the command.
                    if end < characters.count, characters[end] == "*",
                       ["operatorname", "align", "gather"].contains(String(characters[index + 1..<end])) {
                        end += 1
                    }
                } else {
                    end += 1
                }
                tokens.append(.command(String(characters[index + 1..<end])))
                index = end
            } else if character.isWhitespace {
                while index < characters.count, characters[index].isWhitespace { index += 1 }
                tokens.append(.space)
            } else if character == "%" {
                // A TeX comment runs to the end of the line.
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else {
                tokens.append(.character(character))
                index += 1
            }
        }
        return tokens
    }

    /// The token as it was written.
    var source: String {
        switch self {
        case .command(let name): return "\\" + name
        case .character(let character): return String(character)
        case .space: return " "
        }
    }
}

extension Character {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
