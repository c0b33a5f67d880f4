/// The arguments of a call as the caller wrote them: positional values, then keywords.
public struct Arguments {
    // Up to three positional values live inline (no array allocation per call).
    @usableFromInline var a0: PyValue = .none
    @usableFromInline var a1: PyValue = .none
    @usableFromInline var a2: PyValue = .none
    @usableFromInline var many: [PyValue] = []
    /// The number of positional arguments.
    public private(set) var count: Int = 0
    public var keywordNames: [Name]
    public var keywordValues: [PyValue]

    public init(_ positional: [PyValue] = [], keywords: [(String, PyValue)] = []) {
        keywordNames = keywords.map { Name($0.0) }
        keywordValues = keywords.map { $0.1 }
        setPositional(positional)
    }

    init(positional: [PyValue], keywordNames: [Name], keywordValues: [PyValue]) {
        self.keywordNames = keywordNames
        self.keywordValues = keywordValues
        setPositional(positional)
    }

    @inline(__always) init() { keywordNames = []; keywordValues = [] }
    @inline(__always) init(_ x: PyValue) { keywordNames = []; keywordValues = []; a0 = x; count = 1 }
    @inline(__always) init(_ x: PyValue, _ y: PyValue) { keywordNames = []; keywordValues = []; a0 = x; a1 = y; count = 2 }

    private mutating func setPositional(_ p: [PyValue]) {
        count = p.count
        if p.count > 3 { many = p; return }
        many = []
        if p.count > 0 { a0 = p[0] }
        if p.count > 1 { a1 = p[1] }
        if p.count > 2 { a2 = p[2] }
    }

    /// Appends a positional value (used while evaluating a call's arguments).
    @inline(__always) mutating func append(_ v: PyValue) {
        switch count {
        case 0: a0 = v
        case 1: a1 = v
        case 2: a2 = v
        case 3: many = [a0, a1, a2, v]
        default: many.append(v)
        }
        count += 1
    }

    /// All positional values (allocates; prefer `count` and `args[i]`).
    public var positional: [PyValue] {
        get {
            switch count {
            case 0: return []
            case 1: return [a0]
            case 2: return [a0, a1]
            case 3: return [a0, a1, a2]
            default: return many
            }
        }
        set { setPositional(newValue) }
    }

    public var hasKeywords: Bool { !keywordNames.isEmpty }

    @inline(__always) public subscript(i: Int) -> PyValue {
        if count > 3 { return many[i] }
        switch i {
        case 0: return a0
        case 1: return a1
        default: return a2
        }
    }

    /// The same arguments with `v` inserted first (a bound method's receiver).
    public func prepending(_ v: PyValue) -> Arguments {
        var r = self
        if count < 3 {
            r.a2 = a1; r.a1 = a0; r.a0 = v; r.count = count + 1
        } else {
            r.positional = [v] + positional
        }
        return r
    }

    /// The same arguments without the first positional one.
    public func droppingFirst() -> Arguments {
        var r = self
        if count <= 3 {
            r.a0 = a1; r.a1 = a2; r.a2 = .none; r.count = count - 1
        } else {
            r.positional = Array(positional.dropFirst())
        }
        return r
    }

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
        if count > np {
            if sig.varargs {
                extra = Array(positional[np...])
            } else {
                throw PyError(type: "TypeError", message: sig.tooManyPositional(count))
            }
        }
        for i in 0..<min(np, count) { values[i] = self[i] }
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
