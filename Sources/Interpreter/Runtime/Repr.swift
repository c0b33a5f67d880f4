extension Interpreter {
    /// `repr(v)`.
    public func repr(_ v: PyValue) throws -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return floatRepr(d)
        case .str(let s): return stringRepr(s)
        case .object(let o): return try objectRepr(o, v)
        }
    }

    /// `str(v)`.
    public func str(_ v: PyValue) throws -> String {
        switch v {
        case .str(let s): return s
        case .object(let o):
            if let inst = o as? PyInstance {
                if let m = inst.cls.lookup(N.__str__) {
                    let r = try recursionLevel(" while getting the str of an object") { try callAttribute(m, receiver: v, Arguments()) }
                    guard case .str(let s) = r else { throw PyError.typeError("__str__ returned non-string (type \(typeName(r)))") }
                    return s
                }
                if inst.cls.isException { return exceptionStr(inst) }
            }
            return try repr(v)
        default:
            return try repr(v)
        }
    }

    func exceptionStr(_ inst: PyInstance) -> String {
        let args = inst.attributes.get(N.args)?.asTuple?.items ?? []
        if let s = osErrorStr(inst) { return s }
        if args.isEmpty { return "" }
        if args.count == 1 {
            if inst.cls.isSubclass(of: types.exceptions["KeyError"]!) { return (try? repr(args[0])) ?? "" }
            return (try? str(args[0])) ?? ""
        }
        return (try? repr(.tuple(args))) ?? ""
    }

    private func objectRepr(_ o: PyObject, _ v: PyValue) throws -> String {
        switch o {
        case let l as PyList:
            return try guarded(o, "[...]") { "[" + (try l.items.map { try repr($0) }.joined(separator: ", ")) + "]" }
        case let t as PyTuple:
            if t.items.count == 1 { return "(" + (try repr(t.items[0])) + ",)" }
            return try guarded(o, "(...)") { "(" + (try t.items.map { try repr($0) }.joined(separator: ", ")) + ")" }
        case let d as PyDict:
            return try guarded(o, "{...}") {
                "{" + (try d.items.map { "\(try repr($0.key)): \(try repr($0.value))" }.joined(separator: ", ")) + "}"
            }
        case let s as PySet:
            let body = try s.items.map { try repr($0) }.joined(separator: ", ")
            if s.frozen { return s.count == 0 ? "frozenset()" : "frozenset({\(body)})" }
            return s.count == 0 ? "set()" : "{\(body)}"
        case let inst as PyInstance:
            if let m = inst.cls.lookup(N.__repr__) {
                let r = try recursionLevel(" while getting the repr of an object") { try callAttribute(m, receiver: v, Arguments()) }
                guard case .str(let s) = r else { throw PyError.typeError("__repr__ returned non-string (type \(typeName(r)))") }
                return s
            }
            if inst.cls.isException {
                let args = inst.attributes.get(N.args)?.asTuple?.items ?? []
                return inst.cls.name + "(" + (try args.map { try repr($0) }.joined(separator: ", ")) + ")"
            }
            return "<\(qualifiedName(inst.cls)) object at \(address(o))>"
        case let c as PyClass:
            if c.metaclass != nil, let m = metaclassMethod(c, N.__repr__) {
                let r = try callAttribute(m, receiver: v, Arguments())
                guard case .str(let s) = r else { throw PyError.typeError("__repr__ returned non-string (type \(typeName(r)))") }
                return s
            }
            return "<class '\(qualifiedName(c))'>"
        case let f as PyFunction:
            return "<function \(f.qualname) at \(address(o))>"
        case let b as PyBuiltinFunction:
            return b.isMethod ? "<method '\(b.name)'>" : "<built-in function \(b.name)>"
        case let m as PyBoundMethod:
            if case .object(let fo) = m.function, let b = fo as? PyBuiltinFunction {
                return "<built-in method \(b.name) of \(typeName(m.receiver)) object at \(address(m.receiver.asObject ?? o))>"
            }
            let fname = (try? str(try getAttribute(m.function, N.__qualname__))) ?? "?"
            return "<bound method \(fname) of \(try repr(m.receiver))>"
        case let b as PyBigInt:
            return try decimalString(b.value)
        case let m as PyModule:
            if case .str(let file)? = m[N.__file__] { return "<module '\(m.name)' from '\(file)'>" }
            if m.packageDirectory != nil { return "<module '\(m.name)' (namespace)>" }
            return moduleSources[m.name] == nil && m.name != "__main__" ? "<module '\(m.name)'>" : "<module '\(m.name)' (built-in)>"
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let s as PySlice:
            return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
        case let s as PySingleton:
            return s.name
        case is PyProperty:
            return "<property object at \(address(o))>"
        case let g as PyGenerator:
            return "<generator object \(g.qualname) at \(address(o))>"
        case let g as GeneratorExpressionIterator:
            return "<generator object \(g.node.qualname) at \(address(o))>"
        case let s as PySuper:
            return "<super: <class '\(s.start.name)'>, <\(s.objectType.name) object>>"
        default:
            if let m = typeOf(v).lookup(N.__repr__) {
                let r = try callAttribute(m, receiver: v, Arguments())
                if case .str(let s) = r { return s }
            }
            return "<\(typeName(v)) object at \(address(o))>"
        }
    }

    func qualifiedName(_ c: PyClass) -> String {
        c.module == "builtins" ? c.qualname : "\(c.module).\(c.qualname)"
    }

    func address(_ o: PyObject) -> String {
        "0x" + String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16).leftPadded(12)
    }

    /// Guards against infinite recursion when a container contains itself.
    private func guarded(_ o: PyObject, _ placeholder: String, _ body: () throws -> String) throws -> String {
        let id = ObjectIdentifier(o)
        if reprActive.contains(id) { return placeholder }
        reprActive.insert(id)
        defer { reprActive.remove(id) }
        return try body()
    }
}

/// Python's `repr(str)`: single quotes unless the text has one and no double quote.
func stringRepr(_ s: String) -> String {
    let useDouble = s.contains("'") && !s.contains("\"")
    let q: Character = useDouble ? "\"" : "'"
    var out = String(q)
    for u in s.unicodeScalars {
        switch u {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(u) == q { out += "\\" + String(q); continue }
            if u.value < 0x20 || u.value == 0x7f {
                out += "\\x" + String(u.value, radix: 16).leftPadded(2)
            } else if u.value >= 0x80 && u.value < 0xa0 {
                out += "\\x" + String(u.value, radix: 16).leftPadded(2)
            } else if !isPrintableScalar(u) {
                out += u.value <= 0xff ? "\\x" + String(u.value, radix: 16).leftPadded(2) : u.value <= 0xffff ? "\\u" + String(u.value, radix: 16).leftPadded(4) : "\\U" + String(u.value, radix: 16).leftPadded(8)
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    out.append(q)
    return out
}

/// CPython's `Py_UNICODE_ISPRINTABLE` (`repr` escapes the rest; `str.isprintable`): false
/// for control, format, separator (other than space), surrogate, private-use and
/// unassigned code points.
func isPrintableScalar(_ u: Unicode.Scalar) -> Bool {
    switch u.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
    case .spaceSeparator: return u == " "
    default: return true
    }
}
