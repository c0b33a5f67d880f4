/// The set algorithms of CPython 3.11's setobject.c, step by step, so that each result's
/// table (and so its iteration order, see `SetTable`) is CPython's: `set_merge` (copying
/// the table when the target is empty and the same size), `set_intersection` (walking the
/// smaller set), `set_difference` (copy-then-discard when the left set is over four times
/// larger), `set_symmetric_difference` (a copy of the right operand updated with the left).
extension PySet {
    /// `make_new_set` of nothing, a set or frozenset of the same kind as `self`.
    func emptyLike() throws -> PySet { try PySet(frozen: frozen) }

    /// `set_merge`: adds `other`'s elements in its slot order.
    func merge(_ other: PySet) throws {
        if other === self || other.count == 0 { return }
        if table != nil, let o = other.table {
            try table!.merge(o) { k in
                let before = storage.count
                try storage.set(k, .none)
                return storage.count != before
            }
            return
        }
        for x in other.items { try add(x) }
    }

    /// `set_update_internal`: a set merges, a dict resizes once then adds its keys, any
    /// other iterable adds its items one by one.
    func update(with other: PyValue, _ interp: Interpreter) throws {
        if let s = other.asObject as? PySet { try merge(s); return }
        if let d = other.asObject as? PyDict {
            if table != nil, (table!.fill + d.count) * 5 >= table!.mask * 3 { table!.resize((table!.used + d.count) * 2) }
            for k in d.keys { try add(k) }
            return
        }
        for x in try interp.iterate(other) { try add(x) }
    }

    /// `set_copy`: a new set merging this one (a frozenset's copy is itself).
    func copied(frozen: Bool? = nil) throws -> PySet {
        let r = try PySet(frozen: frozen ?? self.frozen)
        try r.merge(self)
        return r
    }

    /// `set_or` / `set_union`.
    func union(_ others: [PyValue], _ interp: Interpreter) throws -> PySet {
        let r = try copied()
        for o in others where o.asObject !== self { try r.update(with: o, interp) }
        return r
    }

    /// `set_intersection`: walks the smaller of two sets (the argument when sizes tie),
    /// or the iterable, adding what the other holds.
    func intersection(_ other: PyValue, _ interp: Interpreter) throws -> PySet {
        if other.asObject === self { return try copied() }
        let r = try emptyLike()
        if let o = other.asObject as? PySet {
            let (walk, probe) = o.count > count ? (self, o) : (o, self)
            for x in walk.items where try probe.contains(x) { try r.add(x) }
            return r
        }
        for x in try interp.iterate(other) where try contains(x) { try r.add(x) }
        return r
    }

    /// `set_difference`.
    func difference(_ other: PyValue, _ interp: Interpreter) throws -> PySet {
        let otherSize: Int
        if let o = other.asObject as? PySet { otherSize = o.count }
        else if let d = other.asObject as? PyDict { otherSize = d.count }
        else { otherSize = -1 }
        if otherSize < 0 || (count >> 2) > otherSize {
            let r = try copied()
            try r.differenceUpdate(other, interp)
            return r
        }
        let r = try emptyLike()
        if let o = other.asObject as? PySet {
            for x in items where !(try o.contains(x)) { try r.add(x) }
        } else if let d = other.asObject as? PyDict {
            for x in items where try d.get(x) == nil { try r.add(x) }
        }
        return r
    }

    /// `set_difference_update_internal`: discards, then resizes when over a quarter of the
    /// table is dummies.
    func differenceUpdate(_ other: PyValue, _ interp: Interpreter) throws {
        if other.asObject === self { clear(); return }
        if let o = other.asObject as? PySet {
            for x in o.items { try discard(x) }
        } else {
            for x in try interp.iterate(other) { try discard(x) }
        }
        table?.purgeDummiesIfMany()
    }

    /// `set_symmetric_difference_update`: walks the other set (a set built from an
    /// iterable), discarding what is here and adding what is not.
    func symmetricDifferenceUpdate(_ other: PyValue, _ interp: Interpreter) throws {
        if other.asObject === self { clear(); return }
        let o: PySet
        if let s = other.asObject as? PySet { o = s } else {
            o = try emptyLike()
            try o.update(with: other, interp)
        }
        for x in o.items where !(try discard(x)) { try add(x) }
    }

    /// `set_symmetric_difference`: a new set from `other`, updated with this one.
    func symmetricDifference(_ other: PyValue, _ interp: Interpreter) throws -> PySet {
        let r = try emptyLike()
        try r.update(with: other, interp)
        try r.symmetricDifferenceUpdate(.object(self), interp)
        return r
    }

    /// `set_intersection_update`: the intersection swapped into this set.
    func intersectionUpdate(_ others: [PyValue], _ interp: Interpreter) throws {
        var r: PySet = self
        if others.isEmpty { r = try copied() }
        for o in others { r = try r.intersection(o, interp) }
        if r !== self { takeBody(of: r) }
    }

    /// The binary operators between two sets.
    static func cpythonOperation(_ op: BinaryOp, _ a: PySet, _ b: PySet, _ interp: Interpreter) throws -> PySet? {
        switch op {
        case .or: return try a.union([.object(b)], interp)
        case .and: return try a.intersection(.object(b), interp)
        case .sub: return try a.difference(.object(b), interp)
        case .xor: return try a.symmetricDifference(.object(b), interp)
        default: return nil
        }
    }

    /// The augmented operators `|=`, `&=`, `-=`, `^=` with a set: in place, as CPython.
    func inplace(_ op: BinaryOp, _ b: PySet, _ interp: Interpreter) throws -> Bool {
        switch op {
        case .or: try merge(b)
        case .and: try intersectionUpdate([.object(b)], interp)
        case .sub: try differenceUpdate(.object(b), interp)
        case .xor: try symmetricDifferenceUpdate(.object(b), interp)
        default: return false
        }
        return true
    }
}
