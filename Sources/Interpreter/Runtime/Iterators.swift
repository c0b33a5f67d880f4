/// Base of built-in iterators: `next` returns nil when exhausted.
public class PyIteratorObject: PyObject {
    public func next(_ interp: Interpreter) throws -> PyValue? { nil }
    func pyClass(_ t: BuiltinTypes) -> PyClass { t.iterator }
}

/// An iterator whose items come from a Swift closure; hosts return these from `__iter__`.
public final class PyNativeIterator: PyIteratorObject {
    let body: () throws -> PyValue?
    public init(_ next: @escaping () throws -> PyValue?) { body = next }
    public override func next(_ interp: Interpreter) throws -> PyValue? { try body() }
}

final class ArrayIterator: PyIteratorObject {
    let items: [PyValue]
    var i = 0
    init(_ items: [PyValue]) { self.items = items }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        guard i < items.count else { return nil }
        i += 1
        return items[i - 1]
    }
}

final class ListIterator: PyIteratorObject {
    let list: PyList
    var i = 0
    init(_ list: PyList) { self.list = list }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        guard i < list.items.count else { return nil }
        i += 1
        return list.items[i - 1]
    }
}

final class RangeIterator: PyIteratorObject {
    var current: Int
    let stop: Int, step: Int
    init(_ r: PyRange) { current = r.start; stop = r.stop; step = r.step }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        guard step > 0 ? current < stop : current > stop else { return nil }
        defer { current += step }
        return .int(current)
    }
}

final class DictKeyIterator: PyIteratorObject {
    let dict: PyDict
    let size: Int
    var i = 0
    init(_ d: PyDict) { dict = d; size = d.count }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        if dict.count != size { throw PyError.runtimeError("dictionary changed size during iteration") }
        while i < dict.entries.count {
            i += 1
            if let e = dict.entries[i - 1] { return e.key }
        }
        return nil
    }
}

/// The old sequence protocol: `__getitem__(0)`, `__getitem__(1)`, ... until IndexError.
final class SequenceIterator: PyIteratorObject {
    let object: PyValue
    var i = 0
    init(_ o: PyValue) { object = o }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        do {
            let v = try interp.getItem(object, .int(i))
            i += 1
            return v
        } catch let e as PyError where interp.errorIs(e, "IndexError") || interp.errorIs(e, "StopIteration") {
            return nil
        }
    }
}

extension Interpreter {
    /// `iter(v)`.
    public func getIterator(_ v: PyValue) throws -> PyValue {
        switch v {
        case .str(let s): return .object(ArrayIterator(s.unicodeScalars.map { .str(String($0)) }))
        case .object(let o):
            switch o {
            case let l as PyList: return .object(ListIterator(l))
            case let t as PyTuple: return .object(ArrayIterator(t.items))
            case let r as PyRange: return .object(RangeIterator(r))
            case let d as PyDict: return .object(DictKeyIterator(d))
            case let s as PySet: return .object(ArrayIterator(s.items))
            case is PyIteratorObject: return v
            default: break
            }
        default: break
        }
        if let m = try lookupSpecial(v, N.__iter__) {
            let it = try call(m, Arguments())
            if case .object(let o) = it, o is PyIteratorObject { return it }
            if try lookupSpecial(it, N.__next__) == nil {
                throw PyError.typeError("iter() returned non-iterator of type '\(typeName(it))'")
            }
            return it
        }
        if try lookupSpecial(v, N.__getitem__) != nil { return .object(SequenceIterator(v)) }
        throw PyError.typeError("'\(typeName(v))' object is not iterable")
    }

    /// `next(it)`, nil when exhausted.
    public func next(_ it: PyValue) throws -> PyValue? {
        if case .object(let o) = it, let i = o as? PyIteratorObject { return try i.next(self) }
        guard let m = try lookupSpecial(it, N.__next__) else {
            throw PyError.typeError("'\(typeName(it))' object is not an iterator")
        }
        do {
            return try call(m, Arguments())
        } catch let e as PyError where errorIs(e, "StopIteration") {
            return nil
        }
    }

    /// Runs `body` on each item until it returns false.
    func forEach(_ v: PyValue, _ body: (PyValue) throws -> Bool) throws {
        if case .object(let o) = v {
            if let l = o as? PyList {
                var i = 0
                while i < l.items.count {
                    try tick()
                    if !(try body(l.items[i])) { return }
                    i += 1
                }
                return
            }
            if let t = o as? PyTuple {
                for x in t.items { try tick(); if !(try body(x)) { return } }
                return
            }
            if let r = o as? PyRange {
                var i = r.start
                while r.step > 0 ? i < r.stop : i > r.stop {
                    try tick()
                    if !(try body(.int(i))) { return }
                    i += r.step
                }
                return
            }
        }
        let it = try getIterator(v)
        while let x = try next(it) {
            try tick()
            if !(try body(x)) { return }
        }
    }

    /// All items of an iterable.
    public func iterate(_ v: PyValue) throws -> [PyValue] {
        if case .object(let o) = v {
            if let l = o as? PyList { return l.items }
            if let t = o as? PyTuple { return t.items }
            if let r = o as? PyRange { try reserveObject(r.count, itemBytes: MemoryLayout<PyValue>.stride) }
        }
        var out: [PyValue] = []
        try forEach(v) { out.append($0); return true }
        return out
    }
}
