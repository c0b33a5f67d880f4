/// Reads TeX math into MathML nodes. It never fails: a command it does not know, or a brace
/// that is never closed, becomes visible source in an `<merror>` plus a warning, and the rest
/// of the formula is still read.
struct TeXParser {
    private var tokens: [TeXToken]
    private var position = 0
    private(set) var warnings: [String] = []
    /// The math font in force (`\mathbf{...}`), applied to letters and digits as they are read.
    private var alphabet: MathAlphabet?

    init(_ source: String) {
        tokens = TeXToken.tokenize(source)
    }

    /// The whole formula as the children of `<math>`. Top-level `\\` or `&` lay it out as
    /// aligned rows, as an `aligned` environment would.
    mutating func parseFormula() -> [MathNode] {
        let rows = parseRows(environment: nil)
        if rows.count == 1, rows[0].count == 1 { return rows[0][0] }
        return [table(rows, layout: rows.contains { $0.count > 1 } ? .aligned : .gathered)]
    }

    // MARK: Lists, atoms and scripts

    private var next: TeXToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func skipSpaces() {
        while next == .space { position += 1 }
    }

    private mutating func warn(_ message: String) {
        if !warnings.contains(message) { warnings.append(message) }
    }

    /// Atoms with their scripts until a token in `stops` (not consumed) or the end.
    private mutating func parseList(stops: [TeXToken]) -> [MathNode] {
        var nodes: [MathNode] = []
        while let token = next {
            if stops.contains(token) { break }
            if token == .space { position += 1; continue }
            if case .command(let name) = token, let style = Self.styleSwitches[name] {
                // `\displaystyle` applies to the rest of the group.
                position += 1
                let rest = parseList(stops: stops)
                nodes.append(.element("mstyle", rest, style))
                break
            }
            guard var atom = parseAtom(single: false) else { continue }
            if Self.isUnary(atom.node, after: nodes.last) { atom.node.attributes += [.init(name: "lspace", value: "0"), .init(name: "rspace", value: "0")] }
            nodes.append(parseScripts(base: atom.node))
            if atom.appliesFunction { nodes.append(.op("\u{2061}")) }
        }
        return nodes
    }

    /// A sign with nothing to its left, or an operator or opening fence: it binds to what
    /// follows, as TeX sets `-x` and `(-1)`.
    private static func isUnary(_ node: MathNode, after previous: MathNode?) -> Bool {
        guard node.tag == "mo", node.attributes.isEmpty, ["−", "+", "±", "∓"].contains(node.text ?? "") else { return false }
        guard let previous else { return true }
        guard previous.tag == "mo", let text = previous.text else { return false }
        let closing = [")", "]", "|", "}", "⟩", "‖", "⌉", "⌋", "′", "″", "!"]
        return !closing.contains(text) && !previous.attributes.contains { $0.name == "form" && $0.value == "postfix" }
    }

    private static let styleSwitches: [String: [(String, String)]] = [
        "displaystyle": [("displaystyle", "true"), ("scriptlevel", "0")],
        "textstyle": [("displaystyle", "false"), ("scriptlevel", "0")],
        "scriptstyle": [("displaystyle", "false"), ("scriptlevel", "1")],
    ]

    private struct Atom {
        var node: MathNode
        /// A named function (`\log`): an invisible function application follows its scripts.
        var appliesFunction = false
    }

    /// Primes, `^`, `_`, `\limits` and `\nolimits` after `base`.
    private mutating func parseScripts(base: MathNode) -> MathNode {
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
        var limits = base.takesLimits
        var base = base
        loop: while true {
            skipSpaces()
            switch next {
            case .character("'")?:
                position += 1
                primes += 1
            case .character("^")?:
                position += 1
                if sup != nil { warn("double superscript") }
                sup = parseArgument(for: "^")
            case .character("_")?:
                position += 1
                if sub != nil { warn("double subscript") }
                sub = parseArgument(for: "_")
            case .command("limits")?:
                position += 1
                limits = true
                base.attributes.removeAll { $0.name == "movablelimits" }
            case .command("nolimits")?:
                position += 1
                limits = false
            default:
                break loop
            }
        }
        if primes > 0 {
            let prime = MathNode.op(["′", "″", "‴", "⁗"][min(primes, 4) - 1])
            sup = sup.map { .row([prime, $0]) } ?? prime
        }
        base.takesLimits = false
        switch (sub, sup, limits) {
        case (nil, nil, _): return base
        case let (sub?, nil, false): return .element("msub", [base, sub])
        case let (nil, sup?, false): return .element("msup", [base, sup])
        case let (sub?, sup?, false): return .element("msubsup", [base, sub, sup])
        case let (sub?, nil, true): return .element("munder", [base, sub])
        case let (nil, sup?, true): return .element("mover", [base, sup])
        case let (sub?, sup?, true): return .element("munderover", [base, sub, sup])
        }
    }

    /// A script or command argument: a `{group}` or a single token.
    private mutating func parseArgument(for command: String) -> MathNode {
        skipSpaces()
        guard let token = next, token != .character("}"), token != .character("&"), token != .command("\\"),
              token != .command("end"), token != .command("right") else {
            warn("missing argument for \(command)")
            return .error(command)
        }
        return parseAtom(single: true)?.node ?? .element("mrow", [])
    }

    /// A `{...}` group whose `{` is the next token.
    private mutating func parseGroup() -> MathNode {
        position += 1
        let nodes = parseList(stops: [.character("}")])
        if next == .character("}") { position += 1 } else { warn("missing }") }
        return nodes.count == 1 ? nodes[0] : .element("mrow", nodes)
    }

    /// One atom; nil for tokens that make nothing (`\nonumber`, a stray `\limits`).
    /// `single` reads one digit where a list would read a whole number.
    private mutating func parseAtom(single: Bool) -> Atom? {
        guard let token = next else { return nil }
        switch token {
        case .space:
            position += 1
            return nil
        case .command(let name):
            position += 1
            return parseCommand(name)
        case .character(let character):
            switch character {
            case "{":
                return Atom(node: parseGroup())
            case "}":
                position += 1
                warn("unmatched }")
                return Atom(node: .error("}"))
            case "^", "_":
                if single {
                    position += 1
                    warn("missing argument for \(character)")
                    return Atom(node: .error(String(character)))
                }
                return Atom(node: .element("mrow", []))
            case "&":
                position += 1
                warn("& outside a table")
                return Atom(node: .error("&"))
            case "\\":
                position += 1
                warn("a lone \\ at the end")
                return Atom(node: .error("\\"))
            default:
                position += 1
                return Atom(node: character.isASCIIDigit && !single ? number(startingWith: character) : symbol(character))
            }
        }
    }

    /// Digits with at most one decimal point between digits: one `<mn>`.
    private mutating func number(startingWith first: Character) -> MathNode {
        var text = String(alphabet?.map(first) ?? first)
        var seenPoint = false
        while case .character(let character)? = next {
            if character.isASCIIDigit {
                text.append(alphabet?.map(character) ?? character)
                position += 1
            } else if character == ".", !seenPoint, position + 1 < tokens.count,
                      case .character(let after) = tokens[position + 1], after.isASCIIDigit {
                seenPoint = true
                text.append(".")
                position += 1
            } else {
                break
            }
        }
        return .number(text)
    }

    private mutating func symbol(_ character: Character) -> MathNode {
        if character.isASCIIDigit { return .number(String(alphabet?.map(character) ?? character)) }
        if character.isLetter {
            if alphabet == .upright {
                var word = String(character)
                while case .character(let letter)? = next, letter.isLetter {
                    word.append(letter)
                    position += 1
                }
                return .identifier(word, upright: true)
            }
            return .identifier(String(alphabet?.map(character) ?? character))
        }
        switch character {
        case "-": return .op("−")
        case "*": return .op("∗")
        case "'": return .op("′")
        case "~": return .space("0.2778em")
        case "(", ")", "[", "]": return .op(String(character), [("stretchy", "false")])
        // A bar as in |x| is a delimiter without spacing; `\mid` is the spaced relation.
        case "|": return .op("|", [("stretchy", "false"), ("lspace", "0"), ("rspace", "0")])
        case "/": return .op("/", [("stretchy", "false")])
        default: return .op(String(character))
        }
    }

    // MARK: Commands

    private mutating func parseCommand(_ name: String) -> Atom? {
        if let symbol = TeXSymbols.lookup(name) { return Atom(node: node(for: symbol), appliesFunction: symbol.kind == .function) }
        if let alphabet = MathAlphabet.forCommand(name) {
            let saved = self.alphabet
            self.alphabet = alphabet
            defer { self.alphabet = saved }
            return Atom(node: parseArgument(for: "\\" + name))
        }
        if let accent = Self.accents[name] {
            let base = parseArgument(for: "\\" + name)
            let mark = MathNode.op(accent.mark, [("stretchy", accent.stretchy ? "true" : "false")])
            return Atom(node: accent.under
                ? .element("munder", [base, mark], [("accentunder", "true")])
                : .element("mover", [base, mark], [("accent", "true")]))
        }
        if let size = Self.delimiterSizes[name] {
            guard let delimiter = parseDelimiter(after: name) else { return Atom(node: .error("\\" + name)) }
            return Atom(node: .op(delimiter ?? "", [("fence", "true"), ("stretchy", "true"), ("symmetric", "true"),
                                                    ("minsize", size), ("maxsize", size)]))
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let fraction = MathNode.element("mfrac", [parseArgument(for: "\\" + name), parseArgument(for: "\\" + name)])
            if name == "frac" { return Atom(node: fraction) }
            let display = name == "tfrac" ? "false" : "true"
            return Atom(node: .element("mstyle", [fraction], [("displaystyle", display), ("scriptlevel", "0")]))
        case "binom", "dbinom", "tbinom":
            let top = parseArgument(for: "\\" + name), bottom = parseArgument(for: "\\" + name)
            return Atom(node: .element("mrow", [
                .op("(", [("fence", "true"), ("stretchy", "true")]),
                .element("mfrac", [top, bottom], [("linethickness", "0")]),
                .op(")", [("fence", "true"), ("stretchy", "true")]),
            ]))
        case "sqrt":
            let index = parseOptionalArgument()
            let radicand = parseArgument(for: "\\sqrt")
            if let index { return Atom(node: .element("mroot", [radicand, index])) }
            return Atom(node: .element("msqrt", radicand.tag == "mrow" && radicand.attributes.isEmpty ? radicand.children : [radicand]))
        case "left":
            return Atom(node: parseFenced())
        case "right", "middle":
            warn("\\\(name) without \\left")
            _ = parseDelimiter(after: name)
            return Atom(node: .error("\\" + name))
        case "begin":
            return Atom(node: parseEnvironment())
        case "end":
            let environment = readRawArgument()
            warn("\\end{\(environment)} without \\begin")
            return Atom(node: .error("\\end{\(environment)}"))
        case "overset", "stackrel", "underset":
            let script = parseArgument(for: "\\" + name), base = parseArgument(for: "\\" + name)
            return Atom(node: .element(name == "underset" ? "munder" : "mover", [base, script]))
        case "overbrace", "underbrace":
            let base = parseArgument(for: "\\" + name)
            var node = name == "overbrace"
                ? MathNode.element("mover", [base, .op("⏞", [("stretchy", "true")])])
                : MathNode.element("munder", [base, .op("⏟", [("stretchy", "true")])])
            node.takesLimits = true
            return Atom(node: node)
        case "operatorname", "operatorname*":
            let text = readRawArgument()
            if name == "operatorname" { return Atom(node: .identifier(text, upright: true), appliesFunction: true) }
            var node = MathNode.op(text, [("form", "prefix"), ("movablelimits", "true")])
            node.takesLimits = true
            return Atom(node: node)
        case "text", "textrm", "textnormal", "textup", "mbox", "hbox", "textbf", "textit", "textsf", "texttt":
            let alphabet: MathAlphabet? = ["textbf": .bold, "textit": .italic, "textsf": .sansSerif, "texttt": .monospace][name]
            var text = String(readRawArgument().map { alphabet?.map($0) ?? $0 })
            // Spaces at the ends of <mtext> would collapse; TeX keeps them.
            if text.hasPrefix(" ") { text = "\u{A0}" + text.dropFirst() }
            if text.hasSuffix(" ") { text = text.dropLast() + "\u{A0}" }
            return Atom(node: .leaf("mtext", text))
        case "not":
            skipSpaces()
            guard let negated = parseAtom(single: true)?.node else { return Atom(node: .error("\\not")) }
            guard negated.tag == "mo", let text = negated.text else { return Atom(node: .row([.op("\u{338}"), negated])) }
            let known = ["=": "≠", "∈": "∉", "≡": "≢", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "⊂": "⊄", "⊆": "⊈", "∼": "≁", "≈": "≉"]
            return Atom(node: .op(known[text] ?? text + "\u{338}"))
        case "nonumber", "notag", "nobreak", "allowbreak", "limits", "nolimits", "displaystyle", "textstyle", "scriptstyle", "\\":
            return nil
        case "label":
            _ = readRawArgument()
            return nil
        default:
            warn("unsupported TeX command \\\(name)")
            return Atom(node: .error("\\" + name))
        }
    }

    private func node(for symbol: TeXSymbols.Symbol) -> MathNode {
        switch symbol.kind {
        case .identifier(let upright):
            let text = String(symbol.text.map { alphabet?.map($0) ?? $0 })
            return .identifier(text, upright: upright && text == symbol.text)
        case .operator:
            return .op(symbol.text)
        case .delimiter:
            return .op(symbol.text, [("stretchy", "false")])
        case .largeOperator:
            var node = MathNode.op(symbol.text, [("movablelimits", "true")])
            node.takesLimits = true
            return node
        case .integral:
            return .op(symbol.text)
        case .function:
            return .identifier(symbol.text)
        case .limitFunction:
            var node = MathNode.op(symbol.text, [("form", "prefix"), ("movablelimits", "true")])
            node.takesLimits = true
            return node
        case .space(let width):
            return .space(width)
        }
    }

    private struct Accent {
        var mark: String
        var stretchy = false
        var under = false
    }

    private static let accents: [String: Accent] = [
        "hat": Accent(mark: "^"), "widehat": Accent(mark: "\u{302}", stretchy: true),
        "bar": Accent(mark: "¯"), "overline": Accent(mark: "\u{332}", stretchy: true),
        "vec": Accent(mark: "→"), "overrightarrow": Accent(mark: "→", stretchy: true),
        "overleftarrow": Accent(mark: "←", stretchy: true),
        "tilde": Accent(mark: "~"), "widetilde": Accent(mark: "\u{303}", stretchy: true),
        "dot": Accent(mark: "˙"), "ddot": Accent(mark: "¨"), "check": Accent(mark: "ˇ"),
        "breve": Accent(mark: "˘"), "acute": Accent(mark: "´"), "grave": Accent(mark: "`"),
        "mathring": Accent(mark: "˚"),
        // Combining marks: the glyphs math fonts can stretch across a whole expression.
        "underline": Accent(mark: "\u{332}", stretchy: true, under: true),
    ]

    private static let delimiterSizes: [String: String] = {
        var sizes: [String: String] = [:]
        for (stem, size) in [("big", "1.2em"), ("Big", "1.623em"), ("bigg", "2.047em"), ("Bigg", "2.470em")] {
            for suffix in ["", "l", "r", "m"] { sizes[stem + suffix] = size }
        }
        return sizes
    }()

    /// The delimiter after `\left`, `\right`, `\big` and the like: its text, "" for `.`, nil
    /// (with a warning) when there is none.
    private mutating func parseDelimiter(after command: String) -> String?? {
        skipSpaces()
        switch next {
        case .character(let character)? where "()[]|/.<>".contains(character):
            position += 1
            return character == "." ? "" : character == "<" ? "⟨" : character == ">" ? "⟩" : String(character)
        case .command(let name)?:
            if let symbol = TeXSymbols.lookup(name), symbol.kind == .delimiter || symbol.kind == .operator {
                position += 1
                return symbol.text
            }
        default:
            break
        }
        warn("missing delimiter after \\\(command)")
        return nil
    }

    /// `\left( ... \middle| ... \right)`, whose `\left` is read.
    private mutating func parseFenced() -> MathNode {
        var nodes: [MathNode] = []
        func fence(_ text: String, _ form: String) -> MathNode {
            .op(text, [("fence", "true"), ("form", form), ("stretchy", "true")])
        }
        if let open = parseDelimiter(after: "left"), let open, !open.isEmpty { nodes.append(fence(open, "prefix")) }
        while true {
            nodes += parseList(stops: [.command("right"), .command("middle"), .character("}"), .character("&"), .command("\\"), .command("end")])
            if next == .command("middle") {
                position += 1
                if let middle = parseDelimiter(after: "middle"), let middle, !middle.isEmpty {
                    nodes.append(.op(middle, [("fence", "true"), ("stretchy", "true"), ("lspace", "0.05em"), ("rspace", "0.05em")]))
                }
                continue
            }
            break
        }
        if next == .command("right") {
            position += 1
            if let close = parseDelimiter(after: "right"), let close, !close.isEmpty { nodes.append(fence(close, "postfix")) }
        } else {
            warn("\\left without \\right")
        }
        return .element("mrow", nodes)
    }

    /// `[...]` after `\sqrt`, if there is one.
    private mutating func parseOptionalArgument() -> MathNode? {
        skipSpaces()
        guard next == .character("[") else { return nil }
        position += 1
        let nodes = parseList(stops: [.character("]")])
        if next == .character("]") { position += 1 } else { warn("missing ]") }
        return .row(nodes.isEmpty ? [.element("mrow", [])] : nodes)
    }

    /// The text of a `{...}` argument as written (for `\text`, environment names, labels):
    /// escaped characters unescaped, other commands kept as source.
    private mutating func readRawArgument() -> String {
        skipSpaces()
        guard next == .character("{") else {
            guard let token = next else { return "" }
            position += 1
            return token.source
        }
        position += 1
        var depth = 0
        var text = ""
        while let token = next {
            position += 1
            switch token {
            case .character("{"): depth += 1; text += "{"
            case .character("}"):
                if depth == 0 { return text }
                depth -= 1
                text += "}"
            case .character("~"): text += "\u{A0}"
            case .command(let name) where ["$", "%", "&", "#", "_", "{", "}", " "].contains(name): text += name
            case .command(","), .command(":"), .command(">"): text += "\u{2009}"
            case .command(";"), .command("quad"): text += "\u{2002}"
            case .command("!"): break
            default: text += token.source
            }
        }
        warn("missing }")
        return text
    }

    // MARK: Environments

    enum TableLayout {
        /// Cells centred (matrices).
        case centered
        /// Columns alternately right and left aligned, no space between a pair (`aligned`).
        case aligned
        /// One centred column (`gathered`).
        case gathered
        /// Columns left aligned (`cases`).
        case left
        /// Columns as an `array` preamble says (`l`, `c`, `r`).
        case columns([String])
    }

    private static let matrixFences: [String: (String, String)] = [
        "matrix": ("", ""), "smallmatrix": ("", ""), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"),
        "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"),
    ]

    /// `\begin{name} ... \end{name}`, whose `\begin` is read.
    private mutating func parseEnvironment() -> MathNode {
        let name = readRawArgument()
        var layout = TableLayout.centered
        var fences = ("", "")
        var supported = true
        switch name {
        case _ where Self.matrixFences[name] != nil:
            fences = Self.matrixFences[name]!
        case "cases":
            layout = .left
            fences = ("{", "")
        case "aligned", "align", "align*", "split", "alignat", "alignedat":
            if name.hasPrefix("alignat") || name == "alignedat" { _ = readRawArgument() }
            layout = .aligned
        case "gathered", "gather", "gather*", "equation", "equation*":
            layout = .gathered
        case "array":
            let preamble = readRawArgument().filter { "lcr".contains($0) }.map(String.init)
            layout = .columns(preamble)
        default:
            warn("unsupported TeX environment \(name)")
            supported = false
        }
        let rows = parseRows(environment: name)
        var nodes: [MathNode] = []
        if !supported { nodes.append(.error("\\begin{\(name)}")) }
        if !fences.0.isEmpty { nodes.append(.op(fences.0, [("fence", "true"), ("form", "prefix"), ("stretchy", "true")])) }
        nodes.append(table(rows, layout: layout))
        if !fences.1.isEmpty { nodes.append(.op(fences.1, [("fence", "true"), ("form", "postfix"), ("stretchy", "true")])) }
        return .row(nodes)
    }

    /// Cells split by `&`, rows by `\\`, up to `\end{environment}` (or the end of the formula).
    private mutating func parseRows(environment: String?) -> [[[MathNode]]] {
        var rows: [[[MathNode]]] = [[]]
        let stops: [TeXToken] = environment == nil
            ? [.character("&"), .command("\\")]
            : [.character("&"), .command("\\"), .command("end")]
        while true {
            rows[rows.count - 1].append(parseList(stops: stops))
            guard let token = next else {
                if let environment { warn("missing \\end{\(environment)}") }
                break
            }
            position += 1
            if token == .character("&") { continue }
            if token == .command("\\") {
                _ = parseOptionalArgument()
                rows.append([])
                continue
            }
            let closing = readRawArgument()
            if closing != environment { warn("\\begin{\(environment ?? "")} ended by \\end{\(closing)}") }
            break
        }
        // A trailing `\\` leaves an empty last row.
        if rows.count > 1, let last = rows.last, last.allSatisfy(\.isEmpty) { rows.removeLast() }
        return rows
    }

    private func table(_ rows: [[[MathNode]]], layout: TableLayout) -> MathNode {
        var attributes: [(String, String)] = []
        switch layout {
        case .aligned, .gathered: attributes = [("displaystyle", "true")]
        default: break
        }
        let tableRows = rows.map { row in
            MathNode.element("mtr", row.enumerated().map { column, nodes in
                .element("mtd", nodes, Self.cellStyle(layout, column: column, count: row.count))
            })
        }
        return .element("mtable", tableRows, attributes)
    }

    /// MathML Core has no `columnalign`: alignment is CSS on each cell.
    private static func cellStyle(_ layout: TableLayout, column: Int, count: Int) -> [(String, String)] {
        switch layout {
        case .centered, .gathered:
            return []
        case .left:
            return [("style", "text-align: left")]
        case .aligned:
            return column % 2 == 0
                ? [("style", "text-align: right; padding-right: 0")]
                : [("style", "text-align: left; padding-left: 0")]
        case .columns(let preamble):
            let letter = column < preamble.count ? preamble[column] : "c"
            return letter == "c" ? [] : [("style", "text-align: \(letter == "l" ? "left" : "right")")]
        }
    }
}
