/// The set operators built as CPython 3.11 builds them, so that the result's table (and
/// so its iteration order, see `cpythonSetOrder`) is CPython's: `a | b` copies `a`'s table
/// and adds `b`'s elements; `a & b` walks the smaller set adding what the other holds;
/// `a - b` walks `a`; `a ^ b` copies `b`'s table, removes what `a` shares and adds the
/// rest of `a`. (Removed slots are not simulated: CPython leaves a dummy there.)
extension PySet {
    convenience init(_ items: [PyValue], mergedPrefix: Int, frozen: Bool) throws {
        try self.init(items, frozen: frozen)
        merged = mergedPrefix
    }

    /// A copy of `source`'s table (CPython's `set_merge` into an empty set), followed by
    /// `more` items added one by one, or merged from a set of `mergedCount` elements.
    convenience init(copying source: PySet, more: [PyValue] = [], mergedCount: Int? = nil, frozen: Bool) throws {
        let base = source.items
        try self.init(base + more, frozen: frozen)
        merged = base.count
        baseSlots = source.slotPositions()
        if let n = mergedCount { mergeAt = (base.count, n) }
    }

    /// The table slot of each element, in iteration order (nil when not simulated).
    func slotPositions() -> [Int]? {
        guard let table = cpythonSetTable(storage.keys, merged: merged, baseSlots: baseSlots, mergeAt: mergeAt,
                                          dummySlots: dummySlots),
              table.count == 8 else { return nil }
        return table.indices.filter { table[$0] >= 0 }
    }

    static func cpythonOperation(_ op: BinaryOp, _ a: PySet, _ b: PySet) throws -> PySet? {
        switch op {
        case .or:
            let right = try b.items.filter { !(try a.contains($0)) }
            return try PySet(copying: a, more: right, mergedCount: b.count, frozen: a.frozen)
        case .and:
            let (walk, probe) = b.count > a.count ? (a, b) : (b, a)
            return try PySet(try walk.items.filter { try probe.contains($0) }, frozen: a.frozen)
        case .sub:
            return try PySet(try a.items.filter { !(try b.contains($0)) }, frozen: a.frozen)
        case .xor:
            let shared = try b.items.contains { try a.contains($0) }
            let added = try a.items.filter { !(try b.contains($0)) }
            if !shared { return try PySet(copying: b, more: added, frozen: a.frozen) }
            let bItems = b.items
            if let positions = b.slotPositions() {
                var kept: [PyValue] = [], keptSlots: [Int] = [], dummies: [Int] = []
                for (k, x) in bItems.enumerated() {
                    if try a.contains(x) { dummies.append(positions[k]) } else { kept.append(x); keptSlots.append(positions[k]) }
                }
                let r = try PySet(kept + added, mergedPrefix: kept.count, frozen: a.frozen)
                r.baseSlots = keptSlots
                r.dummySlots = dummies
                return r
            }
            let kept = try bItems.filter { !(try a.contains($0)) }
            return try PySet(kept + added, mergedPrefix: kept.count, frozen: a.frozen)
        default:
            return nil
        }
    }
}
