/// One MathML Core element made from TeX: a tag, attributes in the order they are written,
/// and either text or child elements. Plain data, so the same TeX always gives the same bytes.
struct MathNode: Equatable, Sendable {
    struct Attribute: Equatable, Sendable {
        var name: String
        var value: String
    }

    var tag: String
    var attributes: [Attribute] = []
    var text: String?
    var children: [MathNode] = []
    /// Scripts go under and over this base (`\sum`, `\lim`, `\underbrace`), not beside it.
    var takesLimits = false

    static func leaf(_ tag: String, _ text: String, _ attributes: [(String, String)] = []) -> MathNode {
        MathNode(tag: tag, attributes: attributes.map { Attribute(name: $0.0, value: $0.1) }, text: text)
    }

    static func element(_ tag: String, _ children: [MathNode], _ attributes: [(String, String)] = []) -> MathNode {
        MathNode(tag: tag, attributes: attributes.map { Attribute(name: $0.0, value: $0.1) }, children: children)
    }

    static func identifier(_ text: String, upright: Bool = false) -> MathNode {
        leaf("mi", text, upright && text.unicodeScalars.count == 1 ? [("mathvariant", "normal")] : [])
    }

    static func number(_ text: String) -> MathNode { leaf("mn", text) }

    static func op(_ text: String, _ attributes: [(String, String)] = []) -> MathNode { leaf("mo", text, attributes) }

    static func space(_ width: String) -> MathNode { element("mspace", [], [("width", width)]) }

    /// A row of nodes; one node stands for itself.
    static func row(_ nodes: [MathNode]) -> MathNode {
        nodes.count == 1 ? nodes[0] : element("mrow", nodes)
    }

    /// TeX shown as written, marked as an error, where a command or construct is not supported.
    static func error(_ source: String) -> MathNode {
        element("merror", [leaf("mtext", source)])
    }
}
