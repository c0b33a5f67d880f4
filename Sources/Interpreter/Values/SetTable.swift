/// CPython 3.11's set hash table (Objects/setobject.c), kept beside a set's membership
/// dictionary only to know its iteration order: slots that are empty, dummy (an element was
/// removed there) or active, with `fill` (active + dummy), `used` (active), `mask` and the
/// `finger` where `pop()` starts looking. Every operation changes the slots exactly as
/// setobject.c does, so iterating the slots in order gives CPython's order, also after
/// removals, `pop()`, resizes and merges.
///
/// Callers guarantee membership (they ask the set's dictionary first): `addAbsent` is only
/// called for a key the set lacks and `discardPresent` for one it holds, which spares the
/// table most equality tests.
struct SetTable {
    /// Each slot's hash: meaningful only where `keys` holds a key; -1 marks a dummy.
    private(set) var hashes: [Int]
    private(set) var keys: [PyValue?]
    private(set) var fill = 0
    private(set) var used = 0
    private(set) var mask = 7
    var finger = 0

    /// `LINEAR_PROBES`: slots looked at after the probed one before perturbing.
    private static let linearProbes = 9
    private static let dummyHash = -1

    init() {
        hashes = [Int](repeating: 0, count: 8)
        keys = [PyValue?](repeating: nil, count: 8)
    }

    private func isEmpty(_ i: Int) -> Bool { keys[i] == nil && hashes[i] != SetTable.dummyHash }
    private func isDummy(_ i: Int) -> Bool { keys[i] == nil && hashes[i] == SetTable.dummyHash }

    /// The active keys in slot order: the set's iteration order.
    var orderedKeys: [PyValue] {
        var out: [PyValue] = []
        out.reserveCapacity(used)
        for k in keys { if let k { out.append(k) } }
        return out
    }

    /// The active entries in slot order, with their hashes (what `set_next` walks).
    var entries: [(key: PyValue, hash: Int)] {
        var out: [(key: PyValue, hash: Int)] = []
        out.reserveCapacity(used)
        for i in keys.indices { if let k = keys[i] { out.append((k, hashes[i])) } }
        return out
    }

    /// `set_add_entry` for a key known to be absent: probes to the first empty slot and
    /// takes the last dummy passed on the way if any, else that empty slot (then resizes
    /// when the table is three-fifths full).
    mutating func addAbsent(_ key: PyValue, hash: Int) {
        let m = UInt(mask)
        var i = UInt(bitPattern: hash) & m
        var perturb = UInt(bitPattern: hash)
        var freeslot = -1
        while true {
            var j = Int(i)
            var probes = Int(i) + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
            while true {
                if keys[j] == nil {
                    if hashes[j] != SetTable.dummyHash {
                        if freeslot >= 0 {
                            used += 1
                            keys[freeslot] = key; hashes[freeslot] = hash
                            return
                        }
                        fill += 1; used += 1
                        keys[j] = key; hashes[j] = hash
                        if fill * 5 >= mask * 3 { resize(used > 50000 ? used * 2 : used * 4) }
                        return
                    }
                    freeslot = j
                }
                if probes == 0 { break }
                probes -= 1
                j += 1
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ perturb) & m
        }
    }

    /// The slot holding a key equal to `key` (`set_lookkey`), nil when absent.
    func slot(of key: PyValue, hash: Int) -> Int? {
        let m = UInt(mask)
        var i = UInt(bitPattern: hash) & m
        var perturb = UInt(bitPattern: hash)
        while true {
            var j = Int(i)
            var probes = Int(i) + SetTable.linearProbes <= mask ? SetTable.linearProbes : 0
            while true {
                if let k = keys[j] {
                    if hashes[j] == hash && sameSetKey(k, key) { return j }
                } else if hashes[j] != SetTable.dummyHash {
                    return nil
                }
                if probes == 0 { break }
                probes -= 1
                j += 1
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ perturb) & m
        }
    }

    /// `set_discard_entry`: the slot becomes a dummy (no resize).
    @discardableResult
    mutating func discard(_ key: PyValue, hash: Int) -> Bool {
        guard let j = slot(of: key, hash: hash) else { return false }
        keys[j] = nil; hashes[j] = SetTable.dummyHash
        used -= 1
        return true
    }

    /// `set_pop`: the first active slot from the finger on (wrapping), which becomes a
    /// dummy; the finger moves past it.
    mutating func pop() -> PyValue? {
        guard used > 0 else { return nil }
        var j = finger & mask
        while keys[j] == nil { j = j == mask ? 0 : j + 1 }
        let k = keys[j]!
        keys[j] = nil; hashes[j] = SetTable.dummyHash
        used -= 1
        finger = j + 1
        return k
    }

    /// `set_table_resize`: the smallest power of two above `minused` (at least 8), the
    /// active entries reinserted in slot order, dummies dropped.
    mutating func resize(_ minused: Int) {
        var size = 8
        while size <= minused { size <<= 1 }
        if size == 8 && mask == 7 && fill == used { return }
        let oldKeys = keys, oldHashes = hashes
        keys = [PyValue?](repeating: nil, count: size)
        hashes = [Int](repeating: 0, count: size)
        mask = size - 1
        fill = used
        for i in oldKeys.indices { if let k = oldKeys[i] { insertClean(k, hash: oldHashes[i]) } }
    }

    /// `set_insert_clean`: the first empty slot of the probe sequence (no dummies exist).
    private mutating func insertClean(_ key: PyValue, hash: Int) {
        let m = UInt(mask)
        var i = UInt(bitPattern: hash) & m
        var perturb = UInt(bitPattern: hash)
        while true {
            let s = Int(i)
            if keys[s] == nil { keys[s] = key; hashes[s] = hash; return }
            if s + SetTable.linearProbes <= mask {
                for j in (s + 1)...(s + SetTable.linearProbes) where keys[j] == nil {
                    keys[j] = key; hashes[j] = hash; return
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ perturb) & m
        }
    }

    /// `set_merge` of `other`'s table into this one; `isNew` says whether a key of `other`
    /// is absent here (and records it in the caller's dictionary).
    mutating func merge(_ other: SetTable, isNew: (PyValue) throws -> Bool) rethrows {
        if other.used == 0 { return }
        if (fill + other.used) * 5 >= mask * 3 { resize((used + other.used) * 2) }
        if fill == 0 && mask == other.mask && other.fill == other.used {
            for i in other.keys.indices where other.keys[i] != nil { _ = try isNew(other.keys[i]!) }
            keys = other.keys; hashes = other.hashes
            fill = other.fill; used = other.used
            return
        }
        if fill == 0 {
            fill = other.used; used = other.used
            for i in other.keys.indices {
                if let k = other.keys[i] { _ = try isNew(k); insertClean(k, hash: other.hashes[i]) }
            }
            return
        }
        for i in other.keys.indices {
            if let k = other.keys[i], try isNew(k) { addAbsent(k, hash: other.hashes[i]) }
        }
    }

    /// After `difference_update`: resize dummies away when they are over a quarter.
    mutating func purgeDummiesIfMany() {
        if fill - used > mask / 4 { resize(used > 50000 ? used * 2 : used * 4) }
    }

    /// `set_clear_internal`: a fresh small table; the finger stays.
    mutating func clear() {
        let f = finger
        self = SetTable()
        finger = f
    }
}

/// Equality of two keys whose hashes are deterministic (numbers, tuples of numbers), as the
/// set's dictionary compares them (`1 == 1.0 == True`).
func sameSetKey(_ a: PyValue, _ b: PyValue) -> Bool {
    if case .int(let x) = a, case .int(let y) = b { return x == y }
    guard let ka = try? DictKey(a), let kb = try? DictKey(b) else { return false }
    return ka == kb
}
