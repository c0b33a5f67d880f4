/// `torch.cuda`'s queries for a backend that keeps no statistics: the CPU's, which runs
/// synchronously and caches nothing, and any device backend until it reports its own.
extension DeviceBackend {
    public var deviceName: String { device.description }
    public func synchronize() {}
    public func emptyCache() {}
    public var memoryAllocated: Int { 0 }
    public var maxMemoryAllocated: Int { 0 }
    public func resetPeakMemoryStats() {}
    public func manualSeed(_ seed: UInt64) {}
}
