// swift-tools-version:6.0
import PackageDescription

// Layering (DESIGN.md): arrows point down only.
//   gradbook -> Notebooks -> Reports -> Lessons -> Torch -> Interpreter
//                                        \-> Autograd -> Tensors -> CBLAS
//   Lessons -> CMark; Torch, Lessons and Reports -> Figures (plain data)
let release: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

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
        .target(name: "Tensors", dependencies: ["CBLAS"], swiftSettings: release),
        .target(name: "Autograd", dependencies: ["Tensors"], swiftSettings: release),
        // Figures as plain data (matplotlib.pyplot records them, Reports draws them).
        .target(name: "Figures"),
        .target(name: "Interpreter", exclude: ["HOST_API.md"], swiftSettings: release),
        .target(name: "Torch", dependencies: ["Interpreter", "Autograd", "Tensors", "Figures"],
                resources: [.copy("Python")], swiftSettings: release),
        .target(name: "Lessons", dependencies: ["CMark", "Torch", "Interpreter", "Figures"], swiftSettings: release),
        .target(name: "Reports", dependencies: ["Lessons", "Torch", "Interpreter", "Figures"], swiftSettings: release),
        // Jupyter interop: notebooks in (import) and out (export, with Reports' figures).
        .target(name: "Notebooks", dependencies: ["Reports", "Lessons", "Figures"], swiftSettings: release),
        .executableTarget(name: "gradbook", dependencies: [
            "Lessons", "Reports", "Notebooks", "Torch", "Tensors",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: release),

        // Kernel timings of the Tensors layer (bench/tensor_kernels.py is PyTorch's side).
        .executableTarget(name: "TensorBench", dependencies: ["Tensors"], path: "bench/TensorBench",
                          swiftSettings: release),

        .testTarget(name: "TensorsTests", dependencies: ["Tensors"], exclude: ["PyTorchGoldens"]),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd", "Tensors"]),
        .testTarget(name: "InterpreterTests", dependencies: ["Interpreter"], resources: [.copy("Spec")]),
        .testTarget(name: "TorchTests", dependencies: ["Torch", "Interpreter"], exclude: ["Goldens", "NNLessons"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Lessons", "Figures"], resources: [.copy("FigureGoldens")]),
        .testTarget(name: "NotebooksTests", dependencies: ["Notebooks", "Lessons"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: ["gradbook"]),
        .testTarget(name: "ConformanceTests", dependencies: ["Lessons"], resources: [.copy("Lessons")]),
    ]
)
