/// libstdc++'s (GCC 13) `std::partial_sort` and `std::nth_element`, step for step, over
/// positions into the caller's keys. ATen's CPU `topk` (TopKImpl.h) and `median` run these,
/// and which of several tied keys lands where is a property of the algorithm, so matching
/// PyTorch's `indices` means running the same heap and introselect moves. `std::sort` is
/// `LibstdcxxIntroSort`.
struct LibstdcxxSelection: LibstdcxxSteps {
    var order: [Int]
    let less: (Int, Int) -> Bool

    /// `std::partial_sort(first, first + middle, last)`: heap select, then sort the heap.
    mutating func partialSort(_ first: Int, _ middle: Int, _ last: Int) {
        heapSelect(first, middle, last)
        var end = middle
        while end - first > 1 {
            end -= 1
            popHeap(first, end, result: end)
        }
    }

    /// `std::nth_element(first, nth, last)`: introselect with depth 2·⌊log2 n⌋, then an
    /// insertion sort of the last short range.
    mutating func nthElement(_ first0: Int, _ nth: Int, _ last0: Int) {
        var first = first0, last = last0
        if first == last || nth == last { return }
        var depth = 2 * (Int.bitWidth - 1 - (last - first).leadingZeroBitCount)
        while last - first > 3 {
            if depth == 0 {
                heapSelect(first, nth + 1, last)
                order.swapAt(first, nth)
                return
            }
            depth -= 1
            moveMedianToFirst(first, first + 1, first + (last - first) / 2, last - 1)
            let cut = unguardedPartition(first + 1, last, pivot: first)
            if cut <= nth { first = cut } else { last = cut }
        }
        insertionSort(first, last)
    }

    /// `std::__heap_select`: a max-heap of [first, middle) keeps the smallest seen so far.
    private mutating func heapSelect(_ first: Int, _ middle: Int, _ last: Int) {
        makeHeap(first, middle)
        var i = middle
        while i < last {
            if lessAt(i, first) { popHeap(first, middle, result: i) }
            i += 1
        }
    }

    private mutating func makeHeap(_ first: Int, _ last: Int) {
        let len = last - first
        if len < 2 { return }
        var parent = (len - 2) / 2
        while true {
            adjustHeap(first, parent, len, order[first + parent])
            if parent == 0 { return }
            parent -= 1
        }
    }

    /// `std::__pop_heap`: the top goes to `result`, `result`'s element sifts in from the top.
    private mutating func popHeap(_ first: Int, _ last: Int, result: Int) {
        let value = order[result]
        order[result] = order[first]
        adjustHeap(first, 0, last - first, value)
    }

}

/// ATen's `quick_select_template` (Sorting.cpp, after Sedgewick 1978), which `kthvalue`
/// runs: median of three moved to L, Hoare partition that stops on keys equal to the pivot,
/// then recurse into the side holding `k`. `greater` is ATen's `gt_or_nan`; `order` holds
/// positions into the caller's keys, swapped as ATen swaps values and indices together.
func atenQuickSelect(_ order: inout [Int], _ k: Int, greater: (Int, Int) -> Bool) {
    var l = 0, r = order.count - 1
    while true {
        if r <= l { return }
        if r == l + 1 {
            if greater(order[l], order[r]) { order.swapAt(l, r) }
            return
        }
        let p = (l + r) >> 1
        order.swapAt(p, l + 1)
        if greater(order[l + 1], order[r]) { order.swapAt(l + 1, r) }
        if greater(order[l], order[r]) { order.swapAt(l, r) }
        if greater(order[l + 1], order[l]) { order.swapAt(l + 1, l) }
        var i = l + 1, j = r
        let piv = order[l]
        while true {
            repeat { i += 1 } while greater(piv, order[i])
            repeat { j -= 1 } while greater(order[j], piv)
            if j < i { break }
            order.swapAt(i, j)
        }
        order.swapAt(l, j)
        if j <= k { l = i }
        if j >= k { r = j - 1 }
    }
}
