/// CPython iterates sets in hash-table order. For elements whose CPython hash is the same
/// in every run (numbers, tuples of numbers) `SetTable` reproduces that table; other
/// sets keep insertion order (CPython randomizes string hashes anyway).

/// CPython's hash of a number or a tuple of numbers; nil for values whose CPython hash
/// varies between runs (strings, objects hashed by address).
func deterministicHash(_ v: PyValue) -> Int? {
    switch v {
    case .int(let i): return PyHash.of(i)
    case .bool(let b): return b ? 1 : 0
    case .float(let d): return d.isNaN ? nil : PyHash.of(d)
    case .object(let o):
        if let b = o as? PyBigInt { return b.value.pythonHash }
        guard let t = o as? PyTuple else { return nil }
        var hashes: [Int] = []
        for x in t.items {
            guard let h = deterministicHash(x) else { return nil }
            hashes.append(h)
        }
        return PyHash.ofTuple(hashes)
    default: return nil
    }
}
