import Testing
@testable import Tensors

/// One step of a seeded PyTorch session whose results `RandomGoldens.py` recorded.
enum RandomStep: Sendable {
    case rand(Int), randDouble(Int), randn(Int), randnDouble(Int)
    case uniform(Int, Double, Double), uniformDouble(Int, Double, Double)
    case normal(Int, Double, Double), normalDouble(Int, Double, Double)
    case randint(Int64, Int64, Int), randperm(Int)
    case bernoulliFloat([Float]), bernoulliDouble([Double]), bernoulliScalar(Int, Double)
    case exponential(Int, Double), exponentialDouble(Int, Double)
    case multinomial([Float], rows: Int, samples: Int, replacement: Bool)
    case rngState
    case reduced(ReducedFloat, ReducedDraw, Int)
    /// A large draw, compared as `sum((i + 1) * bits[i])` mod 2^64.
    indirect case checksum(RandomStep)

    enum ReducedFloat: Sendable {
        case float16, bfloat16

        /// Rounds a float to this type (round to nearest even) and back, exactly.
        func round(_ value: Float) -> Float {
            switch self {
            case .float16: return Float(Float16(value))
            case .bfloat16:
                let bits = value.bitPattern
                return Float(bitPattern: (bits &+ 0x7fff &+ ((bits >> 16) & 1)) & 0xffff_0000)
            }
        }
    }

    enum ReducedDraw: Sendable { case rand, randn, uniform }

    /// Runs the step on `generator`, returning results as PyTorch's bit patterns.
    func run(on generator: CPUGenerator) -> [UInt64] {
        func floats(_ values: [Float]) -> [UInt64] { values.map { UInt64($0.bitPattern) } }
        func doubles(_ values: [Double]) -> [UInt64] { values.map { $0.bitPattern } }
        func ints(_ values: [Int64]) -> [UInt64] { values.map { UInt64(bitPattern: $0) } }
        func bools(_ values: [Bool]) -> [UInt64] { values.map { $0 ? 1 : 0 } }
        switch self {
        case .rand(let n): return floats(generator.uniformFloats(n))
        case .randDouble(let n): return doubles(generator.uniformDoubles(n))
        case .randn(let n): return floats(generator.normalFloats(n))
        case .randnDouble(let n): return doubles(generator.normalDoubles(n))
        case .uniform(let n, let a, let b): return floats(generator.uniformFloats(n, from: a, to: b))
        case .uniformDouble(let n, let a, let b): return doubles(generator.uniformDoubles(n, from: a, to: b))
        case .normal(let n, let m, let s): return floats(generator.normalFloats(n, mean: m, std: s))
        case .normalDouble(let n, let m, let s): return doubles(generator.normalDoubles(n, mean: m, std: s))
        case .randint(let low, let high, let n): return ints(generator.randomIntegers(n, low: low, high: high))
        case .randperm(let n): return ints(generator.permutation(n))
        case .bernoulliFloat(let ps): return bools(ps.map { generator.bernoulli($0) })
        case .bernoulliDouble(let ps): return bools(ps.map { generator.bernoulli($0) })
        case .bernoulliScalar(let n, let p): return bools((0..<n).map { _ in generator.bernoulli(p) })
        case .exponential(let n, let lambda):
            return floats((0..<n).map { _ in Float(generator.exponential(lambda: lambda)) })
        case .exponentialDouble(let n, let lambda):
            return doubles((0..<n).map { _ in generator.exponential(lambda: lambda) })
        case .multinomial(let probabilities, let rows, let samples, let replacement):
            // Through the tensor op: without replacement it is exponential_ + div + topk.
            let shape = rows == 1 ? [probabilities.count] : [rows, probabilities.count / rows]
            let weights = try! Tensor(values: probabilities.map(Double.init), shape: shape, dtype: .float32)
            return ints(try! weights.multinomial(samples, replacement: replacement, generator: generator).elementsAsInt64())
        case .rngState: return generator.state.map { UInt64($0) }
        case .checksum(let step):
            let values = step.run(on: generator)
            return [values.enumerated().reduce(UInt64(0)) { $0 &+ UInt64($1.offset + 1) &* $1.element }]
        case .reduced(let type, .rand, let n): return floats(generator.uniformFloats(n, roundingTo: type.round))
        case .reduced(let type, .uniform, let n):
            return floats(generator.uniformFloats(n, from: -1, to: 1, roundingTo: type.round))
        case .reduced(let type, .randn, let n): return floats(generator.normalFloatsForHalfTypes(n).map(type.round))
        }
    }
}

struct RandomGolden: Sendable, CustomTestStringConvertible {
    let name: String
    let seed: UInt64
    let steps: [(RandomStep, [UInt64])]
    var testDescription: String { name }
}

@Test("draws match PyTorch bit for bit", arguments: randomGoldens)
func drawsMatchPyTorch(golden: RandomGolden) {
    let generator = CPUGenerator()
    generator.manualSeed(golden.seed)
    for (index, (step, expected)) in golden.steps.enumerated() {
        let actual = step.run(on: generator)
        let mismatches = zip(actual, expected).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(actual.count == expected.count && mismatches.isEmpty,
                "step \(index) \(step): \(mismatches.count) of \(expected.count) differ, first at \(mismatches.first ?? -1)")
    }
}

@Test func mersenneTwisterMatchesReferenceOutput() {
    // mt19937ar's init_genrand(5489): the C++ standard's 10000th value is 4123659995.
    var engine = MT19937(seed: 5489)
    var last: UInt32 = 0
    for _ in 0..<10_000 { last = engine.nextUInt32() }
    #expect(last == 4_123_659_995)
}

@Test func seedUsesLow32BitsButInitialSeedKeepsAll() {
    let a = CPUGenerator(seed: 0x1_0000_0007), b = CPUGenerator(seed: 7)
    #expect(a.random() == b.random())
    #expect(a.initialSeed == 0x1_0000_0007)
}

@Test func manualSeedForgetsTheCachedNormal() {
    let generator = CPUGenerator()
    generator.manualSeed(0)
    let first = generator.normalSample()
    generator.manualSeed(0)
    #expect(generator.normalSample() == first)
}
