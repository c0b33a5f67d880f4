import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    /// Runs one lesson cell in `__main__`. `firstLine` is the 1-based line of the cell's
    /// first source line in `file`; errors and tracebacks name lesson-file lines. The cell
    /// runs on a large-stack thread; this call waits for it.
    public func runCell(_ source: String, file: String, firstLine: Int, timeout: Double?) -> CellExecution {
        let me = UnsafeTransfer(self)
        return Interpreter.runOnLargeStack {
            me.value.threadEntered?()
            defer { me.value.threadLeaving?() }
            return me.value.execute(source, file: file, firstLine: firstLine, timeout: timeout ?? me.value.limits.cellTimeout, echo: true)
        }
    }

    /// Runs a whole script (`gradbook exec FILE.py`); the last expression is not echoed.
    public func runScript(_ source: String, file: String, timeout: Double? = nil) -> CellExecution {
        let me = UnsafeTransfer(self)
        return Interpreter.runOnLargeStack {
            me.value.threadEntered?()
            defer { me.value.threadLeaving?() }
            me.value.main[N.__file__] = .str(file)
            return me.value.execute(source, file: file, firstLine: 1, timeout: timeout ?? me.value.limits.cellTimeout, echo: false)
        }
    }

    func execute(_ source: String, file: String, firstLine: Int, timeout: Double?, echo: Bool) -> CellExecution {
        captured = ""
        handling = []
        depth = 0
        let text = SourceText(source, firstLine: firstLine)
        let code = CodeInfo(name: "<module>", file: file, source: text)
        var body: [Stmt]
        do {
            var parser = try Parser(source: source, file: file, firstLine: firstLine)
            body = try parser.parseModule()
        } catch let e as SyntaxErrorInfo {
            return CellExecution(output: captured, error: syntaxError(e, file: file, text: text))
        } catch {
            preconditionFailure("parser throws only syntax errors")
        }
        var echoed: Expr?
        if echo, let last = body.last as? ExprStmt, !endsWithSemicolon(source) {
            echoed = last.value
            body.removeLast()
            body.append(EchoStmt(last.value, line: last.line, col: last.col))
        }
        _ = echoed
        code.body = body
        let resolver = Resolver(module: main, builtins: builtins, code: code)
        resolver.resolveModule(body)
        if let e = resolver.errors.first {
            return CellExecution(output: captured, error: syntaxError(e, file: file, text: text))
        }
        let frame = Frame(code: code, globals: main, closure: [], interp: self, function: nil)
        for s in code.cellSlots { frame.slots[s] = .object(PyCell(nil)) }
        frame.line = firstLine
        if let t = timeout {
            deadline = DispatchTime.now().uptimeNanoseconds + UInt64(min(max(0, t), 1e9) * 1e9)
            deadlineDescription = "cell exceeded its time limit of \(formatSeconds(t)) (\(file):\(firstLine))"
        } else {
            deadline = .max
        }
        tickCounter = 1000
        deadlineChanged?(deadline, deadlineDescription)
        NativeDeadline.begin(deadline, description: deadlineDescription)
        defer {
            deadline = .max
            deadlineChanged?(.max, "")
            NativeDeadline.end()
        }
        do {
            try runFrame(frame)
            var echoed: String?
            if echoValue != nil {
                let v = echoValue!
                echoValue = nil
                // A value the display hook shows (a figure) is not echoed as text.
                if !v.isNone, !(displayHook?(v) ?? false) {
                    echoed = try repr(v)
                    write(echoed! + "\n")
                }
            }
            return CellExecution(output: captured, error: nil, echoed: echoed)
        } catch let e as PyError {
            echoValue = nil
            if !echo && isSuccessfulExit(e) { return CellExecution(output: captured, error: nil) }
            return CellExecution(output: captured, error: cellError(e))
        } catch {
            echoValue = nil
            let e = PyError.runtimeError("\(error)")
            e.traceback.append(traceEntry(frame, e))
            return CellExecution(output: captured, error: cellError(e))
        }
    }

    /// `sys.exit()`, `sys.exit(0)` or `sys.exit(None)` end a script as a success.
    private func isSuccessfulExit(_ e: PyError) -> Bool {
        guard e.typeName == "SystemExit" else { return false }
        let args = materialize(e).attributes.get(N.args)?.asTuple?.items ?? []
        guard let code = args.first else { return true }
        return code.isNone || code.asInt == 0
    }

    private func endsWithSemicolon(_ source: String) -> Bool {
        for line in source.split(separator: "\n").reversed() {
            var l = Substring(line)
            if let hash = l.firstIndex(of: "#"), !l[..<hash].contains("'"), !l[..<hash].contains("\"") { l = l[..<hash] }
            let t = l.trimmingSpaces()
            if t.isEmpty { continue }
            return t.hasSuffix(";")
        }
        return false
    }

    private func formatSeconds(_ t: Double) -> String {
        t == t.rounded() ? "\(Int(t)) s" : "\(t) s"
    }

    func cellError(_ e: PyError) -> CellError {
        let exc = materialize(e)
        let innermost = e.traceback.first
        let outermost = e.traceback.last
        let loc = innermost ?? outermost
        return CellError(typeName: exc.cls.name, typeNames: exc.cls.mro.map(\.name), message: exceptionMessage(exc),
                         lastLine: exceptionLastLine(exc),
                         traceback: tracebackText(e), line: loc?.line ?? 0, column: (loc?.column ?? 0) + 1)
    }

    func syntaxError(_ e: SyntaxErrorInfo, file: String, text: SourceText) -> CellError {
        var tb = "  File \"\(file)\", line \(e.line)\n"
        if let src = text.line(e.line) {
            let stripped = src.drop { $0 == " " || $0 == "\t" }
            let removed = src.count - stripped.count
            tb += "    \(stripped)\n"
            let width = max(1, (e.endCol ?? e.col + 1) - e.col)
            tb += "    " + String(repeating: " ", count: max(0, e.col - removed)) + String(repeating: "^", count: width) + "\n"
        }
        tb += "\(e.typeName): \(e.message)\n"
        return CellError(typeName: e.typeName, typeNames: types.exceptions[e.typeName]?.mro.map(\.name),
                         message: e.message, lastLine: "\(e.typeName): \(e.message)",
                         traceback: tb, line: e.line, column: e.col + 1)
    }
}

/// The last expression statement of a notebook cell: its value is shown.
final class EchoStmt: Stmt {
    let value: Expr
    init(_ value: Expr, line: Int, col: Int) { self.value = value; super.init(line: line, col: col) }
    override func resolve(_ r: Resolver) { value.resolve(r) }
    override func exec(_ f: Frame) throws -> Flow {
        f.at(self)
        f.interp.echoValue = try value.eval(f)
        return .normal
    }
}
