/// The hashable identity of a dict key or set element, with Python's equalities:
/// `1 == 1.0 == True` share a key; tuples hash by contents; other objects by identity.
enum DictKey: Hashable {
    case none
    case int(Int)
    case float(Double)
    case str(String)
    case tuple([DictKey])
    case object(ObjectIdentifier)

    init(_ v: PyValue) throws {
        switch v {
        case .none: self = .none
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .float(let d):
            if d == d.rounded(), abs(d) < 9.2e18 { self = .int(Int(d)) } else { self = .float(d) }
        case .str(let s): self = .str(s)
        case .object(let o):
            if let t = o as? PyTuple { self = .tuple(try t.items.map { try DictKey($0) }); return }
            if o is PyList || o is PyDict || o is PySet {
                throw PyError(type: "TypeError", message: "unhashable type: '\(builtinTypeName(o))'")
            }
            self = .object(ObjectIdentifier(o))
        }
    }
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

    public override init() {}

    public init(_ pairs: [(String, PyValue)]) {
        super.init()
        for (k, v) in pairs { try! set(.str(k), v) }
    }

    public func get(_ key: PyValue) throws -> PyValue? {
        guard let i = index[try DictKey(key)] else { return nil }
        return entries[i]!.value
    }

    public subscript(key: String) -> PyValue? {
        guard let i = index[.str(key)] else { return nil }
        return entries[i]!.value
    }

    public func set(_ key: PyValue, _ value: PyValue) throws {
        let k = try DictKey(key)
        if let i = index[k] {
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
        guard let i = index.removeValue(forKey: k) else { return nil }
        let v = entries[i]!.value
        entries[i] = nil
        count -= 1
        if entries.count > 16 && count * 2 < entries.count { compact() }
        return v
    }

    public func removeAll() {
        index = [:]; entries = []; count = 0
    }

    private func compact() {
        entries = entries.filter { $0 != nil }
        index = [:]
        for (i, e) in entries.enumerated() { index[try! DictKey(e!.key)] = i }
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

/// A set (or frozenset) of hashable values, iterated in insertion order.
public final class PySet: PyObject {
    let storage = PyDict()
    let frozen: Bool
    public init(_ items: [PyValue] = [], frozen: Bool = false) throws {
        self.frozen = frozen
        super.init()
        for v in items { try storage.set(v, .none) }
    }
    /// Elements in CPython's iteration order (see `cpythonSetOrder`).
    public var items: [PyValue] { cpythonSetOrder(storage.keys) }
    public var count: Int { storage.count }
    func contains(_ v: PyValue) throws -> Bool { try storage.get(v) != nil }
    func add(_ v: PyValue) throws { try storage.set(v, .none) }
}
