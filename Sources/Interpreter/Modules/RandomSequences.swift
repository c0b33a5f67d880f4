#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `random.sample` (with `counts`), `random.randbytes`, and `randrange`/`randint` over ints
/// of any size, as CPython 3.11's random.py: the population is read through `len()` and
/// indexing (so `sample(range(10**9), 3)` builds no list), and wide ranges draw
/// `getrandbits(k)` until the value is below the width, as `_randbelow_with_getrandbits`.
extension Interpreter {
    /// `getrandbits(k)` for any k: 32-bit words, least significant first, the last one
    /// shifted down to the bits still wanted.
    func randomBits(_ k: Int) -> BigInt {
        if k <= 0 { return BigInt(0) }
        var words: [UInt32] = []
        var left = k
        while left > 0 {
            var r = randomState.next32()
            if left < 32 { r >>= UInt32(32 - left) }
            words.append(r)
            left -= 32
        }
        return BigInt(negative: false, limbs: words)
    }

    /// `_randbelow(n)` for an int of any size (n > 0).
    func randomBelow(_ n: BigInt) -> BigInt {
        let k = n.bitLength
        var r = randomBits(k)
        while BigInt.compare(r, n) >= 0 { r = randomBits(k) }
        return r
    }

    /// `randrange(start, stop, step)` when an argument or the width does not fit 62 bits.
    func bigRandrange(_ start: BigInt, _ stop: BigInt, _ step: BigInt) throws -> PyValue {
        let width = stop - start
        if BigInt.compare(step, BigInt(1)) == 0 {
            if BigInt.compare(width, BigInt(0)) <= 0 {
                throw PyError.valueError("empty range for randrange() (\(try repr(PyBigInt.make(start))), \(try repr(PyBigInt.make(stop))), \(try repr(PyBigInt.make(width))))")
            }
            return PyBigInt.make(start + randomBelow(width))
        }
        if step.isZero { throw PyError.valueError("zero step for randrange()") }
        let n = step.negative ? (width + step + BigInt(1)).floorDivMod(step).0 : (width + step - BigInt(1)).floorDivMod(step).0
        if BigInt.compare(n, BigInt(0)) <= 0 { throw PyError.valueError("empty range for randrange()") }
        return PyBigInt.make(start + step * randomBelow(n))
    }

    func addRandomSequences(_ m: PyModule) {
        m.addFunction("randbytes") { i, a in
            try a.check("randbytes", 1)
            let n = try i.intArgument(a[0])
            if n < 0 { throw PyError.valueError("number of bits must be non-negative") }
            let words = i.randomBits(n * 8).limbs
            var bytes: [UInt8] = []
            bytes.reserveCapacity(n)
            for k in 0..<n {
                let w = k / 4 < words.count ? words[k / 4] : 0
                bytes.append(UInt8(truncatingIfNeeded: w >> (8 * UInt32(k % 4))))
            }
            return i.makeBytes(bytes)
        }
        m.addFunction("sample") { i, a in
            let b = try a.bind(Signature("sample", ["population", "k"], keywordOnly: ["counts"], required: 2))
            let population = b[0]!
            if case .object(let o) = population, o is PySet || o is PyDict {
                throw PyError.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
            }
            let n = try i.length(population)
            if let counts = b[2], !counts.isNone {
                // Cumulative counts, a sample of range(total), each mapped back by bisection.
                var cumulative: [PyValue] = []
                var running = PyValue.int(0)
                for c in try i.iterate(counts) { running = try i.binaryOp(.add, running, c); cumulative.append(running) }
                if cumulative.count != n { throw PyError.valueError("The number of counts does not match the population") }
                let total = cumulative.removeLast()
                guard i.isIntegral(total) else { throw PyError.typeError("Counts must be integers") }
                if try i.truthy(try i.compare(.le, total, .int(0))) { throw PyError.valueError("Total of counts must be greater than zero") }
                let range = try i.call(i.builtins[Name("range")]!, [total])
                let selections = try i.sample(range, try i.intArgument(b[1]!))
                return .list(try selections.map { s in
                    var lo = 0, hi = cumulative.count
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if try i.truthy(try i.compare(.lt, s, cumulative[mid])) { hi = mid } else { lo = mid + 1 }
                    }
                    return try i.getItem(population, .int(lo))
                })
            }
            return .list(try i.sample(population, try i.intArgument(b[1]!)))
        }
    }

    /// random.py's `sample` without counts: a shrinking pool for small populations,
    /// redrawn indexes into the population for large ones.
    func sample(_ population: PyValue, _ k: Int) throws -> [PyValue] {
        let n = try length(population)
        if k < 0 || k > n { throw PyError.valueError("Sample larger than population or is negative") }
        var setsize = 21
        if k > 5 { setsize += Int(pow(4.0, ceil(log(Double(k * 3)) / log(4.0)))) }
        var result: [PyValue] = []
        if n <= setsize {
            var pool = try iterate(population)
            for j in 0..<k {
                let r = randomState.below(n - j)
                result.append(pool[r])
                pool[r] = pool[n - j - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var r = randomState.below(n)
                while selected.contains(r) { r = randomState.below(n) }
                selected.insert(r)
                result.append(try getItem(population, .int(r)))
            }
        }
        return result
    }
}
