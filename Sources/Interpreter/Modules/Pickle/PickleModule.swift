/// The `pickle` module over `PickleWriter`/`PickleReader`: `dumps`, `loads`, `dump`, `load`,
/// and `Pickler`/`Unpickler` classes that Python subclasses can give `persistent_id`,
/// `persistent_load` and `find_class`.
extension Interpreter {
    func buildPickle(_ m: PyModule) throws {
        let exception = types.exceptions["Exception"]!
        let base = PyClass(name: "PickleError", module: "_pickle", bases: [exception], interpreter: self)
        let pickling = PyClass(name: "PicklingError", module: "_pickle", bases: [base], interpreter: self)
        let unpickling = PyClass(name: "UnpicklingError", module: "_pickle", bases: [base], interpreter: self)
        types.exceptions["_pickle.PickleError"] = base
        types.exceptions["_pickle.PicklingError"] = pickling
        types.exceptions["_pickle.UnpicklingError"] = unpickling
        m.add("PickleError", base)
        m.add("PicklingError", pickling)
        m.add("UnpicklingError", unpickling)
        m.add("HIGHEST_PROTOCOL", .int(5))
        m.add("DEFAULT_PROTOCOL", .int(4))

        let dumpsSignature = Signature("dumps", ["obj", "protocol"], keywordOnly: ["fix_imports", "buffer_callback"], required: 1)
        m.addFunction("dumps") { i, a in
            let b = try a.bind(dumpsSignature)
            return i.makeBytes(try PickleWriter(i, protocol: try i.pickleProtocol(b[1])).dump(b[0]!))
        }
        let dumpSignature = Signature("dump", ["obj", "file", "protocol"], keywordOnly: ["fix_imports", "buffer_callback"], required: 2)
        m.addFunction("dump") { i, a in
            let b = try a.bind(dumpSignature)
            let bytes = try PickleWriter(i, protocol: try i.pickleProtocol(b[2])).dump(b[0]!)
            _ = try i.callMethod(b[1]!, "write", [i.makeBytes(bytes)])
            return .none
        }
        let loadsSignature = Signature("loads", ["data"], keywordOnly: ["fix_imports", "encoding", "errors", "buffers"], required: 1)
        m.addFunction("loads") { i, a in
            let b = try a.bind(loadsSignature)
            if case .str = b[0]! { throw PyError.typeError("a bytes-like object is required, not 'str'") }
            return try PickleReader(i, try i.byteValues(b[0]!)).load()
        }
        let loadSignature = Signature("load", ["file"], keywordOnly: ["fix_imports", "encoding", "errors", "buffers"], required: 1)
        m.addFunction("load") { i, a in
            let b = try a.bind(loadSignature)
            return try i.unpickle(from: b[0]!, reader: { $0 })
        }

        let pickler = makeClass("Pickler", module: "_pickle")
        pickler.setConstructor { i, cls, a in
            let b = try a.bind(Signature("Pickler", ["file", "protocol"], keywordOnly: ["fix_imports", "buffer_callback"], required: 1))
            let v = i.makeInstance(cls, payload: PicklerState(file: b[0]!, proto: try i.pickleProtocol(b[1])))
            return v
        }
        pickler.addMethod("dump") { i, s, a in
            try a.check("dump", 1)
            guard let state = s.payload(PicklerState.self) else { throw PyError.typeError("Pickler.__init__() was not called") }
            let w = PickleWriter(i, protocol: state.proto)
            if let f = try? i.getAttribute(s, "persistent_id") {
                w.persistentID = { v -> PyValue? in
                    let r = try i.call(f, [v])
                    if r.isNone { return Optional<PyValue>.none }
                    return r
                }
            }
            _ = try i.callMethod(state.file, "write", [i.makeBytes(try w.dump(a[0]))])
            return .none
        }
        m.add("Pickler", pickler)

        let unpicklerClass = makeClass("Unpickler", module: "_pickle")
        unpicklerClass.setConstructor { i, cls, a in
            let b = try a.bind(Signature("Unpickler", ["file"], keywordOnly: ["fix_imports", "encoding", "errors", "buffers"], required: 1))
            return i.makeInstance(cls, payload: PicklerState(file: b[0]!, proto: 0))
        }
        unpicklerClass.addMethod("load") { i, s, _ in
            guard let state = s.payload(PicklerState.self) else { throw PyError.typeError("Unpickler.__init__() was not called") }
            return try i.unpickle(from: state.file) { r in
                if let inst = s.asInstance, inst.cls !== unpicklerClass,
                   let f = try? i.getAttribute(s, "find_class") {
                    r.findClass = { module, name in try i.call(f, [.str(module), .str(name)]) }
                }
                if let f = try? i.getAttribute(s, "persistent_load") {
                    r.persistentLoad = { pid in try i.call(f, [pid]) }
                }
                return r
            }
        }
        unpicklerClass.addMethod("find_class") { i, _, a in
            try a.check("find_class", 2)
            return try PickleReader.defaultFind(i, try i.str(a[0]), try i.str(a[1]))
        }
        m.add("Unpickler", unpicklerClass)
    }

    /// Unpickles the next object of a file object, leaving it positioned after the object.
    func unpickle(from file: PyValue, reader configure: (PickleReader) throws -> PickleReader) throws -> PyValue {
        if let s = file.payload(FileStream.self), !s.text {
            let r = try configure(PickleReader(self, s.bytes, at: s.position))
            if s.position >= s.bytes.count { throw PyError(type: "EOFError", message: "Ran out of input") }
            let v = try r.load()
            s.position = r.pos
            return v
        }
        let data = try byteValues(try callMethod(file, "read"))
        if data.isEmpty { throw PyError(type: "EOFError", message: "Ran out of input") }
        return try configure(PickleReader(self, data)).load()
    }

    func pickleProtocol(_ v: PyValue?) throws -> Int {
        guard let v, !v.isNone else { return 4 }
        let p = try intArgument(v)
        if p < 0 { return 5 }
        if p > 5 { throw PyError.valueError("pickle protocol must be <= 5") }
        if p < 2 { throw PyError.valueError("pickle protocols 0 and 1 are not supported here; use 2 or above") }
        return p
    }
}

/// The file and protocol of a `Pickler`/`Unpickler` instance.
final class PicklerState {
    let file: PyValue
    let proto: Int
    init(file: PyValue, proto: Int) { self.file = file; self.proto = proto }
}
