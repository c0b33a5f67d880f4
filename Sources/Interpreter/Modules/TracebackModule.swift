/// What the `traceback` module and `exc.__traceback__` read: the frames the interpreter
/// recorded for a caught exception (`PyInstance.traceback`, innermost first). CPython's
/// traceback objects become `traceback` objects over one position of that list, with
/// `tb_lineno`, `tb_next` (towards the raise) and `tb_frame.f_code.co_name`; the module's
/// text comes from the same renderer as the cell's own traceback, so both read alike.
final class TracebackPosition {
    let exception: PyInstance
    /// Index into `exception.traceback` counted from the outermost frame.
    let index: Int
    init(_ exception: PyInstance, _ index: Int) { self.exception = exception; self.index = index }

    var entry: TraceEntry { exception.traceback[exception.traceback.count - 1 - index] }
}

/// The frame and code object a `traceback` object points at (a name, a file, a line).
final class TraceFrameInfo {
    let entry: TraceEntry
    init(_ entry: TraceEntry) { self.entry = entry }
}

extension Interpreter {
    /// `BaseException.__traceback__` and the native `_traceback` helpers of `traceback`.
    func installTracebackSupport() {
        let tbClass = makeClass("traceback", module: "builtins")
        let frameClass = makeClass("frame", module: "builtins")
        let codeClass = makeClass("code", module: "builtins")
        func tbObject(_ exc: PyInstance, _ index: Int) -> PyValue {
            guard index < exc.traceback.count else { return .none }
            return .object(PyInstance(cls: tbClass, payload: TracebackPosition(exc, index)))
        }
        func position(_ v: PyValue) throws -> TracebackPosition {
            // No interpreter here: these closures live on the session's classes.
            guard let p = v.payload(TracebackPosition.self) else {
                throw PyError.typeError("__traceback__ must be a traceback or None")
            }
            return p
        }
        tbClass.addProperty("tb_lineno") { i, s in .int(try position(s).entry.line) }
        tbClass.addProperty("tb_next") { _, s in let p = try position(s); return tbObject(p.exception, p.index + 1) }
        tbClass.addProperty("tb_lasti") { _, _ in .int(-1) }
        tbClass.addProperty("tb_frame") { _, s in
            .object(PyInstance(cls: frameClass, payload: TraceFrameInfo(try position(s).entry)))
        }
        func frameInfo(_ v: PyValue) throws -> TraceEntry {
            guard let f = v.payload(TraceFrameInfo.self) else { throw PyError.typeError("expected a frame") }
            return f.entry
        }
        frameClass.addProperty("f_lineno") { _, s in .int(try frameInfo(s).line) }
        frameClass.addProperty("f_code") { _, s in .object(PyInstance(cls: codeClass, payload: TraceFrameInfo(try frameInfo(s)))) }
        frameClass.addMethod("__repr__") { _, s, _ in
            let e = try frameInfo(s)
            return .str("<frame at 0x0, file '\(e.file)', line \(e.line), code \(e.function)>")
        }
        codeClass.addProperty("co_name") { _, s in .str(try frameInfo(s).function) }
        codeClass.addProperty("co_filename") { _, s in .str(try frameInfo(s).file) }
        codeClass.addProperty("co_firstlineno") { _, s in .int(try frameInfo(s).line) }
        codeClass.addMethod("__repr__") { _, s, _ in
            let e = try frameInfo(s)
            return .str("<code object \(e.function) at 0x0, file \"\(e.file)\", line \(e.line)>")
        }
        tbClass.addMethod("__repr__") { _, _, _ in .str("<traceback object>") }

        let base = types.exceptions["BaseException"]!
        base.addProperty("__traceback__", get: { i, s in
            guard let exc = s.asInstance else { return .none }
            i.adoptHandledTraceback(exc)
            return tbObject(exc, 0)
        }, set: { i, s, v in
            guard let exc = s.asInstance else { return }
            if v.isNone { exc.traceback = []; return }
            let p = try position(v)
            exc.traceback = Array(p.exception.traceback.dropLast(p.index))
        })

        registerModule(name: "_traceback") { i, m in
            func exception(_ v: PyValue) throws -> PyInstance {
                guard let e = v.asInstance, e.cls.isSubclass(of: i.types.exceptions["BaseException"]!) else {
                    throw PyError.typeError("expected an exception, not \(i.typeName(v))")
                }
                return e
            }
            /// The whole report of an exception and its chain, as a cell's error shows it.
            /// `limit` keeps the outermost frames of each traceback (the innermost for a
            /// negative limit), as CPython; `chain` false leaves causes and contexts out.
            m.addFunction("exception_text") { i, a in
                try a.check("exception_text", 1, 3)
                let exc = try exception(a[0])
                i.adoptHandledTraceback(exc)
                let limit = a.count > 1 && !a[1].isNone ? try i.intArgument(a[1]) : nil
                let chain = a.count > 2 ? try i.truthy(a[2]) : true
                func trimmed(_ entries: [TraceEntry]) -> [TraceEntry] {
                    guard let limit else { return entries }
                    // Innermost first: the outermost `limit` frames are the last ones.
                    return limit >= 0 ? Array(entries.suffix(limit)) : Array(entries.prefix(-limit))
                }
                if !chain {
                    var text = i.framesText(trimmed(exc.traceback)) + i.exceptionLastLine(exc) + "\n"
                    if let notes = exc.attributes.get(N.__notes__)?.asList {
                        for n in notes.items { text += ((try? i.str(n)) ?? "<note str() failed>") + "\n" }
                    }
                    return .str(text)
                }
                // Trim every traceback of the chain while rendering, then put them back.
                var saved: [(PyInstance, [TraceEntry])] = []
                var seen: Set<ObjectIdentifier> = []
                var next: PyInstance? = exc
                while let e = next, limit != nil, !seen.contains(ObjectIdentifier(e)) {
                    seen.insert(ObjectIdentifier(e))
                    saved.append((e, e.traceback))
                    e.traceback = trimmed(e.traceback)
                    next = e.attributes.get(N.__cause__)?.asInstance ?? e.attributes.get(N.__context__)?.asInstance
                }
                defer { for (e, tb) in saved { e.traceback = tb } }
                var shown: Set<ObjectIdentifier> = []
                return .str(i.chainedTraceback(exc, exc.traceback, &shown))
            }
            /// The last line (and notes) of an exception's report.
            m.addFunction("exception_only") { i, a in
                try a.check("exception_only", 1, 1)
                return .str(i.exceptionLastLine(try exception(a[0])))
            }
            /// (filename, lineno, name, line, text) of each frame from a traceback object on,
            /// outermost first; `text` is the frame as a traceback prints it.
            m.addFunction("frames") { i, a in
                try a.check("frames", 1, 1)
                if a[0].isNone { return .list([]) }
                let p = try position(a[0])
                let entries = Array(p.exception.traceback.reversed().dropFirst(p.index))
                return .list(entries.map { e in
                    let text = String(i.framesText([e]).dropFirst("Traceback (most recent call last):\n".count))
                    let line: PyValue = e.sourceLine.map { .str(String($0.drop { $0 == " " || $0 == "\t" })) } ?? .none
                    return .tuple([.str(e.file), .int(e.line), .str(e.function), line, .str(text)])
                })
            }
            /// (filename, lineno, name, line, text) of each running frame, outermost first,
            /// leaving out the `skip` innermost (the `traceback` functions' own), for
            /// `extract_stack` / `format_stack` / `print_stack`.
            m.addFunction("stack") { i, a in
                try a.check("stack", 0, 1)
                var skip = a.count > 0 ? try i.intArgument(a[0]) : 0
                var out: [PyValue] = []
                var frame = i.currentFrame
                while let f = frame {
                    if skip > 0 { skip -= 1 } else {
                        let e = i.traceEntry(f)
                        var text = "  File \"\(e.file)\", line \(e.line), in \(e.function)\n"
                        var line: PyValue = .none
                        if let src = e.sourceLine {
                            var stripped = src.drop { $0 == " " || $0 == "\t" }
                            while let last = stripped.last, last == " " || last == "\t" || last == "\r" { stripped = stripped.dropLast() }
                            line = .str(String(stripped))
                            if !stripped.isEmpty { text += "    " + stripped + "\n" }
                        }
                        out.append(.tuple([.str(e.file), .int(e.line), .str(e.function), line, .str(text)]))
                    }
                    // A generator's frame outlives the call that started it: its caller link is stale.
                    if f.generator != nil { break }
                    frame = f.caller
                }
                return .list(out.reversed())
            }
            /// The exception being handled (`sys.exception()`), or None.
            m.addFunction("current") { i, _ in
                guard let e = i.handling.last else { return .none }
                let exc = i.materialize(e)
                i.adoptHandledTraceback(exc)
                return .object(exc)
            }
        }
    }

    /// An exception being handled keeps its frames on the error in flight until its
    /// handler names it; reading its traceback takes them from there.
    func adoptHandledTraceback(_ exc: PyInstance) {
        guard exc.traceback.isEmpty, let e = handling.last(where: { $0.exception === exc }) else { return }
        exc.traceback = e.traceback
    }
}
