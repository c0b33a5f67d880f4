#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `import` as CPython does it: `sys.modules` first, then the modules registered by the
/// session (built-in and host modules), then `.py` modules and packages of the lesson's
/// folder. A module is in `sys.modules` while its body runs (import cycles see it partly
/// initialised) and is removed again if its body raises.
extension Interpreter {
    /// Imports `dotted` (and its parent packages), returning the leaf module.
    @discardableResult
    public func importModule(_ dotted: String) throws -> PyModule {
        if let m = loadedModule(dotted) { return m }
        var parent: PyModule?
        var parentName = ""
        if let dot = dotted.lastIndex(of: ".") {
            parentName = String(dotted[..<dot])
            parent = try importModule(parentName)
            if let m = loadedModule(dotted) { return m }
        }
        let leafName = String(dotted.split(separator: ".").last!)
        let m: PyModule
        if let source = moduleSources[dotted] {
            m = PyModule(name: dotted)
            try load(m) {
                switch source {
                case .native(let build):
                    try build(self, m)
                case .source(let text, let file):
                    m.fileName = file
                    try runModuleSource(text, file: file, module: m)
                }
            }
        } else if let found = try findInFolder(leafName, parent: parent, dotted: dotted) {
            m = PyModule(name: dotted, fileName: found.file)
            m[N.__file__] = found.file.map { .str($0) } ?? .none
            m[N.__package__] = .str(found.packageDirectory != nil ? dotted : parentName)
            if let dir = found.packageDirectory {
                m.packageDirectory = dir
                m[N.__path__] = .list([.str(dir)])
            }
            try load(m) {
                guard let file = found.file else { return }
                guard let text = moduleFolder?.read(file) else {
                    throw PyError(type: "ModuleNotFoundError", message: "No module named '\(dotted)'")
                }
                try runModuleSource(text, file: file, module: m)
            }
        } else {
            throw PyError(type: "ModuleNotFoundError", message: "No module named '\(dotted)'")
        }
        if let p = parent { p[Name(leafName)] = .object(m) }
        return m
    }

    /// A module already in `sys.modules` (which a lesson may edit).
    private func loadedModule(_ name: String) -> PyModule? {
        if let d = sysModules {
            guard let v = try? d.get(.str(name)) else { return nil }
            if case .object(let o) = v, let m = o as? PyModule { return m }
            return nil
        }
        return modules[name]
    }

    /// Records `m` as loaded, runs its body, and forgets it again if the body raises.
    private func load(_ m: PyModule, _ body: () throws -> Void) throws {
        setLoaded(m.name, m)
        m.initializing = true
        defer { m.initializing = false }
        do {
            try body()
        } catch {
            setLoaded(m.name, nil)
            throw error
        }
    }

    func setLoaded(_ name: String, _ m: PyModule?) {
        modules[name] = m
        if let d = sysModules {
            if let m { try? d.set(.str(name), .object(m)) } else { _ = try? d.remove(.str(name)) }
        }
    }

    /// Looks `name` up in the lesson's folder, or in the parent package's directory.
    private func findInFolder(_ name: String, parent: PyModule?, dotted: String) throws -> FoundModule? {
        guard let folder = moduleFolder else {
            if let p = parent, p.packageDirectory == nil, p[N.__path__] == nil, moduleSources[p.name] == nil {
                throw notAPackage(dotted, p)
            }
            return nil
        }
        if let p = parent {
            guard let dir = p.packageDirectory else {
                if moduleSources[p.name] == nil && p[N.__path__] == nil { throw notAPackage(dotted, p) }
                return nil
            }
            return folder.find(name, in: dir)
        }
        return folder.find(name, in: "")
    }

    private func notAPackage(_ dotted: String, _ parent: PyModule) -> PyError {
        PyError(type: "ModuleNotFoundError", message: "No module named '\(dotted)'; '\(parent.name)' is not a package")
    }

    func runModuleSource(_ text: String, file: String, module: PyModule) throws {
        let code = CodeInfo(name: "<module>", file: file, source: SourceText(text, firstLine: 1))
        let body: [Stmt]
        do {
            var parser = try Parser(moduleSource: text, file: file)
            body = try parser.parseModule()
        } catch let e as SyntaxErrorInfo {
            throw moduleSyntaxError(e, file: file, text: text)
        }
        code.body = body
        let r = Resolver(module: module, builtins: builtins, code: code)
        r.resolveModule(body)
        if let e = r.errors.first { throw moduleSyntaxError(e, file: file, text: text) }
        let frame = Frame(code: code, globals: module, closure: [], interp: self, function: nil)
        for s in code.cellSlots { frame.slots[s] = .object(PyCell(nil)) }
        try runFrame(frame)
    }

    /// The absolute name `from .x import y` means inside `globals` (a module of a package).
    func absoluteModuleName(_ module: String, level: Int, globals: PyModule) throws -> String {
        guard level > 0 else { return module }
        guard case .str(let package)? = globals[N.__package__], !package.isEmpty else {
            throw PyError(type: "ImportError", message: "attempted relative import with no known parent package")
        }
        var parts = package.split(separator: ".").map(String.init)
        if level - 1 >= parts.count {
            throw PyError(type: "ImportError", message: "attempted relative import beyond top-level package")
        }
        parts.removeLast(level - 1)
        let base = parts.joined(separator: ".")
        return module.isEmpty ? base : base + "." + module
    }

    /// `from module import name`: the attribute, else the submodule `module.name`.
    func importName(_ name: String, from m: PyModule) throws -> PyValue {
        if let v = m[Name(name)] { return v }
        let sub = m.name + "." + name
        if hasModule(sub) || m.packageDirectory != nil {
            do {
                return .object(try importModule(sub))
            } catch let e as PyError where e.typeName == "ModuleNotFoundError" && e.description.hasSuffix("'\(sub)'") {
                // Not a submodule either: report the missing name below.
            }
        }
        let place: String
        if case .str(let f)? = m[N.__file__] { place = f } else { place = "unknown location" }
        if m.initializing {
            throw PyError(type: "ImportError", message: "cannot import name '\(name)' from partially initialized module '\(m.name)' (most likely due to a circular import) (\(place))")
        }
        throw PyError(type: "ImportError", message: "cannot import name '\(name)' from '\(m.name)' (\(place))")
    }
}

extension Interpreter {
    /// A SyntaxError of an imported module's source, with CPython's attributes (`msg`,
    /// `filename`, `lineno`, `offset`, `text`) and `str()` ("msg (file, line N)").
    func moduleSyntaxError(_ e: SyntaxErrorInfo, file: String, text: String) -> PyError {
        let err = PyError(type: e.typeName, message: "\(e.message) (\(file), line \(e.line))")
        let exc = materialize(err)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let source = e.line >= 1 && e.line <= lines.count ? PyValue.str(String(lines[e.line - 1]) + "\n") : .none
        for (name, value) in [("msg", PyValue.str(e.message)), ("filename", .str(file)), ("lineno", .int(e.line)),
                              ("offset", .int(e.col + 1)), ("text", source)] {
            exc.attributes.set(Name(name), value)
        }
        return err
    }
}
