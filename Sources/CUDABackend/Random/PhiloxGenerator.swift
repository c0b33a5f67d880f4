import Tensors

/// PyTorch's CUDA generator state: a seed and a Philox offset that each random kernel
/// advances by its `PhiloxLaunch.offsetIncrement` (`philox_cuda_state`).
public final class PhiloxGenerator: @unchecked Sendable {
    /// PyTorch's default CUDA seed before any `manual_seed` (`default_rng_seed_val`).
    public static let defaultSeed: UInt64 = 67_280_421_310_721
    private let lock = SpinLock()
    private var seed: UInt64 = PhiloxGenerator.defaultSeed
    private var offset: UInt64 = 0

    public init() {}

    /// `torch.manual_seed(s)` / `torch.cuda.manual_seed_all(s)`.
    public func manualSeed(_ s: UInt64) { lock.withLock { seed = s; offset = 0 } }

    public var state: (seed: UInt64, offset: UInt64) { lock.withLock { (seed, offset) } }

    /// The (seed, offset) a kernel uses; moves the offset on by `increment` (rounded up to 4).
    func reserve(_ increment: UInt64) -> (UInt64, UInt64) {
        lock.withLock {
            let current = (seed, offset)
            offset += (increment + 3) / 4 * 4
            return current
        }
    }
}
