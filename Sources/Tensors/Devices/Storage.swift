/// A flat block of bytes on a device, shared by every view of it.
///
/// `versionCounter` counts in-place writes: autograd records it when it saves a tensor
/// and compares it at backward time to detect modification. Tensors over this storage
/// share it unless given their own (`.data` is).
public final class Storage {
    public let device: Device
    public let data: UnsafeMutableRawPointer
    public let byteCount: Int
    /// The counter views of this storage share by default; one that does not track
    /// versions for storage allocated in inference mode, as PyTorch's inference tensors
    /// have none.
    public let versionCounter: VersionCounter
    /// Allocated in `torch.inference_mode()`: every tensor over it is an inference tensor.
    public let isInference: Bool
    /// Owner to refund and free through; nil for borrowed host memory.
    private let owner: (budget: MemoryBudget, backend: DeviceBackend)?

    /// Allocates `byteCount` bytes on `device`, charging the current memory budget first.
    public init(byteCount: Int, device: Device = .cpu) throws(TensorError) {
        precondition(byteCount >= 0)
        let backend = try Backends.backend(for: device)
        let budget = MemoryBudget.current
        try budget.charge(byteCount)
        do {
            data = try backend.allocate(byteCount: max(byteCount, 1))
        } catch {
            budget.refund(byteCount)
            throw error
        }
        self.device = device
        self.byteCount = byteCount
        self.owner = (budget, backend)
        isInference = InferenceAllocation.isActive
        versionCounter = VersionCounter(tracksVersion: !isInference)
    }

    /// Wraps host memory owned elsewhere, for the duration of a copy out of it.
    init(borrowing pointer: UnsafeMutableRawPointer, byteCount: Int) {
        device = .cpu
        data = pointer
        self.byteCount = byteCount
        owner = nil
        isInference = false
        versionCounter = VersionCounter()
    }

    /// The backend that allocated this storage and runs kernels on it (the CPU's for
    /// borrowed host memory). Kept by the storage, so a tensor stays usable even where its
    /// backend is no longer registered (a test's scope has ended).
    public var backend: DeviceBackend { owner?.backend ?? Backends.cpu }

    deinit {
        if let owner {
            owner.backend.deallocate(data, byteCount: max(byteCount, 1))
            owner.budget.refund(byteCount)
        }
    }
}

/// An in-place write counter (`tensor._version`), shared by a tensor and its views.
public final class VersionCounter {
    public var value = 0
    /// False for an inference tensor's storage: writing through it outside inference mode
    /// is PyTorch's "Inplace update to inference tensor outside InferenceMode" error, and
    /// `_version` is refused.
    public let tracksVersion: Bool
    public init(tracksVersion: Bool = true) { self.tracksVersion = tracksVersion }
}
