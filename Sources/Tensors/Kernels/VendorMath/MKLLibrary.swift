#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Intel MKL, loaded at run time with `dlopen` — never linked — because PyTorch's CPU build
/// computes matrix products with MKL's BLAS and most transcendental functions with MKL's
/// Vector Math (VML): with the same library, the same threading layer and the same thread
/// count, Gradbook's results are PyTorch's to the last bit. Without it the CPU backend uses
/// OpenBLAS and libm (docs/mkl.md says what differs).
///
/// Found through `GRADBOOK_MKL` (the library or its folder; `0`/`off` disables it), then
/// the cache that `scripts/install-mkl` fills, then the dynamic loader's library path.
public final class MKLLibrary: @unchecked Sendable {
    /// The version PyTorch 2.15 was built with (`torch.__config__.show()`).
    public static let pinnedVersion = "2024.2.0"

    /// The process's MKL, loaded on first use; nil when none was found or it is disabled.
    public static let shared: MKLLibrary? = load()

    /// Where the library was loaded from.
    public let path: String
    /// MKL's own version string, e.g. "Intel(R) oneAPI Math Kernel Library Version 2024.2-Product ...".
    public let version: String
    /// "GNU OpenMP" (PyTorch's layer) or "sequential" (when libgomp could not be loaded).
    public let threadingLayer: String

    let sgemm: SGemm, dgemm: DGemm
    /// `cblas_?gemm_batch` (the group API), which ATen's `bmm` calls for products above its
    /// small-product loop; nil in an MKL without it.
    let sgemmBatch: SGemmBatch?, dgemmBatch: DGemmBatch?
    let sgemv: SGemv, dgemv: DGemv
    let sdot: SDot, ddot: DDot
    /// `cblas_{c,z}dot{u,c}_sub`: ATen's complex `dot` (unconjugated) and `vdot` (first
    /// operand conjugated) call these; nil in an MKL without them.
    let cdotu: ComplexDot?, zdotu: ComplexDot?, cdotc: ComplexDot?, zdotc: ComplexDot?
    typealias ComplexDot = @convention(c) (Int32, UnsafeRawPointer, Int32, UnsafeRawPointer, Int32, UnsafeMutableRawPointer) -> Void
    private let setNumThreads: @convention(c) (Int32) -> Void
    private let getMaxThreads: @convention(c) () -> Int32
    private let setDynamic: (@convention(c) (Int32) -> Void)?
    private let setLocalThreads: (@convention(c) (Int32) -> Int32)?
    let vml: [String: VMLFunctions]

    typealias SGemm = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Float,
                                      UnsafePointer<Float>, Int32, UnsafePointer<Float>, Int32,
                                      Float, UnsafeMutablePointer<Float>, Int32) -> Void
    typealias DGemm = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Double,
                                      UnsafePointer<Double>, Int32, UnsafePointer<Double>, Int32,
                                      Double, UnsafeMutablePointer<Double>, Int32) -> Void
    typealias SGemmBatch = @convention(c) (Int32, UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafePointer<Int32>,
                                           UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafePointer<Float>,
                                           UnsafePointer<UnsafePointer<Float>?>, UnsafePointer<Int32>,
                                           UnsafePointer<UnsafePointer<Float>?>, UnsafePointer<Int32>, UnsafePointer<Float>,
                                           UnsafePointer<UnsafeMutablePointer<Float>?>, UnsafePointer<Int32>, Int32,
                                           UnsafePointer<Int32>) -> Void
    typealias DGemmBatch = @convention(c) (Int32, UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafePointer<Int32>,
                                           UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafePointer<Double>,
                                           UnsafePointer<UnsafePointer<Double>?>, UnsafePointer<Int32>,
                                           UnsafePointer<UnsafePointer<Double>?>, UnsafePointer<Int32>, UnsafePointer<Double>,
                                           UnsafePointer<UnsafeMutablePointer<Double>?>, UnsafePointer<Int32>, Int32,
                                           UnsafePointer<Int32>) -> Void
    typealias SGemv = @convention(c) (Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>, Int32,
                                      UnsafePointer<Float>, Int32, Float, UnsafeMutablePointer<Float>, Int32) -> Void
    typealias DGemv = @convention(c) (Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>, Int32,
                                      UnsafePointer<Double>, Int32, Double, UnsafeMutablePointer<Double>, Int32) -> Void
    typealias SDot = @convention(c) (Int32, UnsafePointer<Float>, Int32, UnsafePointer<Float>, Int32) -> Float
    typealias DDot = @convention(c) (Int32, UnsafePointer<Double>, Int32, UnsafePointer<Double>, Int32) -> Double

    /// One VML function in both precisions: `vms<Name>`/`vmd<Name>(n, in, out, mode)`.
    struct VMLFunctions {
        let float: @convention(c) (Int32, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int64) -> Void
        let double: @convention(c) (Int32, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int64) -> Void
    }

    /// The VML functions PyTorch's CPU kernels call (ATen's `vml.h`, MKL branch), by MKL name.
    static let vmlNames = ["Exp", "Ln", "Log2", "Log10", "Sqrt", "Sin", "Cos", "Tan",
                           "Asin", "Acos", "Atan", "Tanh", "Erf", "Erfc", "ErfInv"]

    private init?(handle: UnsafeMutableRawPointer, path: String, gnuThreads: Bool) {
        func symbol<F>(_ name: String, _ type: F.Type) -> F? {
            guard let s = dlsym(handle, name) else { return nil }
            return unsafeBitCast(s, to: type)
        }
        typealias SetLayer = @convention(c) (Int32) -> Int32
        typealias Version = @convention(c) (UnsafeMutablePointer<CChar>, Int32) -> Void
        guard let setLayer = symbol("MKL_Set_Threading_Layer", SetLayer.self),
              let setNum = symbol("MKL_Set_Num_Threads", (@convention(c) (Int32) -> Void).self),
              let getMax = symbol("MKL_Get_Max_Threads", (@convention(c) () -> Int32).self),
              let versionString = symbol("MKL_Get_Version_String", Version.self),
              let sgemm = symbol("cblas_sgemm", SGemm.self), let dgemm = symbol("cblas_dgemm", DGemm.self),
              let sgemv = symbol("cblas_sgemv", SGemv.self), let dgemv = symbol("cblas_dgemv", DGemv.self),
              let sdot = symbol("cblas_sdot", SDot.self), let ddot = symbol("cblas_ddot", DDot.self)
        else { return nil }
        // The layer must be chosen before any other MKL call. MKL's constants: 1 sequential, 3 GNU.
        _ = setLayer(gnuThreads ? 3 : 1)
        var vml: [String: VMLFunctions] = [:]
        for name in MKLLibrary.vmlNames {
            typealias F = @convention(c) (Int32, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int64) -> Void
            typealias D = @convention(c) (Int32, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int64) -> Void
            guard let f = symbol("vms" + name, F.self), let d = symbol("vmd" + name, D.self) else { return nil }
            vml[name] = VMLFunctions(float: f, double: d)
        }
        var buffer = [CChar](repeating: 0, count: 256)
        versionString(&buffer, Int32(buffer.count))
        self.path = path
        self.version = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .trimmedOfSpaces()
        self.threadingLayer = gnuThreads ? "GNU OpenMP" : "sequential"
        self.sgemmBatch = symbol("cblas_sgemm_batch", SGemmBatch.self)
        self.dgemmBatch = symbol("cblas_dgemm_batch", DGemmBatch.self)
        self.sgemm = sgemm; self.dgemm = dgemm; self.sgemv = sgemv; self.dgemv = dgemv
        self.sdot = sdot; self.ddot = ddot
        self.cdotu = symbol("cblas_cdotu_sub", ComplexDot.self); self.zdotu = symbol("cblas_zdotu_sub", ComplexDot.self)
        self.cdotc = symbol("cblas_cdotc_sub", ComplexDot.self); self.zdotc = symbol("cblas_zdotc_sub", ComplexDot.self)
        self.setNumThreads = setNum; self.getMaxThreads = getMax
        self.setDynamic = symbol("MKL_Set_Dynamic", (@convention(c) (Int32) -> Void).self)
        self.setLocalThreads = symbol("MKL_Set_Num_Threads_Local", (@convention(c) (Int32) -> Int32).self)
        self.vml = vml
    }

    /// MKL's threads for BLAS (and VML); `IntraOpThreads` keeps it equal to PyTorch's count.
    /// As ATen's `set_num_threads`: `mkl_set_num_threads(n)` and `mkl_set_dynamic(false)`.
    /// Until a count is set MKL stays dynamic (it may run a product on fewer threads), as
    /// in a PyTorch process that never called `torch.set_num_threads`; afterwards every
    /// product uses all `n`, which changes how a long sum is split (float64 `addmm` at 3
    /// threads, found against PyTorch).
    func setThreads(_ n: Int) {
        setNumThreads(Int32(max(1, n)))
        setDynamic?(0)
    }
    var threads: Int { Int(getMaxThreads()) }

    /// Runs `body` with MKL on one thread, as a call made inside one of ATen's
    /// `parallel_for` regions runs (OpenMP does not nest, so MKL goes sequential there):
    /// how MKL splits a product between threads can change which elements it peels and
    /// so their last bits. `mkl_set_num_threads_local`, undone afterwards.
    /// `items` is the loop's length: `parallel_for` opens a region only for more than one
    /// item (and more than one thread), else it calls the body inline.
    func sequentially<R>(over items: Int, _ body: () throws -> R) rethrows -> R {
        guard let setLocalThreads, items > 1, IntraOpThreads.count > 1 else { return try body() }
        let previous = setLocalThreads(1)
        defer { _ = setLocalThreads(previous) }
        return try body()
    }

    /// The library file to try first, or nil when MKL is disabled.
    static func candidates(environment env: [String: String] = ProcessInfo.processInfo.environment) -> [String]? {
        let file = "libmkl_rt.so.2"
        if let given = env["GRADBOOK_MKL"], !given.isEmpty {
            if ["0", "off", "no", "none"].contains(given.lowercased()) { return nil }
            var isDirectory = false
            if FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory), isDirectory {
                return [given + "/" + file, given + "/lib/" + file]
            }
            return [given]
        }
        var list: [String] = []
        if let cache = cacheFolder(environment: env) { list.append(cache + "/lib/" + file) }
        list.append(file)  // LD_LIBRARY_PATH, ldconfig's cache
        return list
    }

    /// `scripts/install-mkl`'s folder: `$GRADBOOK_MKL_CACHE` or `$XDG_CACHE_HOME/gradbook`
    /// or `~/.cache/gradbook`, then `mkl-<pinned version>`.
    public static func cacheFolder(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let base: String
        if let c = env["GRADBOOK_MKL_CACHE"], !c.isEmpty { base = c }
        else if let x = env["XDG_CACHE_HOME"], !x.isEmpty { base = x + "/gradbook" }
        else if let home = env["HOME"], !home.isEmpty { base = home + "/.cache/gradbook" }
        else { return nil }
        return base + "/mkl-" + pinnedVersion
    }

    private static func load() -> MKLLibrary? {
        #if os(Linux) && arch(x86_64)
        guard let candidates = candidates() else { return nil }
        // OpenMP threads that spin while waiting for work take the core the interpreter needs
        // (MLP training 4x slower on a busy 2-core machine); waiting changes no result.
        // libgomp reads this when it loads, just below.
        setenv("OMP_WAIT_POLICY", "PASSIVE", 0)
        // MKL's GNU threading layer needs GCC's OpenMP runtime; loaded globally first so
        // that a missing libgomp means the sequential layer rather than MKL's fatal exit.
        let gnu = dlopen("libgomp.so.1", RTLD_NOW | RTLD_GLOBAL) != nil
        for path in candidates {
            if path.hasPrefix("/") && !FileManager.default.fileExists(atPath: path) { continue }
            // RTLD_DEEPBIND: MKL's own BLAS symbols win over OpenBLAS's, which this binary links.
            guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND) else { continue }
            if let library = MKLLibrary(handle: handle, path: path, gnuThreads: gnu) {
                library.setThreads(IntraOpThreads.count)
                return library
            }
            dlclose(handle)
        }
        #endif
        return nil
    }
}
