/// `hash()` as CPython computes it for numbers and tuples, so that values (and the set
/// orders that follow from them) match: integers modulo the Mersenne prime 2**61 - 1,
/// floats equal to integers hash as those integers, -1 becomes -2. Strings keep Swift's
/// per-process randomised hash, as CPython randomises them too.
enum PyHash {
    static let modulus: UInt64 = (1 << 61) - 1
    static let infinity = 314159

    static func of(_ i: Int) -> Int {
        let m = Int(UInt64(i.magnitude) % modulus)
        let h = i < 0 ? -m : m
        return h == -1 ? -2 : h
    }

    /// CPython's `_Py_HashDouble`: the float's exact rational value modulo 2**61 - 1.
    static func of(_ d: Double) -> Int {
        if d.isNaN { return 0 }  // CPython hashes NaN by identity; any constant is as good here.
        if d.isInfinite { return d > 0 ? infinity : -infinity }
        // Swift's frexp gives the magnitude's mantissa: the sign is taken apart.
        let sign = d < 0 ? -1 : 1
        var (m, e) = frexp(abs(d))
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & modulus) | (x >> (61 - 28))
            m *= 268435456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        let shift = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
        x = ((x << UInt64(shift)) & modulus) | (x >> UInt64(61 - shift))
        var h = Int(x) * sign
        if h == -1 { h = -2 }
        return h
    }

    /// CPython 3.11's tuple hash (xxHash's mixing of the item hashes).
    static func ofTuple(_ hashes: [Int]) -> Int {
        let p1: UInt64 = 11400714785074694791, p2: UInt64 = 14029467366897019727, p5: UInt64 = 2870177450012600261
        var acc = p5
        for h in hashes {
            acc = acc &+ UInt64(bitPattern: Int64(h)) &* p2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* p1
        }
        acc = acc &+ (UInt64(hashes.count) ^ (p5 ^ 3527539))
        if acc == UInt64.max { return 1546275796 }
        return Int(Int64(bitPattern: acc))
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    /// `hash(v)`.
    func hashValue(_ v: PyValue) throws -> Int {
        switch v {
        case .int(let i): return PyHash.of(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return PyHash.of(d)
        case .object(let o):
            if let t = o as? PyTuple { return PyHash.ofTuple(try t.items.map { try hashValue($0) }) }
            if let b = o as? PyBigInt { return b.value.pythonHash }
            if let inst = o as? PyInstance, inst.cls.lookup(N.__hash__) != nil { return try userHash(v) }
            if o is PyInstance { return ObjectIdentifier(o).hashValue >> 4 }
            if let s = o as? PySet, s.frozen { return try frozensetHash(s) }
            return try DictKey(v).hashValue
        default:
            return try DictKey(v).hashValue
        }
    }

    /// CPython 3.11's `frozenset_hash`: the shuffled bits of the element hashes xored
    /// together (independent of order), mixed with the size.
    func frozensetHash(_ s: PySet) throws -> Int {
        func shuffle(_ h: UInt64) -> UInt64 { ((h ^ 89869747) ^ (h << 16)) &* 3644798167 }
        var h: UInt64 = 0
        for e in s.storage.items { h ^= shuffle(UInt64(bitPattern: Int64(try hashValue(e.key)))) }
        h ^= UInt64(s.storage.count + 1) &* 1927868237
        h ^= (h >> 11) ^ (h >> 25)
        h = h &* 69069 &+ 907133923
        if h == UInt64.max { h = 590923713 }
        return Int(Int64(bitPattern: h))
    }

    /// The result of the class's `__hash__`, as CPython folds it into a hash.
    func userHash(_ v: PyValue) throws -> Int {
        guard let h = typeOf(v).lookup(N.__hash__) else { return ObjectIdentifier(v.asObject!).hashValue >> 4 }
        if h.isNone { throw PyError.typeError("unhashable type: '\(typeName(v))'") }
        let r = try callAttribute(h, receiver: v, Arguments())
        switch r {
        case .int(let i): return i == -1 ? -2 : i
        case .bool(let b): return b ? 1 : 0
        default:
            if isInstance(r, types.int) { return try hashValue(r) }
            throw PyError.typeError("__hash__ method should return an integer")
        }
    }
}
