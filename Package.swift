// swift-tools-version:6.0
import PackageDescription

// Layering (DESIGN.md): arrows point down only.
//   gradbook -> Notebooks -> Reports -> Lessons -> Torch -> Interpreter
//                                        \-> Autograd -> Tensors -> CBLAS
//   Lessons -> CMark; Torch, Lessons and Reports -> Figures (plain data)
let release: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
/// Tensors' kernels are compiled for AVX2 with FMA on x86-64, as PyTorch's AVX2 kernels are: `addingProduct`
/// becomes one `vfmadd` (per lane of a SIMD8) instead of a call to `fmaf`. Swift never contracts a product and a
/// sum on its own, so no result changes, only speed (OneDNNConvolution's vector kernels rely on it).
#if arch(x86_64)
let kernelISA: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma"])]
#else
let kernelISA: [SwiftSetting] = []
#endif

/// The commit `gradbook --version` names: `make build` sets GRADBOOK_COMMIT (e.g. `4170d2d1a2b3` or `4170d2d1a2b3-dirty`);
/// only the BuildInfo C target sees it, so a new commit recompiles one file.
let commit = (Context.environment["GRADBOOK_COMMIT"] ?? "").filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
let buildInfo: [CSetting] = commit.isEmpty ? [] : [.define("GRADBOOK_COMMIT", to: "\"\(commit)\"")]

let package = Package(
    name: "Gradbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gradbook", targets: ["gradbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // AVX2+FMA kernels in C, chosen at run time by the CPU's features.
        .target(name: "CAVX2Kernels"),
        // The C library's complex functions (csin, ctanh, ...), which Swift cannot call directly.
        .target(name: "CComplexLibm", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        .target(name: "Tensors", dependencies: ["CBLAS", "CAVX2Kernels", "CComplexLibm"], exclude: ["Devices/README.md"], swiftSettings: release + kernelISA),
        .target(name: "Autograd", dependencies: ["Tensors"], swiftSettings: release),
        // The CUDA backend: libcuda, NVRTC and cuBLAS are dlopen'ed at run time, never linked.
        .target(name: "CUDABackend", dependencies: ["Tensors"], swiftSettings: release),
        // Figures as plain data (matplotlib.pyplot records them, Reports draws them).
        .target(name: "Figures"),
        .target(name: "Interpreter", exclude: ["HOST_API.md"], swiftSettings: release),
        // Python/ is compiled in as NN/EmbeddedPython.swift (`make embed`), not shipped beside the binary.
        // `numpy` for the cell language, on Tensors storage (the torch bridge shares it).
        .target(name: "NumPy", dependencies: ["Interpreter", "Tensors", "CBLAS"], swiftSettings: release),
        .target(name: "Torch", dependencies: ["Interpreter", "Autograd", "Tensors", "Figures", "NumPy", "CUDABackend"],
                exclude: ["Python"], swiftSettings: release),
        .target(name: "Lessons", dependencies: ["CMark", "Torch", "Interpreter", "Figures"], swiftSettings: release),
        .target(name: "Reports", dependencies: ["Lessons", "Torch", "Interpreter", "Figures"], swiftSettings: release),
        // Jupyter interop: notebooks in (import) and out (export, with Reports' figures).
        .target(name: "Notebooks", dependencies: ["Reports", "Lessons", "Figures"], swiftSettings: release),
        .target(name: "BuildInfo", cSettings: buildInfo),
        .executableTarget(name: "gradbook", dependencies: [
            "Lessons", "Reports", "Notebooks", "Torch", "Tensors", "BuildInfo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: release),

        // Kernel timings of the Tensors layer (bench/tensor_kernels.py is PyTorch's side).
        .executableTarget(name: "TensorBench", dependencies: ["Tensors"], path: "bench/TensorBench",
                          swiftSettings: release),

        // GPU vs CPU kernel comparison and GPU timings (run by bench/gpu-check on a GPU machine).
        .executableTarget(name: "cuda-check", dependencies: ["CUDABackend", "Tensors"], path: "bench/CUDACheck",
                          swiftSettings: release),

        // Pins the test process to the CPU capability the goldens were made with (AVX2).
        .target(name: "GoldenProfile", path: "Tests/GoldenProfile"),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors", "GoldenProfile"], exclude: ["PyTorchGoldens"]),
        .testTarget(name: "CUDABackendTests", dependencies: ["CUDABackend", "Tensors"]),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd", "Tensors"]),
        .testTarget(name: "InterpreterTests", dependencies: ["Interpreter"], resources: [.copy("Spec")]),
        .testTarget(name: "TorchTests", dependencies: ["Torch", "Interpreter"], exclude: ["Goldens", "NNLessons", "LinalgLessons", "FFTLessons", "AutogradLessons",
                                                                              "ComplexLessons", "DistributionLessons", "DoubleBackwardLessons",
                                                                              "KeywordLessons", "DeviceLessons", "OutDTypeLessons", "SpecialLessons"]),
        .testTarget(name: "NumPyTests", dependencies: ["NumPy", "Torch", "Interpreter", "Lessons"],
                    exclude: ["generate_goldens.py", "Goldens", "Lessons"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Lessons", "Figures"], exclude: ["Goldens"],
                    resources: [.copy("FigureGoldens")]),
        .testTarget(name: "NotebooksTests", dependencies: ["Notebooks", "Lessons"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: ["gradbook"], exclude: ["CapabilityScripts"]),
        .testTarget(name: "ConformanceTests", dependencies: ["Lessons"], resources: [.copy("Lessons")]),
    ]
)

// libFuzzer targets (fuzz/README.md), only when fuzz/run builds them with GRADBOOK_FUZZ=1
// and `-sanitize=fuzzer,address`: libFuzzer supplies their `main`.
if Context.environment["GRADBOOK_FUZZ"] != nil {
    package.targets += [
        .executableTarget(name: "FuzzLesson", dependencies: ["Lessons"], path: "fuzz/Targets/FuzzLesson"),
        .executableTarget(name: "FuzzPython", dependencies: ["Interpreter"], path: "fuzz/Targets/FuzzPython"),
        .executableTarget(name: "FuzzInterpreter", dependencies: ["Interpreter", "Tensors", "Torch"],
                          path: "fuzz/Targets/FuzzInterpreter"),
    ]
}
