/// The steps libstdc++'s (GCC 13) `std::sort`, `std::partial_sort` and `std::nth_element`
/// share, over positions into the caller's keys: which of several tied keys lands where
/// depends on them, so `LibstdcxxIntroSort` and `LibstdcxxSelection` run these exactly.
protocol LibstdcxxSteps {
    var order: [Int] { get set }
    /// The comparator ATen passes, on positions.
    var less: (Int, Int) -> Bool { get }
}

extension LibstdcxxSteps {
    func lessAt(_ i: Int, _ j: Int) -> Bool { less(order[i], order[j]) }

    /// `std::__move_median_to_first`: swaps the median of a, b, c into `result`.
    mutating func moveMedianToFirst(_ result: Int, _ a: Int, _ b: Int, _ c: Int) {
        let pick: Int
        if lessAt(a, b) {
            pick = lessAt(b, c) ? b : (lessAt(a, c) ? c : a)
        } else if lessAt(a, c) {
            pick = a
        } else {
            pick = lessAt(b, c) ? c : b
        }
        order.swapAt(result, pick)
    }

    /// `std::__unguarded_partition`: Hoare partition around `order[pivot]`, stopping on keys
    /// equal to the pivot.
    mutating func unguardedPartition(_ first0: Int, _ last0: Int, pivot: Int) -> Int {
        var first = first0, last = last0
        while true {
            while lessAt(first, pivot) { first += 1 }
            last -= 1
            while lessAt(pivot, last) { last -= 1 }
            if !(first < last) { return first }
            order.swapAt(first, last)
            first += 1
        }
    }

    /// `std::__insertion_sort`: an element less than the first moves to the front, the
    /// others walk back while less than their left neighbour.
    mutating func insertionSort(_ first: Int, _ last: Int) {
        if last - first < 2 { return }
        for i in (first + 1)..<last {
            if lessAt(i, first) {
                let v = order[i]
                var j = i
                while j > first { order[j] = order[j - 1]; j -= 1 }
                order[first] = v
            } else {
                unguardedLinearInsert(i)
            }
        }
    }

    /// `std::__unguarded_linear_insert`.
    mutating func unguardedLinearInsert(_ last0: Int) {
        let v = order[last0]
        var last = last0, next = last0 - 1
        while less(v, order[next]) {
            order[last] = order[next]
            last = next
            next -= 1
        }
        order[last] = v
    }

    /// `std::__adjust_heap` followed by `std::__push_heap`.
    mutating func adjustHeap(_ first: Int, _ hole0: Int, _ len: Int, _ value: Int) {
        let top = hole0
        var hole = hole0, child = hole0
        while child < (len - 1) / 2 {
            child = 2 * (child + 1)
            if lessAt(first + child, first + child - 1) { child -= 1 }
            order[first + hole] = order[first + child]
            hole = child
        }
        if len & 1 == 0 && child == (len - 2) / 2 {
            child = 2 * (child + 1)
            order[first + hole] = order[first + child - 1]
            hole = child - 1
        }
        var parent = (hole - 1) / 2
        while hole > top && less(order[first + parent], value) {
            order[first + hole] = order[first + parent]
            hole = parent
            parent = (hole - 1) / 2
        }
        order[first + hole] = value
    }
}
