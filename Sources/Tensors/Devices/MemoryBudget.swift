/// How many bytes of tensor storage may be alive at once. A request over the limit throws
/// PyTorch's allocator error *before* any memory is taken, so lessons cannot crash the host.
///
/// Storage charges the budget that is `current` when it is allocated and refunds it on
/// deinit. A session can bind its own budget with `MemoryBudget.$current.withValue(...)`.
public final class MemoryBudget: @unchecked Sendable {
    /// Default limit: 4 GiB.
    public static let defaultLimit = 4 << 30
    /// Process-wide budget used when no session binds its own.
    public static let shared = MemoryBudget(limit: defaultLimit)
    @TaskLocal public static var current: MemoryBudget = .shared

    private let lock = SpinLock()
    private var _limit: Int
    private var _used = 0

    public init(limit: Int) { _limit = limit }

    public var limit: Int {
        get { lock.withLock { _limit } }
        set { lock.withLock { _limit = newValue } }
    }

    /// Bytes currently held by live storages charged to this budget.
    public var used: Int { lock.withLock { _used } }

    func charge(_ bytes: Int) throws(TensorError) {
        let ok = lock.withLock { () -> Bool in
            if bytes > _limit - _used { return false }
            _used += bytes
            return true
        }
        if !ok { throw .outOfMemory(bytes: bytes) }
    }

    /// Throws the allocator's error when `bytes` would not fit now: for work buffers a kernel
    /// builds before the tensor that will hold them (`randperm`'s permutation).
    public func require(_ bytes: Int) throws(TensorError) {
        try charge(bytes)
        refund(bytes)
    }

    func refund(_ bytes: Int) {
        lock.withLock { _used -= bytes }
    }
}
