/// `_dataclasses_compile`: how `dataclasses` builds `__init__` from source text, as
/// CPython's `_create_fn` does with `exec`, so the generated signature (and every argument
/// error it raises: "P.__init__() missing 1 required positional argument: 'x'") is a real
/// Python signature. Lessons themselves still have no `exec`; this runs one `def` for the
/// module.
extension Interpreter {
    func buildDataclassesCompile(_ m: PyModule) {
        /// `function(source, name, namespace)`: runs `source` (one `def name(...)`) with the
        /// entries of `namespace` as its globals and returns the function.
        m.addFunction("function") { i, a in
            try a.check("function", 3)
            let source = try i.stringArgument(a[0], "source")
            let name = try i.stringArgument(a[1], "name")
            guard case .object(let o) = a[2], let namespace = o as? PyDict else {
                throw PyError.typeError("namespace must be a dict")
            }
            guard source.hasPrefix("def \(name)(") else { throw PyError.valueError("expected one def of \(name)") }
            let module = PyModule(name: "dataclasses", fileName: "<string>")
            for entry in namespace.entries {
                guard let (key, value) = entry, case .str(let k) = key else { continue }
                module[k] = value
            }
            try i.runModuleSource(source, file: "<string>", module: module)
            guard let fn = module[name] else { throw PyError.valueError("expected one def of \(name)") }
            return fn
        }
    }
}
