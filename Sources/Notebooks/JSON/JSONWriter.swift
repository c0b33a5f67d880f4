/// Writes JSON text. `nbformat` lays a document out byte for byte as Jupyter's nbformat
/// writes notebooks (Python's `json.dumps(indent=1, sort_keys=True, ensure_ascii=False)`
/// plus a final newline), so a notebook read and written again by either tool gives the
/// same bytes and diffs stay small. `compact` is one line, in written key order.
public enum JSONWriter {
    public static func nbformat(_ value: JSONValue) -> String {
        var text = ""
        writeIndented(value, level: 0, into: &text)
        return text + "\n"
    }

    /// One line. With `hidingCommentEnd`, `>` is escaped so the text can sit in an HTML
    /// comment (`-->` never appears).
    public static func compact(_ value: JSONValue, hidingCommentEnd: Bool = false) -> String {
        var text = ""
        writeCompact(value, hidingCommentEnd: hidingCommentEnd, into: &text)
        return text
    }

    private static func writeIndented(_ value: JSONValue, level: Int, into text: inout String) {
        let inner = String(repeating: " ", count: level + 1)
        switch value.kind {
        case .array(let items) where !items.isEmpty:
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += inner
                writeIndented(item, level: level + 1, into: &text)
                text += index == items.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: " ", count: level) + "]"
        case .object(let members) where !members.isEmpty:
            text += "{\n"
            let sorted = sortedByKey(members)
            for (index, member) in sorted.enumerated() {
                text += inner
                writeString(member.key, hidingCommentEnd: false, into: &text)
                text += ": "
                writeIndented(member.value, level: level + 1, into: &text)
                text += index == sorted.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: " ", count: level) + "}"
        default:
            writeCompact(value, hidingCommentEnd: false, into: &text)
        }
    }

    private static func writeCompact(_ value: JSONValue, hidingCommentEnd: Bool, into text: inout String) {
        switch value.kind {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let written): text += written
        case .string(let string): writeString(string, hidingCommentEnd: hidingCommentEnd, into: &text)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                writeCompact(item, hidingCommentEnd: hidingCommentEnd, into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                writeString(member.key, hidingCommentEnd: hidingCommentEnd, into: &text)
                text += ":"
                writeCompact(member.value, hidingCommentEnd: hidingCommentEnd, into: &text)
            }
            text += "}"
        }
    }

    /// Python's key order: by code point (UTF-8 byte order is the same), last duplicate kept.
    private static func sortedByKey(_ members: [JSONMember]) -> [JSONMember] {
        var latest: [String: Int] = [:]
        for (index, member) in members.enumerated() { latest[member.key] = index }
        return members.enumerated().filter { latest[$0.element.key] == $0.offset }.map(\.element)
            .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
    }

    /// Python's escapes with `ensure_ascii=False`: quote, backslash, and control characters.
    private static func writeString(_ string: String, hidingCommentEnd: Bool, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case ">" where hidingCommentEnd: text += "\\u003e"
            default:
                if scalar.value < 0x20 {
                    let digits = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
