import Testing
@testable import NumPy

/// `RandomState` draws against NumPy 2.4's (Goldens/Random/legacy.txt), bit for bit.
@Suite struct LegacyRandomGoldenTests {
    typealias RS = RandomState

    static func signed(_ values: [UInt64], _ bits: Int) -> [Int64] {
        values.map { Int64(truncatingIfNeeded: $0 << UInt64(64 - bits)) >> Int64(64 - bits) }
    }

    static let cases: [String: @Sendable () -> Drawn] = [
        "random_sample seed 0": { .floats(RS(seed: 0).randomSample(2000)) },
        "random_sample seed 42": { .floats(RS(seed: 42).randomSample(500)) },
        "random_sample seed 4294967295": { .floats(RS(seed: UInt32.max).randomSample(500)) },
        "random_sample seed [1, 2, 3]": { .floats(RS(seedArray: [1, 2, 3]).randomSample(500)) },
        "random_sample seed range(700)": { .floats(RS(seedArray: (0..<700).map { UInt32($0) }).randomSample(500)) },
        "randn seed 0": { .floats(RS(seed: 0).standardNormal(3001)) },
        "randn split seed 7": {
            let r = RS(seed: 7)
            return .floats(r.standardNormal(3) + r.standardNormal(4) + r.randomSample(1) + r.standardNormal(2))
        },
        "normal 1.5 2 seed 3": { .floats(RS(seed: 3).normal(loc: 1.5, scale: 2.0, count: 1000)) },
        "uniform -2 3 seed 4": { .floats(RS(seed: 4).uniform(low: -2, range: 5, count: 1000)) },
        "exponential 2 seed 5": { .floats(RS(seed: 5).exponential(scale: 2.0, count: 1000)) },
        "gamma 0.5 2 seed 6": { .floats(RS(seed: 6).gamma(shape: 0.5, scale: 2.0, count: 1000)) },
        "gamma 3 1 seed 6": { .floats(RS(seed: 6).gamma(shape: 3.0, scale: 1.0, count: 1000)) },
        "beta 0.5 0.5 seed 8": { let r = RS(seed: 8); return .floats((0..<1000).map { _ in r.beta(0.5, 0.5) }) },
        "beta 2 3 seed 8": { let r = RS(seed: 8); return .floats((0..<1000).map { _ in r.beta(2, 3) }) },
        "poisson 3 seed 9": { let r = RS(seed: 9); return .ints((0..<1000).map { _ in r.poisson(3) }) },
        "poisson 50 seed 9": { let r = RS(seed: 9); return .ints((0..<1000).map { _ in r.poisson(50) }) },
        "binomial 10 0.3 seed 10": { let r = RS(seed: 10); return .ints((0..<1000).map { _ in r.binomial(10, 0.3) }) },
        "binomial 100 0.6 seed 10": { let r = RS(seed: 10); return .ints((0..<1000).map { _ in r.binomial(100, 0.6) }) },
        "binomial 1000 0.2 seed 10": { let r = RS(seed: 10); return .ints((0..<1000).map { _ in r.binomial(1000, 0.2) }) },
        "binomial 0 0.5 then random seed 10": {
            let r = RS(seed: 10)
            let zero = r.binomial(0, 0.5)
            return .floats([Double(zero), r.randomSample(1)[0]])
        },
        "multinomial 20 seed 11": { let r = RS(seed: 11); return .ints((0..<100).flatMap { _ in r.multinomial(20, [0.2, 0.3, 0.5]) }) },
        "randint 0 10 seed 0": { .ints(signed(RS(seed: 0).boundedIntegers(offset: 0, range: 9, count: 1000, width: .bits64), 64)) },
        "randint -5 5 seed 1": { .ints(signed(RS(seed: 1).boundedIntegers(offset: UInt64(bitPattern: -5), range: 9, count: 1000, width: .bits64), 64)) },
        "randint 0 2**40 seed 2": { .ints(signed(RS(seed: 2).boundedIntegers(offset: 0, range: 1 << 40 - 1, count: 500, width: .bits64), 64)) },
        "randint int8 -100 100 seed 3": { .ints(signed(RS(seed: 3).boundedIntegers(offset: UInt64(bitPattern: -100), range: 199, count: 1000, width: .bits8), 8)) },
        "randint int16 0 1000 seed 3": { .ints(signed(RS(seed: 3).boundedIntegers(offset: 0, range: 999, count: 1000, width: .bits16), 16)) },
        "randint int32 -7 1000000 seed 3": { .ints(signed(RS(seed: 3).boundedIntegers(offset: UInt64(bitPattern: -7), range: 1_000_006, count: 1000, width: .bits32), 32)) },
        "randint uint8 0 256 seed 3": { .uints(RS(seed: 3).boundedIntegers(offset: 0, range: 255, count: 1000, width: .bits8)) },
        "randint bool seed 3": { .uints(RS(seed: 3).boundedIntegers(offset: 0, range: 1, count: 1000, width: .bool)) },
        "randint uint64 0 2**64 seed 3": { .uints(RS(seed: 3).boundedIntegers(offset: 0, range: UInt64.max, count: 300, width: .bits64)) },
        "choice 10 50 seed 12": { .ints(RS(seed: 12).choiceIndices(population: 10, count: 50, replace: true, p: nil)) },
        "choice 10 5 noreplace seed 12": { .ints(RS(seed: 12).choiceIndices(population: 10, count: 5, replace: false, p: nil)) },
        "choice 5 100 p seed 12": { .ints(RS(seed: 12).choiceIndices(population: 5, count: 100, replace: true, p: [0.1, 0.2, 0.3, 0.25, 0.15])) },
        "choice 6 4 noreplace p seed 12": { .ints(RS(seed: 12).choiceIndices(population: 6, count: 4, replace: false, p: [0.1, 0.2, 0.3, 0.1, 0.05, 0.25])) },
        "permutation 50 seed 13": { .ints(RS(seed: 13).permutation(50)) },
        "shuffle list 30 seed 14": {
            var x = (0..<Int64(30)).map { $0 }
            RS(seed: 14).shuffleSwaps(count: 30) { i, j in x.swapAt(i, j) }
            return .ints(x)
        },
    ]

    @Test func everyGoldenCaseHasASwiftCase() throws {
        let goldens = try RandomGoldens.load("legacy")
        #expect(Set(goldens.keys) == Set(Self.cases.keys))
    }

    @Test(arguments: cases.keys.sorted())
    func matchesNumPy(_ name: String) throws {
        let goldens = try RandomGoldens.load("legacy")
        let golden = try #require(goldens[name])
        let make = try #require(Self.cases[name])
        let drawn = make()
        let mismatch = drawn.firstMismatch(golden)
        #expect(mismatch == nil, "\(name): \(mismatch ?? "")")
    }
}
