import Tensors

/// `torch.cuda`'s queries answered by a generated-kernel backend: the device's own name,
/// a real wait for queued work, and the Philox generator that `torch.manual_seed` reaches.
extension GeneratedKernelBackend {
    public var deviceName: String {
        (kernels as? CUDADevice)?.name ?? device.description
    }

    /// `torch.cuda.synchronize()`: waits for the device; a failure there surfaces on the
    /// next operation that copies back, as PyTorch's asynchronous errors do.
    public func synchronize() {
        try? waitForDevice()
    }

    public func manualSeed(_ seed: UInt64) {
        generator.manualSeed(seed)
    }
}
