/// The arguments of a call as the caller wrote them: positional values, then keywords.
public struct Arguments {
    public var positional: [PyValue]
    public var keywordNames: [Name]
    public var keywordValues: [PyValue]

    public init(_ positional: [PyValue] = [], keywords: [(String, PyValue)] = []) {
        self.positional = positional
        keywordNames = keywords.map { Name($0.0) }
        keywordValues = keywords.map { $0.1 }
    }

    init(positional: [PyValue], keywordNames: [Name], keywordValues: [PyValue]) {
        self.positional = positional
        self.keywordNames = keywordNames
        self.keywordValues = keywordValues
    }

    public var count: Int { positional.count }
    public var hasKeywords: Bool { !keywordNames.isEmpty }
    public subscript(i: Int) -> PyValue { positional[i] }

    /// The keyword argument `name`, if given.
    public func keyword(_ name: Name) -> PyValue? {
        for i in keywordNames.indices where keywordNames[i].id == name.id { return keywordValues[i] }
        return nil
    }
    public func keyword(_ name: String) -> PyValue? { keyword(Name(name)) }

    /// Keyword arguments as (name, value) pairs, in call order.
    public var keywords: [(String, PyValue)] { zip(keywordNames, keywordValues).map { ($0.string, $1) } }

    /// Binds to a signature: one entry per parameter (positional ones, then keyword-only),
    /// nil where the caller left a defaulted parameter out. Extra positionals go to
    /// `extra` when the signature takes `*args`, extra keywords when it takes `**kwargs`.
    public func bind(_ sig: Signature) throws -> BoundArguments {
        var values = [PyValue?](repeating: nil, count: sig.names.count)
        var extra: [PyValue] = []
        let np = sig.positionalCount
        if positional.count > np {
            if sig.varargs {
                extra = Array(positional[np...])
            } else {
                throw PyError(type: "TypeError", message: sig.tooManyPositional(positional.count))
            }
        }
        for i in 0..<min(np, positional.count) { values[i] = positional[i] }
        var extraKw: [(String, PyValue)] = []
        for (k, v) in zip(keywordNames, keywordValues) {
            if let i = sig.names.firstIndex(where: { $0.id == k.id }) {
                if values[i] != nil {
                    throw PyError(type: "TypeError", message: "\(sig.function)() got multiple values for argument '\(k.string)'")
                }
                values[i] = v
            } else if sig.varkw {
                extraKw.append((k.string, v))
            } else {
                throw PyError(type: "TypeError", message: "\(sig.function)() got an unexpected keyword argument '\(k.string)'")
            }
        }
        var missing: [String] = []
        for i in 0..<sig.required where values[i] == nil { missing.append(sig.names[i].string) }
        if !missing.isEmpty {
            throw PyError(type: "TypeError", message: missingMessage(sig.function, missing, kind: "positional"))
        }
        return BoundArguments(values: values, extra: extra, extraKeywords: extraKw)
    }
}

func missingMessage(_ function: String, _ missing: [String], kind: String) -> String {
    let quoted = missing.map { "'\($0)'" }
    let list: String
    switch quoted.count {
    case 1: list = quoted[0]
    case 2: list = "\(quoted[0]) and \(quoted[1])"
    default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
    }
    let s = missing.count == 1 ? "" : "s"
    return "\(function)() missing \(missing.count) required \(kind) argument\(s): \(list)"
}

/// The result of `Arguments.bind`.
public struct BoundArguments {
    public var values: [PyValue?]
    public var extra: [PyValue]
    public var extraKeywords: [(String, PyValue)]
    public subscript(i: Int) -> PyValue? { values[i] }
    /// The value of parameter `i`, or `fallback` when it was not given.
    public func value(_ i: Int, or fallback: PyValue) -> PyValue { values[i] ?? fallback }
}

/// A native function's parameters, for CPython-style binding and error messages.
public struct Signature: Sendable {
    public let function: String
    public let names: [Name]
    public let positionalCount: Int
    public let required: Int
    public let varargs: Bool
    public let varkw: Bool

    /// `required` leading parameters must be given; `keywordOnly` follow the positional ones.
    public init(_ function: String, _ positional: [String], keywordOnly: [String] = [], required: Int = 0,
                varargs: Bool = false, varkw: Bool = false) {
        self.function = function
        names = (positional + keywordOnly).map(Name.init)
        positionalCount = positional.count
        self.required = required
        self.varargs = varargs
        self.varkw = varkw
    }

    func tooManyPositional(_ given: Int) -> String {
        let takes = required == positionalCount ? "\(positionalCount)" : "from \(required) to \(positionalCount)"
        let s = positionalCount == 1 && required == positionalCount ? "" : "s"
        let was = given == 1 ? "was" : "were"
        return "\(function)() takes \(takes) positional argument\(s) but \(given) \(was) given"
    }
}
