import Testing
@testable import NumPy

/// `Generator(PCG64)` draws (`np.random.default_rng(seed)`) against NumPy 2.4's
/// (Goldens/Random/generator.txt), bit for bit.
@Suite struct GeneratorRandomGoldenTests {
    static func rng(_ words: [UInt32]) -> RandomGenerator { RandomGenerator(seedWords: words) }
    static func rng(_ seed: UInt32) -> RandomGenerator { RandomGenerator(seedWords: [seed]) }
    static func signed(_ v: [UInt64], _ bits: Int) -> [Int64] { LegacyRandomGoldenTests.signed(v, bits) }

    static let cases: [String: @Sendable () -> Drawn] = [
        "random seed 0": { .floats(rng(0).random(2000)) },
        "random seed 42": { .floats(rng(42).random(500)) },
        "random seed 2**70+5": { .floats(rng(SeedSequence.words(ofMagnitude: [5, 64])).random(300)) },
        "random seed [1, 2, 3]": { .floats(rng([1, 2, 3]).random(300)) },
        "random seed range(10)": { .floats(rng((0..<10).map { UInt32($0) }).random(300)) },
        "random float32 seed 1": { .floats(rng(1).randomFloat(500).map(Double.init)) },
        "standard_normal seed 0": { .floats(rng(0).standardNormal(5000)) },
        "standard_normal float32 seed 0": { .floats(rng(0).standardNormalFloat(3000).map(Double.init)) },
        "normal 1.5 2 seed 3": { .floats(rng(3).normal(loc: 1.5, scale: 2.0, count: 1000)) },
        "uniform -2 3 seed 4": { .floats(rng(4).uniform(low: -2, range: 5, count: 1000)) },
        "exponential 2 seed 5": { .floats(rng(5).exponential(scale: 2.0, count: 3000)) },
        "standard_exponential float32 seed 5": { let g = rng(5); return .floats((0..<2000).map { _ in Double(g.bits.standardExponentialZigguratFloat()) }) },
        "gamma 0.5 2 seed 6": { .floats(rng(6).gamma(shape: 0.5, scale: 2.0, count: 1000)) },
        "gamma 2.5 1 seed 6": { .floats(rng(6).gamma(shape: 2.5, scale: 1.0, count: 1000)) },
        "beta 0.5 0.5 seed 8": { .floats(rng(8).beta(0.5, 0.5, count: 1000)) },
        "beta 2 3 seed 8": { .floats(rng(8).beta(2, 3, count: 1000)) },
        "poisson 3 seed 9": { .ints(rng(9).poisson(3, count: 1000)) },
        "poisson 40 seed 9": { .ints(rng(9).poisson(40, count: 1000)) },
        "binomial 10 0.3 seed 10": { .ints(rng(10).binomial(10, 0.3, count: 1000)) },
        "binomial 1000 0.4 seed 10": { .ints(rng(10).binomial(1000, 0.4, count: 1000)) },
        "binomial 100 0.9 seed 10": { .ints(rng(10).binomial(100, 0.9, count: 1000)) },
        "integers 0 10 seed 0": { .ints(signed(rng(0).boundedIntegers(offset: 0, range: 9, count: 1000, width: .bits64), 64)) },
        "integers -5 5 endpoint seed 1": { .ints(signed(rng(1).boundedIntegers(offset: UInt64(bitPattern: -5), range: 10, count: 1000, width: .bits64), 64)) },
        "integers 0 2**40 seed 2": { .ints(signed(rng(2).boundedIntegers(offset: 0, range: 1 << 40 - 1, count: 500, width: .bits64), 64)) },
        "integers 0 2**32 seed 2": { .ints(signed(rng(2).boundedIntegers(offset: 0, range: 1 << 32 - 1, count: 500, width: .bits64), 64)) },
        "integers int8 -100 100 seed 3": { .ints(signed(rng(3).boundedIntegers(offset: UInt64(bitPattern: -100), range: 199, count: 1000, width: .bits8), 8)) },
        "integers int16 0 1000 seed 3": { .ints(signed(rng(3).boundedIntegers(offset: 0, range: 999, count: 1000, width: .bits16), 16)) },
        "integers int32 -7 1000000 seed 3": { .ints(signed(rng(3).boundedIntegers(offset: UInt64(bitPattern: -7), range: 1_000_006, count: 1000, width: .bits32), 32)) },
        "integers uint8 0 256 seed 3": { .uints(rng(3).boundedIntegers(offset: 0, range: 255, count: 1000, width: .bits8)) },
        "integers bool seed 3": { .uints(rng(3).boundedIntegers(offset: 0, range: 1, count: 1000, width: .bool)) },
        "integers uint64 0 2**64 seed 3": { .uints(rng(3).boundedIntegers(offset: 0, range: UInt64.max, count: 300, width: .bits64)) },
        "choice 10 50 seed 12": { .ints(rng(12).choiceIndices(population: 10, count: 50, replace: true, p: nil)) },
        "choice 10 5 noreplace seed 12": { .ints(rng(12).choiceIndices(population: 10, count: 5, replace: false, p: nil)) },
        "choice 1000 300 noreplace seed 12": { .ints(rng(12).choiceIndices(population: 1000, count: 300, replace: false, p: nil)) },
        "choice 1000 300 noreplace noshuffle seed 12": { .ints(rng(12).choiceIndices(population: 1000, count: 300, replace: false, p: nil, shuffle: false)) },
        "choice 20000 1000 noreplace seed 12": { .ints(rng(12).choiceIndices(population: 20000, count: 1000, replace: false, p: nil)) },
        "choice 5 100 p seed 12": { .ints(rng(12).choiceIndices(population: 5, count: 100, replace: true, p: [0.1, 0.2, 0.3, 0.25, 0.15])) },
        "choice 6 4 noreplace p seed 12": { .ints(rng(12).choiceIndices(population: 6, count: 4, replace: false, p: [0.1, 0.2, 0.3, 0.1, 0.05, 0.25])) },
        "permutation 50 seed 13": { .ints(rng(13).permutation(50)) },
        "shuffle list 30 seed 14": {
            var x = (0..<Int64(30)).map { $0 }
            rng(14).shuffleSwaps(count: 30) { i, j in x.swapAt(i, j) }
            return .ints(x)
        },
        "multinomial 20 seed 11": { let g = rng(11); return .ints((0..<100).flatMap { _ in g.bits.multinomial(20, [0.2, 0.3, 0.5]) }) },
    ]

    @Test func everyGoldenCaseHasASwiftCase() throws {
        let goldens = try RandomGoldens.load("generator")
        #expect(Set(goldens.keys) == Set(Self.cases.keys))
    }

    @Test(arguments: cases.keys.sorted())
    func matchesNumPy(_ name: String) throws {
        let goldens = try RandomGoldens.load("generator")
        let golden = try #require(goldens[name])
        let make = try #require(Self.cases[name])
        let drawn = make()
        let mismatch = drawn.firstMismatch(golden)
        #expect(mismatch == nil, "\(name): \(mismatch ?? "")")
    }
}
