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
        if let c = o as? PyInstance { return complexHash(c) }
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

/// CPython's `complex.__hash__` (real hash plus 1000003 times the imaginary one, wrapping)
/// for an instance of the built-in `complex` class, which is written in Python here;
/// nil for other instances and for a NaN part.
private func complexHash(_ c: PyInstance) -> Int? {
    guard c.cls.name == "complex", c.cls.mro.count == 2,
          case .float(let re)? = c.attributes.get(Name("_re")), case .float(let im)? = c.attributes.get(Name("_im")),
          !re.isNaN, !im.isNaN else { return nil }
    let h = PyHash.of(re) &+ 1000003 &* PyHash.of(im)
    return h == -1 ? -2 : h
}
