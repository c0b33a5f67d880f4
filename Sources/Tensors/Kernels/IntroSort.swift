/// libstdc++'s `std::sort` (GCC 13, the compiler PyTorch 2.15 is built with), step for step,
/// so that `torch.sort(stable=False)` of dtypes that ATen sorts with `std::sort` puts tied
/// keys in PyTorch's order. The order of ties is a property of the algorithm, not of the
/// keys, so matching PyTorch means running the same introsort: median-of-three pivot moved to
/// the front, Hoare partition that stops on equal keys, heapsort after 2·⌊log2 n⌋ levels,
/// then one insertion sort over the whole range (guarded for the first 16 elements).
///
/// It sorts `order` (positions into the caller's keys) with `less`, the comparator ATen
/// passes (`KeyValueCompAsc` / `KeyValueCompDesc`: NaN largest).
struct LibstdcxxIntroSort: LibstdcxxSteps {
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

}
