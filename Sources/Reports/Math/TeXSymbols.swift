/// The macro table: every TeX command that stands for one symbol, and how MathML shows it.
/// Commands with arguments (`\frac`, `\sqrt`, fonts, accents) are in `TeXParser`.
enum TeXSymbols {
    enum Kind: Equatable, Sendable {
        /// A letter-like symbol: `<mi>`; upright ones carry `mathvariant="normal"`.
        case identifier(upright: Bool)
        /// An operator or relation: `<mo>`.
        case `operator`
        /// A large operator whose scripts go under and over in display style (`\sum`).
        case largeOperator
        /// A large operator whose scripts stay beside it (`\int`).
        case integral
        /// A named function (`\log`): upright name, then an invisible function application.
        case function
        /// A named operator whose scripts go under in display style (`\lim`, `\max`).
        case limitFunction
        /// A horizontal space of the given width.
        case space(String)
        /// A fence that stretches only after `\left`/`\right`.
        case delimiter
    }

    struct Symbol: Equatable, Sendable {
        var text: String
        var kind: Kind
    }

    static func lookup(_ name: String) -> Symbol? { table[name] }

    private static let table: [String: Symbol] = {
        var table: [String: Symbol] = [:]
        func add(_ kind: Kind, _ pairs: KeyValuePairs<String, String>) {
            for (name, text) in pairs { table[name] = Symbol(text: text, kind: kind) }
        }
        add(.identifier(upright: false), [
            "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
            "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
            "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
            "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
            "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
            "ell": "ℓ", "imath": "ı", "jmath": "ȷ", "partial": "∂", "infty": "∞", "hbar": "ℏ",
            "aleph": "ℵ", "wp": "℘",
        ])
        add(.identifier(upright: true), [
            "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
            "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "nabla": "∇", "emptyset": "∅",
            "varnothing": "⌀", "Re": "ℜ", "Im": "ℑ", "top": "⊤", "bot": "⊥", "angle": "∠",
            "triangle": "△", "prime": "′", "checkmark": "✓", "square": "□", "Box": "□",
        ])
        add(.operator, [
            // Binary operators.
            "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "circ": "∘", "ast": "∗",
            "star": "⋆", "bullet": "∙", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "oslash": "⊘",
            "odot": "⊙", "cup": "∪", "cap": "∩", "setminus": "∖", "wedge": "∧", "land": "∧",
            "vee": "∨", "lor": "∨", "dagger": "†", "ddagger": "‡", "amalg": "⨿", "sqcup": "⊔", "sqcap": "⊓",
            // Relations and arrows.
            "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈",
            "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "in": "∈", "notin": "∉",
            "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇", "to": "→",
            "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
            "Leftrightarrow": "⇔", "leftrightarrow": "↔", "iff": "⟺", "implies": "⟹", "impliedby": "⟸",
            "mapsto": "↦", "longrightarrow": "⟶", "longleftarrow": "⟵", "Longrightarrow": "⟹",
            "longmapsto": "⟼", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "nearrow": "↗",
            "searrow": "↘", "ll": "≪", "gg": "≫", "mid": "∣", "nmid": "∤", "parallel": "∥", "perp": "⟂",
            "models": "⊨", "vdash": "⊢", "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰",
            "coloneqq": "≔", "triangleq": "≜", "doteq": "≐", "lesssim": "≲", "gtrsim": "≳",
            "leqslant": "⩽", "geqslant": "⩾", "asymp": "≍", "colon": ":",
            // Logic and dots.
            "forall": "∀", "exists": "∃", "nexists": "∄", "neg": "¬", "lnot": "¬", "therefore": "∴",
            "because": "∵", "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
            "dotsc": "…", "dotsb": "⋯",
            // Escaped characters.
            "%": "%", "$": "$", "&": "&", "#": "#", "_": "_",
        ])
        add(.delimiter, [
            "langle": "⟨", "rangle": "⟩", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋",
            "lvert": "|", "rvert": "|", "vert": "|", "lVert": "‖", "rVert": "‖", "Vert": "‖", "|": "‖",
            "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]",
            "backslash": "\\",
        ])
        add(.largeOperator, [
            "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁",
            "bigotimes": "⨂", "bigodot": "⨀", "bigvee": "⋁", "bigwedge": "⋀", "bigsqcup": "⨆",
        ])
        add(.integral, ["int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮"])
        add(.function, [
            "arccos": "arccos", "arcsin": "arcsin", "arctan": "arctan", "arg": "arg", "cos": "cos",
            "cosh": "cosh", "cot": "cot", "coth": "coth", "csc": "csc", "deg": "deg", "dim": "dim",
            "exp": "exp", "hom": "hom", "ker": "ker", "lg": "lg", "ln": "ln", "log": "log", "sec": "sec",
            "sin": "sin", "sinh": "sinh", "tan": "tan", "tanh": "tanh",
        ])
        add(.limitFunction, [
            "det": "det", "gcd": "gcd", "inf": "inf", "lim": "lim", "liminf": "lim inf",
            "limsup": "lim sup", "max": "max", "min": "min", "Pr": "Pr", "sup": "sup",
            "argmax": "arg max", "argmin": "arg min",
        ])
        add(.space("0.1667em"), [",": "", "thinspace": ""])
        add(.space("0.2222em"), [":": "", ">": "", "medspace": ""])
        add(.space("0.2778em"), [";": "", "thickspace": "", " ": ""])
        add(.space("-0.1667em"), ["!": "", "negthinspace": ""])
        add(.space("0.5em"), ["enspace": ""])
        add(.space("1em"), ["quad": ""])
        add(.space("2em"), ["qquad": ""])
        return table
    }()

    /// Every command in the table, sorted: the test page renders each one.
    static var names: [String] { table.keys.sorted() }
}
