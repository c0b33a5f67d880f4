/// Binding with the messages of CPython's Argument Clinic (`_PyArg_UnpackKeywords`), which
/// built-in functions and methods such as `str.split`, `str.splitlines`, `round`, `pow` and
/// `sum` use. They differ from a Python function's ("takes at most 2 arguments (3 given)",
/// "missing required argument 'exp' (pos 2)"), and lessons that print an error show them.
public struct ClinicSignature: Sendable {
    public let function: String
    /// Parameter names, positional-only ones first.
    public let names: [String]
    /// How many leading parameters are positional-only.
    public let positionalOnly: Int
    /// How many leading parameters must be given.
    public let required: Int

    public init(_ function: String, _ names: [String], positionalOnly: Int = 0, required: Int = 0) {
        self.function = function
        self.names = names
        self.positionalOnly = positionalOnly
        self.required = required
    }
}

extension Arguments {
    /// Binds as `_PyArg_UnpackKeywords` does (every parameter may be passed by position):
    /// one entry per parameter, nil where it was left out.
    public func bindClinic(_ sig: ClinicSignature) throws -> [PyValue?] {
        let maxArgs = sig.names.count
        let given = count + keywordNames.count
        let fname = "\(sig.function)()"
        if given > maxArgs {
            let kind = count == 0 ? "keyword " : ""
            throw PyError.typeError("\(fname) takes at most \(maxArgs) \(kind)argument\(maxArgs == 1 ? "" : "s") (\(given) given)")
        }
        let minPositionalOnly = Swift.min(sig.positionalOnly, sig.required)
        if count < minPositionalOnly {
            let how = minPositionalOnly < maxArgs ? "at least" : "exactly"
            throw PyError.typeError("\(fname) takes \(how) \(minPositionalOnly) positional argument\(minPositionalOnly == 1 ? "" : "s") (\(count) given)")
        }
        var values = [PyValue?](repeating: nil, count: maxArgs)
        for i in 0..<count { values[i] = self[i] }
        var unused = keywordNames.count
        for i in Swift.max(count, sig.positionalOnly)..<maxArgs {
            if let v = keyword(sig.names[i]) {
                values[i] = v
                unused -= 1
            } else if i < sig.required {
                throw PyError.typeError("\(fname) missing required argument '\(sig.names[i])' (pos \(i + 1))")
            }
        }
        if unused > 0 {
            for i in stride(from: sig.positionalOnly, to: Swift.min(count, maxArgs), by: 1) where keyword(sig.names[i]) != nil {
                throw PyError.typeError("argument for \(fname) given by name ('\(sig.names[i])') and position (\(i + 1))")
            }
            for k in keywordNames where !sig.names[sig.positionalOnly...].contains(k.string) {
                throw PyError.typeError("'\(k.string)' is an invalid keyword argument for \(fname)")
            }
        }
        return values
    }

    /// `PyArg_ParseTuple`'s count check for a method of positional arguments only
    /// (`str.find`, `str.count`, `str.startswith`): "find() takes at least 1 argument (0 given)".
    public func checkParseTuple(_ name: String, _ min: Int, _ max: Int) throws {
        if hasKeywords { throw PyError.typeError("\(name)() takes no keyword arguments") }
        if count < min {
            throw PyError.typeError("\(name)() takes at least \(min) argument\(min == 1 ? "" : "s") (\(count) given)")
        }
        if count > max {
            throw PyError.typeError("\(name)() takes at most \(max) argument\(max == 1 ? "" : "s") (\(count) given)")
        }
    }
}
