/// NumPy's `Generator` (numpy/random/_generator.pyx) over any bit generator, PCG64 for
/// `np.random.default_rng(seed)`: the ziggurat normal and exponential, Lemire's bounded
/// integers, Floyd's sampling for `choice` without replacement.
public final class RandomGenerator {
    public let bits: BitGenerator

    public init(bits: BitGenerator) {
        self.bits = bits
    }

    /// `default_rng(seed)`: PCG64 seeded through a `SeedSequence` of the seed's words.
    public convenience init(seedWords: [UInt32]) {
        self.init(bits: PCG64(seedSequence: SeedSequence(entropyWords: seedWords)))
    }

    public func random(_ count: Int) -> [Double] {
        (0..<count).map { _ in bits.nextDouble() }
    }

    public func randomFloat(_ count: Int) -> [Float] {
        (0..<count).map { _ in bits.nextFloat() }
    }

    public func standardNormal(_ count: Int) -> [Double] {
        (0..<count).map { _ in bits.standardNormalZiggurat() }
    }

    public func standardNormalFloat(_ count: Int) -> [Float] {
        (0..<count).map { _ in bits.standardNormalZigguratFloat() }
    }

    public func normal(loc: Double, scale: Double, count: Int) -> [Double] {
        (0..<count).map { _ in loc + scale * bits.standardNormalZiggurat() }
    }

    public func uniform(low: Double, range: Double, count: Int) -> [Double] {
        (0..<count).map { _ in low + range * bits.nextDouble() }
    }

    public func exponential(scale: Double, count: Int) -> [Double] {
        (0..<count).map { _ in scale * bits.standardExponentialZiggurat() }
    }

    public func gamma(shape: Double, scale: Double, count: Int) -> [Double] {
        (0..<count).map { _ in scale * bits.standardGamma(shape) }
    }

    public func beta(_ a: Double, _ b: Double, count: Int) -> [Double] {
        (0..<count).map { _ in bits.beta(a, b) }
    }

    public func poisson(_ lam: Double, count: Int) -> [Int64] {
        (0..<count).map { _ in bits.poisson(lam) }
    }

    public func binomial(_ n: Int64, _ p: Double, count: Int) -> [Int64] {
        (0..<count).map { _ in bits.binomial(n, p) }
    }

    /// `integers`' draws: Lemire's method at the dtype's width.
    public func boundedIntegers(offset: UInt64, range: UInt64, count: Int, width: BoundedIntegers.Width) -> [UInt64] {
        BoundedIntegers.fill(bits, offset: offset, range: range, count: count, width: width, masked: false)
    }

    /// The Fisher–Yates swaps of `shuffle` (random_interval, as `RandomState`).
    public func shuffleSwaps(count: Int, _ swap: (Int, Int) -> Void) {
        var i = count - 1
        while i >= 1 {
            let j = Int(bits.randomInterval(UInt64(i)))
            swap(i, j)
            i -= 1
        }
    }

    public func permutation(_ count: Int) -> [Int64] {
        var values = (0..<Int64(count)).map { $0 }
        shuffleSwaps(count: count) { i, j in values.swapAt(i, j) }
        return values
    }

    /// `_shuffle_int`: swaps for i from n-1 down to `first` with Lemire draws in [0, i].
    private func shuffleInt(_ data: inout [Int64], count: Int, first: Int) {
        var i = count - 1
        while i >= first {
            var buffer = BoundedIntegers.WordBuffer(bits: bits)
            let j = Int(BoundedIntegers.draw64(&buffer, range: UInt64(i), masked: false))
            data.swapAt(i, j)
            i -= 1
        }
    }

    /// `choice`'s indices, as `Generator.choice` picks them (tail shuffle or Floyd's
    /// algorithm without replacement; `shuffle` orders Floyd's result).
    public func choiceIndices(population: Int, count: Int, replace: Bool, p: [Double]?, shuffle: Bool = true) -> [Int64] {
        if replace {
            if let p {
                return Choice.searchCDF(p, uniforms: random(count))
            }
            return boundedIntegers(offset: 0, range: UInt64(population - 1), count: count, width: .bits64)
                .map { Int64(bitPattern: $0) }
        }
        if let p {
            return Choice.withoutReplacement(p, count: count) { random($0) }
        }
        let cutoff = shuffle ? 50 : 20
        if population > 10000 && count > population / cutoff {
            var idx = (0..<Int64(population)).map { $0 }
            shuffleInt(&idx, count: population, first: max(population - count, 1))
            return Array(idx[(population - count)...])
        }
        var idx = [Int64](repeating: 0, count: count)
        if count == 0 { return idx }
        let mask = BoundedIntegers.mask(UInt64(1.2 * Double(count)))
        let setSize = Int(mask + 1)
        let empty = UInt64.max
        var hashSet = [UInt64](repeating: empty, count: setSize)
        for j in (population - count)..<population {
            var buffer = BoundedIntegers.WordBuffer(bits: bits)
            let val = BoundedIntegers.draw64(&buffer, range: UInt64(j), masked: false)
            var loc = Int(val & mask)
            while hashSet[loc] != empty && hashSet[loc] != val { loc = (loc + 1) & Int(mask) }
            if hashSet[loc] == empty {
                hashSet[loc] = val
                idx[j - population + count] = Int64(val)
            } else {
                loc = j & Int(mask)
                while hashSet[loc] != empty { loc = (loc + 1) & Int(mask) }
                hashSet[loc] = UInt64(j)
                idx[j - population + count] = Int64(j)
            }
        }
        if shuffle { shuffleInt(&idx, count: count, first: 1) }
        return idx
    }
}
