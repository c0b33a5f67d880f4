import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    func buildRandom(_ m: PyModule) {
        m.addFunction("seed") { i, a in
            try a.check("seed", 0, 2)
            let v = a.count > 0 ? a[0] : .none
            switch v {
            case .none: i.randomState.seed(Int(Date().timeIntervalSince1970 * 1000))
            case .int(let n): i.randomState.seed(n)
            case .bool(let b): i.randomState.seed(b ? 1 : 0)
            case .float:
                // CPython seeds from the hash as an unsigned word (not its absolute value).
                let h = UInt64(bitPattern: Int64(try i.hashValue(v)))
                i.randomState.seed(key: h >> 32 == 0 ? [UInt32(h)] : [UInt32(truncatingIfNeeded: h), UInt32(h >> 32)])
            case .str(let s):
                // CPython's version 2 seeding: the bytes followed by their SHA-512, as an int.
                i.randomState.seed(key: seedKey(Array(s.utf8)))
            case .object(let o as PyBigInt): i.randomState.seed(key: o.value.magnitude.limbs.isEmpty ? [0] : o.value.magnitude.limbs)
            default:
                if let b = v.payload(ByteStorage.self) { i.randomState.seed(key: seedKey(b.bytes)); break }
                throw PyError.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
            }
            return .none
        }
        m.addFunction("random") { i, a in try a.check("random", 0); return .float(i.randomState.random()) }
        m.addFunction("getrandbits") { i, a in
            let k = try i.intArgument(a[0])
            if k < 0 { throw PyError.valueError("number of bits must be non-negative") }
            if k > 63 {
                var words: [UInt32] = []
                var left = k
                while left > 0 {
                    var r = i.randomState.next32()
                    if left < 32 { r >>= UInt32(32 - left) }
                    words.append(r)
                    left -= 32
                }
                return PyBigInt.make(BigInt(negative: false, limbs: words))
            }
            return .int(k == 0 ? 0 : Int(i.randomState.bits(k)))
        }
        m.addFunction("randrange") { i, a in
            try a.check("randrange", 1, 3)
            if let big = try i.wideRandrangeArguments(a.positional, inclusive: false) { return try i.bigRandrange(big.0, big.1, big.2) }
            let v = try a.positional.map { try i.intArgument($0) }
            return .int(try i.randrange(v.count == 1 ? 0 : v[0], v.count == 1 ? v[0] : v[1], v.count == 3 ? v[2] : 1))
        }
        m.addFunction("randint") { i, a in
            try a.check("randint", 2)
            if let big = try i.wideRandrangeArguments(a.positional, inclusive: true) { return try i.bigRandrange(big.0, big.1, big.2) }
            return .int(try i.randrange(try i.intArgument(a[0]), try i.intArgument(a[1]) + 1, 1))
        }
        m.addFunction("choice") { i, a in
            try a.check("choice", 1)
            let n = try i.length(a[0])
            if n == 0 { throw PyError.indexError("Cannot choose from an empty sequence") }
            return try i.getItem(a[0], .int(i.randomState.below(n)))
        }
        m.addFunction("shuffle") { i, a in
            try a.check("shuffle", 1)
            guard let l = a[0].asList else { throw PyError.typeError("shuffle needs a list") }
            var k = l.items.count - 1
            while k > 0 {
                let j = i.randomState.below(k + 1)
                l.items.swapAt(k, j)
                k -= 1
            }
            return .none
        }
        m.addFunction("uniform") { i, a in
            try a.check("uniform", 2)
            let x = try i.doubleArgument(a[0]), y = try i.doubleArgument(a[1])
            return .float(x + (y - x) * i.randomState.random())
        }
        m.addFunction("gauss") { i, a in
            let b = try a.bind(Signature("gauss", ["mu", "sigma"]))
            let mu = try b[0].map { try i.doubleArgument($0) } ?? 0, sigma = try b[1].map { try i.doubleArgument($0) } ?? 1
            var z: Double
            if let g = i.randomState.gaussNext {
                z = g
                i.randomState.gaussNext = nil
            } else {
                let x2pi = i.randomState.random() * 2 * Double.pi
                let g2rad = (-2.0 * log(1.0 - i.randomState.random())).squareRoot()
                z = cos(x2pi) * g2rad
                i.randomState.gaussNext = sin(x2pi) * g2rad
            }
            return .float(mu + z * sigma)
        }
        m.addFunction("normalvariate") { i, a in
            let b = try a.bind(Signature("normalvariate", ["mu", "sigma"]))
            let mu = try b[0].map { try i.doubleArgument($0) } ?? 0, sigma = try b[1].map { try i.doubleArgument($0) } ?? 1
            let magic = 4 * exp(-0.5) / 2.0.squareRoot()
            while true {
                let u1 = i.randomState.random()
                let u2 = 1.0 - i.randomState.random()
                let z = magic * (u1 - 0.5) / u2
                if z * z / 4.0 <= -log(u2) { return .float(mu + z * sigma) }
            }
        }
        addRandomSequences(m)
        addRandomDistributions(m)
    }

    /// (start, stop, step) as big ints when one of them, or the width, needs more than 62
    /// bits; nil when the 64-bit path takes them.
    func wideRandrangeArguments(_ v: [PyValue], inclusive: Bool) throws -> (BigInt, BigInt, BigInt)? {
        guard v.allSatisfy(isIntegral) else { return nil }
        let big = v.map { bigOperand($0)! }
        let start = v.count == 1 ? BigInt(0) : big[0]
        var stop = v.count == 1 ? big[0] : big[1]
        let step = v.count == 3 ? big[2] : BigInt(1)
        if inclusive { stop = stop + BigInt(1) }
        let limit = 62
        if start.bitLength <= limit && stop.bitLength <= limit && step.bitLength <= limit && (stop - start).bitLength <= limit { return nil }
        return (start, stop, step)
    }

    func randrange(_ start: Int, _ stop: Int, _ step: Int) throws -> Int {
        if step == 1 {
            let width = stop - start
            if width <= 0 { throw PyError.valueError("empty range for randrange() (\(start), \(stop), \(width))") }
            return start + randomState.below(width)
        }
        if step == 0 { throw PyError.valueError("zero step for randrange()") }
        let n = step > 0 ? (stop - start + step - 1) / step : (stop - start + step + 1) / step
        if n <= 0 { throw PyError.valueError("empty range for randrange()") }
        return start + step * randomState.below(n)
    }
}

/// The MT key CPython 3.11 seeds from str/bytes: `int.from_bytes(a + sha512(a).digest())`
/// (big-endian), as little-endian 32-bit words.
private func seedKey(_ bytes: [UInt8]) -> [UInt32] {
    let all = bytes + sha512(bytes)
    var words: [UInt32] = []
    var k = all.count
    while k > 0 {
        var w: UInt32 = 0
        for j in 0..<4 where k - 1 - j >= 0 { w |= UInt32(all[k - 1 - j]) << (8 * UInt32(j)) }
        words.append(w)
        k -= 4
    }
    while words.count > 1 && words.last == 0 { words.removeLast() }
    return words
}
