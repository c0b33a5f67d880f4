/// Writes the pickle stream CPython's C pickler writes, byte for byte, for the object kinds
/// lessons save: None, bools, ints of any size, floats, str, bytes, bytearray, tuples,
/// lists, dicts, sets, frozensets, classes and functions (by name), `OrderedDict`, and
/// instances through `__reduce_ex__`/`__reduce__`/`__getstate__`/`__dict__`. Protocols 2
/// to 5, with protocol 4's framing and memoization. `persistentID` lets a host (torch.save)
/// store some objects out of the stream.
public final class PickleWriter {
    let interp: Interpreter
    let proto: Int
    var out: [UInt8] = []
    /// Where the current protocol-4 frame's payload starts in `out`.
    private var frameStart: Int?
    private var memo: [ObjectIdentifier: Int] = [:]
    /// Strings are memoized by value: CPython shares one object for equal constants and
    /// interned names, which is what course code pickles.
    private var stringMemo: [String: Int] = [:]
    private var persistentStringMemo: [String: Int] = [:]
    private var nextIndex = 0
    /// Objects kept alive while memoized (their identifiers must not be reused).
    private var kept: [PyValue] = []
    public var persistentID: ((PyValue) throws -> PyValue?)?
    /// A host's own `__reduce_ex__` for its native objects (torch tensors): the
    /// `(callable, args)` tuple to write, or nil to pickle the object as usual.
    public var reduceOverride: ((PyValue) throws -> PyValue?)?

    public init(_ interp: Interpreter, protocol proto: Int) {
        self.interp = interp
        self.proto = proto
    }

    /// The whole pickle of `v`: PROTO, the (framed) object, STOP.
    public func dump(_ v: PyValue) throws -> [UInt8] {
        out = [0x80, UInt8(proto)]
        if proto >= 4 { startFrame() }
        try save(v)
        out.append(0x2e)
        if proto >= 4 { endFrame() }
        return out
    }

    private func startFrame() {
        frameStart = out.count
        out += [UInt8](repeating: 0, count: 9)
    }

    /// Writes the FRAME header, or drops it when the frame is shorter than 4 bytes.
    private func endFrame() {
        guard let start = frameStart else { return }
        let length = out.count - start - 9
        if length >= 4 {
            out[start] = 0x95
            for k in 0..<8 { out[start + 1 + k] = UInt8(truncatingIfNeeded: length >> (8 * k)) }
        } else {
            out.removeSubrange(start..<start + 9)
        }
        frameStart = nil
    }

    /// CPython commits a frame at an opcode boundary once it reaches 64 KiB.
    private func boundary() {
        guard proto >= 4, let start = frameStart, out.count - start - 9 >= 65536 else { return }
        endFrame()
        startFrame()
    }

    private func le(_ v: Int, _ n: Int) { for k in 0..<n { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }

    private func memoize(_ key: ObjectIdentifier?, string: String? = nil, keep: PyValue? = nil) {
        let index = nextIndex
        nextIndex += 1
        if let key { memo[key] = index; if let keep { kept.append(keep) } }
        if let string { stringMemo[string] = index }
        if proto >= 4 { out.append(0x94) }
        else if index < 256 { out += [0x71, UInt8(index)] }
        else { out.append(0x72); le(index, 4) }
    }

    private func get(_ index: Int) {
        if index < 256 { out += [0x68, UInt8(index)] } else { out.append(0x6a); le(index, 4) }
    }

    func save(_ v: PyValue, persistent: Bool = true) throws {
        boundary()
        if persistent, let pid = persistentID, let id = try pid(v) {
            // Strings of persistent ids are a host's own objects (PyTorch's storage keys
            // are fresh strings): they share memo entries with each other only.
            swap(&stringMemo, &persistentStringMemo)
            defer { swap(&stringMemo, &persistentStringMemo) }
            try save(id, persistent: false)
            out.append(0x51)
            return
        }
        switch v {
        case .none: out.append(0x4e)
        case .bool(let b): out.append(b ? 0x88 : 0x89)
        case .int(let n): saveInt(n)
        case .float(let d):
            out.append(0x47)
            let bits = d.bitPattern
            for k in (0..<8).reversed() { out.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(k)))) }
        case .str(let s): saveString(s)
        case .object(let o):
            if let index = memo[ObjectIdentifier(o)] { get(index); return }
            try saveObject(v, o)
        }
    }

    private func saveInt(_ n: Int) {
        if n >= 0 && n <= 0xff { out += [0x4b, UInt8(n)] }
        else if n >= 0 && n <= 0xffff { out.append(0x4d); le(n, 2) }
        else if n >= -0x8000_0000 && n <= 0x7fff_ffff { out.append(0x4a); le(n, 4) }
        else {
            var bytes: [UInt8] = []
            for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: n >> (8 * k))) }
            trimSigned(&bytes)
            out += [0x8a, UInt8(bytes.count)] + bytes
        }
    }

    /// Drops redundant sign bytes of a little-endian two's-complement number.
    private func trimSigned(_ bytes: inout [UInt8]) {
        while bytes.count > 1 {
            let last = bytes[bytes.count - 1], prev = bytes[bytes.count - 2]
            if (last == 0 && prev < 0x80) || (last == 0xff && prev >= 0x80) { bytes.removeLast() } else { break }
        }
    }

    private func saveString(_ s: String) {
        if let index = stringMemo[s] { get(index); return }
        let utf8 = Array(s.utf8)
        if proto >= 4 && utf8.count < 256 { out += [0x8c, UInt8(utf8.count)] }
        else { out.append(0x58); le(utf8.count, 4) }
        out += utf8
        memoize(nil, string: s)
    }

    /// The Python 2 names protocols 0-2 write (CPython's `_compat_pickle` reverse mapping).
    static func python2Name(_ module: String, _ name: String, isException: Bool) -> (String, String) {
        if module == "builtins" {
            if isException { return ("exceptions", name) }
            switch name {
            case "int": return ("__builtin__", "long")
            case "str": return ("__builtin__", "unicode")
            case "range": return ("__builtin__", "xrange")
            case "zip": return ("itertools", "izip")
            case "map": return ("itertools", "imap")
            case "filter": return ("itertools", "ifilter")
            default: return ("__builtin__", name)
            }
        }
        if module == "functools" && name == "reduce" { return ("__builtin__", "reduce") }
        if module == "copyreg" { return ("copy_reg", name) }
        return (module, name)
    }

    private func saveGlobal(module: String, name: String, key: ObjectIdentifier?, keep: PyValue?, isException: Bool = false) {
        if proto >= 4 {
            if module == "builtins" {
                // CPython makes a built-in's __module__ and __qualname__ afresh on each
                // lookup: they are memoized but never met again.
                for s in [module, name] {
                    let utf8 = Array(s.utf8)
                    out += [0x8c, UInt8(utf8.count)] + utf8
                    memoize(nil)
                }
            } else {
                saveString(module)
                saveString(name)
            }
            out.append(0x93)
        } else {
            var module = module, name = name
            if proto < 3 { (module, name) = Self.python2Name(module, name, isException: isException) }
            out.append(0x63)
            out += Array(module.utf8) + [10] + Array(name.utf8) + [10]
        }
        memoize(key, keep: keep)
    }

    private func saveObject(_ v: PyValue, _ o: PyObject) throws {
        let key = ObjectIdentifier(o)
        switch o {
        case let t as PyTuple:
            if t.items.isEmpty { out.append(0x29); return }
            if t.items.count <= 3 {
                for x in t.items { try save(x) }
                if let index = memo[key] {
                    out += [UInt8](repeating: 0x30, count: t.items.count)
                    get(index)
                    return
                }
                out.append([0x85, 0x86, 0x87][t.items.count - 1])
            } else {
                out.append(0x28)
                for x in t.items { try save(x) }
                out.append(0x74)
            }
            memoize(key, keep: v)
        case let l as PyList:
            out.append(0x5d)
            memoize(key, keep: v)
            try appendItems(l.items)
        case let d as PyDict:
            out.append(0x7d)
            memoize(key, keep: v)
            try setItems(d.items.map { ($0.key, $0.value) })
        case let s as PySet:
            try saveSet(v, s, key)
        case is PyBigInt:
            let bits = try interp.intArgument(try interp.callMethod(v, "bit_length"))
            let encoded = try interp.callMethod(v, "to_bytes", [.int(bits / 8 + 1), .str("little")], kwargs: [("signed", .true)])
            var bytes = try interp.byteValues(encoded)
            trimSigned(&bytes)
            if bytes.count < 256 { out += [0x8a, UInt8(bytes.count)] } else { out.append(0x8b); le(bytes.count, 4) }
            out += bytes
        case let c as PyClass:
            saveGlobal(module: c.module, name: c.qualname, key: key, keep: v, isException: c.isException)
        case let f as PyFunction:
            saveGlobal(module: f.globals.name, name: f.qualname, key: key, keep: v)
        case let f as PyBuiltinFunction:
            saveGlobal(module: "builtins", name: f.name, key: key, keep: v)
        case let g as PickleGlobal:
            saveGlobal(module: g.module, name: g.name, key: key, keep: v)
        case is PyModule:
            throw PyError.typeError("cannot pickle 'module' object")
        default:
            if let hook = reduceOverride, let reduced = try hook(v) {
                try writeReduce(v, o, reduced)
                return
            }
            if let bytes = v.payload(ByteStorage.self), let inst = o as? PyInstance {
                try saveBytes(v, bytes.bytes, array: inst.cls === interp.types.bytearray, key)
            } else {
                try saveReduce(v, o)
            }
        }
    }

    private func appendItems(_ items: [PyValue]) throws {
        if items.count == 1 { try save(items[0]); out.append(0x61); return }
        var k = 0
        while k < items.count {
            out.append(0x28)
            let end = min(k + 1000, items.count)
            for x in items[k..<end] { try save(x) }
            out.append(0x65)
            k = end
        }
    }

    private func setItems(_ items: [(PyValue, PyValue)]) throws {
        if items.count == 1 { try save(items[0].0); try save(items[0].1); out.append(0x73); return }
        var k = 0
        while k < items.count {
            out.append(0x28)
            let end = min(k + 1000, items.count)
            for (a, b) in items[k..<end] { try save(a); try save(b) }
            out.append(0x75)
            k = end
        }
    }

    private func saveSet(_ v: PyValue, _ s: PySet, _ key: ObjectIdentifier) throws {
        let items = s.items
        if proto < 4 {
            let cls = s.frozen ? interp.builtins[Name("frozenset")]! : interp.builtins[Name("set")]!
            try reduceCall(cls, args: [.list(items)], object: v)
            return
        }
        if s.frozen {
            out.append(0x28)
            for x in items { try save(x) }
            if let index = memo[key] { out.append(0x31); get(index); return }
            out.append(0x91)
            memoize(key, keep: v)
            return
        }
        out.append(0x8f)
        memoize(key, keep: v)
        var k = 0
        while k < items.count {
            out.append(0x28)
            let end = min(k + 1000, items.count)
            for x in items[k..<end] { try save(x) }
            out.append(0x90)
            k = end
        }
    }

    private func saveBytes(_ v: PyValue, _ b: [UInt8], array: Bool, _ key: ObjectIdentifier) throws {
        if array {
            if proto >= 5 {
                out.append(0x96); le(b.count, 8); out += b
                memoize(key, keep: v)
                return
            }
            try reduceCall(interp.builtins[Name("bytearray")]!, args: [proto < 3 ? .str(String(b.map { Character(Unicode.Scalar($0)) })) : interp.makeBytes(b)], object: v, viaCodecs: proto < 3)
            return
        }
        if proto < 3 {
            if b.isEmpty {
                try reduceCall(interp.builtins[Name("bytes")]!, args: [], object: v)
            } else {
                saveGlobal(module: "_codecs", name: "encode", key: nil, keep: nil)
                try save(.tuple([.str(String(b.map { Character(Unicode.Scalar($0)) })), .str("latin1")]))
                out.append(0x52)
                memoize(key, keep: v)
            }
            return
        }
        if b.count < 256 { out += [0x43, UInt8(b.count)] } else { out.append(0x42); le(b.count, 4) }
        out += b
        memoize(key, keep: v)
    }

    /// `callable(*args)` with REDUCE, then the object memoized.
    private func reduceCall(_ callable: PyValue, args: [PyValue], object: PyValue, viaCodecs: Bool = false) throws {
        try save(callable)
        if viaCodecs, case .str(let latin) = args[0] {
            saveGlobal(module: "_codecs", name: "encode", key: nil, keep: nil)
            try save(.tuple([.str(latin), .str("latin1")]))
            out.append(0x52)
            memoize(nil)
            out.append(0x85)
            memoize(nil)
        } else {
            try save(.tuple(args))
        }
        out.append(0x52)
        if case .object(let o) = object { memoize(ObjectIdentifier(o), keep: object) }
    }

    private func saveReduce(_ v: PyValue, _ o: PyObject) throws {
        guard let inst = o as? PyInstance else {
            throw PyError.typeError("cannot pickle '\(interp.typeName(v))' object")
        }
        let cls = inst.cls
        if cls.module == "collections" && cls.name == "OrderedDict" {
            try save(.object(cls))
            out.append(0x29)
            out.append(0x52)
            memoize(ObjectIdentifier(o), keep: v)
            let items = try interp.iterate(try interp.callMethod(v, "items")).map { pair -> (PyValue, PyValue) in
                let t = try interp.iterate(pair)
                return (t[0], t[1])
            }
            if !items.isEmpty { try setItems(items) }
            let state = PyDict()
            for (n, x) in zip(inst.attributes.names, inst.attributes.values) where n.string != "_data" {
                try state.set(.str(n.string), x)
            }
            if state.count > 0 { try save(.object(state)); out.append(0x62) }
            return
        }
        var reduced: PyValue
        if cls.lookup(Name("__reduce_ex__")) != nil {
            reduced = try interp.callMethod(v, "__reduce_ex__", [.int(proto)])
        } else if cls.lookup(Name("__reduce__")) != nil {
            reduced = try interp.callMethod(v, "__reduce__")
        } else {
            if cls.isException { throw PyError.typeError("cannot pickle '\(cls.name)' object") }
            if let base = inst.payload as? BuiltinBase { try saveBuiltinSubclass(v, inst, base.value); return }
            if inst.payload != nil { throw PyError.typeError("cannot pickle '\(cls.name)' object") }
            var state: PyValue = .none
            if cls.lookup(Name("__getstate__")) != nil {
                state = try interp.callMethod(v, "__getstate__")
            } else if !inst.attributes.names.isEmpty {
                let d = PyDict()
                for (n, x) in zip(inst.attributes.names, inst.attributes.values) { try d.set(.str(n.string), x) }
                state = .object(d)
            }
            try save(.object(cls))
            out.append(0x29)
            out.append(0x81)
            memoize(ObjectIdentifier(o), keep: v)
            if !state.isNone { try save(state); out.append(0x62) }
            return
        }
        if case .str(let name) = reduced {
            saveGlobal(module: cls.module, name: name, key: ObjectIdentifier(o), keep: v)
            return
        }
        try writeReduce(v, o, reduced)
    }

    /// An instance of a subclass of a built-in type, as CPython's `object.__reduce_ex__`
    /// writes it: `cls.__new__(cls, *args)` with the immutable value as the argument, then
    /// a list's or dict's items, then the instance dict (a set subclass is `cls(list)`).
    private func saveBuiltinSubclass(_ v: PyValue, _ inst: PyInstance, _ base: PyValue) throws {
        try save(.object(inst.cls))
        if case .object(let bo) = base, let set = bo as? PySet {
            try save(.tuple([.list(set.items)]))
            out.append(0x52)
        } else {
            let isContainer = base.asList != nil || base.asDict != nil
            try save(.tuple(isContainer ? [] : [base]))
            out.append(0x81)
        }
        memoize(ObjectIdentifier(inst), keep: v)
        if let l = base.asList, !l.items.isEmpty { try appendItems(l.items) }
        if let d = base.asDict, d.count > 0 { try setItems(d.items.map { ($0.key, $0.value) }) }
        if !inst.attributes.names.isEmpty {
            let d = PyDict()
            for (n, x) in zip(inst.attributes.names, inst.attributes.values) { try d.set(.str(n.string), x) }
            try save(.object(d))
            out.append(0x62)
        }
    }

    private func writeReduce(_ v: PyValue, _ o: PyObject, _ reduced: PyValue) throws {
        guard let parts = reduced.asTuple?.items, (2...6).contains(parts.count) else {
            throw PyError(type: "_pickle.PicklingError", message: "__reduce__ must return a string or tuple")
        }
        try save(parts[0])
        try save(parts[1])
        out.append(0x52)
        memoize(ObjectIdentifier(o), keep: v)
        if parts.count > 3, !parts[3].isNone { try appendItems(try interp.iterate(parts[3])) }
        if parts.count > 4, !parts[4].isNone {
            try setItems(try interp.iterate(parts[4]).map { let t = try interp.iterate($0); return (t[0], t[1]) })
        }
        if parts.count > 2, !parts[2].isNone { try save(parts[2]); out.append(0x62) }
    }
}
