extension Interpreter {
    /// The built-in exception hierarchy of CPython 3.11 (the commonly used part).
    func installExceptions() {
        let tree: [(String, String?)] = [
            ("BaseException", nil), ("GeneratorExit", "BaseException"), ("KeyboardInterrupt", "BaseException"),
            ("SystemExit", "BaseException"), ("Exception", "BaseException"),
            ("ArithmeticError", "Exception"), ("FloatingPointError", "ArithmeticError"),
            ("OverflowError", "ArithmeticError"), ("ZeroDivisionError", "ArithmeticError"),
            ("AssertionError", "Exception"), ("AttributeError", "Exception"), ("BufferError", "Exception"),
            ("EOFError", "Exception"), ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"),
            ("LookupError", "Exception"), ("IndexError", "LookupError"), ("KeyError", "LookupError"),
            ("MemoryError", "Exception"), ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
            ("OSError", "Exception"), ("FileNotFoundError", "OSError"), ("PermissionError", "OSError"),
            ("TimeoutError", "OSError"), ("FileExistsError", "OSError"), ("IsADirectoryError", "OSError"), ("NotADirectoryError", "OSError"), ("ReferenceError", "Exception"), ("RuntimeError", "Exception"),
            ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
            ("StopIteration", "Exception"), ("StopAsyncIteration", "Exception"),
            ("SyntaxError", "Exception"), ("IndentationError", "SyntaxError"), ("TabError", "IndentationError"),
            ("SystemError", "Exception"), ("TypeError", "Exception"), ("ValueError", "Exception"),
            ("UnicodeError", "ValueError"), ("UnicodeDecodeError", "UnicodeError"), ("UnicodeEncodeError", "UnicodeError"), ("Warning", "Exception"), ("UserWarning", "Warning"),
            ("DeprecationWarning", "Warning"), ("PendingDeprecationWarning", "Warning"),
            ("SyntaxWarning", "Warning"), ("RuntimeWarning", "Warning"), ("FutureWarning", "Warning"),
            ("ImportWarning", "Warning"), ("UnicodeWarning", "Warning"), ("BytesWarning", "Warning"),
            ("ResourceWarning", "Warning"),
        ]
        for (name, base) in tree {
            let cls = PyClass(name: name, bases: [base.map { types.exceptions[$0]! } ?? types.object], interpreter: self)
            types.exceptions[name] = cls
            builtins[Name(name)] = .object(cls)
        }
        builtins[Name("EnvironmentError")] = builtins[Name("OSError")]
        builtins[Name("IOError")] = builtins[Name("OSError")]
        let base = types.exceptions["BaseException"]!
        base.setConstructor { interp, cls, args in
            let inst = PyInstance(cls: interp.osErrorClass(cls, args.positional))
            inst.attributes.set(N.args, .tuple(args.positional))
            interp.setExceptionAttributes(inst, args.positional)
            if cls.isSubclass(of: interp.types.exceptions["StopIteration"]!) {
                inst.attributes.set(N.value, args.positional.first ?? .none)
            }
            if cls.isSubclass(of: interp.types.exceptions["SystemExit"]!) {
                let p = args.positional
                inst.attributes.set(Name("code"), p.isEmpty ? .none : p.count == 1 ? p[0] : .tuple(p))
            }
            return .object(inst)
        }
        // The classes above were made before the constructor: they inherit it now.
        for (name, _) in tree { types.exceptions[name]!.constructor = base.constructor }
        base.addMethod("__init__") { i, s, a in
            s.asInstance?.attributes.set(N.args, .tuple(a.positional))
            if let inst = s.asInstance { i.setExceptionAttributes(inst, a.positional) }
            return .none
        }
        installExceptionAttributes()
        base.addMethod("__str__") { i, s, _ in .str(i.exceptionStr(s.asInstance!)) }
        base.addMethod("__repr__") { i, s, _ in
            let inst = s.asInstance!
            let args = inst.attributes.get(N.args)?.asTuple?.items ?? []
            if args.count == 1 { return .str(inst.cls.name + "(" + (try i.repr(args[0])) + ")") }
            return .str(inst.cls.name + (try i.repr(.tuple(args))))
        }
        // `e.with_traceback(tb)`: the `__traceback__` setter's work, returning `e`.
        base.addMethod("with_traceback") { i, s, a in
            try a.check("with_traceback", 1)
            try i.setAttribute(s, Name("__traceback__"), a[0])
            return s
        }
        // Read through the class until an exception is chained (instances set their own).
        base.setAttribute(N.__cause__, PyValue.none)
        base.setAttribute(N.__context__, PyValue.none)
        base.setAttribute(N.__suppress_context__, PyValue.false)
        base.addMethod("add_note") { i, s, a in
            try a.check("add_note", 1)
            guard case .str = a[0] else { throw PyError.typeError("note must be a str, not '\(i.typeName(a[0]))'") }
            guard let inst = s.asInstance else { return .none }
            if let notes = inst.attributes.get(N.__notes__)?.asList { notes.items.append(a[0]) }
            else { inst.attributes.set(N.__notes__, .list([a[0]])) }
            return .none
        }
    }
}
