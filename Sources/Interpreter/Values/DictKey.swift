/// The hashable identity of a dict key or set element, with Python's equalities:
/// `1 == 1.0 == True` share a key; tuples hash by contents; other objects by identity.
enum DictKey: Hashable {
    case none
    case int(Int)
    /// An int beyond 64 bits (or a float equal to one).
    case big(BigInt)
    case float(Double)
    case str(String)
    case tuple([DictKey])
    case object(ObjectIdentifier)
    /// An instance whose class defines `__hash__` (and usually `__eq__`).
    case custom(HashedInstance)
    /// A frozenset: equal to another with the same elements (Swift's `Set` hashes them
    /// independently of order).
    case frozenset(Set<DictKey>)

    init(_ v: PyValue) throws {
        switch v {
        case .none: self = .none
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .float(let d):
            if d == d.rounded(), abs(d) < 9.2e18 { self = .int(Int(d)) }
            else if d.isFinite && d == d.rounded() {
                let b = BigInt(exactly: d)
                self = b.asInt.map { .int($0) } ?? .big(b)
            } else { self = .float(d) }
        case .str(let s): self = .str(s)
        case .object(let o):
            if let t = o as? PyTuple { self = .tuple(try t.items.map { try DictKey($0) }); return }
            if let b = o as? PyBigInt { self = .big(b.value); return }
            if let fs = o as? PySet, fs.frozen {
                self = .frozenset(Set(try fs.storage.items.map { try DictKey($0.key) }))
                return
            }
            if o is PyList || o is PyDict || o is PySet {
                throw PyError(type: "TypeError", message: "unhashable type: '\(builtinTypeName(o))'")
            }
            // A subclass of a built-in type keeps its value's key unless it overrides __hash__/__eq__.
            if let inst = o as? PyInstance, let base = inst.payload as? BuiltinBase, inst.cls.interpreter?.hashesAsBuiltinBase(inst.cls) == true { self = try DictKey(base.value); return }
            if let inst = o as? PyInstance, let interp = inst.cls.interpreter, let h = inst.cls.lookup(N.__hash__) {
                if h.isNone { throw PyError(type: "TypeError", message: "unhashable type: '\(inst.cls.name)'") }
                self = .custom(HashedInstance(v, hash: try interp.userHash(v), interp: interp))
                return
            }
            self = .object(ObjectIdentifier(o))
        }
    }

    /// Raises the error a user `__eq__` raised while Swift compared keys (it cannot throw).
    @inline(__always)
    func rethrowComparisonError() throws {
        if case .custom(let h) = self, let e = h.interp.pendingKeyError {
            h.interp.pendingKeyError = nil
            throw e
        }
    }
}

/// A key compared by its class's `__eq__` and hashed by its `__hash__`, as CPython's dict
/// does: equal only when the hashes are equal and then identical or `==`.
final class HashedInstance: Hashable {
    let value: PyValue
    let hash: Int
    unowned(unsafe) let interp: Interpreter

    init(_ value: PyValue, hash: Int, interp: Interpreter) {
        self.value = value
        self.hash = hash
        self.interp = interp
    }

    static func == (a: HashedInstance, b: HashedInstance) -> Bool {
        if a.hash != b.hash { return false }
        if a.value.isIdentical(b.value) { return true }
        do {
            return try a.interp.equals(b.value, a.value)
        } catch {
            if a.interp.pendingKeyError == nil { a.interp.pendingKeyError = error }
            return false
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

private func builtinTypeName(_ o: PyObject) -> String {
    if o is PyList { return "list" }
    if o is PyDict { return "dict" }
    if let s = o as? PySet { return s.frozen ? "frozenset" : "set" }
    return "object"
}

/// An insertion-ordered dict with Python key semantics.
public final class PyDict: PyObject {
    var index: [DictKey: Int] = [:]
    var entries: [(key: PyValue, value: PyValue)?] = []
    public private(set) var count = 0
    /// Bumped by every change, so an instance whose `__dict__` this is (PyInstance's
    /// linked dict) notices writes made through the dict.
    private(set) var version = 0

    public override init() {}

    public init(_ pairs: [(String, PyValue)]) {
        super.init()
        for (k, v) in pairs { try! set(.str(k), v) }
    }

    public func get(_ key: PyValue) throws -> PyValue? {
        let k = try DictKey(key)
        let found = index[k]
        try k.rethrowComparisonError()
        guard let i = found else { return nil }
        return entries[i]!.value
    }

    public subscript(key: String) -> PyValue? {
        guard let i = index[.str(key)] else { return nil }
        return entries[i]!.value
    }

    public func set(_ key: PyValue, _ value: PyValue) throws {
        let k = try DictKey(key)
        let found = index[k]
        try k.rethrowComparisonError()
        version &+= 1
        if let i = found {
            entries[i]!.value = value
        } else {
            index[k] = entries.count
            entries.append((key, value))
            count += 1
        }
    }

    @discardableResult
    public func remove(_ key: PyValue) throws -> PyValue? {
        let k = try DictKey(key)
        let found = index.removeValue(forKey: k)
        try k.rethrowComparisonError()
        guard let i = found else { return nil }
        version &+= 1
        let v = entries[i]!.value
        entries[i] = nil
        count -= 1
        if entries.count > 16 && count * 2 < entries.count { compact() }
        return v
    }

    public func removeAll() {
        index = [:]; entries = []; count = 0; version &+= 1
    }

    /// Removes `key`, returning the key the dict held (which may differ: `1` for `1.0`).
    func removeKey(_ key: PyValue) throws -> PyValue? {
        let k = try DictKey(key)
        let found = index.removeValue(forKey: k)
        try k.rethrowComparisonError()
        guard let i = found else { return nil }
        version &+= 1
        let stored = entries[i]!.key
        entries[i] = nil
        count -= 1
        if entries.count > 16 && count * 2 < entries.count { compact() }
        return stored
    }

    /// Drops the holes left by removals; keys keep their hashes (no `__hash__` is called).
    private func compact() {
        var newPosition = [Int](repeating: -1, count: entries.count)
        var kept: [(key: PyValue, value: PyValue)?] = []
        kept.reserveCapacity(count)
        for (i, e) in entries.enumerated() where e != nil {
            newPosition[i] = kept.count
            kept.append(e)
        }
        entries = kept
        index = index.mapValues { newPosition[$0] }
    }

    public var keys: [PyValue] { entries.compactMap { $0?.key } }
    public var values: [PyValue] { entries.compactMap { $0?.value } }
    public var items: [(key: PyValue, value: PyValue)] { entries.compactMap { $0 } }

    func copy() -> PyDict {
        let d = PyDict()
        if count == entries.count {
            d.index = index; d.entries = entries; d.count = count
        } else {
            for e in items { try! d.set(e.key, e.value) }
        }
        return d
    }
}

/// A set (or frozenset) of hashable values. Membership lives in a dictionary; the order
/// of iteration is CPython's: while every element hashes deterministically (numbers,
/// tuples of numbers) a `SetTable` mirrors CPython's hash table slot by slot; once an
/// element's CPython hash varies between runs (strings, objects) the set keeps insertion
/// order instead.
public final class PySet: PyObject {
    private(set) var storage = PyDict()
    let frozen: Bool
    /// CPython's table, nil once an element's hash is not deterministic.
    var table: SetTable? = SetTable()
    public init(_ items: [PyValue] = [], frozen: Bool = false) throws {
        self.frozen = frozen
        super.init()
        for v in items { try add(v) }
    }
    /// Elements in CPython's iteration order.
    public var items: [PyValue] { table?.orderedKeys ?? storage.keys }
    public var count: Int { storage.count }
    func contains(_ v: PyValue) throws -> Bool { try storage.get(PySet.hashableKey(v)) != nil }
    /// `set_contains`/`set_discard`: a (mutable) set looked up as an element is looked up
    /// as the frozenset of its elements.
    static func hashableKey(_ v: PyValue) throws -> PyValue {
        guard case .object(let o) = v, let s = o as? PySet, !s.frozen else { return v }
        return .object(try PySet(s.items, frozen: true))
    }
    /// `set_add_key`.
    func add(_ v: PyValue) throws {
        let before = storage.count
        try storage.set(v, .none)
        if storage.count != before { addToTable(v) }
    }
    /// Records a key just added to `storage` in the table.
    @inline(__always)
    func addToTable(_ v: PyValue) {
        guard table != nil else { return }
        if case .int(let i) = v { table!.addAbsent(v, hash: PyHash.of(i)); return }
        if let h = deterministicHash(v) { table!.addAbsent(v, hash: h) } else { table = nil }
    }
    /// `set_discard_key`: whether the element was there.
    @discardableResult
    func discard(_ v: PyValue) throws -> Bool {
        guard let stored = try storage.removeKey(PySet.hashableKey(v)) else { return false }
        if table != nil, let h = deterministicHash(stored) { table!.discard(stored, hash: h) }
        return true
    }
    /// `set_pop`: CPython's element (from its finger) or the first inserted one.
    func pop() throws -> PyValue? {
        if table != nil {
            guard let k = table!.pop() else { return nil }
            try storage.remove(k)
            return k
        }
        guard let k = storage.keys.first else { return nil }
        try storage.remove(k)
        return k
    }
    /// `set_clear_internal`.
    func clear() {
        storage.removeAll()
        if table != nil { table!.clear() } else { table = SetTable() }
    }
    /// `set_swap_bodies` with a set built for the purpose (the finger stays).
    func takeBody(of other: PySet) {
        storage = other.storage
        let f = table?.finger ?? 0
        table = other.table
        table?.finger = f
    }
}
