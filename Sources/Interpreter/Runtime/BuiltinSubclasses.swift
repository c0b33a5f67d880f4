/// Python subclasses of built-in types (`class Config(dict)`, `class Meters(float)`).
///
/// An instance of such a class is a `PyInstance` of the subclass (so it has its class, an
/// instance `__dict__` and the subclass's methods) whose payload is a `BuiltinBase` holding
/// the built-in value it extends. Values of the exact built-in types stay what they were,
/// so their fast paths are untouched; the instance reaches the built-in behaviour through
/// the special methods of the built-in class, as CPython's slots do:
/// - every native method of the eight extendable types (`int`, `float`, `str`, `tuple`,
///   `list`, `dict`, `set`, `frozenset`) receives the payload when called on a subclass
///   instance (`self.append(x)`, `super().__getitem__(k)`, `dict.__getitem__(self, k)`);
/// - the special methods those types have in CPython but this interpreter handles inline
///   for exact values (`__add__`, `__lt__`, `__iter__`, `__repr__`, …) are added to the
///   classes, working on the payloads, so the instance paths of operators find them;
/// - calling the subclass builds the payload with the built-in constructor (for `list`,
///   `dict` and `set` an empty one when the subclass has its own `__init__`, as CPython's
///   `__new__` does), and `object.__new__(cls, ...)` / `super().__new__(cls, ...)` reach it.
final class BuiltinBase {
    let value: PyValue
    init(_ value: PyValue) { self.value = value }
}

extension PyValue {
    /// The built-in value a subclass instance extends; nil for anything else.
    var builtinBase: PyValue? {
        if case .object(let o) = self, type(of: o) == PyInstance.self,
           let b = unsafeDowncast(o, to: PyInstance.self).payload as? BuiltinBase { return b.value }
        return nil
    }
    /// The built-in value of a subclass instance, or the value itself.
    var unwrappingBuiltinBase: PyValue { builtinBase ?? self }
}

extension Interpreter {
    /// Run once after the built-in types have their methods.
    func installBuiltinSubclassing() {
        let extendable: [PyClass] = [types.int, types.float, types.str, types.tuple, types.list,
                                      types.dict, types.set, types.frozenset]
        for t in extendable {
            addMissingSpecialMethods(t)
            wrapConstructor(t)
            unwrapReceivers(t)
        }
    }

    /// `cls(...)` for a subclass: the built-in value wrapped in an instance of `cls`.
    private func wrapConstructor(_ t: PyClass) {
        guard let base = t.constructor else { return }
        let mutable = t === types.list || t === types.dict || t === types.set
        let parsesText = t === types.int || t === types.float
        t.constructor = { [unowned t] i, cls, given in
            var args = given
            // int(Name("12")): a str subclass parses as its text.
            if parsesText, args.count > 0, case .str? = args[0].builtinBase { args.positional[0] = args[0].unwrappingBuiltinBase }
            // `tuple(p)` of a subclass instance is a plain tuple, never the instance.
            if cls === t { let r = try base(i, cls, args); return r.builtinBase ?? r }
            var value: PyValue
            if mutable, let initFn = cls.lookup(N.__init__), case .object(let io) = initFn, !(io is PyBuiltinFunction) {
                value = try base(i, t, Arguments())
            } else {
                value = try base(i, t, args)
            }
            // Constructors may hand back an existing value (`tuple(t)` is `t`): copy mutable ones.
            if let inner = value.builtinBase { value = inner }
            return .object(PyInstance(cls: cls, payload: BuiltinBase(value)))
        }
    }

    /// Replaces the native methods of `t` by ones that pass a subclass instance's payload.
    private func unwrapReceivers(_ t: PyClass) {
        for name in t.order {
            // Native properties (`int.real`, `float.imag`) read the payload too.
            if case .object(let po)? = t.dict[name], let p = po as? PyProperty, case .object(let go)? = p.fget,
               let g = go as? PyBuiltinFunction, case .method(let get) = g.body {
                let getter = PyBuiltinFunction(method: g.name) { i, s, a in try get(i, s.unwrappingBuiltinBase, a) }
                let q = PyProperty(fget: .object(getter), fset: p.fset, fdel: p.fdel)
                q.doc = p.doc
                t.dict[name] = .object(q)
                continue
            }
            guard case .object(let o)? = t.dict[name], let f = o as? PyBuiltinFunction,
                  case .method(let body) = f.body else { continue }
            let unwrapArgument = Self.unwrapsArgument.contains(name.string)
            let isDictGetItem = t === types.dict && name == N.__getitem__
            let isFormat = name.string == "__format__"
            let isSetRepr = name.string == "__repr__" && (t === types.set || t === types.frozenset)
            let isDictView = t === types.dict && ["keys", "values", "items"].contains(name.string)
            let wrapped = PyBuiltinFunction(method: f.name) { i, s, a in
                guard let inner = s.builtinBase else {
                    if unwrapArgument, a.count > 0, a[0].builtinBase != nil {
                        var args = a
                        args.positional[0] = a[0].unwrappingBuiltinBase
                        return try body(i, s, args)
                    }
                    return try body(i, s, a)
                }
                var args = a
                if unwrapArgument, args.count > 0 { args.positional[0] = args.positional[0].unwrappingBuiltinBase }
                // format(x, "") is str(x), which a subclass may override.
                if isFormat, args.count == 1, case .str("") = args[0] { return .str(try i.str(s)) }
                // Errors name the subclass, as CPython's tp_name.
                if isFormat, args.count == 1, case .str(let spec) = args[0] {
                    return .str(try i.formatBuiltin(inner, spec, typeName: i.typeName(s)))
                }
                // A set subclass shows its class name: `Bag({1, 2})`, `Bag()`.
                if isSetRepr, case .object(let so) = inner, let set = so as? PySet {
                    let name = i.typeOf(s).name
                    if set.count == 0 { return .str(name + "()") }
                    return .str(name + "({" + (try set.items.map { try i.repr($0) }.joined(separator: ", ")) + "})")
                }
                if isDictGetItem, args.count == 1, let d = inner.asDict, try d.get(args[0]) == nil,
                   let missing = i.typeOf(s).lookup(Name("__missing__")) {
                    return try i.callAttribute(missing, receiver: s, Arguments(args[0]))
                }
                let r = try body(i, inner, args)
                // An OrderedDict's views are CPython's odict_keys/odict_values/odict_items.
                if isDictView, case .object(let vo) = r, let view = vo as? PyDictView, i.isOrderedDict(s) {
                    return .object(PyDictView(view.dict, view.kind, ordered: true))
                }
                // In-place operators return self: the instance, not its payload.
                if case .object(let ro) = r, case .object(let io) = inner, ro === io { return s }
                return r
            }
            wrapped.qualname = f.qualname
            t.dict[name] = .object(wrapped)
        }
        t.interpreter?.classVersion &+= 1
    }

    /// The constructor of a Python subclass of one of the extendable built-in types (what
    /// `cls.__new__(cls, *args)` runs, without `__init__`); nil for other classes.
    func builtinSubclassConstructor(_ c: PyClass) -> NativeConstructor? {
        let extendable: [PyClass] = [types.int, types.float, types.str, types.tuple, types.list,
                                      types.dict, types.set, types.frozenset]
        guard !extendable.contains(where: { $0 === c }), c.mro.contains(where: { k in extendable.contains { $0 === k } }) else { return nil }
        return c.constructor
    }

    /// A dict subclass's own dict when `dict(x)` / `update(x)` may copy it directly: CPython
    /// does so unless the subclass overrides `__iter__` (not `__getitem__` or `keys`).
    func mergeableDictBase(_ m: PyValue) -> PyDict? {
        guard let d = m.builtinBase?.asDict, case .object(let o)? = typeOf(m).lookup(N.__iter__),
              o is PyBuiltinFunction else { return nil }
        return d
    }

    /// Whether a subclass instance hashes and compares as its built-in value (neither
    /// `__hash__` nor `__eq__` overridden), so it is the same dict key as that value.
    func hashesAsBuiltinBase(_ cls: PyClass) -> Bool {
        guard case .object(let h)? = cls.lookup(N.__hash__), h is PyBuiltinFunction,
              case .object(let e)? = cls.lookup(N.__eq__), e is PyBuiltinFunction else { return false }
        return true
    }

    /// Special methods whose argument is compared or combined with the receiver, so a
    /// subclass instance there counts as its built-in value (`list.__eq__(a, Stack())`).
    private static let unwrapsArgument: Set<String> = {
        var s: Set<String> = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]
        for n in BinaryOp.names + BinaryOp.reflectedNames { s.insert(n.string) }
        for n in BinaryOp.names { s.insert("__i" + n.string.dropFirst(2)) }
        return s
    }()

    /// Which built-in family a value belongs to, for deciding when an operator applies.
    private func family(_ v: PyValue) -> Int? {
        switch v {
        case .int, .bool, .float: return 0
        case .str: return 1
        case .object(let o):
            if o is PyBigInt { return 0 }
            if o is PyList { return 2 }
            if o is PyTuple { return 3 }
            if o is PyDict { return 4 }
            if o is PySet { return 5 }
            return nil
        case .none: return nil
        }
    }

    /// Adds the special methods CPython's built-in type has that `t` lacks here.
    private func addMissingSpecialMethods(_ t: PyClass) {
        // Another kind of instance reaching these (an enum member mixing in `str`) gets the
        // method of the next class in its MRO, as if the built-in one were not there.
        func add(_ name: String, _ body: @escaping NativeMethod) {
            let n = Name(name)
            guard t.dict[n] == nil else { return }
            t.addMethod(name) { [unowned t] i, s, a in
                if case .object(let o) = s, o is PyInstance { return try i.callNextInMRO(s, after: t, n, a) }
                return try body(i, s, a)
            }
        }
        let isNumber = t === types.int || t === types.float
        add("__repr__") { i, s, _ in .str(try i.repr(s)) }
        if t === types.str { add("__str__") { _, s, _ in s } }
        for (op, name) in [(CompareOp.eq, "__eq__"), (.ne, "__ne__"), (.lt, "__lt__"), (.le, "__le__"), (.gt, "__gt__"), (.ge, "__ge__")] {
            add(name) { i, s, a in
                guard a.count == 1, let f = i.family(s), f == i.family(a[0]) else { return .notImplemented }
                // dict has only equality: its ordering slots answer NotImplemented.
                if f == 4 && op != .eq && op != .ne { return .notImplemented }
                return try i.compare(op, s, a[0])
            }
        }
        if t === types.list || t === types.dict || t === types.set {
            if t.dict[N.__hash__] == nil { t.setAttribute(N.__hash__, PyValue.none) }
        } else {
            add("__hash__") { i, s, _ in .int(try i.hashValue(s)) }
        }
        if !isNumber {
            add("__len__") { i, s, _ in .int(try i.length(s)) }
            add("__iter__") { i, s, _ in try i.getIterator(s) }
            add("__contains__") { i, s, a in .bool(try i.contains(s, a[0])) }
            if t !== types.set && t !== types.frozenset { add("__getitem__") { i, s, a in try i.getItem(s, a[0]) } }
        } else {
            add("__bool__") { i, s, _ in .bool(try i.truthy(s)) }
            add("__neg__") { i, s, _ in try i.unaryOp(.neg, s) }
            add("__pos__") { i, s, _ in try i.unaryOp(.pos, s) }
            add("__abs__") { i, s, _ in try i.call(i.builtins[Name("abs")]!, Arguments(s)) }
            if t === types.int { add("__invert__") { i, s, _ in try i.unaryOp(.invert, s) } }
        }
        if t === types.list || t === types.dict {
            add("__setitem__") { i, s, a in try i.setItem(s, a[0], a[1]); return .none }
            add("__delitem__") { i, s, a in try i.deleteItem(s, a[0]); return .none }
        }
        if t === types.list {
            add("__init__") { i, s, a in
                try a.check("list", 0, 1)
                guard let l = s.asList else { return .none }
                let items = a.count > 0 ? try i.iterate(a[0]) : []
                l.items = items
                return .none
            }
        }
        if t === types.dict {
            add("__init__") { i, s, a in
                guard let d = s.asDict else { return .none }
                if a.count > 1 { throw PyError.typeError("dict expected at most 1 argument, got \(a.count)") }
                if a.count == 1 {
                    if try a[0].asDict != nil || i.lookupSpecial(a[0], Name("keys")) != nil { try i.mergeMapping(into: d, a[0]) }
                    else {
                        for pair in try i.iterate(a[0]) {
                            let kv = try i.iterate(pair)
                            guard kv.count == 2 else { throw PyError.valueError("dictionary update sequence element has length \(kv.count); 2 is required") }
                            try d.set(kv[0], kv[1])
                        }
                    }
                }
                for (k, v) in zip(a.keywordNames, a.keywordValues) { try d.set(.str(k.string), v) }
                return .none
            }
        }
        if t === types.dict, case .object(let co)? = t.dict[Name("fromkeys")], let cm = co as? PyClassMethod,
           case .object(let fo) = cm.function, let f = fo as? PyBuiltinFunction, case .method(let plain) = f.body {
            // `Config.fromkeys(keys)` is a Config: `cls()`, then `d[k] = v` for each key.
            t.addClassMethod("fromkeys") { i, c, a in
                guard case .object(let o) = c, let cls = o as? PyClass, cls !== i.types.dict else { return try plain(i, c, a) }
                try a.check("fromkeys", 1, 2)
                let d = try i.call(c, Arguments())
                for k in try i.iterate(a[0]) { try i.setItem(d, k, a.count > 1 ? a[1] : .none) }
                return d
            }
        }
        if t === types.set {
            add("__init__") { i, s, a in
                try a.check("set", 0, 1)
                guard case .object(let o) = s, let set = o as? PySet else { return .none }
                set.clear()
                if a.count > 0 { try set.update(with: a[0], i) }
                return .none
            }
        }
        // Binary operators: the built-in operation on the payloads, NotImplemented when
        // the other operand is not of a kind this type combines with.
        let ops: [BinaryOp]
        if t === types.int { ops = [.add, .sub, .mul, .truediv, .floordiv, .mod, .pow, .lshift, .rshift, .and, .or, .xor] }
        else if t === types.float { ops = [.add, .sub, .mul, .truediv, .floordiv, .mod, .pow] }
        else if t === types.str { ops = [.add, .mul, .mod] }
        else if t === types.list || t === types.tuple { ops = [.add, .mul] }
        else if t === types.dict { ops = [.or] }
        else { ops = [.or, .and, .sub, .xor] }
        let isSequence = t === types.str || t === types.list || t === types.tuple
        // int's number slots answer NotImplemented for a float (float's reflected one answers).
        let refusesFloat = t === types.int
        for op in ops {
            let reflect = !isSequence || op == .mul
            add(BinaryOp.names[op.rawValue].string) { i, s, a in
                if refusesFloat, case .float = a[0] { return .notImplemented }
                if op == .pow && a.count > 1 { return try i.call(i.builtins[Name("pow")]!, [s.unwrappingBuiltinBase, a[0], a[1]]) }
                if let r = try i.payloadBinary(op, s, a[0]) { return r }
                // (A sequence's `__add__` called directly raises in CPython; here the operators
                // reach it too, and need NotImplemented to try the other operand's `__radd__`.)
                return .notImplemented
            }
            if reflect {
                add(BinaryOp.reflectedNames[op.rawValue].string) { i, s, a in
                    if refusesFloat, case .float = a[0] { return .notImplemented }
                    return try i.payloadBinary(op, a[0], s) ?? .notImplemented
                }
            }
        }
        if t === types.list {
            add("__iadd__") { i, s, a in try i.inplaceOp(.add, s, a[0]) }
            add("__imul__") { i, s, a in try i.inplaceOp(.mul, s, a[0]) }
        }
        if t === types.set {
            for op in ops { add("__i" + BinaryOp.names[op.rawValue].string.dropFirst(2)) { i, s, a in
                guard i.family(a[0]) == 5 else { return .notImplemented }
                return try i.inplaceOp(op, s, a[0])
            } }
        }
    }

    private func callNextInMRO(_ s: PyValue, after t: PyClass, _ name: Name, _ a: Arguments) throws -> PyValue {
        let mro = typeOf(s).mro
        if let start = mro.firstIndex(where: { $0 === t }) {
            for k in mro[(start + 1)...] { if let f = k.dict[name] { return try callAttribute(f, receiver: s, a) } }
        }
        throw PyError.typeError("descriptor '\(name)' for '\(t.name)' objects doesn't apply to a '\(typeName(s))' object")
    }

    /// `a op b` for built-in operands of families that combine; nil otherwise.
    private func payloadBinary(_ op: BinaryOp, _ a: PyValue, _ b: PyValue) throws -> PyValue? {
        guard let fa = family(a), let fb = family(b) else { return nil }
        if fa == 0 && fb == 0 { return try numericBinary(op, a, b) }
        // Each case below is one the exact built-in values handle without special methods.
        if op == .mul {
            if fa == 0 && [1, 2, 3].contains(fb) && a.asInt != nil { return try binaryOp(op, a, b) }
            if fb == 0 && [1, 2, 3].contains(fa) && b.asInt != nil { return try binaryOp(op, a, b) }
            return nil
        }
        if op == .mod && fa == 1 { return try binaryOp(op, a, b) }
        if op == .add && fa == fb && [1, 2, 3].contains(fa) { return try binaryOp(op, a, b) }
        if op == .or && fa == 4 && fb == 4 { return try binaryOp(op, a, b) }
        if [.or, .and, .sub, .xor].contains(op) && fa == 5 && fb == 5 { return try binaryOp(op, a, b) }
        return nil
    }
}
