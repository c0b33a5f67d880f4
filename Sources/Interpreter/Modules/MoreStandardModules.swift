extension Interpreter {
    /// The standard modules added for issue 14's language part (`re` and friends),
    /// kept apart from `registerStandardModules` so parallel work merges cleanly.
    func registerMoreStandardModules() {
        registerModule(name: "_sre") { i, m in i.buildSre(m) }
        registerSourceModule(name: "re", source: reSource, file: "<re>")
        registerSourceModule(name: "_complex", source: complexSource, file: "<complex>")
        registerSourceModule(name: "cmath", source: cmathSource, file: "<cmath>")
        registerModule(name: "_exceptiongroup_native") { i, m in i.buildExceptionGroupNative(m) }
        registerSourceModule(name: "_exceptiongroup", source: exceptionGroupSource, file: "<exceptiongroup>")
        registerSourceModule(name: "textwrap", source: textwrapSource, file: "<textwrap>")
        registerSourceModule(name: "contextlib", source: contextlibSource, file: "<contextlib>")
        registerSourceModule(name: "fractions", source: fractionsSource, file: "<fractions>")
        registerSourceModule(name: "statistics", source: statisticsSource + statisticsExtrasSource, file: "<statistics>")
        registerStdlib2Modules()
        registerStdlib3Modules()
    }

    /// Builtins written in Python, loaded when first named: `complex`.
    func lazyBuiltin(_ name: Name) throws -> PyValue? {
        switch name.string {
        case "complex":
            let cls = try importModule("_complex")[name]
            if case .object(let o)? = cls, let c = o as? PyClass { c.module = "builtins" }
            builtins[name] = cls
            return cls
        case "ExceptionGroup", "BaseExceptionGroup":
            let m = try importModule("_exceptiongroup")
            for n in ["ExceptionGroup", "BaseExceptionGroup"] {
                let cls = m[Name(n)]
                if case .object(let o)? = cls, let c = o as? PyClass { c.module = "builtins" }
                builtins[Name(n)] = cls
            }
            return builtins[name]
        default:
            return nil
        }
    }

    /// `complex(0, imag)`, the value of an imaginary literal.
    func makeImaginary(_ imag: Double) throws -> PyValue {
        let cls: PyValue
        if let c = builtins[Name("complex")] { cls = c } else { cls = try lazyBuiltin(Name("complex"))! }
        return try call(cls, Arguments(positional: [.float(0), .float(imag)], keywordNames: [], keywordValues: []))
    }
}

/// An imaginary literal such as `2j`.
final class ImaginaryExpr: Expr {
    let imag: Double
    init(_ imag: Double, line: Int, col: Int) { self.imag = imag; super.init(line: line, col: col) }
    override func eval(_ f: Frame) throws -> PyValue { try f.interp.makeImaginary(imag) }
}
