#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The instruction set oneDNN (PyTorch's convolutions and float32 LSTMs) dispatches on: its
/// kernels block channels by the vector width (8 floats on AVX2, 16 on AVX-512), so the
/// accumulation order, and the last bits, follow it. oneDNN takes the CPU's best ISA unless
/// `ONEDNN_MAX_CPU_ISA` (case-insensitive: `AVX2`, `AVX512_CORE`, ...) caps it; Gradbook
/// reads the same variable. Gradbook reproduces oneDNN's AVX2 kernels, and on AVX-512 the
/// `avx512_core` ones of plain 2-d convolutions (OneDNNConvolutionAVX512*.swift); where
/// oneDNN would run an AVX-512 kernel Gradbook has not reproduced yet, the AVX2 order runs
/// (the last bits may then differ from PyTorch's on that machine, docs/differences.md).
public enum OneDNNISA {
    /// True when oneDNN would run its `avx512_core` kernels here.
    public static let avx512Core: Bool = {
        guard CPUCapability.detectedVectorBytes >= 64 else { return false }
        guard let cap = ProcessInfo.processInfo.environment["ONEDNN_MAX_CPU_ISA"]?.uppercased() else { return true }
        return cap == "ALL" || cap == "DEFAULT" || cap.hasPrefix("AVX512_CORE") || cap.hasPrefix("AVX10")
    }()

    /// oneDNN's name for the ISA it dispatches on, as `ONEDNN_VERBOSE` prints it.
    public static var name: String { avx512Core ? "avx512_core" : "avx2" }
}
