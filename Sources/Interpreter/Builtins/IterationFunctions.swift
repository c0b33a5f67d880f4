final class EnumerateIterator: PyIteratorObject {
    override var kind: IteratorKind { .enumerate }
    let source: PyValue
    var n: Int
    init(_ s: PyValue, start: Int) { source = s; n = start }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        guard let x = try interp.next(source) else { return nil }
        defer { n += 1 }
        return .tuple([.int(n), x])
    }
}

final class ZipIterator: PyIteratorObject {
    override var kind: IteratorKind { .zip }
    let sources: [PyValue]
    let strict: Bool
    init(_ s: [PyValue], strict: Bool) { sources = s; self.strict = strict }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        if sources.isEmpty { return nil }
        var items: [PyValue] = []
        for (k, s) in sources.enumerated() {
            guard let x = try interp.next(s) else {
                if try strict && (k > 0 || sources.dropFirst().contains { try interp.next($0) != nil }) {
                    throw PyError.valueError("zip() argument \(k + 1) is shorter than argument 1")
                }
                return nil
            }
            items.append(x)
        }
        return .tuple(items)
    }
}

final class MapIterator: PyIteratorObject {
    override var kind: IteratorKind { .map }
    let function: PyValue
    let sources: [PyValue]
    init(_ f: PyValue, _ s: [PyValue]) { function = f; sources = s }
    override func next(_ interp: Interpreter) throws -> PyValue? {
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
    func installIterationFunctions() {
        fn("enumerate") { i, a in
            let b = try a.bind(Signature("enumerate", ["iterable", "start"], required: 1))
            return .object(EnumerateIterator(try i.getIterator(b[0]!), start: try b[1].map { try i.intArgument($0) } ?? 0))
        }
        fn("zip") { i, a in
            let strict = try a.keyword(Name("strict")).map { try i.truthy($0) } ?? false
            return .object(ZipIterator(try a.positional.map { try i.getIterator($0) }, strict: strict))
        }
        fn("map") { i, a in
            if a.count < 2 { throw PyError.typeError("map() must have at least two arguments.") }
            return .object(MapIterator(a[0], try a.positional.dropFirst().map { try i.getIterator($0) }))
        }
        fn("filter") { i, a in
            try a.check("filter", 2)
            return .object(FilterIterator(a[0], try i.getIterator(a[1])))
        }
        fn("sorted") { i, a in
            if a.count != 1 { throw PyError.typeError("sorted expected 1 argument, got \(a.count)") }
            var key: PyValue?, reverse = false
            for (k, v) in zip(a.keywordNames, a.keywordValues) {
                if k == N.key { key = v } else if k == N.reverse { reverse = try i.truthy(v) }
                else { throw PyError.typeError("sort() got an unexpected keyword argument '\(k)'") }
            }
            return .list(try i.sortValues(try i.iterate(a[0]), key: key, reverse: reverse))
        }
        fn("reversed") { i, a in
            try a.check("reversed", 1)
            let v = a[0]
            if case .object(let o) = v, o is PyInstance || (o as? PyClass)?.metaclass != nil {
                if let r = try i.callSpecial(v, N.__reversed__, []) { return r }
                let n = try i.length(v)
                var k = n
                return .object(PyNativeIterator(kind: .reversed) {
                    if k <= 0 { return nil }
                    k -= 1
                    return try i.getItem(v, .int(k))
                })
            }
            if case .object(let o) = v {
                let kind: IteratorKind?
                switch o {
                case is PyDict: kind = .dictReverseKeys
                case is PyList: kind = .listReverseIterator
                case is PyTuple: kind = .reversed
                case is PyRange: kind = .rangeIterator
                case is PyDictView: return try i.callSpecial(v, N.__reversed__, [])!
                default: kind = nil
                }
                if let kind { return .object(ArrayIterator(try i.iterate(v).reversed(), kind: kind)) }
            }
            if case .str = v { return .object(ArrayIterator(try i.iterate(v).reversed(), kind: .reversed)) }
            throw PyError.typeError("'\(i.typeName(v))' object is not reversible")
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
                return .object(PyNativeIterator(kind: .callableIterator) {
                    let v = try i.call(f, Arguments())
                    return try i.equals(v, sentinel) ? nil : v
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
}
