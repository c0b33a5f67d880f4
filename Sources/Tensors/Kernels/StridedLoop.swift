import Dispatch

/// Row-major iteration over up to three operands that share one shape but have their own
/// strides (in elements). Dimensions are coalesced first, so contiguous and broadcast
/// operands become one long inner row that kernels can vectorise.
///
/// Kernels receive one call per innermost row: the three start offsets, the row length and
/// the three inner strides — per-element work stays inside the kernel's own loop.
struct StridedLoop {
    private(set) var shape: [Int]
    private(set) var s0: [Int]
    private(set) var s1: [Int]
    private(set) var s2: [Int]
    let numel: Int

    /// Work below this many elements runs on the calling thread. Waking dispatch threads
    /// costs more than PyTorch's OpenMP pool: at its 32K grain, MLP training on 2 cores ran
    /// slower with threads than without. `GRADBOOK_PARALLEL_MIN` overrides it.
    static let parallelThreshold = System.tuning("GRADBOOK_PARALLEL_MIN") ?? (1 << 18)
    static let threadCount = System.threadBudget

    init(shape: [Int], _ s0: [Int], _ s1: [Int] = [], _ s2: [Int] = []) {
        let n = shape.count
        let t1 = s1.isEmpty ? [Int](repeating: 0, count: n) : s1
        let t2 = s2.isEmpty ? [Int](repeating: 0, count: n) : s2
        var sh: [Int] = []
        var a: [Int] = [], b: [Int] = [], c: [Int] = []
        sh.reserveCapacity(n); a.reserveCapacity(n); b.reserveCapacity(n); c.reserveCapacity(n)
        var count = 1
        for i in 0..<n {
            let size = shape[i]
            count *= size
            if size == 1 { continue }
            if let last = sh.last,
               a[a.count - 1] == s0[i] * size, b[b.count - 1] == t1[i] * size, c[c.count - 1] == t2[i] * size {
                sh[sh.count - 1] = last * size
                a[a.count - 1] = s0[i]; b[b.count - 1] = t1[i]; c[c.count - 1] = t2[i]
            } else {
                sh.append(size); a.append(s0[i]); b.append(t1[i]); c.append(t2[i])
            }
        }
        self.shape = sh
        self.s0 = a; self.s1 = b; self.s2 = c
        self.numel = count
    }

    /// Calls `body(o0, o1, o2, n, i0, i1, i2)` for every innermost row, in order.
    @inline(__always)
    func forEachRow(_ body: (Int, Int, Int, Int, Int, Int, Int) -> Void) {
        if numel == 0 { return }
        let nd = shape.count
        if nd == 0 { body(0, 0, 0, 1, 0, 0, 0); return }
        let inner = shape[nd - 1]
        if nd == 1 { StridedLoop.row(0, 0, 0, inner, s0[0], s1[0], s2[0], body); return }
        rows(0, numel / inner, body)
    }

    /// One row, in chunks when it is long, polling the cell's deadline between chunks
    /// (`CellDeadline`); false when it stopped early. Kernels treat elements of a row
    /// independently, so a row split in pieces computes the same values.
    @inline(__always)
    @discardableResult
    private static func row(_ o0: Int, _ o1: Int, _ o2: Int, _ n: Int, _ i0: Int, _ i1: Int, _ i2: Int,
                            _ body: (Int, Int, Int, Int, Int, Int, Int) -> Void) -> Bool {
        let chunk = CellDeadline.chunk
        if n <= chunk { body(o0, o1, o2, n, i0, i1, i2); return true }
        var start = 0
        while start < n {
            if CellDeadline.poll() { return false }
            let m = min(chunk, n - start)
            body(o0 + start * i0, o1 + start * i1, o2 + start * i2, m, i0, i1, i2)
            start += m
        }
        return true
    }

    /// Runs `work` on a parallel worker under the calling thread's cell deadline.
    @inline(__always)
    private static func underDeadline(_ deadline: UInt64, _ work: () -> Void) {
        if deadline == .max { work(); return }
        CellDeadline.begin(deadline, description: "")
        work()
        CellDeadline.end()
    }

    /// Like `forEachRow`, but splits large work across threads (`OpenMPTeam`: MKL's
    /// OpenMP team when MKL is loaded, Dispatch otherwise). Rows must write disjoint
    /// memory (true for elementwise outputs).
    @inline(__always)
    func forEachRowParallel(_ body: (Int, Int, Int, Int, Int, Int, Int) -> Void) {
        let threads = StridedLoop.threadCount
        if numel < StridedLoop.parallelThreshold || threads < 2 { forEachRow(body); return }
        let nd = shape.count
        let inner = shape[nd - 1]
        if nd == 1 {
            let chunks = threads
            let per = (inner + chunks - 1) / chunks
            let i0 = s0[0], i1 = s1[0], i2 = s2[0]
            let deadline = CellDeadline.current
            OpenMPTeam.run(chunks: chunks) { c in
                let start = c * per
                let n = min(per, inner - start)
                if n > 0 {
                    StridedLoop.underDeadline(deadline) {
                        StridedLoop.row(start * i0, start * i1, start * i2, n, i0, i1, i2, body)
                    }
                }
            }
            if deadline != .max { _ = CellDeadline.poll() }
            return
        }
        let rowCount = numel / inner
        let chunks = min(threads, rowCount)
        let per = (rowCount + chunks - 1) / chunks
        let deadline = CellDeadline.current
        OpenMPTeam.run(chunks: chunks) { c in
            let start = c * per
            let end = min(rowCount, start + per)
            if start < end { StridedLoop.underDeadline(deadline) { self.rows(start, end, body) } }
        }
        if deadline != .max { _ = CellDeadline.poll() }
    }

    /// Rows `start..<end` of the outer dimensions.
    @inline(__always)
    private func rows(_ start: Int, _ end: Int, _ body: (Int, Int, Int, Int, Int, Int, Int) -> Void) {
        let nd = shape.count
        let outer = nd - 1
        let inner = shape[outer]
        let i0 = s0[outer], i1 = s1[outer], i2 = s2[outer]
        var index = [Int](repeating: 0, count: outer)
        var o0 = 0, o1 = 0, o2 = 0
        var r = start
        var d = outer - 1
        while d >= 0 {
            let k = r % shape[d]
            r /= shape[d]
            index[d] = k
            o0 += k * s0[d]; o1 += k * s1[d]; o2 += k * s2[d]
            d -= 1
        }
        var row = start
        // Work left before the next deadline poll: short rows poll every chunk of
        // elements, long ones between their own chunks (`row`).
        var budget = CellDeadline.chunk
        while row < end {
            if !StridedLoop.row(o0, o1, o2, inner, i0, i1, i2, body) { return }
            row += 1
            budget -= inner &+ 16
            if budget <= 0 {
                budget = CellDeadline.chunk
                if CellDeadline.poll() { return }
            }
            var d = outer - 1
            while d >= 0 {
                index[d] += 1
                o0 += s0[d]; o1 += s1[d]; o2 += s2[d]
                if index[d] < shape[d] { break }
                o0 -= s0[d] * shape[d]; o1 -= s1[d] * shape[d]; o2 -= s2[d] * shape[d]
                index[d] = 0
                d -= 1
            }
        }
    }
}

/// Carries a non-Sendable value into `concurrentPerform`; callers guarantee disjoint writes.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
