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
import Dispatch

/// The vector width of PyTorch's CPU kernels on this machine (its "CPU capability"): it
/// decides which elements a kernel computes in vector lanes and which in its scalar tail,
/// and so the last bits of reductions, softmax, norms and SLEEF-vs-libm elements.
///
/// PyTorch picks AVX512 when the CPU has AVX-512 F/BW/VL/DQ and FMA, AVX2 with AVX2 and FMA;
/// `ATEN_CPU_CAPABILITY=avx2` (or `avx512`) overrides it, and Gradbook honours the same
/// variable the same way, so goldens made on an AVX2 machine (or with that variable) are
/// reproduced on an AVX-512 one. A value it cannot honour (`default`, a misspelling, or
/// `avx512` on a CPU without it) is ignored with PyTorch's warning text.
public enum CPUCapability {
    /// Bytes per vector: 64 for AVX512, 32 for AVX2, else 16.
    public static let vectorBytes: Int = {
        let detected = detectedVectorBytes
        guard let requested = ProcessInfo.processInfo.environment["ATEN_CPU_CAPABILITY"] else { return detected }
        switch requested {
        case "avx2" where detected >= 32: return 32
        case "avx512" where detected >= 64: return 64
        default:
            let warning = Array("UserWarning: ignoring invalid value for ATEN_CPU_CAPABILITY: \(requested)\n".utf8)
            _ = warning.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            return detected
        }
    }()

    /// What the CPU itself supports, before `ATEN_CPU_CAPABILITY`.
    static let detectedVectorBytes: Int = {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flagsLine = info.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        if ["avx512f", "avx512bw", "avx512vl", "avx512dq", "fma"].allSatisfy(flags.contains) { return 64 }
        if flags.contains("avx2") && flags.contains("fma") { return 32 }
        return 16
    }()

    /// PyTorch's name for it, as `torch.backends.cpu.get_cpu_capability()` returns it.
    public static var name: String {
        switch vectorBytes { case 64: "AVX512"; case 32: "AVX2"; default: "DEFAULT" }
    }

    /// Where the capability came from, for `gradbook info`.
    public static var origin: String {
        ProcessInfo.processInfo.environment["ATEN_CPU_CAPABILITY"] != nil && vectorBytes != detectedVectorBytes
            ? "ATEN_CPU_CAPABILITY; the CPU supports \(detectedVectorBytes * 8)-bit vectors" : "detected"
    }

    /// Lanes of T in the vectors of the build of a kernel that `build` says runs here.
    static func lanes<T>(_ t: T.Type, _ build: ATenBuild) -> Int {
        (build == .avx2 ? Swift.min(vectorBytes, 32) : vectorBytes) / MemoryLayout<T>.size
    }
}

/// Which of PyTorch's per-capability builds of a kernel an AVX-512 CPU runs. ATen compiles
/// each file in `native/cpu/` once per capability, but `REGISTER_DISPATCH` registers the
/// AVX512 build as nullptr, and `DispatchStub` then falls back to the AVX2 build: only the
/// kernels registered with `ALSO_REGISTER_AVX512_DISPATCH` (and the unary VML kernels of
/// `IMPLEMENT_FLOAT_KERNEL`/`IMPLEMENT_COMPLEX_KERNEL`) run in 16 float lanes. So each kernel
/// that models vector lanes names the registration of its PyTorch counterpart.
enum ATenBuild {
    /// `REGISTER_DISPATCH`: 8 float lanes on AVX2 and AVX-512 CPUs alike (layer_norm,
    /// group_norm, batch_norm, prod, softshrink...).
    case avx2
    /// `ALSO_REGISTER_AVX512_DISPATCH`: the CPU capability's own width (softmax, GELU, SiLU,
    /// sigmoid, smooth_l1, atan2, hypot, logaddexp, flash attention...).
    case avx512
}

/// An elementwise function as PyTorch's `cpu_kernel_vec` computes it: one formula for
/// vector lanes (SLEEF), another for the scalar tail (libm).
protocol VectorizedFunction {
    associatedtype T: RealElement
    func lane(_ x: T) -> T
    func tail(_ x: T) -> T
}

enum VectorizedLoops {
    /// PyTorch's `at::internal::GRAIN_SIZE`: ranges shorter than this are not split.
    static let grain = 32768

    /// out = f(a) over `shape` in PyTorch's order: the elements are split between threads
    /// as `parallel_for` splits TensorIterator's linear range (so a piece may start or end
    /// inside a row), and each contiguous row segment runs two vectors at a time with the
    /// rest in the scalar tail; strided segments are all tail. Dims are walked in
    /// TensorIterator's order (memory order for a transposed tensor). `grain` is the
    /// kernel's grain size (GELU passes its own); `build` the width its PyTorch kernel runs in
    /// (`.avx2` for one registered with plain `REGISTER_DISPATCH`).
    static func map<F: VectorizedFunction>(_ f: F, _ shape: [Int], _ out: Operand, _ a: Operand, grain: Int = grain,
                                           build: ATenBuild = .avx512) {
        let po = out.typed(F.T.self), pa = a.typed(F.T.self)
        let block = 2 * CPUCapability.lanes(F.T.self, build)
        segments(StridedLoop.iteratorOrdered(shape: shape, out.strides, a.strides), grain: grain) { oo, oa, _, n, io, ia, _ in
            var i = 0
            if io == 1 && (ia == 1 || ia == 0) {
                // Contiguous, or a broadcast input (`is_contiguous_scalar`): vector lanes.
                while i + block <= n {
                    for j in i..<(i + block) { po[oo + j] = f.lane(pa[oa + j * ia]) }
                    i += block
                }
                while i < n { po[oo + i] = f.tail(pa[oa + i * ia]); i += 1 }
            } else {
                for i in 0..<n { po[oo + i * io] = f.tail(pa[oa + i * ia]) }
            }
        }
    }

    /// out = f(a, b), as `cpu_kernel_vec` runs a binary op: a row segment is vectorised
    /// when every operand is contiguous, or when one input is a broadcast scalar (stride 0)
    /// and the others contiguous; otherwise it is all scalar tail.
    static func map2<F: VectorizedBinaryFunction>(_ f: F, _ shape: [Int], _ out: Operand, _ a: Operand, _ b: Operand,
                                                  grain: Int = grain, build: ATenBuild = .avx512) {
        let po = out.typed(F.T.self), pa = a.typed(F.T.self), pb = b.typed(F.T.self)
        let block = 2 * CPUCapability.lanes(F.T.self, build)
        segments(StridedLoop.iteratorOrdered(shape: shape, out.strides, a.strides, b.strides), grain: grain) { oo, oa, ob, n, io, ia, ib in
            let vector = io == 1 && ((ia == 1 && ib == 1) || (ia == 0 && ib == 1) || (ia == 1 && ib == 0))
            var i = 0
            if vector {
                while i + block <= n {
                    for j in i..<(i + block) { po[oo + j] = f.lane(pa[oa + j * ia], pb[ob + j * ib]) }
                    i += block
                }
            }
            while i < n { po[oo + i * io] = f.tail(pa[oa + i * ia], pb[ob + i * ib]); i += 1 }
        }
    }

    /// TensorIterator's `for_each`: the linear range of `loop`'s elements cut into
    /// `parallel_for` pieces, each walked row by row (its first and last rows possibly
    /// partial); `body` gets each row segment's offsets, length and inner strides. Pieces
    /// run on threads of their own; they write disjoint elements.
    static func segments(_ loop: StridedLoop, grain: Int, _ body: (Int, Int, Int, Int, Int, Int, Int) -> Void) {
        let numel = loop.numel
        if numel == 0 { return }
        let shape = loop.shape, s0 = loop.s0, s1 = loop.s1, s2 = loop.s2
        let nd = shape.count
        let inner = nd == 0 ? 1 : shape[nd - 1]
        let i0 = nd == 0 ? 0 : s0[nd - 1], i1 = nd == 0 ? 0 : s1[nd - 1], i2 = nd == 0 ? 0 : s2[nd - 1]
        func run(_ start: Int, _ end: Int) {
            var position = start
            while position < end {
                let row = position / inner, column = position % inner
                var r = row, o0 = 0, o1 = 0, o2 = 0
                var d = nd - 2
                while d >= 0 {
                    let k = r % shape[d]
                    r /= shape[d]
                    o0 += k * s0[d]; o1 += k * s1[d]; o2 += k * s2[d]
                    d -= 1
                }
                let n = min(inner - column, end - position)
                body(o0 + column * i0, o1 + column * i1, o2 + column * i2, n, i0, i1, i2)
                position += n
            }
        }
        let split = pieces(numel, grain: grain)
        if split.count == 1 { run(0, numel); return }
        OpenMPTeam.run(chunks: split.count) { c in run(split[c].0, split[c].1) }
    }

    /// The ranges `parallel_for(0, n, grain)` hands to PyTorch's threads.
    static func pieces(_ n: Int, grain: Int = grain) -> [(Int, Int)] {
        if n <= grain || IntraOpThreads.count < 2 { return [(0, n)] }
        let threads = min(IntraOpThreads.count, (n + grain - 1) / grain)
        let chunk = (n + threads - 1) / threads
        return stride(from: 0, to: n, by: chunk).map { ($0, min(n, $0 + chunk)) }
    }
}

/// A binary elementwise function as `cpu_kernel_vec` computes it.
protocol VectorizedBinaryFunction {
    associatedtype T: RealElement
    func lane(_ a: T, _ b: T) -> T
    func tail(_ a: T, _ b: T) -> T
}

/// `sigmoid`: lanes `1 / (1 + exp(0 - x))` with SLEEF's exp, tail with libm's.
struct SigmoidFunction<T: RealElement>: VectorizedFunction {
    let exp: (T) -> T
    @inline(__always) func lane(_ x: T) -> T { 1 / (1 + exp(0 - x)) }
    @inline(__always) func tail(_ x: T) -> T { 1 / (1 + T.m_exp(-x)) }
}

/// `x ** e` for an exponent PyTorch has no special case for: SLEEF's pow in lanes with the
/// exponent rounded to the element type; in the tail, C++'s `std::pow(x, double(e))`, which
/// computes in double and rounds once.
struct PowFunction<T: RealElement>: VectorizedFunction {
    let pow: (T, T) -> T
    let e: Double
    @inline(__always) func lane(_ x: T) -> T { pow(x, T(e)) }
    @inline(__always) func tail(_ x: T) -> T { T(Double.m_pow(Double(x), e)) }
}

/// A SLEEF function in the lanes and `libm` in the tail (`exp2`; `expm1` and `log1p` pass
/// SLEEF for both).
struct PlainFunction<T: RealElement>: VectorizedFunction {
    let sleef: (T) -> T
    let libm: (T) -> T
    @inline(__always) func lane(_ x: T) -> T { sleef(x) }
    @inline(__always) func tail(_ x: T) -> T { libm(x) }
}

/// `silu`: `x / (1 + exp(-x))`.
struct SiLUFunction<T: RealElement>: VectorizedFunction {
    let exp: (T) -> T
    @inline(__always) func lane(_ x: T) -> T { x / (1 + exp(-x)) }
    @inline(__always) func tail(_ x: T) -> T { x / (1 + T.m_exp(-x)) }
}

/// `logsigmoid`: `min(0, x) - log1p(exp(-|x|))`, SLEEF in every element (PyTorch's kernel
/// maps whole and partial vectors alike).
struct LogSigmoidFunction<T: RealElement>: VectorizedFunction {
    let exp: (T) -> T
    let log1p: (T) -> T
    @inline(__always) func lane(_ x: T) -> T {
        // `vec::minimum` marks a NaN lane with all bits set, and the subtraction keeps it.
        let low = x.isNaN ? allOnes : Swift.min(0, x)
        return low - log1p(exp(-Swift.abs(x)))
    }

    private var allOnes: T {
        T(sign: .minus, exponentBitPattern: (1 << T.exponentBitCount) - 1,
          significandBitPattern: (1 << T.significandBitCount) - 1)
    }
    @inline(__always) func tail(_ x: T) -> T { lane(x) }
}

/// `softplus(beta, threshold)`: x where x·beta > threshold, else log1p(exp(x·beta)) / beta.
struct SoftplusFunction<T: RealElement>: VectorizedFunction {
    let exp: (T) -> T
    let log1p: (T) -> T
    let beta: T, threshold: T
    @inline(__always) func lane(_ x: T) -> T { x * beta > threshold ? x : log1p(exp(x * beta)) / beta }
    @inline(__always) func tail(_ x: T) -> T { x * beta > threshold ? x : T.m_log1p(T.m_exp(x * beta)) / beta }
}

extension SLEEFLibrary {
    func unary<T: RealElement>(_ name: String, _ t: T.Type) -> (T) -> T {
        if T.self == Float.self {
            let f = unaryFloat[name]!
            return { unsafeBitCast(f(unsafeBitCast($0, to: Float.self)), to: T.self) }
        }
        if name == "erf" {
            // PyTorch's own SLEEF build, not the loaded one (BundledSLEEFErf).
            return { unsafeBitCast(BundledSLEEFErf.erf(unsafeBitCast($0, to: Double.self)), to: T.self) }
        }
        let d = unaryDouble[name]!
        return { unsafeBitCast(d(unsafeBitCast($0, to: Double.self)), to: T.self) }
    }

    func exp<T: RealElement>(_ t: T.Type) -> (T) -> T {
        if T.self == Float.self { let f = expf; return { unsafeBitCast(f(unsafeBitCast($0, to: Float.self)), to: T.self) } }
        let d = expd; return { unsafeBitCast(d(unsafeBitCast($0, to: Double.self)), to: T.self) }
    }

    func log<T: RealElement>(_ t: T.Type) -> (T) -> T {
        if T.self == Float.self { let f = logf; return { unsafeBitCast(f(unsafeBitCast($0, to: Float.self)), to: T.self) } }
        let d = logd; return { unsafeBitCast(d(unsafeBitCast($0, to: Double.self)), to: T.self) }
    }

    func pow<T: RealElement>(_ t: T.Type) -> (T, T) -> T {
        if T.self == Float.self {
            let f = powf
            return { unsafeBitCast(f(unsafeBitCast($0, to: Float.self), unsafeBitCast($1, to: Float.self)), to: T.self) }
        }
        let d = powd
        return { unsafeBitCast(d(unsafeBitCast($0, to: Double.self), unsafeBitCast($1, to: Double.self)), to: T.self) }
    }
}
