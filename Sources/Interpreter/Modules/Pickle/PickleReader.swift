/// Reads pickle streams of protocols 0 to 5 (what CPython and PyTorch write). Globals are
/// resolved by `findClass` (default: import the module, take the attribute), persistent
/// ids by `persistentLoad`; torch.load restricts both.
public final class PickleReader {
    let interp: Interpreter
    let data: [UInt8]
    var pos = 0
    private var stack: [PyValue] = []
    private var marks: [Int] = []
    private var memo: [Int: PyValue] = [:]
    public var findClass: ((String, String) throws -> PyValue)?
    public var persistentLoad: ((PyValue) throws -> PyValue)?

    public init(_ interp: Interpreter, _ data: [UInt8], at start: Int = 0) {
        self.interp = interp
        self.data = data
        pos = start
    }

    static func error(_ m: String) -> PyError { PyError(type: "_pickle.UnpicklingError", message: m) }

    private func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard pos + n <= data.count else { throw PyError(type: "EOFError", message: "Ran out of input") }
        defer { pos += n }
        return data[pos..<pos + n]
    }

    private func uint(_ n: Int) throws -> Int {
        var v = 0
        for (k, b) in try take(n).enumerated() { v |= Int(b) << (8 * k) }
        return v
    }

    private func line() throws -> String {
        guard let nl = data[pos...].firstIndex(of: 10) else { throw Self.error("pickle data was truncated") }
        defer { pos = nl + 1 }
        return String(decoding: data[pos..<nl], as: UTF8.self)
    }

    private func popMark() throws -> [PyValue] {
        guard let m = marks.popLast() else { throw Self.error("could not find MARK") }
        let items = Array(stack[m...])
        stack.removeSubrange(m...)
        return items
    }

    private func pop() throws -> PyValue {
        guard let v = stack.popLast() else { throw Self.error("unpickling stack underflow") }
        return v
    }

    private func top() throws -> PyValue {
        guard let v = stack.last else { throw Self.error("unpickling stack underflow") }
        return v
    }

    private func resolve(_ module: String, _ name: String) throws -> PyValue {
        var module = module, name = name
        if module == "__builtin__" { module = "builtins" }
        if module == "copy_reg" { module = "copyreg" }
        if let f = findClass { return try f(module, name) }
        return try Self.defaultFind(interp, module, name)
    }

    public static func defaultFind(_ interp: Interpreter, _ module: String, _ name: String) throws -> PyValue {
        if module == "_codecs" && name == "encode" {
            return interp.makeFunction("encode") { i, a in
                guard case .str(let s) = a[0] else { throw PyError.typeError("encode() argument must be str") }
                return i.makeBytes(s.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
            }
        }
        if module == "builtins" {
            guard let v = interp.builtins[Name(name)] else {
                throw PyError.attributeError("Can't get attribute '\(name)' on <module 'builtins' (built-in)>")
            }
            return v
        }
        let m = try interp.importModule(module)
        var v: PyValue = .object(m)
        for part in name.split(separator: ".") {
            guard let x = try? interp.getAttribute(v, String(part)) else {
                throw PyError.attributeError("Can't get attribute '\(name)' on \(try interp.repr(.object(m)))")
            }
            v = x
        }
        return v
    }

    public func load() throws -> PyValue {
        while true {
            let op = try take(1).first!
            switch op {
            case 0x80: _ = try take(1)                       // PROTO
            case 0x95: _ = try take(8)                       // FRAME
            case 0x2e: return try pop()                      // STOP
            case 0x28: marks.append(stack.count)             // MARK
            case 0x30: _ = try pop()                         // POP
            case 0x31: _ = try popMark()                     // POP_MARK
            case 0x32: stack.append(try top())               // DUP
            case 0x4e: stack.append(.none)
            case 0x88: stack.append(.true)
            case 0x89: stack.append(.false)
            case 0x4b: stack.append(.int(try uint(1)))
            case 0x4d: stack.append(.int(try uint(2)))
            case 0x4a: stack.append(.int(Int(Int32(truncatingIfNeeded: try uint(4)))))
            case 0x8a, 0x8b:                                 // LONG1, LONG4
                let n = try uint(op == 0x8a ? 1 : 4)
                let bytes = Array(try take(n))
                stack.append(try longValue(bytes))
            case 0x49:                                       // INT
                let s = try line()
                if s == "00" { stack.append(.false) } else if s == "01" { stack.append(.true) }
                else { stack.append(try interp.call(interp.builtins[Name("int")]!, [.str(s)])) }
            case 0x4c:                                       // LONG
                var s = try line()
                if s.hasSuffix("L") { s.removeLast() }
                stack.append(try interp.call(interp.builtins[Name("int")]!, [.str(s)]))
            case 0x47:                                       // BINFLOAT
                var bits: UInt64 = 0
                for b in try take(8) { bits = bits << 8 | UInt64(b) }
                stack.append(.float(Double(bitPattern: bits)))
            case 0x46:                                       // FLOAT
                stack.append(try interp.call(interp.builtins[Name("float")]!, [.str(try line())]))
            case 0x58, 0x8c, 0x8d:                           // BINUNICODE, SHORT_BINUNICODE, BINUNICODE8
                let n = try uint(op == 0x58 ? 4 : op == 0x8c ? 1 : 8)
                stack.append(.str(String(decoding: try take(n), as: UTF8.self)))
            case 0x56:                                       // UNICODE (raw-unicode-escape)
                stack.append(.str(try line()))
            case 0x54, 0x55:                                 // BINSTRING, SHORT_BINSTRING
                let n = try uint(op == 0x54 ? 4 : 1)
                stack.append(.str(String(try take(n).map { Character(Unicode.Scalar($0)) })))
            case 0x42, 0x43, 0x8e, 0x96:                     // BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8
                let n = try uint(op == 0x42 ? 4 : op == 0x43 ? 1 : 8)
                let b = Array(try take(n))
                stack.append(op == 0x96 ? try interp.call(interp.builtins[Name("bytearray")]!, [interp.makeBytes(b)]) : interp.makeBytes(b))
            case 0x5d: stack.append(.list([]))               // EMPTY_LIST
            case 0x6c: stack.append(.list(try popMark()))    // LIST
            case 0x61:                                       // APPEND
                let x = try pop()
                try extend(try top(), [x])
            case 0x65:                                       // APPENDS
                let items = try popMark()
                try extend(try top(), items)
            case 0x29: stack.append(.tuple([]))
            case 0x74: stack.append(.tuple(try popMark()))
            case 0x85, 0x86, 0x87:
                let n = Int(op - 0x84)
                guard stack.count >= n else { throw Self.error("unpickling stack underflow") }
                let items = Array(stack.suffix(n))
                stack.removeLast(n)
                stack.append(.tuple(items))
            case 0x7d: stack.append(.object(PyDict()))       // EMPTY_DICT
            case 0x64:                                       // DICT
                let items = try popMark()
                let d = PyDict()
                var k = 0
                while k + 1 < items.count { try d.set(items[k], items[k + 1]); k += 2 }
                stack.append(.object(d))
            case 0x73:                                       // SETITEM
                let value = try pop(), key = try pop()
                try interp.setItem(try top(), key, value)
            case 0x75:                                       // SETITEMS
                let items = try popMark()
                let target = try top()
                var k = 0
                while k + 1 < items.count { try interp.setItem(target, items[k], items[k + 1]); k += 2 }
            case 0x8f: stack.append(.object(try PySet([])))  // EMPTY_SET
            case 0x90:                                       // ADDITEMS
                let items = try popMark()
                let target = try top()
                for x in items { _ = try interp.callMethod(target, "add", [x]) }
            case 0x91: stack.append(.object(try PySet(try popMark(), frozen: true)))
            case 0x63:                                       // GLOBAL
                let module = try line(), name = try line()
                stack.append(try resolve(module, name))
            case 0x93:                                       // STACK_GLOBAL
                let name = try pop(), module = try pop()
                guard case .str(let n) = name, case .str(let m) = module else { throw Self.error("STACK_GLOBAL requires str") }
                stack.append(try resolve(m, n))
            case 0x52:                                       // REDUCE
                let args = try pop(), f = try pop()
                stack.append(try interp.call(f, try interp.iterate(args)))
            case 0x81, 0x92:                                 // NEWOBJ, NEWOBJ_EX
                var kwargs: [(String, PyValue)] = []
                if op == 0x92, let d = try pop().asDict {
                    kwargs = d.items.compactMap { e in e.key.asString.map { ($0, e.value) } }
                }
                let args = try pop(), cls = try pop()
                stack.append(try newObject(cls, try interp.iterate(args), kwargs))
            case 0x62:                                       // BUILD
                let state = try pop()
                try build(try top(), state)
            case 0x70: memo[Int(try line()) ?? 0] = try top()         // PUT
            case 0x71: memo[try uint(1)] = try top()                   // BINPUT
            case 0x72: memo[try uint(4)] = try top()                   // LONG_BINPUT
            case 0x94: memo[memo.count] = try top()                    // MEMOIZE
            case 0x67, 0x68, 0x6a:                                     // GET, BINGET, LONG_BINGET
                let k = op == 0x67 ? (Int(try line()) ?? -1) : try uint(op == 0x68 ? 1 : 4)
                guard let v = memo[k] else { throw Self.error("Memo value not found at index \(k)") }
                stack.append(v)
            case 0x50, 0x51:                                           // PERSID, BINPERSID
                let pid = op == 0x50 ? PyValue.str(try line()) : try pop()
                guard let load = persistentLoad else { throw Self.error("A load persistent id instruction was encountered, but no persistent_load function was specified.") }
                stack.append(try load(pid))
            default:
                throw Self.error("invalid load key, '\(op >= 32 && op < 127 ? String(UnicodeScalar(op)) : "\\x" + (op < 16 ? "0" : "") + String(op, radix: 16))'.")
            }
        }
    }

    private func longValue(_ bytes: [UInt8]) throws -> PyValue {
        if bytes.isEmpty { return .int(0) }
        if bytes.count <= 8 {
            var v: UInt64 = 0
            for (k, b) in bytes.enumerated() { v |= UInt64(b) << (8 * UInt64(k)) }
            let shift = UInt64(64 - 8 * bytes.count)
            return .int(Int(Int64(bitPattern: v << shift) >> Int64(shift)))
        }
        let intClass = interp.builtins[Name("int")]!
        return try interp.call(try interp.getAttribute(intClass, "from_bytes"), [interp.makeBytes(bytes), .str("little")], kwargs: [("signed", .true)])
    }

    private func extend(_ target: PyValue, _ items: [PyValue]) throws {
        if let l = target.asList { l.items += items; return }
        for x in items { _ = try interp.callMethod(target, "append", [x]) }
    }

    private func newObject(_ cls: PyValue, _ args: [PyValue], _ kwargs: [(String, PyValue)]) throws -> PyValue {
        guard case .object(let o) = cls, let c = o as? PyClass else { throw Self.error("NEWOBJ class argument isn't a type object") }
        if let new = c.lookup(Name("__new__")), !new.isIdentical(interp.types.object.dict[Name("__new__")] ?? .none) {
            return try interp.call(try interp.getAttribute(cls, "__new__"), [cls] + args, kwargs: kwargs)
        }
        if let ctor = interp.builtinSubclassConstructor(c) { return try ctor(interp, c, Arguments(args, keywords: kwargs)) }
        if c.constructor != nil { return try interp.call(cls, args, kwargs: kwargs) }
        return .object(PyInstance(cls: c))
    }

    private func build(_ target: PyValue, _ state: PyValue) throws {
        if let inst = target.asInstance, inst.cls.lookup(Name("__setstate__")) != nil {
            _ = try interp.callMethod(target, "__setstate__", [state])
            return
        }
        var dictState = state
        var slotState: PyValue = .none
        if let t = state.asTuple?.items, t.count == 2 { dictState = t[0]; slotState = t[1] }
        // The dict state goes straight into __dict__ (no __setattr__), slot state through
        // setattr, as CPython's load_build does.
        if !dictState.isNone {
            guard let d = dictState.asDict else { throw Self.error("state is not a dictionary") }
            for e in d.items {
                guard case .str(let key) = e.key else { throw Self.error("state is not a dictionary") }
                if let inst = target.asInstance, inst.payload == nil { inst.attributes.set(Name(key), e.value) }
                else { try interp.setAttribute(target, key, e.value) }
            }
        }
        if !slotState.isNone {
            guard let d = slotState.asDict else { throw Self.error("slot state is not a dictionary") }
            for e in d.items { try interp.setAttribute(target, try interp.str(e.key), e.value) }
        }
    }
}
