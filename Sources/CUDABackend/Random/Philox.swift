#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3"), the counter
/// based generator behind curand's `curandStatePhilox4_32_10_t` and PyTorch's CUDA
/// generator. Written in Swift so the CUDA random streams can be checked on a CPU; the
/// generated kernels (PhiloxSource) compute the same rounds.
public struct Philox4x32 {
    static let m0: UInt32 = 0xD251_1F53, m1: UInt32 = 0xCD9E_8D57
    static let w0: UInt32 = 0x9E37_79B9, w1: UInt32 = 0xBB67_AE85

    /// Ten rounds on `counter` under `key`.
    public static func block(counter: (UInt32, UInt32, UInt32, UInt32), key: (UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        var c = counter, k = key
        for round in 0..<10 {
            if round > 0 { k.0 &+= w0; k.1 &+= w1 }
            let p0 = UInt64(m0) * UInt64(c.0), p1 = UInt64(m1) * UInt64(c.2)
            c = (UInt32(truncatingIfNeeded: p1 >> 32) ^ c.1 ^ k.0, UInt32(truncatingIfNeeded: p1),
                 UInt32(truncatingIfNeeded: p0 >> 32) ^ c.3 ^ k.1, UInt32(truncatingIfNeeded: p0))
        }
        return c
    }

    /// The four words curand's `curand4` returns for a state made by
    /// `curand_init(seed, subsequence, offset)` (offset a multiple of 4, as PyTorch's are)
    /// after `draw` earlier `curand4` calls.
    public static func curand4(seed: UInt64, subsequence: UInt64, offset: UInt64, draw: UInt64 = 0) -> (UInt32, UInt32, UInt32, UInt32) {
        let position = offset / 4 + draw
        return block(counter: (UInt32(truncatingIfNeeded: position), UInt32(truncatingIfNeeded: position >> 32),
                               UInt32(truncatingIfNeeded: subsequence), UInt32(truncatingIfNeeded: subsequence >> 32)),
                     key: (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)))
    }

    static let twoPow32Inv: Float = 2.3283064e-10
    static let twoPow32Inv2Pi: Float = Float(2.3283064e-10) * Float(6.2831855)

    /// curand's Box-Muller pair from two words: (sin, cos) times sqrt(-2 log u). The GPU
    /// uses the fast `__sincosf`; this uses libm's, which can differ in the last bits.
    public static func boxMuller(_ x: UInt32, _ y: UInt32) -> (Float, Float) {
        let u = (twoPow32Inv / 2).addingProduct(Float(x), twoPow32Inv)
        let v = (twoPow32Inv2Pi / 2).addingProduct(Float(y), twoPow32Inv2Pi)
        let s = sqrtf(-2 * logf(u))
        return (sinf(v) * s, cosf(v) * s)
    }

    /// curand's uniform float in (0, 1] from one word.
    public static func uniform(_ x: UInt32) -> Float { (twoPow32Inv / 2).addingProduct(Float(x), twoPow32Inv) }
}

/// How PyTorch's CUDA distribution kernels spread a tensor over threads
/// (`calc_execution_policy` in ATen/native/cuda/DistributionTemplates.h): 256-thread
/// blocks, at most as many blocks as the device keeps resident, a grid-stride loop where
/// each `curand*4` call feeds `unroll` elements one stride apart; the generator's offset
/// advances by 4 per loop trip.
public struct PhiloxLaunch: Equatable, Sendable {
    public static let blockSize = 256
    public let blocks: Int
    public let unroll: Int
    public let numel: Int

    public init(numel: Int, unroll: Int, multiprocessors: Int, maxThreadsPerMultiprocessor: Int) {
        let wanted = (numel + Self.blockSize - 1) / Self.blockSize
        blocks = max(1, min(multiprocessors * (maxThreadsPerMultiprocessor / Self.blockSize), wanted))
        self.unroll = unroll
        self.numel = numel
    }

    public var threads: Int { blocks * Self.blockSize }
    /// How far the generator's offset moves for this launch.
    public var offsetIncrement: UInt64 { UInt64((numel - 1) / (threads * unroll) + 1) * 4 }

    /// The thread, loop trip and lane that produce element `index`.
    public func source(of index: Int) -> (thread: Int, trip: Int, lane: Int) {
        (index % threads, index / (threads * unroll), (index / threads) % unroll)
    }
}

/// The float32 values `torch.randn(n, device="cuda")` and `torch.rand` produce, computed on
/// the CPU (tests, and the reference the GPU kernels are checked against).
public enum PhiloxReference {
    public static func normalFloat(_ launch: PhiloxLaunch, seed: UInt64, offset: UInt64, mean: Float = 0, std: Float = 1) -> [Float] {
        (0..<launch.numel).map { i in
            let (thread, trip, lane) = launch.source(of: i)
            let r = Philox4x32.curand4(seed: seed, subsequence: UInt64(thread), offset: offset, draw: UInt64(trip))
            let pair = lane < 2 ? Philox4x32.boxMuller(r.0, r.1) : Philox4x32.boxMuller(r.2, r.3)
            let value = lane % 2 == 0 ? pair.0 : pair.1
            return mean.addingProduct(value, std)
        }
    }

    public static func uniformFloat(_ launch: PhiloxLaunch, seed: UInt64, offset: UInt64, from: Float = 0, to: Float = 1) -> [Float] {
        let range = to - from
        return (0..<launch.numel).map { i in
            let (thread, trip, lane) = launch.source(of: i)
            let r = Philox4x32.curand4(seed: seed, subsequence: UInt64(thread), offset: offset, draw: UInt64(trip))
            let word = [r.0, r.1, r.2, r.3][lane]
            let value = from.addingProduct(Philox4x32.uniform(word), range)
            return value == to ? from : value
        }
    }
}
