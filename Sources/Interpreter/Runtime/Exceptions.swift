extension Interpreter {
    /// The exception object of an error, creating it from the pending type and arguments.
    @discardableResult
    func materialize(_ e: PyError) -> PyInstance {
        if let x = e.exception { return x }
        let cls = exceptionClassNamed(e.pendingType)
        let inst = PyInstance(cls: cls)
        inst.attributes.set(N.args, .tuple(e.pendingArgs))
        setExceptionAttributes(inst, e.pendingArgs)
        if let s = e.nameSuggestion { inst.payload = s }
        if let o = e.attributeObject { inst.attributes.set(Name("obj"), o) }
        e.exception = inst
        return inst
    }

    /// A built-in exception class, or a new subclass of Exception for a host-specific name
    /// such as "OutOfMemoryError".
    func exceptionClassNamed(_ name: String) -> PyClass {
        if let c = types.exceptions[name] { return c }
        let short = name.split(separator: ".").last.map(String.init) ?? name
        let module = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : "builtins"
        let c = PyClass(name: short, module: module, bases: [types.exceptions["Exception"]!], interpreter: self)
        types.exceptions[name] = c
        return c
    }

    /// Whether `e` is an instance of the built-in exception `typeName` (or a subclass).
    public func errorIs(_ e: PyError, _ typeName: String) -> Bool {
        guard let target = types.exceptions[typeName] else { return false }
        if let x = e.exception { return x.cls.isSubclass(of: target) }
        if let c = types.exceptions[e.pendingType] { return c.isSubclass(of: target) }
        return false
    }

    /// Turns the operand of `raise` into an error.
    func makeError(_ v: PyValue) throws -> PyError {
        if case .object(let o) = v {
            if let c = o as? PyClass, c.isSubclass(of: types.exceptions["BaseException"]!) {
                let inst = try call(v, Arguments())
                guard let i = inst.asInstance else { throw PyError.typeError("exceptions must derive from BaseException") }
                return PyError(i)
            }
            if let i = o as? PyInstance, i.cls.isSubclass(of: types.exceptions["BaseException"]!) {
                // Raising an exception that has a traceback (`raise e`, `raise
                // e.with_traceback(tb)`) continues it: the frames it unwinds through now
                // come after the ones it had, as CPython prepends them to its tb.
                adoptHandledTraceback(i)
                let err = PyError(i)
                err.traceback = i.traceback
                return err
            }
        }
        throw PyError.typeError("exceptions must derive from BaseException")
    }

    /// `except spec:` matching against a class or a tuple of classes.
    func exceptionMatches(_ exc: PyInstance, _ spec: PyValue) throws -> Bool {
        guard case .object(let o) = spec else { throw PyError.typeError("catching classes that do not inherit from BaseException is not allowed") }
        if let c = o as? PyClass {
            if !c.isSubclass(of: types.exceptions["BaseException"]!) {
                throw PyError.typeError("catching classes that do not inherit from BaseException is not allowed")
            }
            return exc.cls.isSubclass(of: c)
        }
        if let t = o as? PyTuple {
            for x in t.items where try exceptionMatches(exc, x) { return true }
            return false
        }
        throw PyError.typeError("catching classes that do not inherit from BaseException is not allowed")
    }

    /// `str(exception)`.
    func exceptionMessage(_ exc: PyInstance) -> String {
        (try? str(.object(exc))) ?? ""
    }

    /// The last line of a traceback: `Type: message`, or just `Type`.
    func exceptionLastLine(_ exc: PyInstance) -> String {
        var msg = exceptionMessage(exc)
        // CPython's traceback shows a SyntaxError's place above it, and only `msg` here.
        if exc.cls.isSubclass(of: types.exceptions["SyntaxError"]!), case .str(let m)? = exc.attributes.get(Name("msg")) { msg = m }
        var name = exc.cls.qualname
        if exc.cls.module != "builtins" && exc.cls.module != "__main__" { name = exc.cls.module + "." + name }
        return msg.isEmpty ? name : "\(name): \(msg)"
    }

    /// A CPython-3.11-style traceback text. Like CPython, a run of frames at the same file,
    /// line and function shows its first three, then `[Previous line repeated N more times]`,
    /// so a RecursionError stays a few lines long.
    func tracebackText(_ e: PyError) -> String {
        let exc = materialize(e)
        var shown: Set<ObjectIdentifier> = []
        offerSuggestions = true
        defer { offerSuggestions = false }
        return chainedTraceback(exc, e.traceback, &shown)
    }

    /// The tracebacks of the exception's cause or context first (as CPython chains them),
    /// then its own, its last line and its notes; an exception group as CPython 3.11's
    /// `TracebackException.format` draws it: its own traceback framed by `| `, then each
    /// member under a `+---------------- n ----------------` rule, nested groups and the
    /// chains of members indented by depth, at most 15 members shown.
    func chainedTraceback(_ exc: PyInstance, _ entries: [TraceEntry], _ shown: inout Set<ObjectIdentifier>) -> String {
        var context = TracebackPrintContext()
        var out = ""
        formatException(exc, entries, &context, &shown, &out)
        return out
    }

    private func formatException(_ top: PyInstance, _ topEntries: [TraceEntry], _ ctx: inout TracebackPrintContext,
                                 _ shown: inout Set<ObjectIdentifier>, _ out: inout String) {
        // The chain, innermost cause or context last, each with the message that follows it.
        var chain: [(message: String?, exc: PyInstance, entries: [TraceEntry])] = []
        var current: PyInstance? = top
        var entries = topEntries
        while let exc = current {
            shown.insert(ObjectIdentifier(exc))
            let suppress = (try? truthy(exc.attributes.get(N.__suppress_context__) ?? .false)) ?? false
            var message: String?
            var next: PyInstance?
            if let cause = exc.attributes.get(N.__cause__)?.asInstance, !shown.contains(ObjectIdentifier(cause)) {
                message = "\nThe above exception was the direct cause of the following exception:\n\n"
                next = cause
            } else if !suppress, let context = exc.attributes.get(N.__context__)?.asInstance, !shown.contains(ObjectIdentifier(context)) {
                message = "\nDuring handling of the above exception, another exception occurred:\n\n"
                next = context
            }
            chain.append((message, exc, entries))
            current = next
            entries = next?.traceback ?? []
        }
        for (message, exc, entries) in chain.reversed() {
            if let m = message { out += ctx.emit(m) }
            var last = exceptionLastLine(exc) + (offerSuggestions ? suggestionSuffix(exc) : "") + "\n"
            if let notes = exc.attributes.get(N.__notes__)?.asList {
                for n in notes.items { last += ((try? str(n)) ?? "<note str() failed>") + "\n" }
            }
            guard let members = exceptionGroupMembers(exc) else {
                out += ctx.emit(framesText(entries))
                out += ctx.emit(last)
                continue
            }
            let topLevel = ctx.depth == 0
            if topLevel { ctx.depth += 1 }
            let frames = framesText(entries)
            if !frames.isEmpty {
                out += ctx.emit("Exception Group Traceback (most recent call last):\n", margin: topLevel ? "+" : "|")
                out += ctx.emit(String(frames.dropFirst("Traceback (most recent call last):\n".count)))
            }
            out += ctx.emit(last)
            let width = 15
            let n = members.count <= width ? members.count : width + 1
            ctx.needClose = false
            for i in 0..<n {
                let isLast = i == n - 1
                if isLast { ctx.needClose = true }
                let truncated = i >= width
                out += ctx.indent + (i == 0 ? "+-" : "  ") + "+---------------- \(truncated ? "..." : "\(i + 1)") ----------------\n"
                ctx.depth += 1
                if truncated {
                    let more = members.count - width
                    out += ctx.emit("and \(more) more exception\(more > 1 ? "s" : "")\n")
                } else {
                    formatException(members[i], members[i].traceback, &ctx, &shown, &out)
                }
                if isLast && ctx.needClose {
                    out += ctx.indent + "+------------------------------------\n"
                    ctx.needClose = false
                }
                ctx.depth -= 1
            }
            if topLevel { ctx.depth = 0 }
        }
    }

    /// The members of an exception group (`ExceptionGroup`, `BaseExceptionGroup`), nil for
    /// other exceptions.
    private func exceptionGroupMembers(_ exc: PyInstance) -> [PyInstance]? {
        guard case .object(let o)? = builtins[Name("BaseExceptionGroup")], let g = o as? PyClass,
              exc.cls.isSubclass(of: g), let members = exc.attributes.get(Name("_exceptions"))?.asTuple else { return nil }
        return members.items.compactMap(\.asInstance)
    }

    func framesText(_ entries: [TraceEntry]) -> String {
        if entries.isEmpty { return "" }
        let e = (traceback: entries, ())
        var out = "Traceback (most recent call last):\n"
        var previous: (file: String, line: Int, function: String)?
        var repeats = 0
        func flushRepeats() {
            if repeats > Self.tracebackRepeatCutoff {
                let more = repeats - Self.tracebackRepeatCutoff
                out += "  [Previous line repeated \(more) more time\(more == 1 ? "" : "s")]\n"
            }
        }
        for entry in e.traceback.reversed() {
            if let p = previous, p.file == entry.file, p.line == entry.line, p.function == entry.function {
                repeats += 1
            } else {
                flushRepeats()
                previous = (entry.file, entry.line, entry.function)
                repeats = 1
            }
            if repeats > Self.tracebackRepeatCutoff { continue }
            out += "  File \"\(entry.file)\", line \(entry.line), in \(entry.function)\n"
            if let s = entry.sourceLine {
                let t = s.drop { $0 == " " || $0 == "\t" }
                if !t.isEmpty {
                    out += "    \(t)\n"
                    if let c = entry.caret, let m = c.markers(under: s) { out += m + "\n" }
                }
            }
        }
        flushRepeats()
        return out
    }

    /// How many identical consecutive frames a traceback shows before collapsing the rest
    /// (CPython's `RECURSIVE_CUTOFF`).
    static let tracebackRepeatCutoff = 3
}

/// Where a traceback being printed stands inside exception groups (CPython's
/// `_ExceptionPrintContext`): each level indents by two spaces and draws a `| ` margin.
struct TracebackPrintContext {
    var depth = 0
    var needClose = false

    var indent: String { String(repeating: " ", count: 2 * depth) }

    /// `text` with the margin of this depth before every line.
    func emit(_ text: String, margin: Character = "|") -> String {
        if depth == 0 || text.isEmpty { return text }
        let prefix = indent + String(margin) + " "
        var out = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { out += prefix + line + "\n" }
        return out
    }
}
