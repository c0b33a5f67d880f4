import Testing
@testable import CUDABackend
import Tensors

@Suite struct PhiloxTests {
    /// Known-answer vectors of Philox4x32-10 from the Random123 distribution (kat_vectors).
    @Test func philoxMatchesTheRandom123KnownAnswers() {
        let zero = Philox4x32.block(counter: (0, 0, 0, 0), key: (0, 0))
        #expect([zero.0, zero.1, zero.2, zero.3] == [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8])
        let ones = Philox4x32.block(counter: (.max, .max, .max, .max), key: (.max, .max))
        #expect([ones.0, ones.1, ones.2, ones.3] == [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd])
        let pi = Philox4x32.block(counter: (0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344), key: (0xa409_3822, 0x299f_31d0))
        #expect([pi.0, pi.1, pi.2, pi.3] == [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1])
    }

    /// `torch.manual_seed(0); torch.randn(3, device="cuda")` prints
    /// `tensor([-0.9247, -0.4253, -2.6438], device='cuda:0')` on every card (three elements
    /// take one block whatever the card, so the launch shape does not matter).
    @Test func randnOfThreeAfterSeedZeroGivesPyTorchsCUDANumbers() {
        let launch = PhiloxLaunch(numel: 3, unroll: 4, multiprocessors: 132, maxThreadsPerMultiprocessor: 2048)
        let values = PhiloxReference.normalFloat(launch, seed: 0, offset: 0)
        let printed = values.map { (($0 * 10000).rounded() / 10000) }
        #expect(printed == [-0.9247, -0.4253, -2.6438])
        #expect(launch.offsetIncrement == 4)
    }

    @Test func launchShapeFollowsCalcExecutionPolicy() {
        // An H100 (132 SMs, 2048 threads each): at most 132 * 8 blocks of 256.
        let big = PhiloxLaunch(numel: 10_000_000, unroll: 4, multiprocessors: 132, maxThreadsPerMultiprocessor: 2048)
        #expect(big.blocks == 1056)
        let perThread: Int = (10_000_000 - 1) / (1056 * 256 * 4) + 1
        let bigIncrement = UInt64(perThread) * 4
        #expect(big.offsetIncrement == bigIncrement)
        let small = PhiloxLaunch(numel: 1000, unroll: 4, multiprocessors: 132, maxThreadsPerMultiprocessor: 2048)
        #expect(small.blocks == 4 && small.offsetIncrement == 4)
        #expect(small.source(of: 999) == (thread: 999, trip: 0, lane: 0))
        let capped = PhiloxLaunch(numel: 5000, unroll: 4, multiprocessors: 2, maxThreadsPerMultiprocessor: 512)
        #expect(capped.threads == 1024)
        #expect(capped.source(of: 4500) == (thread: 4500 % 1024, trip: 1, lane: 0))
        #expect(capped.source(of: 2100) == (thread: 2100 % 1024, trip: 0, lane: 2))
    }

    @Test func generatedKernelsDrawTheReferenceStream() throws {
        // The host device keeps at most 4 blocks resident, so 5000 elements take several
        // loop trips and every lane of each curand4 draw.
        let gen = HostBackend.shared
        gen.generator.manualSeed(42)
        let launch = PhiloxLaunch(numel: 5000, unroll: 4, multiprocessors: gen.kernels.multiprocessorCount,
                                  maxThreadsPerMultiprocessor: gen.kernels.maxThreadsPerMultiprocessor)
        let normal = try Tensor(empty: [50, 100])
        try gen.normal(normal, mean: 0.5, std: 2)
        #expect(try normal.elementsAsFloat() == PhiloxReference.normalFloat(launch, seed: 42, offset: 0, mean: 0.5, std: 2))
        #expect(gen.generator.state.offset == launch.offsetIncrement)
        let uniform = try Tensor(empty: [5000])
        try gen.uniform(uniform, from: -1, to: 3)
        #expect(try uniform.elementsAsFloat() == PhiloxReference.uniformFloat(launch, seed: 42, offset: launch.offsetIncrement, from: -1, to: 3))
        // A strided output receives the stream in its logical order.
        gen.generator.manualSeed(7)
        let wide = try Tensor(empty: [4, 6])
        let view = try wide.slice(1, start: 0, end: nil, step: 2)
        try gen.normal(view, mean: 0, std: 1)
        let small = PhiloxLaunch(numel: 12, unroll: 4, multiprocessors: 2, maxThreadsPerMultiprocessor: 512)
        #expect(try view.contiguous().elementsAsFloat() == PhiloxReference.normalFloat(small, seed: 7, offset: 0))
    }

    @Test func manualSeedResetsTheOffset() {
        let g = PhiloxGenerator()
        #expect(g.state.seed == PhiloxGenerator.defaultSeed)
        _ = g.reserve(8)
        _ = g.reserve(5)
        #expect(g.state.offset == 16)
        g.manualSeed(3)
        #expect(g.state == (seed: 3, offset: 0))
    }
}
