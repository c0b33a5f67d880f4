/// `dict.keys()`, `.values()`, `.items()`: live views that print as `dict_keys([...])`.
final class PyDictView: PyObject {
    enum Kind: String { case keys = "dict_keys", values = "dict_values", items = "dict_items" }
    let dict: PyDict
    let kind: Kind
    /// A view of an `OrderedDict` (or a subclass): CPython's `odict_keys`, `odict_values`,
    /// `odict_items`, subclasses of the plain views that print under their own names.
    let ordered: Bool
    init(_ d: PyDict, _ k: Kind, ordered: Bool = false) { dict = d; kind = k; self.ordered = ordered }
    var items: [PyValue] {
        switch kind {
        case .keys: return dict.keys
        case .values: return dict.values
        case .items: return dict.items.map { .tuple([$0.key, $0.value]) }
        }
    }
    /// `iter(view)` / `reversed(view)`: a live iterator over the dict.
    func iterator(reverse: Bool) -> DictIterator {
        DictIterator(dict, kind == .keys ? .keys : kind == .values ? .values : .items, reverse: reverse)
    }
}

extension Interpreter {
    func installListMethods() {
        let c = types.list!
        func m(_ name: String, _ body: @escaping (Interpreter, PyList, Arguments) throws -> PyValue) {
            c.addMethod(name) { i, s, a in
                guard case .object(let o) = s, let l = o as? PyList else { throw PyError.typeError("descriptor '\(name)' for 'list' objects doesn't apply to a '\(i.typeName(s))' object") }
                return try body(i, l, a)
            }
        }
        m("append") { _, l, a in try a.check("list.append", 1); l.items.append(a[0]); return .none }
        m("extend") { i, l, a in try a.check("list.extend", 1); l.items.append(contentsOf: try i.iterate(a[0])); return .none }
        m("insert") { i, l, a in
            try a.check("insert", 2)
            var k = try i.intArgument(a[0])
            if k < 0 { k = max(0, k + l.items.count) }
            l.items.insert(a[1], at: min(k, l.items.count))
            return .none
        }
        m("pop") { i, l, a in
            try a.check("pop", 0, 1)
            if l.items.isEmpty { throw PyError.indexError("pop from empty list") }
            var k = a.count > 0 ? try i.intArgument(a[0]) : l.items.count - 1
            if k < 0 { k += l.items.count }
            if k < 0 || k >= l.items.count { throw PyError.indexError("pop index out of range") }
            return l.items.remove(at: k)
        }
        m("remove") { i, l, a in
            try a.check("list.remove", 1)
            for (k, x) in l.items.enumerated() where try i.equals(x, a[0]) { l.items.remove(at: k); return .none }
            throw PyError.valueError("list.remove(x): x not in list")
        }
        m("index") { i, l, a in
            try a.check("index", 1, 3)
            if let k = try i.sequenceIndex(l.items, a) { return .int(k) }
            throw PyError.valueError("\(try i.repr(a[0])) is not in list")
        }
        m("count") { i, l, a in
            try a.check("count", 1)
            return .int(try l.items.filter { try i.equals($0, a[0]) }.count)
        }
        m("sort") { i, l, a in
            if a.count > 0 { throw PyError.typeError("sort() takes no positional arguments") }
            var key: PyValue?, reverse = false
            for (k, v) in zip(a.keywordNames, a.keywordValues) {
                if k == N.key { key = v } else if k == N.reverse { reverse = try i.truthy(v) }
                else { throw PyError.typeError("'\(k)' is an invalid keyword argument for sort()") }
            }
            l.items = try i.sortValues(l.items, key: key, reverse: reverse)
            return .none
        }
        m("reverse") { _, l, _ in l.items.reverse(); return .none }
        m("copy") { _, l, _ in .list(l.items) }
        m("clear") { _, l, _ in l.items.removeAll(); return .none }
        m("__len__") { _, l, _ in .int(l.items.count) }
        m("__getitem__") { i, l, a in try i.getItem(.object(l), a[0]) }
        m("__setitem__") { i, l, a in try i.setItem(.object(l), a[0], a[1]); return .none }
        m("__contains__") { i, l, a in .bool(try i.contains(.object(l), a[0])) }
        m("__iter__") { i, l, _ in try i.getIterator(.object(l)) }
        m("__reversed__") { _, l, _ in .object(ListReverseIterator(l)) }
        // As CPython's list_richcompare: another type answers NotImplemented, so `list == tensor`
        // falls back to the tensor's reflected method (or identity) instead of recursing.
        m("__eq__") { i, l, a in
            guard case .object(let o) = a[0], o is PyList else { return .notImplemented }
            return .bool(try i.equals(.object(l), a[0]))
        }
        c.setAttribute(N.__hash__, PyValue.none)

        let t = types.tuple!
        t.addMethod("index") { i, s, a in
            try a.check("index", 1, 3)
            if let k = try i.sequenceIndex(s.asTuple?.items ?? [], a) { return .int(k) }
            throw PyError.valueError("tuple.index(x): x not in tuple")
        }
        t.addMethod("count") { i, s, a in
            try StrArgumentStyle.one.check("tuple", "count", a)
            return .int(try (s.asTuple?.items ?? []).filter { try i.equals($0, a[0]) }.count)
        }
        t.addMethod("__len__") { i, s, _ in .int(try i.length(s)) }
        t.addMethod("__getitem__") { i, s, a in try i.getItem(s, a[0]) }
        t.addMethod("__contains__") { i, s, a in .bool(try i.contains(s, a[0])) }
        t.addMethod("__iter__") { i, s, _ in try i.getIterator(s) }
    }

    func installDictMethods() {
        let c = types.dict!
        func m(_ name: String, _ body: @escaping (Interpreter, PyDict, Arguments) throws -> PyValue) {
            c.addMethod(name) { i, s, a in
                guard let d = s.asDict else { throw PyError.typeError("descriptor '\(name)' for 'dict' objects doesn't apply to a '\(i.typeName(s))' object") }
                return try body(i, d, a)
            }
        }
        m("get") { _, d, a in
            try a.check("get", 1, 2)
            return try d.get(a[0]) ?? (a.count > 1 ? a[1] : .none)
        }
        m("keys") { _, d, _ in .object(PyDictView(d, .keys)) }
        m("values") { _, d, _ in .object(PyDictView(d, .values)) }
        m("items") { _, d, _ in .object(PyDictView(d, .items)) }
        m("update") { i, d, a in
            try a.check("update", 0, 1) ; _ = 0
            if a.count == 1 { try i.dictUpdate(d, a[0]) }
            return .none
        }
        c.addMethod("update") { i, s, a in
            guard let d = s.asDict else { throw PyError.typeError("descriptor 'update' requires a 'dict' object") }
            if a.count > 1 { throw PyError.typeError("update expected at most 1 argument, got \(a.count)") }
            if a.count == 1 { try i.dictUpdate(d, a[0]) }
            for (k, v) in zip(a.keywordNames, a.keywordValues) { try d.set(.str(k.string), v) }
            return .none
        }
        m("pop") { _, d, a in
            try a.check("pop", 1, 2)
            if let v = try d.remove(a[0]) { return v }
            if a.count > 1 { return a[1] }
            throw PyError.keyError(a[0])
        }
        m("popitem") { _, d, _ in
            guard let last = d.items.last else { throw PyError.keyError(.str("popitem(): dictionary is empty")) }
            try d.remove(last.key)
            return .tuple([last.key, last.value])
        }
        m("setdefault") { _, d, a in
            try a.check("setdefault", 1, 2)
            if let v = try d.get(a[0]) { return v }
            let v = a.count > 1 ? a[1] : .none
            try d.set(a[0], v)
            return v
        }
        m("copy") { _, d, _ in .object(d.copy()) }
        m("clear") { _, d, _ in d.removeAll(); return .none }
        m("__len__") { _, d, _ in .int(d.count) }
        m("__getitem__") { i, d, a in try i.getItem(.object(d), a[0]) }
        m("__setitem__") { _, d, a in try d.set(a[0], a[1]); return .none }
        m("__contains__") { _, d, a in .bool(try d.get(a[0]) != nil) }
        m("__iter__") { _, d, _ in .object(DictIterator(d)) }
        m("__reversed__") { _, d, _ in .object(DictIterator(d, reverse: true)) }
        c.addClassMethod("fromkeys") { i, _, a in
            try a.check("fromkeys", 1, 2)
            let d = PyDict()
            for k in try i.iterate(a[0]) { try d.set(k, a.count > 1 ? a[1] : .none) }
            return .object(d)
        }
        c.setAttribute(N.__hash__, PyValue.none)

        let view = PyClass(name: "dict_view", bases: [types.object], interpreter: self)
        view.allowsSubclassing = false
        func v(_ name: String, _ body: @escaping (Interpreter, PyDictView, Arguments) throws -> PyValue) {
            view.addMethod(name) { i, s, a in try body(i, s.asObject as! PyDictView, a) }
        }
        v("__iter__") { _, dv, _ in .object(dv.iterator(reverse: false)) }
        v("__reversed__") { _, dv, _ in .object(dv.iterator(reverse: true)) }
        // `d.keys().mapping`: a read-only proxy of the dict in CPython; here the dict itself.
        view.addProperty("mapping", get: { _, s in .object((s.asObject as! PyDictView).dict) })
        v("__len__") { _, dv, _ in .int(dv.dict.count) }
        v("__contains__") { i, dv, a in
            if dv.kind == .keys { return .bool(try dv.dict.get(a[0]) != nil) }
            return .bool(try dv.items.contains { try i.equals($0, a[0]) })
        }
        v("__repr__") { i, dv, _ in .str("\(i.typeName(.object(dv)))(\(try i.repr(.list(dv.items))))") }
        // Keys and items views compare as sets (with sets, frozensets and each other);
        // a values view equals only itself, as in CPython.
        func asSet(_ i: Interpreter, _ v: PyValue) throws -> PyValue? {
            if let other = v.asObject as? PyDictView { return other.kind == .values ? nil : .object(try PySet(other.items)) }
            if v.asObject is PySet { return v }
            return nil
        }
        v("__eq__") { i, dv, a in
            if dv.kind == .values { return .bool(a[0].asObject === dv) }
            guard let other = try asSet(i, a[0]) else { return .notImplemented }
            return .bool(try i.equals(.object(try PySet(dv.items)), other))
        }
        for (name, op) in [("lt", CompareOp.lt), ("le", .le), ("gt", .gt), ("ge", .ge)] {
            v("__\(name)__") { i, dv, a in
                guard dv.kind != .values, let other = try asSet(i, a[0]) else { return .notImplemented }
                return try i.compare(op, .object(try PySet(dv.items)), other)
            }
        }
        // Keys and items views are sets: `d.keys() & {2}`, `{2} | d.keys()` give sets.
        for (name, op) in [("and", BinaryOp.and), ("or", .or), ("sub", .sub), ("xor", .xor)] {
            // `^` is CPython's `symmetric_difference_update` of a copy of the left operand,
            // which is the set `^` with its operands the other way round.
            v("__\(name)__") { i, dv, a in
                guard dv.kind != .values, let other = try? i.iterate(a[0]) else { return .notImplemented }
                if op == .xor { return try i.binaryOp(op, .object(try PySet(other)), .object(try PySet(dv.items))) }
                return try i.binaryOp(op, .object(try PySet(dv.items)), .object(try PySet(other)))
            }
            v("__r\(name)__") { i, dv, a in
                guard dv.kind != .values, let other = try? i.iterate(a[0]) else { return .notImplemented }
                if op == .xor { return try i.binaryOp(op, .object(try PySet(dv.items)), .object(try PySet(other))) }
                return try i.binaryOp(op, .object(try PySet(other)), .object(try PySet(dv.items)))
            }
        }
        v("isdisjoint") { i, dv, a in
            let mine = try PySet(dv.items)
            return .bool(!(try i.iterate(a[0]).contains { try mine.contains($0) }))
        }
        dictViewClass = view
        for kind in [PyDictView.Kind.keys, .values, .items] {
            let c = PyClass(name: kind.rawValue, bases: [view], interpreter: self)
            c.allowsSubclassing = false
            dictViewClasses.append(c)
        }
        for (index, kind) in [PyDictView.Kind.keys, .values, .items].enumerated() {
            let c = PyClass(name: "o" + kind.rawValue, bases: [dictViewClasses[index]], interpreter: self)
            c.allowsSubclassing = false
            orderedDictViewClasses.append(c)
        }
    }

    /// Whether `v` is an instance of `collections.OrderedDict` or of a subclass.
    func isOrderedDict(_ v: PyValue) -> Bool {
        let cls = typeOf(v)
        return cls !== types.dict && cls.mro.contains { $0.name == "OrderedDict" && $0.module == "collections" }
    }

    func installSetMethods() {
        for c in [types.set!, types.frozenset!] {
            func m(_ name: String, _ body: @escaping (Interpreter, PySet, Arguments) throws -> PyValue) {
                c.addMethod(name) { i, s, a in
                    guard case .object(let o) = s, let set = o as? PySet else { throw PyError.typeError("descriptor '\(name)' requires a 'set' object") }
                    return try body(i, set, a)
                }
            }
            m("union") { i, s, a in .object(try s.union(a.positional, i)) }
            m("intersection") { i, s, a in
                var r = s
                if a.positional.isEmpty { return .object(try s.copied()) }
                for o in a.positional { r = try r.intersection(o, i) }
                return .object(r)
            }
            m("difference") { i, s, a in
                guard let first = a.positional.first else { return .object(try s.copied()) }
                let r = try s.difference(first, i)
                for o in a.positional.dropFirst() { try r.differenceUpdate(o, i) }
                return .object(r)
            }
            m("symmetric_difference") { i, s, a in
                try a.check("symmetric_difference", 1)
                return .object(try s.symmetricDifference(a[0], i))
            }
            m("issubset") { i, s, a in .bool(try s.items.allSatisfy { try i.contains(a[0], $0) }) }
            m("issuperset") { i, s, a in .bool(try i.iterate(a[0]).allSatisfy { try s.contains($0) }) }
            m("isdisjoint") { i, s, a in .bool(!(try i.iterate(a[0]).contains { try s.contains($0) })) }
            m("copy") { _, s, _ in .object(s.frozen ? s : try s.copied()) }
            m("__len__") { _, s, _ in .int(s.count) }
            m("__contains__") { _, s, a in .bool(try s.contains(a[0])) }
            m("__iter__") { _, s, _ in .object(SetIterator(s)) }
            if c === types.set {
                m("add") { _, s, a in try a.check("set.add", 1); try s.add(a[0]); return .none }
                m("remove") { _, s, a in
                    try a.check("set.remove", 1)
                    if !(try s.discard(a[0])) { throw PyError.keyError(a[0]) }
                    return .none
                }
                m("discard") { _, s, a in try a.check("set.discard", 1); try s.discard(a[0]); return .none }
                m("pop") { _, s, _ in
                    guard let f = try s.pop() else { throw PyError.keyError(.str("pop from an empty set")) }
                    return f
                }
                m("clear") { _, s, _ in s.clear(); return .none }
                m("update") { i, s, a in
                    for other in a.positional { try s.update(with: other, i) }
                    return .none
                }
                m("intersection_update") { i, s, a in try s.intersectionUpdate(a.positional, i); return .none }
                m("difference_update") { i, s, a in
                    for other in a.positional { try s.differenceUpdate(other, i) }
                    return .none
                }
                m("symmetric_difference_update") { i, s, a in
                    try a.check("symmetric_difference_update", 1)
                    try s.symmetricDifferenceUpdate(a[0], i)
                    return .none
                }
                c.setAttribute(N.__hash__, PyValue.none)
            }
        }
    }

    func installObjectMethods() {
        let o = types.object!
        o.addMethod("__init__") { _, _, _ in .none }
        o.addMethod("__setattr__") { i, s, a in
            try a.check("__setattr__", 2)
            guard case .object(let obj) = s, let inst = obj as? PyInstance else {
                try i.setAttribute(s, Name(try i.str(a[0])), a[1]); return .none
            }
            try i.rawSetAttribute(inst, Name(try i.stringArgument(a[0], "attribute name")), a[1])
            return .none
        }
        o.addMethod("__delattr__") { i, s, a in
            try a.check("__delattr__", 1)
            let n = Name(try i.stringArgument(a[0], "attribute name"))
            guard let inst = s.asInstance, inst.attributes.remove(n) else {
                throw PyError.attributeError("'\(i.typeName(s))' object has no attribute '\(n)'")
            }
            return .none
        }
        o.addMethod("__getattribute__") { i, s, a in try i.getAttribute(s, Name(try i.stringArgument(a[0], "attribute name"))) }
        o.addMethod("__repr__") { i, s, _ in
            .str("<\(i.qualifiedName(i.typeOf(s))) object at \(i.address(s.asObject ?? PyTuple.empty))>")
        }
        o.addMethod("__str__") { i, s, _ in .str(try i.repr(s)) }
        o.addMethod("__format__") { i, s, a in
            let spec = a.count > 0 ? try i.str(a[0]) : ""
            if !spec.isEmpty { throw PyError.typeError("unsupported format string passed to \(i.typeName(s)).__format__") }
            return .str(try i.str(s))
        }
        o.addMethod("__eq__") { _, s, a in s.isIdentical(a[0]) ? .true : .notImplemented }
        o.addMethod("__ne__") { i, s, a in
            let r = try i.compare(.eq, s, a[0])
            return r.isNotImplemented ? r : .bool(!(try i.truthy(r)))
        }
        o.addMethod("__hash__") { _, s, _ in .int((s.asObject.map { ObjectIdentifier($0).hashValue } ?? 0) >> 4) }
        o.addStaticMethod("__new__") { i, a in
            guard a.count >= 1, case .object(let co) = a[0], let cls = co as? PyClass else {
                throw PyError.typeError("object.__new__(X): X is not a type object")
            }
            if let ctor = cls.constructor, cls.constructor != nil, !(cls === i.types.object) {
                var rest = a
                rest.positional.removeFirst()
                return try ctor(i, cls, rest)
            }
            return .object(PyInstance(cls: cls))
        }
        o.addClassMethod("__init_subclass__") { _, s, a in
            if a.count > 0 || a.hasKeywords {
                throw PyError.typeError("\((s.asObject as? PyClass)?.name ?? "object").__init_subclass__() takes no keyword arguments")
            }
            return .none
        }
        o.addMethod("__dir__") { i, s, _ in try i.call(i.builtins[Name("dir")]!, Arguments([s])) }
        let t = types.type!
        t.addMethod("mro") { _, s, _ in
            guard case .object(let o) = s, let c = o as? PyClass else { return .list([]) }
            return .list(c.mro.map { .object($0) })
        }
        addMetaclassMethods()
    }
}

extension Interpreter {
    /// `list.index`/`tuple.index(value, start, stop)`: the bounds are slice indices
    /// (`__index__`), negative ones counted from the end and clipped at 0, and the search
    /// stops at the end of the items.
    func sequenceIndex(_ items: [PyValue], _ a: Arguments) throws -> Int? {
        func bound(_ k: Int, _ dflt: Int) throws -> Int {
            guard a.count > k else { return dflt }
            guard let v = try index(a[k]) else {
                throw PyError.typeError("slice indices must be integers or have an __index__ method")
            }
            return v < 0 ? max(0, v + items.count) : v
        }
        let start = try bound(1, 0), stop = min(try bound(2, items.count), items.count)
        var k = start
        while k < stop { if try equals(items[k], a[0]) { return k }; k += 1 }
        return nil
    }
}
