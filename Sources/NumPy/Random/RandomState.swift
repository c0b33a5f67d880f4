#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// NumPy's legacy `RandomState` (numpy/random/mtrand.pyx + src/legacy): MT19937 with the
/// distributions frozen at NumPy 1.16 — the polar-method gauss that keeps its second value,
/// inversion exponentials, masked-rejection `randint`. `np.random.seed` and the module-level
/// functions run on one of these.
public final class RandomState {
    public private(set) var bits: MT19937
    /// The second normal of the last polar pair, handed out by the next gauss.
    public private(set) var savedGauss: Double?

    public init(seed: UInt32) {
        bits = MT19937(seed: seed)
    }

    public init(seedArray: [UInt32]) {
        bits = MT19937(seedArray: seedArray)
    }

    /// `RandomState(MT19937(...))`: the legacy distributions on an existing bit generator.
    public init(bits: MT19937) {
        self.bits = bits
    }

    /// `seed(int)`: reseeds and forgets the saved gauss.
    public func seed(_ seed: UInt32) {
        bits.seedInteger(seed)
        savedGauss = nil
    }

    /// `set_state`: the Mersenne Twister's words and position, and the saved gauss.
    public func setState(key: [UInt32], position: Int, savedGauss: Double?) {
        bits.key = key
        bits.position = position
        self.savedGauss = savedGauss
    }

    public func seed(array: [UInt32]) {
        bits.seedArrayWords(array)
        savedGauss = nil
    }

    // MARK: Continuous

    /// `legacy_gauss`: Marsaglia's polar method; each pair gives two normals.
    public func gauss() -> Double {
        if let saved = savedGauss {
            savedGauss = nil
            return saved
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * bits.nextDouble() - 1.0
            x2 = 2.0 * bits.nextDouble() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        savedGauss = f * x1
        return f * x2
    }

    public func randomSample(_ count: Int) -> [Double] {
        (0..<count).map { _ in bits.nextDouble() }
    }

    public func standardNormal(_ count: Int) -> [Double] {
        (0..<count).map { _ in gauss() }
    }

    public func normal(loc: Double, scale: Double, count: Int) -> [Double] {
        (0..<count).map { _ in loc + scale * gauss() }
    }

    /// `low + (high - low) * U`, the range computed once as NumPy does.
    public func uniform(low: Double, range: Double, count: Int) -> [Double] {
        (0..<count).map { _ in low + range * bits.nextDouble() }
    }

    /// `legacy_standard_exponential`: -log(1 - U).
    public func standardExponential() -> Double {
        -log(1.0 - bits.nextDouble())
    }

    public func exponential(scale: Double, count: Int) -> [Double] {
        (0..<count).map { _ in scale * standardExponential() }
    }

    /// `legacy_standard_gamma`: as `Generator`'s, on inversion exponentials and the polar gauss.
    public func standardGamma(_ shape: Double) -> Double {
        if shape == 1.0 { return standardExponential() }
        if shape == 0.0 { return 0.0 }
        if shape < 1.0 {
            while true {
                let u = bits.nextDouble()
                let v = standardExponential()
                if u <= 1.0 - shape {
                    let x = pow(u, 1.0 / shape)
                    if x <= v { return x }
                } else {
                    let y = -log((1 - u) / shape)
                    let x = pow(1.0 - shape + shape * y, 1.0 / shape)
                    if x <= v + y { return x }
                }
            }
        }
        let b = shape - 1.0 / 3.0
        let c = 1.0 / (9 * b).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = gauss()
                v = 1.0 + c * x
            } while v <= 0.0
            v = v * v * v
            let u = bits.nextDouble()
            if u < 1.0 - 0.0331 * (x * x) * (x * x) { return b * v }
            if log(u) < 0.5 * x * x + b * (1.0 - v + log(v)) { return b * v }
        }
    }

    public func gamma(shape: Double, scale: Double, count: Int) -> [Double] {
        (0..<count).map { _ in scale * standardGamma(shape) }
    }

    /// `legacy_beta`.
    public func beta(_ a: Double, _ b: Double) -> Double {
        if a <= 1.0 && b <= 1.0 {
            while true {
                let u = bits.nextDouble(), v = bits.nextDouble()
                let x = pow(u, 1.0 / a), y = pow(v, 1.0 / b)
                if x + y <= 1.0 {
                    if x + y > 0 { return x / (x + y) }
                    var logX = log(u) / a, logY = log(v) / b
                    let logM = logX > logY ? logX : logY
                    logX -= logM
                    logY -= logM
                    return exp(logX - log(exp(logX) + exp(logY)))
                }
            }
        }
        let ga = standardGamma(a), gb = standardGamma(b)
        return ga / (ga + gb)
    }

    // MARK: Discrete

    public func poisson(_ lam: Double) -> Int64 { bits.poisson(lam) }

    /// `legacy_random_binomial`: no shortcut for n == 0 or p == 0 (one draw is still made).
    public func binomial(_ n: Int64, _ p: Double) -> Int64 { bits.binomialNoShortcut(n, p) }

    public func multinomial(_ n: Int64, _ p: [Double]) -> [Int64] { bits.multinomial(n, p) }

    /// `randint`'s draws: masked rejection at the dtype's width.
    public func boundedIntegers(offset: UInt64, range: UInt64, count: Int, width: BoundedIntegers.Width) -> [UInt64] {
        BoundedIntegers.fill(bits, offset: offset, range: range, count: count, width: width, masked: true)
    }

    // MARK: Permutations

    /// The Fisher–Yates swaps of `shuffle` on `count` items: (i, j) for i from count-1 down to 1.
    public func shuffleSwaps(count: Int, _ swap: (Int, Int) -> Void) {
        var i = count - 1
        while i >= 1 {
            let j = Int(bits.randomInterval(UInt64(i)))
            swap(i, j)
            i -= 1
        }
    }

    /// `permutation(n)`: a shuffled `arange(n)`.
    public func permutation(_ count: Int) -> [Int64] {
        var values = (0..<Int64(count)).map { $0 }
        shuffleSwaps(count: count) { i, j in values.swapAt(i, j) }
        return values
    }

    /// `choice`'s indices into a population of `population` (before NumPy indexes `a` with them).
    /// With `p`, the probabilities have been validated by the caller.
    public func choiceIndices(population: Int, count: Int, replace: Bool, p: [Double]?) -> [Int64] {
        if replace {
            if let p {
                return Choice.searchCDF(p, uniforms: randomSample(count))
            }
            return boundedIntegers(offset: 0, range: UInt64(population - 1), count: count, width: .bits64)
                .map { Int64(bitPattern: $0) }
        }
        if let p {
            return Choice.withoutReplacement(p, count: count) { randomSample($0) }
        }
        return Array(permutation(population).prefix(count))
    }
}

/// The probability-weighted parts of `choice`, shared by `RandomState` and `Generator`.
enum Choice {
    /// `cdf = cumsum(p); cdf /= cdf[-1]; cdf.searchsorted(u, side='right')`.
    static func searchCDF(_ p: [Double], uniforms: [Double]) -> [Int64] {
        let cdf = normalisedCDF(p)
        return uniforms.map { Int64(searchRight(cdf, $0)) }
    }

    static func normalisedCDF(_ p: [Double]) -> [Double] {
        var cdf = [Double](repeating: 0, count: p.count)
        var total = 0.0
        for (i, value) in p.enumerated() {
            total += value
            cdf[i] = total
        }
        let last = cdf.last ?? 1
        return cdf.map { $0 / last }
    }

    /// The first index whose value is greater than `x` (NaN sorts last, as in NumPy).
    static func searchRight(_ sorted: [Double], _ x: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            let value = sorted[mid]
            let lessOrEqual = x.isNaN ? true : (value.isNaN ? false : value <= x)
            if lessOrEqual { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Sampling without replacement with probabilities: draw, keep first occurrences of new
    /// indices, zero their probabilities, repeat for the missing count.
    static func withoutReplacement(_ probabilities: [Double], count: Int, uniforms: (Int) -> [Double]) -> [Int64] {
        var p = probabilities
        var found: [Int64] = []
        while found.count < count {
            let x = uniforms(count - found.count)
            for index in found { p[Int(index)] = 0 }
            let cdf = normalisedCDF(p)
            var seen = Set<Int64>()
            for u in x {
                let index = Int64(searchRight(cdf, u))
                if seen.insert(index).inserted { found.append(index) }
            }
        }
        return found
    }
}
