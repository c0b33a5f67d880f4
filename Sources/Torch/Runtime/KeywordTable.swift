import Interpreter

/// PyTorch's parameter names for every `torch.*` function and `torch.Tensor` method
/// (generated into `KeywordTable+Data.swift` by scripts/keywords/gen_keyword_table.py).
///
/// The Binder uses an entry only when a call passes keywords, so calls without keywords
/// pay nothing. Two jobs: a keyword naming a positional parameter moves to its position
/// (bodies may read positionally: `x.equal(other=y)`), and a keyword PyTorch does not
/// know raises PyTorch's TypeError instead of being ignored (`torch.add(x, y, alpah=2)`).
struct KeywordTable: Sendable {
    enum Style: Sendable {
        /// PyTorch's C++ argument parser.
        case native
        /// A C method without parameters (`x.exp()`): CPython's "takes no keyword arguments",
        /// naming the class that defines it (`TensorBase.exp`).
        case noArguments(String)
        /// A Python function: CPython's message names its qualified name.
        case python(String)
    }

    /// One overload line of PyTorch's "invalid combination of arguments" listing.
    struct Overload: Sendable {
        let minArgs: Int
        let maxArgs: Int
        /// Parameters without a default, in order.
        let required: [String]
        /// The line as PyTorch prints it (` * (Tensor input, *, Tensor out = None)`).
        let line: String
        /// What PyTorch's error formatter takes for the parameter names: the last word of
        /// each `, `-separated piece (`*`, `None` for defaulted ones), for its count and
        /// keyword matching.
        let pieceNames: [String]
    }

    final class Entry: Sendable {
        let name: String
        let style: Style
        /// Positional parameters that move to their position when passed by keyword:
        /// name id → position (self left out for methods).
        let positions: [Int: Int]
        /// Every positional parameter of PyTorch's signatures: name id → position.
        let allPositions: [Int: Int]
        let known: Set<Int>
        let listing: String
        let overloads: [Overload]
        /// One-signature functions: positional parameters without a default.
        let required: [String]

        init(name: String, style: Style, positions: [Int: Int], known: Set<Int>, listing: String, required: [String], method: Bool) {
            self.name = name
            self.required = required
            self.style = style
            self.known = known
            self.listing = listing
            let overloads: [Overload] = listing.split(separator: "\n").compactMap { line in
                guard line.hasPrefix(" * ("), line.hasSuffix(")") else { return nil }
                let inner = line.dropFirst(4).dropLast()
                let all = KeywordTable.splitTopLevel(String(inner))
                let params = all.filter { $0 != "*" && !$0.isEmpty }
                // Keyword-only parameters without a default are required too (`nonzero(*, bool as_tuple)`).
                let required = params.filter { !$0.contains(" = ") }.compactMap { $0.split(separator: " ").last.map(String.init) }
                let pieces = String(inner).split(separator: ", ", omittingEmptySubsequences: false).map { $0.split(separator: " ").last.map(String.init) ?? "" }
                return Overload(minArgs: params.filter { !$0.contains(" = ") }.count, maxArgs: params.count, required: required,
                                line: String(line), pieceNames: pieces)
            }
            self.overloads = overloads
            // Only the leading operands (`input`, `other`, `mask`, `tensors`: positions 0 and
            // 1 of a function, 0 of a method) and required parameters move to their
            // positions: bodies read those positionally, while optional ones (`dim=`,
            // `dtype=`) are read by name and a body may take fewer positionals than PyTorch.
            let requiredIDs = Set((required + overloads.flatMap(\.required)).map { Name($0).id })
            self.positions = positions.filter { id, position in position < (method ? 1 : 2) || requiredIDs.contains(id) }
            self.allPositions = positions
        }
    }

    let functions: [String: Entry]
    let methods: [String: Entry]

    static let shared = KeywordTable(data)

    init(_ text: String) {
        var functions: [String: Entry] = [:], methods: [String: Entry] = [:]
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 7 else { continue }
            let style: Style = f[2].hasPrefix("noargs:") ? .noArguments(String(f[2].dropFirst(7)))
                : f[2].hasPrefix("python:") ? .python(String(f[2].dropFirst(7))) : .native
            var positions: [Int: Int] = [:], known: Set<Int> = []
            for p in f[3].split(separator: " ") {
                let parts = p.split(separator: ":")
                guard parts.count == 2, let i = Int(parts[1]) else { continue }
                let id = Name(String(parts[0])).id
                positions[id] = i
                known.insert(id)
            }
            for k in f[4].split(separator: " ") { known.insert(Name(String(k)).id) }
            let listing = Self.unescape(f[5])
            let required = f[6].split(separator: " ").map(String.init)
            let entry = Entry(name: f[1], style: style, positions: positions, known: known, listing: listing, required: required,
                              method: f[0] == "M")
            if f[0] == "F" { functions[f[1]] = entry } else { methods[f[1]] = entry }
        }
        self.functions = functions
        self.methods = methods
    }

    static func unescape(_ s: String) -> String {
        var out = "", escaped = false
        for c in s {
            if escaped { out.append(c == "n" ? "\n" : c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }

    /// Splits `a, b(c, d), e` at top-level commas.
    static func splitTopLevel(_ s: String) -> [String] {
        var parts: [String] = [], cur = "", depth = 0
        for c in s {
            if c == "(" || c == "[" { depth += 1 }
            if c == ")" || c == "]" { depth -= 1 }
            if c == ",", depth == 0 { parts.append(cur.trimmingSpaces); cur = "" } else { cur.append(c) }
        }
        parts.append(cur.trimmingSpaces)
        return parts
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

extension KeywordTable.Entry {
    static let outID = Name("out").id

    /// Checks the keywords of a call against PyTorch's parameters and moves those naming
    /// the next positional parameters into place. `method` calls leave `self` out of `args`.
    func normalize(_ given: Arguments, method: Bool, rt: TorchRuntime) throws -> Arguments {
        var args = given
        if case .native = style { args = numpyAliased(given) }
        for (k, _) in zip(args.keywordNames, args.keywordValues) where k.id != Self.outID && !known.contains(k.id) {
            // PyTorch names the first keyword of the call that is not one of its own names,
            // and its messages show the call's keywords as written.
            let first = given.keywordNames.first { $0.id != Self.outID && !known.contains($0.id) } ?? k
            throw PyError.typeError(unknownMessage(first.string, given, method: method, rt: rt))
        }
        var moves = args
        var moved = true
        while moved && moves.hasKeywords {
            moved = false
            for i in moves.keywordNames.indices where positions[moves.keywordNames[i].id] == moves.count {
                moves.positional = moves.positional + [moves.keywordValues[i]]
                moves.keywordNames.remove(at: i)
                moves.keywordValues.remove(at: i)
                moved = true
                break
            }
        }
        // All or nothing: a body that reads some of these parameters by name expects the
        // others by name too (`x.swapaxes(axis0=0, axis1=1)`).
        if moves.keywordNames.contains(where: { allPositions[$0.id] != nil }) { return args }
        return moves
    }

    /// `numpy_compatibility_arg_names` of python_arg_parser.cpp: PyTorch's C++ parser takes
    /// NumPy's names for four parameters (`x.sum(axis=1, keepdims=True)`), tried only when the
    /// call does not also pass PyTorch's own name.
    static let numpyAliases: [Int: Name] = [
        Name("axis").id: Name("dim"), Name("keepdims").id: Name("keepdim"),
        Name("x").id: Name("input"), Name("a").id: Name("input"), Name("x1").id: Name("input"),
        Name("x2").id: Name("other"),
    ]

    private func numpyAliased(_ args: Arguments) -> Arguments {
        var renamed = args
        for i in args.keywordNames.indices where !known.contains(args.keywordNames[i].id) {
            guard let canonical = Self.numpyAliases[args.keywordNames[i].id], known.contains(canonical.id),
                  !renamed.keywordNames.contains(where: { $0.id == canonical.id }) else { continue }
            renamed.keywordNames[i] = canonical
        }
        return renamed
    }

    /// Whether the call passes parameter `name`, by its name or a NumPy alias.
    private static func passes(_ args: Arguments, _ name: String) -> Bool {
        if args.keyword(name) != nil { return true }
        let id = Name(name).id
        return args.keywordNames.contains { Self.numpyAliases[$0.id]?.id == id }
    }

    func unknownMessage(_ keyword: String, _ args: Arguments, method: Bool, rt: TorchRuntime) -> String {
        switch style {
        case .python(let qualname):
            return "\(qualname)() got an unexpected keyword argument '\(keyword)'"
        case .noArguments(let qualname):
            return "\(qualname)() takes no keyword arguments"
        case .native:
            // PyTorch names the keyword when one overload is plausible for the number of
            // arguments given (or there is one overload), else lists them all.
            let n = args.count + args.keywordNames.count
            let plausible = overloads.filter { $0.minArgs <= n && n <= $0.maxArgs }
            if plausible.count == 1 || overloads.isEmpty {
                // That overload's parse reports a missing parameter before an unknown keyword.
                let required = plausible.first?.required ?? self.required
                for (i, p) in required.enumerated() where i >= args.count && !Self.passes(args, p) {
                    return "\(name)() missing 1 required positional arguments: \"\(p)\""
                }
                return "\(name)() got an unexpected keyword argument '\(keyword)'"
            }
            // PyTorch keeps keywords in a hash map; for the few a call passes, its order is
            // the reverse of the call's.
            let keywords = Array(zip(args.keywordNames, args.keywordValues).reversed())
            let types = args.positional.map { typeName($0, rt) }
            let kws = keywords.map { "\($0.string)=\(typeName($1, rt))" }
            let got = types.isEmpty
                ? kws.map { $0 + ", " }.joined()
                : (types + kws).joined(separator: ", ")
            var text = "\(name)() received an invalid combination of arguments - got (\(got)), but expected one of:\n"
            for o in overloads {
                text += o.line + "\n"
                // An overload taking as many arguments as given says which keywords it lacks.
                guard o.pieceNames.count == n else { continue }
                let tail = Set(o.pieceNames[max(0, o.pieceNames.count - keywords.count)...])
                let unmatched = keywords.map(\.0.string).filter { !tail.contains($0) }
                if !unmatched.isEmpty {
                    text += "      didn't match because some of the keywords were incorrect: " + unmatched.joined(separator: ", ") + "\n"
                }
            }
            return text
        }
    }

    private func typeName(_ v: PyValue, _ rt: TorchRuntime) -> String {
        if rawTensorPayload(v) != nil { return "Tensor" }
        if v.payload(DTypeBox.self) != nil { return "torch.dtype" }
        return rt.typeNameForError(v)
    }
}

extension TorchRuntime {
    /// `body` behind PyTorch's keyword rules for `torch.name`, for functions registered
    /// outside the Binder. Calls without keywords go straight to `body`.
    func keywordChecked(function name: String, _ body: @escaping NativeFunction) -> NativeFunction {
        guard let keywords = KeywordTable.shared.functions[name] else { return body }
        return { [unowned self] interp, args in
            guard args.hasKeywords else { return try body(interp, args) }
            return try body(interp, try keywords.normalize(args, method: false, rt: self))
        }
    }
}
