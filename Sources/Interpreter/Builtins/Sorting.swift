extension Interpreter {
    /// A stable merge sort whose comparisons may throw (Python's `sorted` and `list.sort`).
    func sortValues(_ items: [PyValue], key: PyValue?, reverse: Bool) throws -> [PyValue] {
        let keys: [PyValue]
        if let k = key, !k.isNone { keys = try items.map { try call(k, Arguments([$0])) } } else { keys = items }
        var idx = Array(items.indices)
        var tmp = idx
        func less(_ a: Int, _ b: Int) throws -> Bool {
            reverse ? try lessThan(keys[b], keys[a]) : try lessThan(keys[a], keys[b])
        }
        func mergeSort(_ lo: Int, _ hi: Int) throws {
            if hi - lo < 2 { return }
            if hi - lo <= 8 {
                for i in (lo + 1)..<hi {
                    let x = idx[i]
                    var j = i - 1
                    while j >= lo, try less(x, idx[j]) { idx[j + 1] = idx[j]; j -= 1 }
                    idx[j + 1] = x
                }
                return
            }
            let mid = (lo + hi) / 2
            try mergeSort(lo, mid)
            try mergeSort(mid, hi)
            var i = lo, j = mid, k = lo
            while i < mid && j < hi {
                if try less(idx[j], idx[i]) { tmp[k] = idx[j]; j += 1 } else { tmp[k] = idx[i]; i += 1 }
                k += 1
            }
            while i < mid { tmp[k] = idx[i]; i += 1; k += 1 }
            while j < hi { tmp[k] = idx[j]; j += 1; k += 1 }
            for t in lo..<hi { idx[t] = tmp[t] }
        }
        try mergeSort(0, idx.count)
        return idx.map { items[$0] }
    }
}
