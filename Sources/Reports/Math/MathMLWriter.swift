/// Writes MathML nodes as markup: attributes in their given order, text escaped, invisible
/// characters as numeric references so they can be seen in the source.
enum MathMLWriter {
    static func write(_ node: MathNode) -> String {
        var output = ""
        write(node, to: &output)
        return output
    }

    static func write(_ node: MathNode, to output: inout String) {
        output += "<" + node.tag
        for attribute in node.attributes {
            output += " \(attribute.name)=\"\(escaped(attribute.value))\""
        }
        output += ">"
        if let text = node.text { output += escaped(text) }
        for child in node.children { write(child, to: &output) }
        output += "</\(node.tag)>"
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\u{A0}", "\u{2061}", "\u{338}", "\u{302}", "\u{303}", "\u{332}", "\u{2009}", "\u{2002}": result += "&#x\(String(scalar.value, radix: 16, uppercase: true));"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
