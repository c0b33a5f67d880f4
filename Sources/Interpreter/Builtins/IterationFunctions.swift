/// `enumerate(iterable, start=0)`: pairs of a count and an item. The count is an Int until
/// it would overflow (or starts as a big int), then a Python int.
final class EnumerateIterator: PyIteratorObject {
    override var kind: IteratorKind { .enumerate }
    let source: PyValue
    var n: Int
    var big: PyValue?
    init(_ s: PyValue, start: Int) { source = s; n = start }
    init(_ s: PyValue, bigStart: PyValue) { source = s; n = 0; big = bigStart }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        guard let x = try interp.next(source) else { return nil }
        return .tuple([try count(interp), x])
    }
    override var yieldsPairs: Bool { true }
    override func nextPair(_ interp: Interpreter) throws -> (PyValue, PyValue)? {
        guard let x = try interp.next(source) else { return nil }
        return (try count(interp), x)
    }
    /// The count for the item just taken, advancing it.
    @inline(__always)
    private func count(_ interp: Interpreter) throws -> PyValue {
        if let b = big {
            big = try interp.binaryOp(.add, b, .int(1))
            return b
        }
        let current = n
        let (following, overflow) = n.addingReportingOverflow(1)
        if overflow { big = try interp.binaryOp(.add, .int(n), .int(1)) } else { n = following }
        return .int(current)
    }
}

/// `zip(*iterables, strict=False)`; with `strict`, CPython's ValueError naming the first
/// argument that ran out early (or the first one with items left when argument 1 ended).
final class ZipIterator: PyIteratorObject {
    override var kind: IteratorKind { .zip }
    let sources: [PyValue]
    let strict: Bool
    init(_ s: [PyValue], strict: Bool) { sources = s; self.strict = strict }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        if sources.isEmpty { return nil }
        var items: [PyValue] = []
        items.reserveCapacity(sources.count)
        for (k, s) in sources.enumerated() {
            guard let x = try interp.next(s) else {
                guard strict else { return nil }
                if k > 0 {
                    throw PyError.valueError("zip() argument \(k + 1) is shorter than argument\(k == 1 ? " " : "s 1-")\(k)")
                }
                for (m, other) in sources.enumerated().dropFirst() where try interp.next(other) != nil {
                    throw PyError.valueError("zip() argument \(m + 1) is longer than argument\(m == 1 ? " " : "s 1-")\(m)")
                }
                return nil
            }
            items.append(x)
        }
        return .tuple(items)
    }
    override var yieldsPairs: Bool { sources.count == 2 && !strict }
    override func nextPair(_ interp: Interpreter) throws -> (PyValue, PyValue)? {
        guard let a = try interp.next(sources[0]), let b = try interp.next(sources[1]) else { return nil }
        return (a, b)
    }
}

final class MapIterator: PyIteratorObject {
    override var kind: IteratorKind { .map }
    let function: PyValue
    let sources: [PyValue]
    init(_ f: PyValue, _ s: [PyValue]) { function = f; sources = s }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        if sources.count == 1 {
            guard let x = try interp.next(sources[0]) else { return nil }
            return try interp.call(function, Arguments(x))
        }
        var args: [PyValue] = []
        for s in sources {
            guard let x = try interp.next(s) else { return nil }
            args.append(x)
        }
        return try interp.call(function, Arguments(args))
    }
}

final class FilterIterator: PyIteratorObject {
    override var kind: IteratorKind { .filter }
    let function: PyValue
    let source: PyValue
    init(_ f: PyValue, _ s: PyValue) { function = f; source = s }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        while let x = try interp.next(source) {
            let keep = function.isNone ? try interp.truthy(x) : try interp.truthy(try interp.call(function, Arguments([x])))
            if keep { return x }
        }
        return nil
    }
}

extension Interpreter {
    /// `zip`, `map`, `filter`, `enumerate` and `reversed` are classes, as in CPython: the
    /// builtins are the iterator classes themselves (`type(zip()) is zip`), calling one
    /// builds its iterator, and a Python subclass (`class Numbered(enumerate)`) gets an
    /// instance wrapping that iterator (its `__next__` reaches it, see GeneratorTypes).
    func installIterationFunctions() {
        func iteratorClass(_ kind: IteratorKind, _ build: @escaping (Interpreter, Arguments) throws -> PyValue) {
            let c = types.iterators[kind.rawValue]
            c.allowsSubclassing = true
            c.setConstructor { [unowned c] i, cls, a in
                let v = try build(i, a)
                // `reversed(x)` hands back what `x.__reversed__()` made, whatever the class called.
                if cls === c || !(v.asObject.map { $0 is PyIteratorObject && i.typeOf(v) === c } ?? false) { return v }
                return .object(PyInstance(cls: cls, payload: BuiltinBase(v)))
            }
            builtins[Name(kind.typeName)] = .object(c)
        }
        iteratorClass(.enumerate) { i, a in
            if a.count + a.keywordNames.count > 2 {
                throw PyError.typeError("enumerate() takes at most 2 arguments (\(a.count + a.keywordNames.count) given)")
            }
            // (PyValue? holds Python's None as a value: no `nil` literals here.)
            var iterable: PyValue? = a.count > 0 ? .some(a[0]) : .none
            var start: PyValue? = a.count > 1 ? .some(a[1]) : .none
            for (k, v) in zip(a.keywordNames, a.keywordValues) {
                if k.string == "iterable", a.count == 0 { iterable = .some(v) }
                else if k.string == "start", a.count < 2 { start = .some(v) }
                else { throw PyError.typeError("'\(k)' is an invalid keyword argument for enumerate()") }
            }
            guard case .some(let iterable) = iterable else {
                // CPython's argument parser names the first keyword when `iterable` is missing.
                if let k = a.keywordNames.first { throw PyError.typeError("'\(k)' is an invalid keyword argument for enumerate()") }
                throw PyError.typeError("enumerate() missing required argument 'iterable'")
            }
            let it = try i.getIterator(iterable)
            guard case .some(let start) = start else { return .object(EnumerateIterator(it, start: 0)) }
            if case .object(let o) = start, o is PyBigInt { return .object(EnumerateIterator(it, bigStart: start)) }
            return .object(EnumerateIterator(it, start: try i.intArgument(start)))
        }
        iteratorClass(.zip) { i, a in
            var strict = false
            if a.keywordNames.count > 1 { throw PyError.typeError("zip() takes at most 1 keyword argument (\(a.keywordNames.count) given)") }
            for (k, v) in zip(a.keywordNames, a.keywordValues) {
                guard k.string == "strict" else { throw PyError.typeError("'\(k)' is an invalid keyword argument for zip()") }
                strict = try i.truthy(v)
            }
            return .object(ZipIterator(try a.positional.map { try i.getIterator($0) }, strict: strict))
        }
        iteratorClass(.map) { i, a in
            if a.hasKeywords { throw PyError.typeError("map() takes no keyword arguments") }
            if a.count < 2 { throw PyError.typeError("map() must have at least two arguments.") }
            return .object(MapIterator(a[0], try a.positional.dropFirst().map { try i.getIterator($0) }))
        }
        iteratorClass(.filter) { i, a in
            try a.check("filter", 2)
            return .object(FilterIterator(a[0], try i.getIterator(a[1])))
        }
        iteratorClass(.reversed) { i, a in
            if a.hasKeywords { throw PyError.typeError("reversed() takes no keyword arguments") }
            if a.count != 1 { throw PyError.typeError("reversed expected 1 argument, got \(a.count)") }
            return try i.reversedIterator(a[0])
        }
        types.range.addMethod("__reversed__") { _, s, _ in
            guard case .object(let o) = s, let r = o as? PyRange else { throw PyError.typeError("descriptor '__reversed__' for 'range' objects doesn't apply to a '\(s)' object") }
            return .object(RangeIterator(reversing: r))
        }
        fn("sorted") { i, a in
            if a.count != 1 { throw PyError.typeError("sorted expected 1 argument, got \(a.count)") }
            var key: PyValue?, reverse = false
            for (k, v) in zip(a.keywordNames, a.keywordValues) {
                if k == N.key { key = v } else if k == N.reverse { reverse = try i.truthy(v) }
                else { throw PyError.typeError("'\(k)' is an invalid keyword argument for sort()") }
            }
            return .list(try i.sortValues(try i.iterate(a[0]), key: key, reverse: reverse))
        }
        fn("any") { i, a in
            try a.check("any", 1)
            var r = false
            try i.forEach(a[0]) { x in if try i.truthy(x) { r = true; return false }; return true }
            return .bool(r)
        }
        fn("all") { i, a in
            try a.check("all", 1)
            var r = true
            try i.forEach(a[0]) { x in if !(try i.truthy(x)) { r = false; return false }; return true }
            return .bool(r)
        }
        fn("iter") { i, a in
            try a.check("iter", 1, 2)
            if a.count == 2 {
                let f = a[0], sentinel = a[1]
                guard try i.truthy(try i.call(i.builtins[Name("callable")]!, Arguments(f))) else { throw PyError.typeError("iter(v, w): v must be callable") }
                // `calliter_iternext`: `sentinel == result` ends it, and so does a
                // StopIteration from the callable; once ended it stays ended.
                var done = false
                return .object(PyNativeIterator(kind: .callableIterator) {
                    if done { return nil }
                    let v: PyValue
                    do { v = try i.call(f, Arguments()) } catch let e as PyError where i.errorIs(e, "StopIteration") {
                        done = true
                        return nil
                    }
                    if try i.equals(sentinel, v) { done = true; return nil }
                    return v
                })
            }
            return try i.getIterator(a[0])
        }
        fn("next") { i, a in
            try a.check("next", 1, 2)
            if case .object(let o) = a[0], !(o is PyIteratorObject), try i.lookupSpecial(a[0], N.__next__) == nil {
                throw PyError.typeError("'\(i.typeName(a[0]))' object is not an iterator")
            }
            if case .object(let o) = a[0], !(o is PyIteratorObject), a.count == 1 {
                return try i.callSpecial(a[0], N.__next__, [])!
            }
            if case .object = a[0] {} else { throw PyError.typeError("'\(i.typeName(a[0]))' object is not an iterator") }
            if let v = try i.next(a[0]) { return v }
            if a.count == 2 { return a[1] }
            // A generator's `return value` travels in the StopIteration.
            if case .object(let o) = a[0], let g = o as? PyGenerator, !g.runner.frame.returnValue.isNone {
                throw PyError(type: "StopIteration", args: [g.runner.frame.returnValue])
            }
            throw PyError(type: "StopIteration", args: [])
        }
    }

    /// `reversed(v)`: `v.__reversed__()` when its class has one (list, dict, its views,
    /// range, or a Python class), else a `reversed` object over `len` and `__getitem__`.
    func reversedIterator(_ v: PyValue) throws -> PyValue {
        switch v {
        case .str(let s): return .object(ReversedIterator(items: s.unicodeScalars.map { .str(String($0)) }, of: v))
        case .object(let o):
            switch o {
            case let l as PyList: return .object(ListReverseIterator(l))
            case let t as PyTuple: return .object(ReversedIterator(items: t.items, of: v))
            case let r as PyRange: return .object(RangeIterator(reversing: r))
            case let d as PyDict: return .object(DictIterator(d, reverse: true))
            case let dv as PyDictView: return .object(dv.iterator(reverse: true))
            default: break
            }
        default: break
        }
        let cls = typeOf(v)
        if let m = cls.lookup(N.__reversed__) {
            if m.isNone { throw PyError.typeError("'\(typeName(v))' object is not reversible") }
            return try callAttribute(m, receiver: v, Arguments())
        }
        // PySequence_Check: `__getitem__`, and not a dict.
        guard cls.lookup(N.__getitem__) != nil, v.builtinBase?.asDict == nil,
              !(v.asObject is PyDict || v.asObject is PySet || v.asObject is PyIteratorObject) else {
            throw PyError.typeError("'\(typeName(v))' object is not reversible")
        }
        return .object(ReversedIterator(sequence: v, count: try length(v)))
    }
}
