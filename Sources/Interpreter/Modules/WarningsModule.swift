/// `warnings` as a lesson uses it: `warn` with CPython's filters (`simplefilter`,
/// `filterwarnings`, `resetwarnings`: actions `error`, `ignore`, `always`, `default`, …,
/// matched by category, a message prefix and line), and `catch_warnings` that saves and
/// restores the filters and, with `record=True`, collects `WarningMessage`s instead of
/// showing them. Shown warnings go to the host's warning sink (apart from the output).
extension Interpreter {
    func buildWarningsModule(_ m: PyModule) {
        let filters = PyList()
        m.add("filters", .object(filters))
        // One entry per open `catch_warnings`: its record list, or None.
        let records = PyList()
        let warningBase = types.exceptions["Warning"]!
        let messageClass = makeClass("WarningMessage", module: "warnings")
        messageClass.addMethod("__str__") { i, s, _ in
            let o = s.asInstance!
            func a(_ n: String) -> PyValue { o.attributes.get(Name(n)) ?? .none }
            return .str("{message : \(try i.repr(a("message"))), category : \(try i.repr(.str((a("category").asObject as? PyClass)?.name ?? ""))), filename : \(try i.repr(a("filename"))), lineno : \(try i.str(a("lineno"))), line : \(try i.repr(a("line")))}")
        }
        m.add("WarningMessage", .object(messageClass))

        m.addFunction("warn") { i, a in
            let b = try a.bind(Signature("warn", ["message", "category", "stacklevel", "source"], required: 1))
            var cls: PyClass = i.types.exceptions["UserWarning"]!
            if let c = b[1], !c.isNone {
                guard case .object(let o) = c, let k = o as? PyClass, k.isSubclass(of: warningBase) || k === warningBase else {
                    throw PyError.typeError("category must be a Warning subclass, not '\(i.typeName(c))'")
                }
                cls = k
            }
            var instance: PyValue
            if let inst = b[0]!.asInstance, inst.cls.isException {
                cls = inst.cls
                instance = b[0]!
            } else {
                instance = try i.call(.object(cls), [.str(try i.str(b[0]!))])
            }
            let text = i.exceptionMessage(instance.asInstance!)
            let frame = i.currentFrame
            let line = frame?.line ?? 0
            var action = "default"
            for f in filters.items {
                guard let t = f.asTuple?.items, t.count >= 5, case .str(let act) = t[0] else { continue }
                if case .str(let prefix) = t[1], !prefix.isEmpty, !text.lowercased().hasPrefix(prefix.lowercased()) { continue }
                if case .object(let o) = t[2], let fc = o as? PyClass, !(cls === fc || cls.isSubclass(of: fc)) { continue }
                if case .int(let ln) = t[4], ln != 0, ln != line { continue }
                action = act
                break
            }
            if action == "error" { throw try i.makeError(instance) }
            if action == "ignore" { return .none }
            if let top = records.items.last, let list = top.asList {
                let rec = PyInstance(cls: messageClass)
                rec.attributes.set(Name("message"), instance)
                rec.attributes.set(Name("category"), .object(cls))
                rec.attributes.set(Name("filename"), .str(frame?.code.file ?? "sys"))
                rec.attributes.set(Name("lineno"), .int(line))
                for n in ["file", "line", "source"] { rec.attributes.set(Name(n), .none) }
                list.items.append(.object(rec))
                return .none
            }
            let level = try b[2].map { v -> Int in
                guard case .int(let n) = v else { throw PyError.typeError("'\(i.typeName(v))' object cannot be interpreted as an integer") }
                return n
            } ?? 1
            i.warn(text, category: cls.name, stacklevel: level)
            return .none
        }
        func addFilter(_ entry: [PyValue], append: Bool) throws {
            guard case .str(let act) = entry[0], ["error", "ignore", "always", "default", "module", "once"].contains(act) else {
                throw PyError(type: "AssertionError", message: "invalid action: \(entry[0])")
            }
            // An equal filter moves instead of repeating, as in CPython.
            let tuple = PyValue.tuple(entry)
            filters.items.removeAll { (try? self.equals($0, tuple)) == true }
            if append { filters.items.append(tuple) } else { filters.items.insert(tuple, at: 0) }
        }
        m.addFunction("simplefilter") { i, a in
            let b = try a.bind(Signature("simplefilter", ["action", "category", "lineno", "append"], required: 1))
            try addFilter([b[0]!, .none, b[1] ?? .object(warningBase), .none, b[2] ?? .int(0)], append: try i.truthy(b[3] ?? .false))
            return .none
        }
        m.addFunction("filterwarnings") { i, a in
            let b = try a.bind(Signature("filterwarnings", ["action", "message", "category", "module", "lineno", "append"], required: 1))
            try addFilter([b[0]!, b[1] ?? .str(""), b[2] ?? .object(warningBase), b[3] ?? .str(""), b[4] ?? .int(0)],
                          append: try i.truthy(b[5] ?? .false))
            return .none
        }
        m.addFunction("resetwarnings") { _, _ in filters.items.removeAll(); return .none }

        let cw = makeClass("catch_warnings", module: "warnings")
        cw.addMethod("__init__") { _, s, a in
            let b = try a.bind(Signature("catch_warnings", ["record", "module", "action", "category", "lineno", "append"], required: 0))
            let o = s.asInstance!
            o.attributes.set(Name("_record"), b[0] ?? .false)
            o.attributes.set(Name("_action"), b[2] ?? .none)
            o.attributes.set(Name("_category"), b[3] ?? .object(warningBase))
            o.attributes.set(Name("_lineno"), b[4] ?? .int(0))
            return .none
        }
        cw.addMethod("__enter__") { i, s, _ in
            let o = s.asInstance!
            o.attributes.set(Name("_saved"), .list(filters.items))
            if let act = o.attributes.get(Name("_action")), !act.isNone {
                try addFilter([act, .none, o.attributes.get(Name("_category"))!, .none, o.attributes.get(Name("_lineno"))!], append: false)
            }
            let log: PyValue = try i.truthy(o.attributes.get(Name("_record")) ?? .false) ? .list([]) : .none
            records.items.append(log)
            return log
        }
        cw.addMethod("__exit__") { _, s, _ in
            if let saved = s.asInstance?.attributes.get(Name("_saved"))?.asList { filters.items = saved.items }
            if !records.items.isEmpty { records.items.removeLast() }
            return .false
        }
        m.add("catch_warnings", cw)
    }
}
