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
    /// Whether every item is a 2-tuple that `nextPair` can hand over in parts (a dict's
    /// items, `enumerate`, `zip` of two), so `for k, v in ...` need not build the tuples.
    var yieldsPairs: Bool { false }
    /// The next item's two parts, nil when exhausted (only where `yieldsPairs`).
    func nextPair(_ interp: Interpreter) throws -> (PyValue, PyValue)? { nil }
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

/// `iter(list)`: reads the list as it is at each step, so items appended during the loop
/// are visited; once exhausted it stays exhausted (CPython's `listiter_next`).
final class ListIterator: PyIteratorObject {
    private(set) var list: PyList?
    var i = 0
    init(_ list: PyList) { self.list = list }
    override var kind: IteratorKind { .listIterator }
    override var lengthHint: Int? { list.map { max(0, $0.items.count - i) } ?? 0 }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        guard let l = list, i < l.items.count else { list = nil; return nil }
        i += 1
        return l.items[i - 1]
    }
}

/// `reversed(list)`: starts at the last index the list has now and stops for good at the
/// first index the list no longer has (after a `pop`), as `listreviter_next` does.
final class ListReverseIterator: PyIteratorObject {
    private var list: PyList?
    private var index: Int
    init(_ list: PyList) { self.list = list; index = list.items.count - 1 }
    override var kind: IteratorKind { .listReverseIterator }
    override var lengthHint: Int? {
        guard let l = list, l.items.count >= index + 1 else { return 0 }
        return index + 1
    }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        if let l = list, index >= 0, index < l.items.count {
            index -= 1
            return l.items[index + 1]
        }
        index = -1
        list = nil
        return nil
    }
}

/// The `reversed` object over a sequence without `__reversed__` (tuple, str, a class with
/// `__len__` and `__getitem__`): indexes from `len - 1` down, ending early at an
/// IndexError or StopIteration (`reversed_next`). Tuples and strings, which cannot change,
/// are read from an array.
final class ReversedIterator: PyIteratorObject {
    private(set) var sequence: PyValue?
    private let items: [PyValue]?
    private(set) var index: Int
    init(items: [PyValue], of sequence: PyValue) { self.sequence = sequence; self.items = items; index = items.count - 1 }
    init(sequence: PyValue, count: Int) { self.sequence = sequence; items = nil; index = count - 1 }
    override var kind: IteratorKind { .reversed }
    override var lengthHint: Int? {
        guard case .some = sequence else { return 0 }
        return items.map { min($0.count, index + 1) }
    }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        if index >= 0, case .some(let sequence) = sequence {
            if let items {
                index -= 1
                return items[index + 1]
            }
            do {
                let v = try interp.getItem(sequence, .int(index))
                index -= 1
                return v
            } catch let e as PyError where interp.errorIs(e, "IndexError") || interp.errorIs(e, "StopIteration") {}
        }
        index = -1
        sequence = .none
        return nil
    }
}

/// `range_iterator`, forward or (from `reversed(range)`) backward: the next value and how
/// many are left, so no step ever goes past the range's own ends.
final class RangeIterator: PyIteratorObject {
    var current: Int
    let step: Int
    var remaining: Int
    init(_ r: PyRange) { current = r.start; step = r.step; remaining = r.count }
    /// `range.__reversed__`: from the last item back to the first.
    init(reversing r: PyRange) {
        remaining = r.count
        step = 0 &- r.step
        current = remaining == 0 ? r.start : r.start &+ (remaining &- 1) &* r.step
    }
    override var kind: IteratorKind { .rangeIterator }
    override var lengthHint: Int? { remaining }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        defer { current &+= step }
        return .int(current)
    }
}

/// The iterators of a dict and of its views (`dict_keyiterator`, `dict_valueiterator`,
/// `dict_itemiterator` and their reverse kinds), reading the dict's entries live as
/// CPython's `dictiter_iternext*` do: a change of size raises (and keeps raising), and a
/// forward iterator finding more entries than the dict had when it started (a key removed
/// and another added) raises "dictionary keys changed during iteration". Once exhausted it
/// stays exhausted.
final class DictIterator: PyIteratorObject {
    enum Part { case keys, values, items }
    private var dict: PyDict?
    let part: Part
    let reverse: Bool
    /// The dict's size when iteration started; -1 once a change of size was seen.
    private var size: Int
    private var position: Int
    /// Entries still expected.
    private var left: Int
    init(_ d: PyDict, _ part: Part = .keys, reverse: Bool = false) {
        dict = d; self.part = part; self.reverse = reverse
        size = d.count; left = d.count
        position = reverse ? d.entries.count - 1 : 0
    }
    override var kind: IteratorKind {
        switch (part, reverse) {
        case (.keys, false): return .dictKeys
        case (.values, false): return .dictValues
        case (.items, false): return .dictItems
        case (.keys, true): return .dictReverseKeys
        case (.values, true): return .dictReverseValues
        case (.items, true): return .dictReverseItems
        }
    }
    override var lengthHint: Int? {
        guard let d = dict, d.count == size else { return 0 }
        return left
    }
    @inline(__always)
    private func value(_ e: (key: PyValue, value: PyValue)) -> PyValue {
        switch part {
        case .keys: return e.key
        case .values: return e.value
        case .items: return .tuple([e.key, e.value])
        }
    }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        guard let e = try nextEntry() else { return nil }
        return value(e)
    }
    override var yieldsPairs: Bool { part == .items }
    override func nextPair(_ interp: Interpreter) throws -> (PyValue, PyValue)? {
        guard let e = try nextEntry() else { return nil }
        return (e.key, e.value)
    }
    @inline(__always)
    private func nextEntry() throws -> (key: PyValue, value: PyValue)? {
        guard let d = dict else { return nil }
        if d.count != size {
            size = -1
            throw PyError.runtimeError("dictionary changed size during iteration")
        }
        if reverse {
            while position >= 0 && position < d.entries.count {
                position -= 1
                if let e = d.entries[position + 1] { left -= 1; return e }
            }
            dict = nil
            return nil
        }
        while position < d.entries.count {
            position += 1
            if let e = d.entries[position - 1] {
                if left == 0 {
                    dict = nil
                    throw PyError.runtimeError("dictionary keys changed during iteration")
                }
                left -= 1
                return e
            }
        }
        dict = nil
        return nil
    }
}

/// `iter(set)`: the elements in CPython's order as they were when it started; a change of
/// the set's size raises at the next step, and keeps raising, as in `setiter_iternext`.
final class SetIterator: PyIteratorObject {
    private var set: PySet?
    private let items: [PyValue]
    private var size: Int
    private var i = 0
    init(_ s: PySet) { set = s; items = s.items; size = s.count }
    override var kind: IteratorKind { .setIterator }
    override var lengthHint: Int? {
        guard let s = set, s.count == size else { return 0 }
        return items.count - i
    }
    override func next(_ interp: Interpreter) throws -> PyValue? {
        guard let s = set else { return nil }
        if s.count != size {
            size = -1
            throw PyError.runtimeError("Set changed size during iteration")
        }
        guard i < items.count else { set = nil; return nil }
        i += 1
        return items[i - 1]
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
            case let d as PyDict: return .object(DictIterator(d))
            case let s as PySet: return .object(SetIterator(s))
            case let dv as PyDictView: return .object(dv.iterator(reverse: false))
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
        if case .object(let o) = it, let iterator = o as? PyIteratorObject {
            while let x = try iterator.next(self) {
                try tick()
                if !(try body(x)) { return }
            }
            return
        }
        while let x = try next(it) {
            try tick()
            if !(try body(x)) { return }
        }
    }

    /// `for a, b in v` over a dict's items, `enumerate` or a `zip` of two: runs `body` on
    /// the two parts of each item (until it returns false) without building the tuples, and
    /// returns true; returns false, running nothing, for any other iterable.
    func forEachPair(_ v: PyValue, _ body: (PyValue, PyValue) throws -> Bool) throws -> Bool {
        guard case .object(let o) = v else { return false }
        let it: PyIteratorObject
        if let dv = o as? PyDictView {
            guard dv.kind == .items else { return false }
            it = dv.iterator(reverse: false)
        } else if let i = o as? PyIteratorObject, i.yieldsPairs {
            it = i
        } else {
            return false
        }
        while let (a, b) = try it.nextPair(self) {
            try tick()
            if !(try body(a, b)) { break }
        }
        return true
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
