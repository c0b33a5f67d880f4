/// TeX math to MathML Core, with no scripts, fonts or network: browsers draw the result
/// natively. Unsupported input shows as its source with a warning, never as a broken page.
public enum TeXMath {
    /// A formula as MathML, and what could not be rendered in it.
    public struct Rendering: Equatable, Sendable {
        public var mathML: String
        public var warnings: [String]
    }

    /// Renders `tex` as an inline formula, or as a displayed one (`display`).
    public static func render(_ tex: String, display: Bool) -> Rendering {
        var parser = TeXParser(tex)
        let nodes = parser.parseFormula()
        var mathML = display ? "<math display=\"block\">" : "<math>"
        for node in nodes { MathMLWriter.write(node, to: &mathML) }
        mathML += "</math>"
        return Rendering(mathML: mathML, warnings: parser.warnings)
    }
}
