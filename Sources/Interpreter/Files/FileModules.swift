/// The native side of `io`, `os` and `pathlib`: `io`'s classes, and `_filespace`, the few
/// operations on the lesson's file space that the `os` module (written in the cell
/// language) is built on.
extension Interpreter {
    func buildIO(_ m: PyModule) {
        let c = fileClasses!
        m.add("open", builtins[Name("open")]!)
        m.add("TextIOWrapper", c.textWrapper)
        m.add("BufferedReader", c.reader)
        m.add("BufferedWriter", c.writer)
        m.add("BufferedRandom", c.random)
        m.add("StringIO", c.stringIO)
        m.add("BytesIO", c.bytesIO)
        m.add("IOBase", c.base)
        m.add("UnsupportedOperation", .object(types.exceptions["io.UnsupportedOperation"]!))
        m.add("SEEK_SET", .int(0))
        m.add("SEEK_CUR", .int(1))
        m.add("SEEK_END", .int(2))
        m.add("DEFAULT_BUFFER_SIZE", .int(8192))
    }

    func buildFileSpaceModule(_ m: PyModule) {
        m.addFunction("getcwd") { _, _ in .str(FileSpace.workingDirectory) }
        m.addFunction("kind") { i, a in
            try a.check("kind", 1)
            let space = i.fileSpace
            guard let rel = space.resolve(try i.fsPath(a[0])) else { return .none }
            switch space.kind(rel) {
            case .file: return .str("file")
            case .directory: return .str("dir")
            case nil: return .none
            }
        }
        m.addFunction("listdir") { i, a in
            try a.check("listdir", 1)
            return .list(try i.fileSpace.listDirectory(try i.fsPath(a[0])).map { .str($0) })
        }
        m.addFunction("mkdir") { i, a in
            try a.check("mkdir", 1)
            try i.fileSpace.makeDirectory(try i.fsPath(a[0]))
            return .none
        }
        m.addFunction("remove") { i, a in
            try a.check("remove", 1)
            try i.fileSpace.remove(try i.fsPath(a[0]))
            return .none
        }
        m.addFunction("rmdir") { i, a in
            try a.check("rmdir", 1)
            try i.fileSpace.removeDirectory(try i.fsPath(a[0]))
            return .none
        }
        m.addFunction("rename") { i, a in
            try a.check("rename", 2)
            try i.fileSpace.rename(try i.fsPath(a[0]), try i.fsPath(a[1]))
            return .none
        }
        m.addFunction("size") { i, a in
            try a.check("size", 1)
            return .int(try i.fileSpace.size(try i.fsPath(a[0])))
        }
        m.addFunction("fspath") { i, a in
            try a.check("fspath", 1)
            if case .str = a[0] { return a[0] }
            if a[0].payload(ByteStorage.self) != nil { return a[0] }
            if case .object(let o) = a[0], o is PyInstance, let r = try i.callSpecial(a[0], Name("__fspath__"), []) { return r }
            throw PyError.typeError("expected str, bytes or os.PathLike object, not \(i.typeName(a[0]))")
        }
    }
}

extension Interpreter {
    /// `io`, `os`, `os.path`, `pathlib`, `csv`, `pickle` and the refused `subprocess` and `socket`.
    func registerFileModules() {
        registerModule(name: "io") { i, m in i.buildIO(m) }
        registerModule(name: "_filespace") { i, m in i.buildFileSpaceModule(m) }
        registerModule(name: "pickle") { i, m in try i.buildPickle(m) }
        registerSourceModule(name: "os", source: osSource, file: "<os>")
        registerSourceModule(name: "os.path", source: osPathSource, file: "<posixpath>")
        registerSourceModule(name: "pathlib", source: pathlibSource, file: "<pathlib>")
        registerSourceModule(name: "csv", source: csvSource, file: "<csv>")
        registerSourceModule(name: "subprocess", source: subprocessSource, file: "<subprocess>")
        registerSourceModule(name: "socket", source: socketSource, file: "<socket>")
    }
}
