/// CPython's default `repr` of an object, `<AddBackward0 object at 0x7f97ccedfdc0>` (and of a
/// function or generator: `<function f at 0x…>`, `<generator object Module.parameters at
/// 0x…>`), holds a memory address that changes from run to run in PyTorch itself: an output
/// block made by PyTorch could never match again, not even under PyTorch. Comparison
/// therefore reads the hex digits after ` at 0x` up to the closing `>` as one placeholder;
/// everything else on the line (the type name included) must still match exactly.
enum ObjectAddress {
    static let marker = Array(" at 0x")

    /// `line` with each such address replaced by `…`.
    static func masked(_ line: String) -> String {
        guard line.contains(" at 0x") else { return line }
        let characters = Array(line)
        var out = "", index = 0
        while index < characters.count {
            if characters[index] == " ", index + marker.count <= characters.count,
               Array(characters[index..<index + marker.count]) == marker {
                var end = index + marker.count
                while end < characters.count, characters[end].isHexDigit { end += 1 }
                if end > index + marker.count, end < characters.count, characters[end] == ">" {
                    out += " at 0x…"
                    index = end
                    continue
                }
            }
            out.append(characters[index])
            index += 1
        }
        return out
    }
}
