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

/// SLEEF, the vectorised math library PyTorch's CPU kernels use where they do not call MKL
/// (`Vectorized<float>::exp()` is `Sleef_expf8_u10` in the AVX2 build): sigmoid, softmax,
/// log_softmax, pow with a non-special exponent. Loaded at run time like MKL. Its scalar
/// `purecfma` functions compute exactly what one lane of the AVX2 functions computes (the
/// same algorithm with fused multiply-adds; checked on 4.3 million inputs of each), so a
/// lane can be computed one element at a time here.
///
/// Found through `GRADBOOK_SLEEF` (the library; `0`/`off` disables it), the cache
/// `scripts/install-mkl` fills (Debian's libsleef3, 3.5.1 on bookworm), or the library path.
public final class SLEEFLibrary: @unchecked Sendable {
    public static let shared: SLEEFLibrary? = load()

    public let path: String
    let expf: @convention(c) (Float) -> Float
    let expd: @convention(c) (Double) -> Double
    let logf: @convention(c) (Float) -> Float
    let logd: @convention(c) (Double) -> Double
    let powf: @convention(c) (Float, Float) -> Float
    let powd: @convention(c) (Double, Double) -> Double
    /// More unary u10 functions by SLEEF name ("expm1", "log1p", "exp2", "tanh", "erf",
    /// "lgamma", and "atanh", "sinh", "cosh" of `Vectorized<T>::atanh()`, `sinh()`, `cosh()`).
    let unaryFloat: [String: @convention(c) (Float) -> Float]
    let unaryDouble: [String: @convention(c) (Double) -> Double]
    static let unaryNames = ["expm1", "log1p", "exp2", "tanh", "erf", "lgamma", "atanh", "sinh", "cosh"]
    /// `atan2` (u10), for PyTorch's `Vectorized<T>::atan2`.
    let atan2f: @convention(c) (Float, Float) -> Float
    let atan2d: @convention(c) (Double, Double) -> Double
    /// `hypot` (u05), for PyTorch's `Vectorized<T>::hypot`.
    let hypotf: @convention(c) (Float, Float) -> Float
    let hypotd: @convention(c) (Double, Double) -> Double

    private init?(handle: UnsafeMutableRawPointer, path: String) {
        func symbol<F>(_ name: String, _ type: F.Type) -> F? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        guard let expf = symbol("Sleef_expf1_u10purecfma", (@convention(c) (Float) -> Float).self),
              let expd = symbol("Sleef_expd1_u10purecfma", (@convention(c) (Double) -> Double).self),
              let logf = symbol("Sleef_logf1_u10purecfma", (@convention(c) (Float) -> Float).self),
              let logd = symbol("Sleef_logd1_u10purecfma", (@convention(c) (Double) -> Double).self),
              let powf = symbol("Sleef_powf1_u10purecfma", (@convention(c) (Float, Float) -> Float).self),
              let powd = symbol("Sleef_powd1_u10purecfma", (@convention(c) (Double, Double) -> Double).self),
              let atan2f = symbol("Sleef_atan2f1_u10purecfma", (@convention(c) (Float, Float) -> Float).self),
              let atan2d = symbol("Sleef_atan2d1_u10purecfma", (@convention(c) (Double, Double) -> Double).self),
              let hypotf = symbol("Sleef_hypotf1_u05purecfma", (@convention(c) (Float, Float) -> Float).self),
              let hypotd = symbol("Sleef_hypotd1_u05purecfma", (@convention(c) (Double, Double) -> Double).self)
        else { return nil }
        self.atan2f = atan2f; self.atan2d = atan2d
        self.hypotf = hypotf; self.hypotd = hypotd
        var uf: [String: @convention(c) (Float) -> Float] = [:], ud: [String: @convention(c) (Double) -> Double] = [:]
        for name in SLEEFLibrary.unaryNames {
            guard let f = symbol("Sleef_\(name)f1_u10purecfma", (@convention(c) (Float) -> Float).self),
                  let d = symbol("Sleef_\(name)d1_u10purecfma", (@convention(c) (Double) -> Double).self) else { return nil }
            uf[name] = f; ud[name] = d
        }
        self.unaryFloat = uf; self.unaryDouble = ud
        self.path = path
        self.expf = expf; self.expd = expd; self.logf = logf; self.logd = logd; self.powf = powf; self.powd = powd
    }

    private static func load() -> SLEEFLibrary? {
        #if os(Linux) && arch(x86_64)
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let given = env["GRADBOOK_SLEEF"], !given.isEmpty {
            if ["0", "off", "no", "none"].contains(given.lowercased()) { return nil }
            candidates = [given]
        } else {
            if let cache = MKLLibrary.cacheFolder(environment: env) {
                // Next to MKL's folder: <cache>/sleef/libsleef.so.3
                let base = cache.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                candidates.append(base + "/sleef/libsleef.so.3")
            }
            candidates.append("libsleef.so.3")
        }
        for path in candidates {
            if path.hasPrefix("/") && !FileManager.default.fileExists(atPath: path) { continue }
            guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { continue }
            if let library = SLEEFLibrary(handle: handle, path: path) { return library }
            dlclose(handle)
        }
        #endif
        return nil
    }
}
