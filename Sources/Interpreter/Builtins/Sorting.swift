extension Interpreter {
    /// Python's `sorted` and `list.sort`: CPython 3.11's `listsort` (timsort with powersort's
    /// merge policy), so that the comparisons made, and therefore the result when the order
    /// is only partial (NaN among floats), a `__lt__` with side effects, and which pair a
    /// mixed-type `TypeError` names, are CPython's. Keys are computed first, in order;
    /// `reverse` reverses, sorts stably, and reverses back, as CPython does.
    func sortValues(_ items: [PyValue], key: PyValue?, reverse: Bool) throws -> [PyValue] {
        var values = items
        var keys: [PyValue]
        if let k = key, !k.isNone { keys = try items.map { try call(k, Arguments([$0])) } } else { keys = items }
        if values.count < 2 { return values }
        if reverse { values.reverse(); keys.reverse() }
        var sorter = TimSort(keys: keys) { [unowned self] a, b in try self.lessThan(a, b) }
        try sorter.sort()
        var out = sorter.order.map { values[$0] }
        if reverse { out.reverse() }
        return out
    }
}

/// CPython's `listsort` over an index array (`Objects/listobject.c`, described in
/// `Objects/listsort.txt`): natural runs extended to `minrun` by binary insertion, merged
/// by powersort's policy, with galloping merges whose threshold adapts.
struct TimSort {
    let keys: [PyValue]
    let less: (PyValue, PyValue) throws -> Bool
    /// The permutation being sorted: `keys[order[i]]` is the i-th key.
    var order: [Int]
    private var tmp: [Int] = []
    private var minGallop = TimSort.minGallopStart
    private var pending: [(base: Int, len: Int, power: Int)] = []
    private static let minGallopStart = 7

    init(keys: [PyValue], less: @escaping (PyValue, PyValue) throws -> Bool) {
        self.keys = keys
        self.less = less
        order = Array(keys.indices)
    }

    private func lt(_ x: Int, _ y: Int) throws -> Bool { try less(keys[x], keys[y]) }

    mutating func sort() throws {
        let n = order.count
        if n < 2 { return }
        var lo = 0, remaining = n
        let minrun = Self.minrun(n)
        repeat {
            var (runLength, descending) = try countRun(lo, lo + remaining)
            if descending { order[lo..<(lo + runLength)].reverse() }
            if runLength < minrun {
                let force = remaining <= minrun ? remaining : minrun
                try binarySort(lo, lo + force, lo + runLength)
                runLength = force
            }
            try foundNewRun(runLength, total: n)
            pending.append((lo, runLength, 0))
            lo += runLength
            remaining -= runLength
        } while remaining > 0
        while pending.count > 1 {
            var k = pending.count - 2
            if k > 0 && pending[k - 1].len < pending[k + 1].len { k -= 1 }
            try mergeAt(k)
        }
    }

    private static func minrun(_ count: Int) -> Int {
        var n = count, r = 0
        while n >= 64 { r |= n & 1; n >>= 1 }
        return n + r
    }

    /// The length of the run starting at `lo` and whether it is strictly descending.
    private func countRun(_ lo: Int, _ hi: Int) throws -> (Int, Bool) {
        var p = lo + 1
        if p == hi { return (1, false) }
        var n = 2
        if try lt(order[p], order[p - 1]) {
            p += 1
            while p < hi { if try lt(order[p], order[p - 1]) { p += 1; n += 1 } else { break } }
            return (n, true)
        }
        p += 1
        while p < hi { if try lt(order[p], order[p - 1]) { break }; p += 1; n += 1 }
        return (n, false)
    }

    /// Binary insertion of `order[start..<hi]` into the sorted `order[lo..<start]`.
    private mutating func binarySort(_ lo: Int, _ hi: Int, _ startIn: Int) throws {
        var start = startIn == lo ? startIn + 1 : startIn
        while start < hi {
            let pivot = order[start]
            var l = lo, r = start
            repeat {
                let p = l + ((r - l) >> 1)
                if try lt(pivot, order[p]) { r = p } else { l = p + 1 }
            } while l < r
            var p = start
            while p > l { order[p] = order[p - 1]; p -= 1 }
            order[l] = pivot
            start += 1
        }
    }

    /// Powersort's merge policy (CPython 3.11's `found_new_run`).
    private mutating func foundNewRun(_ n2: Int, total: Int) throws {
        guard let last = pending.last else { return }
        let power = Self.powerloop(last.base, last.len, n2, total)
        while pending.count > 1 && pending[pending.count - 2].power > power {
            try mergeAt(pending.count - 2)
        }
        pending[pending.count - 1].power = power
    }

    private static func powerloop(_ s1: Int, _ n1: Int, _ n2: Int, _ n: Int) -> Int {
        var result = 0
        var a = 2 * s1 + n1, b = a + n1 + n2
        while true {
            result += 1
            if a >= n { a -= n; b -= n } else if b >= n { break }
            a <<= 1; b <<= 1
        }
        return result
    }

    private mutating func mergeAt(_ i: Int) throws {
        var baseA = pending[i].base, lenA = pending[i].len
        let baseB = pending[i + 1].base
        var lenB = pending[i + 1].len
        pending[i].len = lenA + lenB
        if i == pending.count - 3 { pending[i + 1] = pending[i + 2] }
        pending.removeLast()
        // Elements of A before B's first belong where they are.
        let k = try gallopRight(order[baseB], in: .work, baseA, lenA, hint: 0)
        baseA += k
        lenA -= k
        if lenA == 0 { return }
        // Elements of B after A's last belong where they are.
        lenB = try gallopLeft(order[baseA + lenA - 1], in: .work, baseB, lenB, hint: lenB - 1)
        if lenB <= 0 { return }
        if lenA <= lenB { try mergeLow(baseA, lenA, baseB, lenB) } else { try mergeHigh(baseA, lenA, baseB, lenB) }
    }

    private enum Store { case work, temp }
    private func at(_ s: Store, _ i: Int) -> Int { s == .work ? order[i] : tmp[i] }

    /// `gallop_left`: the position in `[base, base+n)` where `key` goes, left of equals.
    private func gallopLeft(_ key: Int, in s: Store, _ base: Int, _ n: Int, hint: Int) throws -> Int {
        var lastofs = 0, ofs = 1
        if try lt(at(s, base + hint), key) {
            let maxofs = n - hint
            while ofs < maxofs {
                if try lt(at(s, base + hint + ofs), key) { lastofs = ofs; ofs = (ofs << 1) + 1 } else { break }
            }
            if ofs > maxofs { ofs = maxofs }
            lastofs += hint; ofs += hint
        } else {
            let maxofs = hint + 1
            while ofs < maxofs {
                if try lt(at(s, base + hint - ofs), key) { break }
                lastofs = ofs; ofs = (ofs << 1) + 1
            }
            if ofs > maxofs { ofs = maxofs }
            let k = lastofs
            lastofs = hint - ofs
            ofs = hint - k
        }
        lastofs += 1
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1)
            if try lt(at(s, base + m), key) { lastofs = m + 1 } else { ofs = m }
        }
        return ofs
    }

    /// `gallop_right`: the position in `[base, base+n)` where `key` goes, right of equals.
    private func gallopRight(_ key: Int, in s: Store, _ base: Int, _ n: Int, hint: Int) throws -> Int {
        var lastofs = 0, ofs = 1
        if try lt(key, at(s, base + hint)) {
            let maxofs = hint + 1
            while ofs < maxofs {
                if try lt(key, at(s, base + hint - ofs)) { lastofs = ofs; ofs = (ofs << 1) + 1 } else { break }
            }
            if ofs > maxofs { ofs = maxofs }
            let k = lastofs
            lastofs = hint - ofs
            ofs = hint - k
        } else {
            let maxofs = n - hint
            while ofs < maxofs {
                if try lt(key, at(s, base + hint + ofs)) { break }
                lastofs = ofs; ofs = (ofs << 1) + 1
            }
            if ofs > maxofs { ofs = maxofs }
            lastofs += hint; ofs += hint
        }
        lastofs += 1
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1)
            if try lt(key, at(s, base + m)) { ofs = m } else { lastofs = m + 1 }
        }
        return ofs
    }

    /// `merge_lo`: A (the shorter, first) is copied out and merged from the left.
    private mutating func mergeLow(_ baseA: Int, _ lenA: Int, _ baseB: Int, _ lenB: Int) throws {
        tmp = Array(order[baseA..<(baseA + lenA)])
        var dest = baseA, a = 0, b = baseB, na = lenA, nb = lenB
        var failure: Error? = nil
        defer {
            // On success or failure the rest of A goes to the end (a permutation remains).
            if na > 0 { for t in 0..<na { order[dest + t] = tmp[a + t] } }
        }
        order[dest] = order[b]; dest += 1; b += 1; nb -= 1
        if nb == 0 { return }
        if na == 1 { copyBThenLastA(&dest, &b, nb, a); na = 0; return }
        var gallop = minGallop
        outer: while true {
            var acount = 0, bcount = 0
            while true {
                let bWins: Bool
                do { bWins = try lt(order[b], tmp[a]) } catch { failure = error; break outer }
                if bWins {
                    order[dest] = order[b]; dest += 1; b += 1
                    bcount += 1; acount = 0; nb -= 1
                    if nb == 0 { break outer }
                    if bcount >= gallop { break }
                } else {
                    order[dest] = tmp[a]; dest += 1; a += 1
                    acount += 1; bcount = 0; na -= 1
                    if na == 1 { copyBThenLastA(&dest, &b, nb, a); na = 0; break outer }
                    if acount >= gallop { break }
                }
            }
            gallop += 1
            repeat {
                gallop -= gallop > 1 ? 1 : 0
                minGallop = gallop
                var k: Int
                do { k = try gallopRight(order[b], in: .temp, a, na, hint: 0) } catch { failure = error; break outer }
                acount = k
                if k > 0 {
                    for t in 0..<k { order[dest + t] = tmp[a + t] }
                    dest += k; a += k; na -= k
                    if na == 1 { copyBThenLastA(&dest, &b, nb, a); na = 0; break outer }
                    if na == 0 { break outer }
                }
                order[dest] = order[b]; dest += 1; b += 1; nb -= 1
                if nb == 0 { break outer }
                do { k = try gallopLeft(tmp[a], in: .work, b, nb, hint: 0) } catch { failure = error; break outer }
                bcount = k
                if k > 0 {
                    for t in 0..<k { order[dest + t] = order[b + t] }
                    dest += k; b += k; nb -= k
                    if nb == 0 { break outer }
                }
                order[dest] = tmp[a]; dest += 1; a += 1; na -= 1
                if na == 1 { copyBThenLastA(&dest, &b, nb, a); na = 0; break outer }
            } while acount >= Self.minGallopStart || bcount >= Self.minGallopStart
            gallop += 1
            minGallop = gallop
        }
        if let failure { throw failure }
    }

    /// merge_lo's CopyB: the rest of B moves down, then A's last element goes after it.
    private mutating func copyBThenLastA(_ dest: inout Int, _ b: inout Int, _ nb: Int, _ a: Int) {
        for t in 0..<nb { order[dest + t] = order[b + t] }
        order[dest + nb] = tmp[a]
    }

    /// `merge_hi`: B (the shorter, second) is copied out and merged from the right.
    private mutating func mergeHigh(_ baseA: Int, _ lenA: Int, _ baseB: Int, _ lenB: Int) throws {
        tmp = Array(order[baseB..<(baseB + lenB)])
        var dest = baseB + lenB - 1, a = baseA + lenA - 1, b = lenB - 1, na = lenA, nb = lenB
        var failure: Error? = nil
        defer {
            if nb > 0 { for t in 0..<nb { order[dest - (nb - 1) + t] = tmp[t] } }
        }
        order[dest] = order[a]; dest -= 1; a -= 1; na -= 1
        if na == 0 { return }
        if nb == 1 { copyAThenFirstB(&dest, &a, na); nb = 0; return }
        var gallop = minGallop
        outer: while true {
            var acount = 0, bcount = 0
            while true {
                let aWins: Bool
                do { aWins = try lt(tmp[b], order[a]) } catch { failure = error; break outer }
                if aWins {
                    order[dest] = order[a]; dest -= 1; a -= 1
                    acount += 1; bcount = 0; na -= 1
                    if na == 0 { break outer }
                    if acount >= gallop { break }
                } else {
                    order[dest] = tmp[b]; dest -= 1; b -= 1
                    bcount += 1; acount = 0; nb -= 1
                    if nb == 1 { copyAThenFirstB(&dest, &a, na); nb = 0; break outer }
                    if bcount >= gallop { break }
                }
            }
            gallop += 1
            repeat {
                gallop -= gallop > 1 ? 1 : 0
                minGallop = gallop
                var k: Int
                do { k = try gallopRight(tmp[b], in: .work, baseA, na, hint: na - 1) } catch { failure = error; break outer }
                k = na - k
                acount = k
                if k > 0 {
                    dest -= k; a -= k
                    for t in stride(from: k, to: 0, by: -1) { order[dest + t] = order[a + t] }
                    na -= k
                    if na == 0 { break outer }
                }
                order[dest] = tmp[b]; dest -= 1; b -= 1; nb -= 1
                if nb == 1 { copyAThenFirstB(&dest, &a, na); nb = 0; break outer }
                do { k = try gallopLeft(order[a], in: .temp, 0, nb, hint: nb - 1) } catch { failure = error; break outer }
                k = nb - k
                bcount = k
                if k > 0 {
                    dest -= k; b -= k
                    for t in 1...k { order[dest + t] = tmp[b + t] }
                    nb -= k
                    if nb == 1 { copyAThenFirstB(&dest, &a, na); nb = 0; break outer }
                    if nb == 0 { break outer }
                }
                order[dest] = order[a]; dest -= 1; a -= 1; na -= 1
                if na == 0 { break outer }
            } while acount >= Self.minGallopStart || bcount >= Self.minGallopStart
            gallop += 1
            minGallop = gallop
        }
        if let failure { throw failure }
    }

    /// merge_hi's CopyA: the rest of A moves up, then B's first element goes before it.
    private mutating func copyAThenFirstB(_ dest: inout Int, _ a: inout Int, _ na: Int) {
        for t in stride(from: 0, through: 1 - na, by: -1) where na > 0 { order[dest + t] = order[a + t] }
        order[dest - na] = tmp[0]
    }
}
