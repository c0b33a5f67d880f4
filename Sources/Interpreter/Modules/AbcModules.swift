/// `collections.abc` and its native helper `_abc_native._check_methods`, which answers
/// the structural `__subclasshook__`s (is `__iter__` defined, and not set to None, along
/// the MRO?). Built-in types are judged by the special methods CPython 3.11's types define
/// in their own `__dict__` (below), since the interpreter implements many natively.
extension Interpreter {
    func registerAbcModules() {
        registerModule(name: "_abc_native") { i, m in
            m.addFunction("_check_methods") { i, a in
                guard a.count >= 1, case .object(let o) = a[0], let c = o as? PyClass else {
                    throw PyError.typeError("_check_methods() argument 1 must be a class")
                }
                var names: [String] = []
                for k in 1..<max(1, a.count) { names.append(try i.str(a[k])) }
                return i.checkMethods(c, names)
            }
        }
        registerSourceModule(name: "collections.abc", source: collectionsAbcSource, file: "<collections.abc>")
    }

    /// `_collections_abc._check_methods`: True when every name is found along the MRO,
    /// NotImplemented when one is missing or blocked by None.
    func checkMethods(_ c: PyClass, _ names: [String]) -> PyValue {
        outer: for n in names {
            let name = Name(n)
            for b in c.mro {
                if b.module == "builtins", let known = Interpreter.builtinSpecialMethods[b.name] {
                    if known.blocked.contains(n) { return .notImplemented }
                    if known.defined.contains(n) { continue outer }
                    continue
                }
                if let v = b.dict[name] {
                    if v.isNone { return .notImplemented }
                    continue outer
                }
            }
            return .notImplemented
        }
        return .true
    }

    /// The special methods (of those the collections ABCs test) in the own `__dict__` of
    /// CPython 3.11's built-in types, and those set to None there.
    static let builtinSpecialMethods: [String: (defined: Set<String>, blocked: Set<String>)] = {
        let iterator: Set<String> = ["__iter__", "__next__"]
        var t: [String: (defined: Set<String>, blocked: Set<String>)] = [
            "object": (["__hash__"], []),
            "int": (["__hash__"], []), "bool": ([], []), "float": (["__hash__"], []),
            "complex": (["__hash__"], []),
            "str": (["__hash__", "__iter__", "__len__", "__contains__", "__getitem__"], []),
            "bytes": (["__hash__", "__iter__", "__len__", "__contains__", "__getitem__"], []),
            "bytearray": (["__iter__", "__len__", "__contains__", "__getitem__"], ["__hash__"]),
            "list": (["__iter__", "__len__", "__contains__", "__reversed__", "__getitem__"], ["__hash__"]),
            "tuple": (["__hash__", "__iter__", "__len__", "__contains__", "__getitem__"], []),
            "dict": (["__iter__", "__len__", "__contains__", "__reversed__", "__getitem__"], ["__hash__"]),
            "set": (["__iter__", "__len__", "__contains__"], ["__hash__"]),
            "frozenset": (["__hash__", "__iter__", "__len__", "__contains__"], []),
            "range": (["__hash__", "__iter__", "__len__", "__contains__", "__reversed__", "__getitem__"], []),
            "slice": ([], ["__hash__"]),
            "NoneType": ([], []), "ellipsis": ([], []), "NotImplementedType": ([], []),
            "memoryview": (["__hash__", "__iter__", "__len__", "__getitem__"], []),
            "type": (["__call__"], []),
            "function": (["__call__"], []),
            "builtin_function_or_method": (["__hash__", "__call__"], []),
            "method": (["__hash__", "__call__"], []),
            "generator": (["__iter__", "__next__", "send", "throw", "close"], []),
            "module": ([], []), "property": ([], []), "classmethod": ([], []),
            "staticmethod": (["__call__"], []), "super": ([], []),
            "dict_keys": (["__iter__", "__len__", "__contains__", "__reversed__"], ["__hash__"]),
            "dict_values": (["__iter__", "__len__", "__reversed__"], []),
            "dict_items": (["__iter__", "__len__", "__contains__", "__reversed__"], ["__hash__"]),
            "mappingproxy": (["__iter__", "__len__", "__contains__", "__reversed__", "__getitem__"], ["__hash__"]),
            "cell": ([], ["__hash__"]), "code": (["__hash__"], []), "frame": ([], []),
        ]
        for name in ["enumerate", "zip", "map", "filter", "reversed", "list_iterator", "tuple_iterator",
                     "str_iterator", "str_ascii_iterator", "range_iterator", "dict_keyiterator",
                     "dict_valueiterator", "dict_itemiterator", "set_iterator", "bytes_iterator",
                     "bytearray_iterator", "list_reverseiterator", "dict_reversekeyiterator",
                     "dict_reversevalueiterator", "dict_reverseitemiterator", "callable_iterator",
                     "iterator"] {
            t[name] = (iterator, [])
        }
        return t
    }()
}
