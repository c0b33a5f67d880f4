/// Python's `str.splitlines(keepends=True)`, which nbformat uses to store multi-line text
/// as a list of lines: the same line boundaries give the same file bytes.
enum PythonLines {
    static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            current.append(scalar)
            if scalar == "\r", pending == "\n" {
                current.append("\n")
                pending = scalars.next()
            }
            if isBoundary(scalar) {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    private static func isBoundary(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
