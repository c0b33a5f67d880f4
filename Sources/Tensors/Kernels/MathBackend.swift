import CBLAS
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

/// What the CPU backend computes with, for `gradbook info` and for `check`'s warning
/// when results may differ from PyTorch's in the last digits.
public enum MathBackend {
    /// True when MKL and SLEEF are loaded: products, VML functions and PyTorch's SLEEF
    /// kernels (sigmoid, softmax, pow) then round as PyTorch's do.
    public static var matchesPyTorch: Bool { MKLLibrary.shared != nil && SLEEFLibrary.shared != nil }

    /// What `check` says when MKL is missing.
    public static let withoutMKLNotice =
        "gradbook: MKL or SLEEF not loaded (run scripts/install-mkl): results may differ from PyTorch in the last digits, see docs/mkl.md"

    /// One line per fact, `name: value`.
    public static func report() -> [(String, String)] {
        var lines: [(String, String)] = []
        if let mkl = MKLLibrary.shared {
            lines.append(("math backend", "Intel MKL (BLAS and Vector Math), as PyTorch's CPU build"))
            lines.append(("MKL", mkl.version))
            lines.append(("MKL library", mkl.path))
            lines.append(("MKL threading", "\(mkl.threadingLayer), \(mkl.threads) threads"))
            lines.append(("BLAS", "MKL"))
        } else {
            lines.append(("math backend", "OpenBLAS and libm (MKL not loaded: results may differ from PyTorch in the last digits; scripts/install-mkl installs it)"))
            lines.append(("BLAS", "\(openBLASConfig) (core \(String(cString: openblas_get_corename())))"))
        }
        if let sleef = SLEEFLibrary.shared {
            lines.append(("SLEEF", "\(sleef.path) (sigmoid, softmax, log_softmax, pow; vector width \(CPUCapability.vectorBytes * 8) bits)"))
        } else {
            lines.append(("SLEEF", "not loaded: sigmoid, softmax, log_softmax and pow round as libm does"))
        }
        lines.append(("CPU capability", "\(CPUCapability.name) (\(CPUCapability.origin)), as torch.backends.cpu.get_cpu_capability()"))
        lines.append(("oneDNN kernels", OneDNNISA.avx512Core
            ? "avx512_core orders, as PyTorch's oneDNN runs them here (ONEDNN_MAX_CPU_ISA=AVX2 makes it run AVX2), for float32 2-d convolutions (jit, jit_1x1, jit_dw, gemm:jit; grouped forwards) and float32 LSTMs (its sgemm); AVX2 orders elsewhere: dilated and 3-d convolutions, grouped gradients and strided transposed convolutions may differ in the last bits"
            : "AVX2 orders, as PyTorch's oneDNN runs them here"))
        lines.append(("intra-op threads", "\(IntraOpThreads.count) (torch.get_num_threads)"))
        lines.append(("kernel threads", "\(System.threadBudget) (GRADBOOK_THREADS)"))
        lines.append(("CPU", cpuModel))
        lines.append(("CPU features", cpuFeatures.joined(separator: " ")))
        return lines
    }

    private static var openBLASConfig: String {
        String(cString: openblas_get_config()).trimmedOfSpaces()
    }

    private static let cpuInfo: String = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""

    private static func field(_ name: String) -> String? {
        for line in cpuInfo.split(separator: "\n") where line.hasPrefix(name) {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmedOfSpaces()
            }
        }
        return nil
    }

    static var cpuModel: String {
        let model = field("model name") ?? "unknown"
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) logical / \(IntraOpThreads.physicalCores) physical cores"
    }

    /// The vector extensions that decide which kernels MKL, OpenBLAS and PyTorch pick.
    static var cpuFeatures: [String] {
        let flags = Set((field("flags") ?? "").split(separator: " ").map(String.init))
        let wanted = ["sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl", "avx512_bf16", "amx_tile"]
        let present = wanted.filter { flags.contains($0) }
        return present.isEmpty ? ["none of \(wanted.joined(separator: ", "))"] : present
    }
}
