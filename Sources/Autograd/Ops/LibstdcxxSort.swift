/// The order libstdc++'s `std::sort` leaves elements in (introsort: median-of-three
/// quicksort down to runs of 16, then insertion sort), for ops whose reported index
/// depends on where an unstable sort puts equal values (`mode`). Only `<` on the keys is
/// used, as the C++ comparator does, so NaN behaves as there.
enum LibstdcxxSort {
    /// Positions `0..<keys.count` in the order std::sort leaves them; nil when the
    /// introsort would fall back to heap sort (depth limit reached), which is not modelled.
    static func order(_ keys: [Double]) -> [Int]? {
        var a = Array(keys.indices)
        func less(_ i: Int, _ j: Int) -> Bool { keys[a[i]] < keys[a[j]] }
        func lessValue(_ v: Int, _ j: Int) -> Bool { keys[v] < keys[a[j]] }
        var fellBack = false

        func moveMedianToFirst(_ result: Int, _ x: Int, _ y: Int, _ z: Int) {
            if less(x, y) {
                if less(y, z) { a.swapAt(result, y) } else if less(x, z) { a.swapAt(result, z) } else { a.swapAt(result, x) }
            } else if less(x, z) { a.swapAt(result, x) } else if less(y, z) { a.swapAt(result, z) } else { a.swapAt(result, y) }
        }
        func unguardedPartition(_ first: Int, _ last: Int, _ pivot: Int) -> Int {
            var lo = first, hi = last
            while true {
                while less(lo, pivot) { lo += 1 }
                hi -= 1
                while less(pivot, hi) { hi -= 1 }
                if !(lo < hi) { return lo }
                a.swapAt(lo, hi)
                lo += 1
            }
        }
        func introsortLoop(_ first: Int, _ lastIn: Int, _ depthIn: Int) {
            var last = lastIn, depth = depthIn
            while last - first > 16 {
                if depth == 0 { fellBack = true; return }
                depth -= 1
                moveMedianToFirst(first, first + 1, first + (last - first) / 2, last - 1)
                let cut = unguardedPartition(first + 1, last, first)
                introsortLoop(cut, last, depth)
                last = cut
            }
        }
        func unguardedLinearInsert(_ position: Int) {
            let value = a[position]
            var last = position, next = position - 1
            while lessValue(value, next) {
                a[last] = a[next]
                last = next
                next -= 1
            }
            a[last] = value
        }
        func insertionSort(_ first: Int, _ last: Int) {
            guard first != last else { return }
            var i = first + 1
            while i < last {
                if less(i, first) {
                    let value = a[i]
                    for k in stride(from: i, to: first, by: -1) { a[k] = a[k - 1] }
                    a[first] = value
                } else {
                    unguardedLinearInsert(i)
                }
                i += 1
            }
        }
        let n = a.count
        guard n > 1 else { return a }
        var lg = 0
        while (1 << (lg + 1)) <= n { lg += 1 }
        introsortLoop(0, n, lg * 2)
        if fellBack { return nil }
        if n > 16 {
            insertionSort(0, 16)
            for i in 16..<n { unguardedLinearInsert(i) }
        } else {
            insertionSort(0, n)
        }
        return a
    }
}
