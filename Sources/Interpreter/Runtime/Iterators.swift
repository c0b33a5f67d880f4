/// CPython's type of each kind of built-in iterator (`type(iter([]))` is `list_iterator`);
/// each is its own class in `BuiltinTypes.iterators`, indexed by the raw value.
enum IteratorKind: Int, CaseIterable {
    case iterator, listIterator, listReverseIterator, tupleIterator, strIterator, strAsciiIterator
    case rangeIterator, dictKeys, dictValues, dictItems, dictReverseKeys, dictReverseValues, dictReverseItems
    case setIterator, bytesIterator, bytearrayIterator, reversed, zip, map, filter, enumerate, callableIterator

    var typeName: String {
        switch self {
        case .iterator: return "iterator"
        case .listIterator: return "list_iterator"
        case .listReverseIterator: return "list_reverseiterator"
        case .tupleIterator: return "tuple_iterator"
        case .strIterator: return "str_iterator"
        case .strAsciiIterator: return "str_ascii_iterator"
        case .rangeIterator: return "range_iterator"
        case .dictKeys: return "dict_keyiterator"
        case .dictValues: return "dict_valueiterator"
        case .dictItems: return "dict_itemiterator"
        case .dictReverseKeys: return "dict_reversekeyiterator"
        case .dictReverseValues: return "dict_reversevalueiterator"
        case .dictReverseItems: return "dict_reverseitemiterator"
        case .setIterator: return "set_iterator"
        case .bytesIterator: return "bytes_iterator"
        case .bytearrayIterator: return "bytearray_iterator"
        case .reversed: return "reversed"
        case .zip: return "zip"
        case .map: return "map"
        case .filter: return "filter"
        case .enumerate: return "enumerate"
        case .callableIterator: return "callable_iterator"
        }
    }
}

/// Base of built-in iterators: `next` returns nil when exhausted.
public class PyIteratorObject: PyObject {
    public func next(_ interp: Interpreter) throws -> PyValue? { nil }
    /// Which CPython iterator type this is (its `type()`).
    var kind: IteratorKind { .iterator }
    /// `__length_hint__`: the items left, when known without consuming any.
    var lengthHint: Int? { nil }
    func pyClass(_ t: BuiltinTypes) -> PyClass { t.iterators[kind.rawValue] }
}

/// An iterator whose items come from a Swift closure; hosts return these from `__iter__`.
public final class PyNativeIterator: PyIteratorObject {
    let body: () throws -> PyValue?
    let nativeKind: IteratorKind
    public init(_ next: @escaping () throws -> PyValue?) { body = next; nativeKind = .iterator }
    init(kind: IteratorKind, _ next: @escaping () throws -> PyValue?) { body = next; nativeKind = kind }
    public override func next(_ interp: Interpreter) throws -> PyValue? { try body() }
    override var kind: IteratorKind { nativeKind }
}

final class ArrayIterator: PyIteratorObject {
    let items: [PyValue]
    let itemsKind: IteratorKind
    var i = 0
    init(_ items: [PyValue], kind: IteratorKind) { self.items = items; itemsKind = kind }
    override var kind: IteratorKind { itemsKind }
    override var lengthHint: Int? { items.count - i }
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
    override var kind: IteratorKind { .listIterator }
    override var lengthHint: Int? { max(0, list.items.count - i) }
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
    override var kind: IteratorKind { .rangeIterator }
    override var lengthHint: Int? { step > 0 ? max(0, (stop - current + step - 1) / step) : max(0, (current - stop - step - 1) / -step) }
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
    override var kind: IteratorKind { .dictKeys }
    override var lengthHint: Int? { dict.count != size ? 0 : dict.entries[min(i, dict.entries.count)...].reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
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
        case .str(let s):
            return .object(ArrayIterator(s.unicodeScalars.map { .str(String($0)) }, kind: s.utf8.allSatisfy { $0 < 0x80 } ? .strAsciiIterator : .strIterator))
        case .object(let o):
            switch o {
            case let l as PyList: return .object(ListIterator(l))
            case let t as PyTuple: return .object(ArrayIterator(t.items, kind: .tupleIterator))
            case let r as PyRange: return .object(RangeIterator(r))
            case let d as PyDict: return .object(DictKeyIterator(d))
            case let s as PySet: return .object(ArrayIterator(s.items, kind: .setIterator))
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
