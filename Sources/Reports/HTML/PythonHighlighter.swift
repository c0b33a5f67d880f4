/// Light syntax colouring for cell code: keywords, strings, numbers and comments wrapped in
/// `<span>`s. It only has to look right, not to parse Python; all text is escaped.
enum PythonHighlighter {
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    static func html(_ code: String) -> String {
        let characters = Array(code)
        var html = ""
        var index = 0
        func span(_ kind: String, _ text: String) { html += "<span class=\"\(kind)\">\(text.htmlEscaped)</span>" }
        while index < characters.count {
            let character = characters[index]
            if character == "#" {
                let end = characters[index...].firstIndex(of: "\n") ?? characters.count
                span("comment", String(characters[index..<end]))
                index = end
            } else if character == "\"" || character == "'" {
                let end = stringEnd(characters, from: index)
                span("string", String(characters[index..<end]))
                index = end
            } else if character.isNumber, index == 0 || !isNamePart(characters[index - 1]) {
                var end = index
                while end < characters.count, isNamePart(characters[end]) || characters[end] == "." { end += 1 }
                span("number", String(characters[index..<end]))
                index = end
            } else if isNamePart(character) {
                var end = index
                while end < characters.count, isNamePart(characters[end]) { end += 1 }
                let word = String(characters[index..<end])
                if keywords.contains(word) {
                    span("keyword", word)
                } else {
                    html += word.htmlEscaped
                }
                index = end
            } else {
                html += String(character).htmlEscaped
                index += 1
            }
        }
        return html
    }

    private static func isNamePart(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// End (exclusive) of the string literal opening at `start`, triple quotes included.
    private static func stringEnd(_ characters: [Character], from start: Int) -> Int {
        let quote = characters[start]
        let triple = start + 2 < characters.count && characters[start + 1] == quote && characters[start + 2] == quote
        var index = start + (triple ? 3 : 1)
        while index < characters.count {
            let character = characters[index]
            if character == "\\" { index += 2; continue }
            if !triple, character == "\n" { return index }
            if character == quote {
                if !triple { return index + 1 }
                if index + 2 < characters.count, characters[index + 1] == quote, characters[index + 2] == quote { return index + 3 }
            }
            index += 1
        }
        return characters.count
    }
}
