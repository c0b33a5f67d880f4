/// CPython prints and iterates sets in hash-table order. For sets of ints (whose hashes
/// are the values themselves) that order is deterministic, so we reproduce CPython's table
/// (linear probes, perturbation, resizing) to print `{1, 2, 3}` for `{3, 1, 2}`. Other sets
/// keep insertion order (CPython randomizes string hashes anyway). Floats and tuples of
/// numbers hash deterministically too, so their sets follow CPython's order as well.
///
/// `merged` leading items came from another set's table, in its order (a constant set
/// literal is a frozenset that `BUILD_SET` merges; `set(s)` merges `s`): CPython merges
/// them into a table sized for twice their count, or copies the table when it is small.
func cpythonSetOrder(_ items: [PyValue], merged: Int = 0) -> [PyValue] {
    cpythonSetOrder(items, merged: merged, baseSlots: nil, mergeAt: nil)
}

/// The same with the table of the set the merged items were copied from (`baseSlots`: the
/// slot of each of them, in a table of 8), and a second merge of another set (`mergeAt`:
/// from which item, and that set's size) for which CPython resizes once beforehand.
func cpythonSetOrder(_ items: [PyValue], merged: Int, baseSlots: [Int]?, mergeAt: (start: Int, otherCount: Int)?,
                     dummySlots: [Int] = []) -> [PyValue] {
    guard let table = cpythonSetTable(items, merged: merged, baseSlots: baseSlots, mergeAt: mergeAt, dummySlots: dummySlots) else { return items }
    return table.filter { $0 >= 0 }.map { items[$0] }
}

/// CPython's hash table for the set (each slot: an index into `items`, or -1), nil when
/// the items' hashes are not deterministic.
func cpythonSetTable(_ items: [PyValue], merged: Int, baseSlots: [Int]?, mergeAt: (start: Int, otherCount: Int)?,
                     dummySlots: [Int] = []) -> [Int]? {
    var hashes: [UInt64] = []
    hashes.reserveCapacity(items.count)
    for v in items {
        guard let h = deterministicHash(v) else { return nil }
        hashes.append(UInt64(bitPattern: Int64(h)))
    }
    var mask = 7
    var table = [Int](repeating: -1, count: 8)
    var fill = 0
    func insertClean(_ t: inout [Int], _ m: Int, _ k: Int) {
        var perturb = hashes[k]
        var i = Int(hashes[k] & UInt64(m))
        while true {
            if t[i] == -1 { t[i] = k; return }
            if i + 9 <= m {
                for j in 1...9 where t[i + j] == -1 { t[i + j] = k; return }
            }
            perturb >>= 5
            i = Int((UInt64(i) &* 5 &+ 1 &+ perturb) & UInt64(m))
        }
    }
    let merged = min(merged, items.count)
    if merged * 5 >= 7 * 3 {
        var size = 8
        while size <= merged * 2 { size <<= 1 }
        table = [Int](repeating: -1, count: size)
        mask = size - 1
    }
    for k in 0..<merged {
        if mask == 7, let b = baseSlots, k < b.count, b[k] < 8 { table[b[k]] = k }
        else if mask == 7 { table[k] = k } else { insertClean(&table, mask, k) }
        fill += 1
    }
    // Slots of elements removed from the copied table: CPython leaves a dummy there that
    // probes pass over (-2), until a resize drops them.
    if mask == 7, baseSlots != nil {
        for d in dummySlots where d < 8 && table[d] == -1 { table[d] = -2; fill += 1 }
    }
    for k in merged..<items.count {
        if let m = mergeAt, k == m.start, (fill + m.otherCount) * 5 >= mask * 3 {
            // `set_merge` resizes once for all of the other set's elements.
            var size = 8
            while size <= (fill + m.otherCount) * 2 { size <<= 1 }
            var newTable = [Int](repeating: -1, count: size)
            for e in table where e >= 0 { insertClean(&newTable, size - 1, e) }
            table = newTable
            mask = size - 1
        }
        insertClean(&table, mask, k)
        fill += 1
        if fill * 5 >= mask * 3 {
            let minUsed = fill > 50000 ? fill * 2 : fill * 4
            var size = 8
            while size <= minUsed { size <<= 1 }
            var newTable = [Int](repeating: -1, count: size)
            for e in table where e >= 0 { insertClean(&newTable, size - 1, e) }
            table = newTable
            mask = size - 1
        }
    }
    return table
}

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
