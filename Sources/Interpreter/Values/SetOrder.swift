/// CPython prints and iterates sets in hash-table order. For sets of ints (whose hashes
/// are the values themselves) that order is deterministic, so we reproduce CPython's table
/// (linear probes, perturbation, resizing) to print `{1, 2, 3}` for `{3, 1, 2}`. Other sets
/// keep insertion order (CPython randomizes string hashes anyway).
func cpythonSetOrder(_ items: [PyValue]) -> [PyValue] {
    var hashes: [UInt64] = []
    hashes.reserveCapacity(items.count)
    for v in items {
        switch v {
        case .int(let i): hashes.append(UInt64(bitPattern: Int64(i == -1 ? -2 : i)))
        case .bool(let b): hashes.append(b ? 1 : 0)
        default: return items
        }
    }
    var mask = 7
    var table = [Int](repeating: -1, count: 8)
    var fill = 0
    func insertClean(_ t: inout [Int], _ m: Int, _ k: Int) {
        var perturb = hashes[k]
        var i = Int(hashes[k] & UInt64(m))
        while true {
            if t[i] < 0 { t[i] = k; return }
            if i + 9 <= m {
                for j in 1...9 where t[i + j] < 0 { t[i + j] = k; return }
            }
            perturb >>= 5
            i = Int((UInt64(i) &* 5 &+ 1 &+ perturb) & UInt64(m))
        }
    }
    for k in items.indices {
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
    return table.filter { $0 >= 0 }.map { items[$0] }
}
