/// `open()` and the `io` classes over `FileStream`: `TextIOWrapper`, `BufferedReader`,
/// `BufferedWriter`, `BufferedRandom`, `StringIO`, `BytesIO`, with CPython's names, reprs,
/// modes and error texts.
extension Interpreter {
    func installFileObjects() {
        let base = makeClass("_IOBase", module: "_io")
        let textWrapper = makeClass("TextIOWrapper", module: "_io", base: base)
        let reader = makeClass("BufferedReader", module: "_io", base: base)
        let writer = makeClass("BufferedWriter", module: "_io", base: base)
        let random = makeClass("BufferedRandom", module: "_io", base: base)
        let stringIO = makeClass("StringIO", module: "_io", base: base)
        let bytesIO = makeClass("BytesIO", module: "_io", base: base)
        fileClasses = FileClasses(base: base, textWrapper: textWrapper, reader: reader, writer: writer,
                                  random: random, stringIO: stringIO, bytesIO: bytesIO)
        installStreamMethods(base)
        let unsupported = PyClass(name: "UnsupportedOperation", module: "io",
                                  bases: [types.exceptions["OSError"]!, types.exceptions["ValueError"]!], interpreter: self)
        types.exceptions["io.UnsupportedOperation"] = unsupported
        let openSignature = Signature("open", ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], required: 1)
        builtins[Name("open")] = makeFunction("open") { i, a in
            let b = try a.bind(openSignature)
            let mode = try b[1].map { v -> String in
                guard case .str(let s) = v else { throw PyError.typeError("open() argument 'mode' must be str, not \(i.typeName(v))") }
                return s
            } ?? "r"
            return try i.openFile(b[0]!, mode: mode, encoding: b[3], newline: b[5])
        }
        stringIO.setConstructor { i, cls, a in
            let b = try a.bind(Signature("StringIO", ["initial_value", "newline"]))
            let s = FileStream(text: true, readable: true, writable: true, backing: .memory)
            s.newline = "\n"
            if let nl = b[1] { s.newline = try i.newlineArgument(nl) }
            if let v = b[0], !v.isNone {
                guard case .str(let t) = v else { throw PyError.typeError("initial_value must be str or None, not \(i.typeName(v))") }
                try s.writeText(t)
                s.position = 0
            }
            return i.makeInstance(cls, payload: s)
        }
        stringIO.addMethod("getvalue") { i, s, _ in
            let st = try i.stream(s); try st.checkOpen()
            return .str(String(String.UnicodeScalarView(st.scalars)))
        }
        bytesIO.setConstructor { i, cls, a in
            let b = try a.bind(Signature("BytesIO", ["initial_bytes"]))
            let s = FileStream(text: false, readable: true, writable: true, backing: .memory)
            if let v = b[0], !v.isNone { s.bytes = try i.byteValues(v) }
            return i.makeInstance(cls, payload: s)
        }
        bytesIO.addMethod("getvalue") { i, s, _ in
            let st = try i.stream(s); try st.checkOpen()
            return i.makeBytes(st.bytes)
        }
        textWrapper.setConstructor { i, cls, a in
            let b = try a.bind(Signature("TextIOWrapper", ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"], required: 1))
            guard let inner = b[0]!.payload(FileStream.self), !inner.text else {
                throw PyError(type: "AttributeError", message: "'\(i.typeName(b[0]!))' object has no attribute 'readable'")
            }
            let s = FileStream(text: true, readable: inner.readable, writable: inner.writable, backing: .wrapped(inner))
            s.wrapStart = inner.position
            s.name = inner.name
            if let nl = b[3] { s.newline = try i.newlineArgument(nl) }
            s.encoding = try i.encodingName(b[1]) ?? "UTF-8"
            if inner.readable { try i.decode(inner.bytes[inner.position...], into: s) }
            let v = i.makeInstance(cls, payload: s)
            try i.setAttribute(v, "buffer", b[0]!)
            return v
        }
    }

    /// `open(file, mode, encoding=, newline=)` over the lesson's file space.
    func openFile(_ file: PyValue, mode: String, encoding: PyValue?, newline: PyValue?) throws -> PyValue {
        let path = try fsPath(file)
        var seen = Set<Character>()
        for c in mode {
            guard "rwxabt+".contains(c), !seen.contains(c) else { throw PyError.valueError("invalid mode: '\(mode)'") }
            seen.insert(c)
        }
        let kinds = ["r", "w", "x", "a"].filter { seen.contains(Character($0)) }
        let binary = seen.contains("b")
        if binary && seen.contains("t") { throw PyError.valueError("can't have text and binary mode at once") }
        if mode.isEmpty { throw PyError.valueError("Must have exactly one of create/read/write/append mode and at most one plus") }
        if kinds.count != 1 { throw PyError.valueError("must have exactly one of create/read/write/append mode") }
        if binary, let e = encoding, !e.isNone { throw PyError.valueError("binary mode doesn't take an encoding argument") }
        if binary, let n = newline, !n.isNone { throw PyError.valueError("binary mode doesn't take a newline argument") }
        let kind = kinds[0], plus = seen.contains("+")
        let encodingName = binary ? nil : try encodingName(encoding)
        let newlineValue = try newline.map { try newlineArgument($0) } ?? nil
        let space = fileSpace
        var content: [UInt8] = []
        switch kind {
        case "r":
            content = try space.read(path)
        case "w":
            try space.write(path, [])
        case "x":
            if let rel = space.resolve(path), space.kind(rel) != nil {
                throw PyError(type: "FileExistsError", message: "[Errno 17] File exists: \(pathRepr(path))")
            }
            try space.write(path, [])
        default:
            if let rel = space.resolve(path), space.kind(rel) == .file { content = try space.read(path) }
            try space.write(path, content)
        }
        let s = FileStream(text: !binary, readable: kind == "r" || plus, writable: kind != "r" || plus,
                           backing: .file(space, path))
        s.appending = kind == "a"
        s.name = file.asString != nil ? .str(path) : file
        if case .str = file {} else if file.payload(ByteStorage.self) == nil { s.name = .str(path) }
        let classes = fileClasses!
        if binary {
            s.bytes = content
            if s.appending { s.position = content.count }
            s.mode = (kind == "r" ? "rb" : kind == "w" ? "wb" : kind == "x" ? "xb" : "ab") + (plus ? "+" : "")
            if plus { s.mode = kind + "b+" }
            return makeInstance(plus ? classes.random : kind == "r" ? classes.reader : classes.writer, payload: s)
        }
        s.mode = mode
        s.newline = newlineValue
        s.encoding = encodingName ?? "UTF-8"
        try decode(content[...], into: s)
        if s.appending { s.position = s.scalars.count }
        let v = makeInstance(classes.textWrapper, payload: s)
        return v
    }

    /// Fills a text stream from bytes in its encoding (an invalid text is raised at read).
    func decode(_ bytes: ArraySlice<UInt8>, into s: FileStream) throws {
        switch s.encoding.lowercased().replacing("_", with: "-") {
        case "latin-1", "latin1", "iso-8859-1":
            s.scalars = bytes.map { Unicode.Scalar($0) }
        case "ascii", "us-ascii":
            if let k = bytes.firstIndex(where: { $0 >= 128 }) {
                s.decodeError = "'ascii' codec can't decode byte 0x\(String(bytes[k], radix: 16)) in position \(k - bytes.startIndex): ordinal not in range(128)"
            }
            s.scalars = bytes.map { Unicode.Scalar($0 & 0x7f) }
        default:
            var bytes = bytes
            if s.encoding.lowercased().replacing("_", with: "-") == "utf-8-sig", bytes.starts(with: [0xef, 0xbb, 0xbf]) {
                bytes = bytes.dropFirst(3)
            }
            if let text = String(validating: bytes, as: UTF8.self) {
                s.scalars = Array(text.unicodeScalars)
            } else {
                s.decodeError = utf8DecodeError(Array(bytes))
                s.scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            }
        }
    }

    func encodingName(_ v: PyValue?) throws -> String? {
        guard let v, !v.isNone else { return nil }
        guard case .str(let e) = v else { throw PyError.typeError("open() argument 'encoding' must be str or None, not \(typeName(v))") }
        switch e.lowercased().replacing("_", with: "-") {
        case "utf-8", "utf8", "utf-8-sig", "latin-1", "latin1", "iso-8859-1", "ascii", "us-ascii": return e
        default: throw PyError(type: "LookupError", message: "unknown encoding: \(e)")
        }
    }

    func newlineArgument(_ v: PyValue) throws -> String? {
        if v.isNone { return nil }
        guard case .str(let s) = v else { throw PyError.typeError("open() argument 'newline' must be str or None, not \(typeName(v))") }
        guard ["", "\n", "\r", "\r\n"].contains(s) else { throw PyError.valueError("illegal newline value: \(s)") }
        return s
    }

    /// A path argument: `str`, `bytes` or an object with `__fspath__` (`pathlib.Path`).
    public func fsPath(_ v: PyValue) throws -> String {
        if case .str(let s) = v { return s }
        if let b = v.payload(ByteStorage.self) { return String(decoding: b.bytes, as: UTF8.self) }
        if case .object(let o) = v, o is PyInstance, let r = try callSpecial(v, Name("__fspath__"), []) {
            if case .str(let s) = r { return s }
        }
        throw PyError.typeError("expected str, bytes or os.PathLike object, not \(typeName(v))")
    }

    /// A new `bytes` object (for hosts).
    public func bytesObject(_ b: [UInt8]) -> PyValue { makeBytes(b) }
    /// The bytes of a bytes-like value (for hosts), or CPython's TypeError.
    public func bytesOf(_ v: PyValue) throws -> [UInt8] { try byteValues(v) }

    func stream(_ v: PyValue) throws -> FileStream {
        guard let s = v.payload(FileStream.self) else { throw PyError.typeError("descriptor requires an '_io' object, not '\(typeName(v))'") }
        return s
    }

    /// The stream behind a file object (for `torch.save`, `pickle.dump`): nil for others.
    public func binaryContent(of v: PyValue) -> [UInt8]? {
        guard let s = v.payload(FileStream.self), !s.text else { return nil }
        return Array(s.bytes[min(s.position, s.bytes.count)...])
    }

    private func sizeArgument(_ v: PyValue?) throws -> Int {
        guard let v, !v.isNone else { return -1 }
        guard case .int(let n) = v else { throw PyError.typeError("argument should be integer or None, not '\(typeName(v))'") }
        return n
    }

    private func installStreamMethods(_ cls: PyClass) {
        cls.addMethod("read") { i, s, a in
            let st = try i.stream(s); try st.checkReadable()
            try a.check("read", 0, 1)
            let n = try i.sizeArgument(a.count > 0 ? a[0] : nil)
            if st.text {
                if let e = st.decodeError { throw PyError(type: "UnicodeDecodeError", message: e) }
                return .str(st.readText(n, line: false))
            }
            return i.makeBytes(st.readBytes(n, line: false))
        }
        cls.addMethod("readline") { i, s, a in
            let st = try i.stream(s); try st.checkReadable()
            try a.check("readline", 0, 1)
            let n = try i.sizeArgument(a.count > 0 ? a[0] : nil)
            if st.text {
                if let e = st.decodeError { throw PyError(type: "UnicodeDecodeError", message: e) }
                return .str(st.readText(n, line: true))
            }
            return i.makeBytes(st.readBytes(n, line: true))
        }
        cls.addMethod("readlines") { i, s, a in
            let st = try i.stream(s); try st.checkReadable()
            if st.text, let e = st.decodeError { throw PyError(type: "UnicodeDecodeError", message: e) }
            var lines: [PyValue] = []
            while st.position < st.count {
                lines.append(st.text ? .str(st.readText(-1, line: true)) : i.makeBytes(st.readBytes(-1, line: true)))
            }
            return .list(lines)
        }
        cls.addMethod("__iter__") { i, s, _ in try i.stream(s).checkOpen(); return s }
        cls.addMethod("__next__") { i, s, _ in
            let st = try i.stream(s); try st.checkReadable()
            if st.position >= st.count { throw PyError(type: "StopIteration", args: []) }
            if st.text {
                if let e = st.decodeError { throw PyError(type: "UnicodeDecodeError", message: e) }
                return .str(st.readText(-1, line: true))
            }
            return i.makeBytes(st.readBytes(-1, line: true))
        }
        cls.addMethod("write") { i, s, a in
            let st = try i.stream(s); try st.checkWritable()
            try a.check("write", 1)
            if st.text {
                guard case .str(let t) = a[0] else { throw PyError.typeError("write() argument must be str, not \(i.typeName(a[0]))") }
                try st.writeText(t)
                return .int(t.unicodeScalars.count)
            }
            if case .str = a[0] { throw PyError.typeError("a bytes-like object is required, not 'str'") }
            let b = try i.byteStorage(a[0]).bytes
            try st.writeBytes(b)
            return .int(b.count)
        }
        cls.addMethod("writelines") { i, s, a in
            try a.check("writelines", 1)
            for line in try i.iterate(a[0]) { _ = try i.callMethod(s, "write", [line]) }
            return .none
        }
        cls.addMethod("seek") { i, s, a in
            let st = try i.stream(s); try st.checkOpen()
            try a.check("seek", 1, 2)
            let offset = try i.intArgument(a[0])
            let whence = a.count > 1 ? try i.intArgument(a[1]) : 0
            if st.text {
                if whence == 1 && offset != 0 { throw PyError(type: "io.UnsupportedOperation", message: "can't do nonzero cur-relative seeks") }
                if whence == 2 && offset != 0 { throw PyError(type: "io.UnsupportedOperation", message: "can't do nonzero end-relative seeks") }
                if whence == 2 { st.position = st.scalars.count; return .int(st.textCookie) }
                if whence == 1 { return .int(st.textCookie) }
                if whence != 0 { throw PyError.valueError("invalid whence (\(whence), should be 0, 1 or 2)") }
                if offset < 0 { throw PyError.valueError("negative seek position \(offset)") }
                try st.seekText(cookie: offset)
                return .int(offset)
            }
            let target: Int
            switch whence {
            case 0: target = offset
            case 1: target = st.position + offset
            case 2: target = st.bytes.count + offset
            default: throw PyError.valueError("invalid whence (\(whence), should be 0, 1 or 2)")
            }
            if target < 0 {
                throw whence == 0 ? PyError.valueError("negative seek value \(offset)") : PyError(type: "OSError", message: "[Errno 22] Invalid argument")
            }
            st.position = target
            return .int(target)
        }
        cls.addMethod("tell") { i, s, _ in
            let st = try i.stream(s); try st.checkOpen()
            return .int(st.text ? st.textCookie : st.position)
        }
        cls.addMethod("truncate") { i, s, a in
            let st = try i.stream(s); try st.checkWritable()
            let n = a.count > 0 && !a[0].isNone ? try i.intArgument(a[0]) : st.position
            try st.truncate(n)
            return .int(n)
        }
        cls.addMethod("close") { i, s, _ in
            let st = try i.stream(s)
            st.closed = true
            if case .wrapped(let inner) = st.backing { inner.closed = true }
            return .none
        }
        cls.addMethod("flush") { i, s, _ in try i.stream(s).checkOpen(); return .none }
        cls.addMethod("readable") { i, s, _ in let st = try i.stream(s); try st.checkOpen(); return .bool(st.readable) }
        cls.addMethod("writable") { i, s, _ in let st = try i.stream(s); try st.checkOpen(); return .bool(st.writable) }
        cls.addMethod("seekable") { i, s, _ in try i.stream(s).checkOpen(); return .true }
        cls.addMethod("isatty") { i, s, _ in try i.stream(s).checkOpen(); return .false }
        cls.addMethod("fileno") { _, _, _ in throw PyError(type: "io.UnsupportedOperation", message: "fileno") }
        cls.addMethod("__enter__") { i, s, _ in try i.stream(s).checkOpen(); return s }
        cls.addMethod("__exit__") { i, s, _ in _ = try i.callMethod(s, "close"); return .none }
        cls.addProperty("closed") { i, s in .bool(try i.stream(s).closed) }
        cls.addProperty("name") { i, s in
            let st = try i.stream(s)
            if case .memory = st.backing { throw PyError.attributeError("'\(i.typeName(s))' object has no attribute 'name'") }
            return st.name
        }
        cls.addProperty("mode") { i, s in
            let st = try i.stream(s)
            if case .memory = st.backing { throw PyError.attributeError("'\(i.typeName(s))' object has no attribute 'mode'") }
            return .str(st.mode)
        }
        cls.addProperty("encoding") { i, s in
            let st = try i.stream(s)
            guard st.text else { throw PyError.attributeError("'\(i.typeName(s))' object has no attribute 'encoding'") }
            if case .memory = st.backing { return .none }
            return .str(st.encoding)
        }
        cls.addProperty("newlines") { _, _ in .none }
        cls.addMethod("__repr__") { i, s, _ in
            let st = try i.stream(s)
            let type = "_io." + i.typeName(s)
            if case .memory = st.backing { return .str("<\(type) object>") }
            if st.closed && !st.text { return .str("<\(type) name=\(try i.repr(st.name))>") }
            if st.text, case .wrapped = st.backing { return .str("<\(type) encoding='\(st.encoding)'>") }
            if st.text { return .str("<\(type) name=\(try i.repr(st.name)) mode='\(st.mode)' encoding='\(st.encoding)'>") }
            return .str("<\(type) name=\(try i.repr(st.name))>")
        }
    }
}

/// The `io` classes of a session (made once, shared by `open()` and the `io` module).
struct FileClasses {
    let base, textWrapper, reader, writer, random, stringIO, bytesIO: PyClass
}
