/// libstdc++'s `std::sort` (GCC 13, the compiler PyTorch 2.15 is built with), step for step,
/// so that `torch.sort(stable=False)` of dtypes that ATen sorts with `std::sort` puts tied
/// keys in PyTorch's order. The order of ties is a property of the algorithm, not of the
/// keys, so matching PyTorch means running the same introsort: median-of-three pivot moved to
/// the front, Hoare partition that stops on equal keys, heapsort after 2·⌊log2 n⌋ levels,
/// then one insertion sort over the whole range (guarded for the first 16 elements).
///
/// It sorts `order` (positions into the caller's keys) with `less`, the comparator ATen
/// passes (`KeyValueCompAsc` / `KeyValueCompDesc`: NaN largest).
struct LibstdcxxIntroSort {
    static let threshold = 16

    var order: [Int]
    let less: (Int, Int) -> Bool

    static func sorted(_ order: [Int], by less: @escaping (Int, Int) -> Bool) -> [Int] {
        var s = LibstdcxxIntroSort(order: order, less: less)
        s.sort()
        return s.order
    }

    mutating func sort() {
        let n = order.count
        if n < 2 { return }
        introsortLoop(0, n, depthLimit: 2 * (Int.bitWidth - 1 - n.leadingZeroBitCount))
        if n > Self.threshold {
            insertionSort(0, Self.threshold)
            for i in Self.threshold..<n { unguardedLinearInsert(i) }
        } else {
            insertionSort(0, n)
        }
    }

    private func lessAt(_ i: Int, _ j: Int) -> Bool { less(order[i], order[j]) }

    private mutating func introsortLoop(_ first: Int, _ last0: Int, depthLimit depth0: Int) {
        var last = last0, depth = depth0
        while last - first > Self.threshold {
            if CellDeadline.poll() { return }
            if depth == 0 { heapSort(first, last); return }
            depth -= 1
            moveMedianToFirst(first, first + 1, first + (last - first) / 2, last - 1)
            let cut = unguardedPartition(first + 1, last, pivot: first)
            introsortLoop(cut, last, depthLimit: depth)
            last = cut
        }
    }

    /// `std::__move_median_to_first`: swaps the median of a, b, c into `result`.
    private mutating func moveMedianToFirst(_ result: Int, _ a: Int, _ b: Int, _ c: Int) {
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

    /// `std::__unguarded_partition`: Hoare partition around `order[pivot]`.
    private mutating func unguardedPartition(_ first0: Int, _ last0: Int, pivot: Int) -> Int {
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

    private mutating func insertionSort(_ first: Int, _ last: Int) {
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

    private mutating func unguardedLinearInsert(_ last0: Int) {
        let v = order[last0]
        var last = last0, next = last0 - 1
        while less(v, order[next]) {
            order[last] = order[next]
            last = next
            next -= 1
        }
        order[last] = v
    }

    /// `std::__partial_sort(first, last, last)`: make_heap then sort_heap.
    private mutating func heapSort(_ first: Int, _ last0: Int) {
        let len = last0 - first
        if len >= 2 {
            var parent = (len - 2) / 2
            while true {
                adjustHeap(first, parent, len, order[first + parent])
                if parent == 0 { break }
                parent -= 1
            }
        }
        var last = last0
        while last - first > 1 {
            last -= 1
            let v = order[last]
            order[last] = order[first]
            adjustHeap(first, 0, last - first, v)
        }
    }

    /// `std::__adjust_heap` followed by `std::__push_heap`.
    private mutating func adjustHeap(_ first: Int, _ hole0: Int, _ len: Int, _ value: Int) {
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
