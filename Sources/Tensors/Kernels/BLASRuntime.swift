#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS's worker threads. Its library constructor starts one per core at process start,
/// and each then spin-yields for about 2^28 cycles waiting for work: a tenth of a second of a
/// core taken from every short run (a lesson's worker, `gradbook exec`), most of which never
/// multiplies a matrix big enough to want threads.
public enum BLASRuntime {
    /// Stops those threads; OpenBLAS starts them again by itself the first time a product
    /// runs on more than one thread (`BLASThreads`). A no-op with a BLAS that lacks the hook.
    public static func parkThreads() {
        typealias Shutdown = @convention(c) () -> Int32
        guard let symbol = dlsym(nil, "blas_thread_shutdown_") else { return }
        _ = unsafeBitCast(symbol, to: Shutdown.self)()
    }
}
