import Foundation
import Testing
@testable import Tensors

/// The memory PyTorch's CPU FFT (MKL's DFTI) writes for raw transform layouts — 1-D
/// lengths 1...64, primes, 1000 and 1024, batched, strided, along a leading dimension,
/// 2-D and 3-D — compared bit for bit (as FNV-1a hashes of the output bytes). Made by
/// PyTorchGoldens/FFTGoldens.py with PyTorch 2.15 on 2 threads. Skipped without MKL.
@Suite("FFT kernel goldens", .enabled(if: FFTKernels.usesMKL, "MKL not found (scripts/install-mkl): PyTorch's last digits cannot be reproduced"))
struct FFTKernelGoldenTests {
    struct Case: Decodable {
        let kind: String
        let forward: Bool
        let dtype: String
        let norm: String
        let sizes: [Int]
        let batch: Int
        let idist: Int
        let odist: Int
        let istrides: [Int]
        let ostrides: [Int]
        let input_count: Int
        let output_count: Int
        let seed: Int
        let hash: String
    }

    struct File: Decodable { let cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("PyTorchGoldens/FFTGoldens.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    static func kind(_ c: Case) -> FFTKind {
        switch c.kind {
        case "c2c": .complexToComplex(forward: c.forward)
        case "r2c": .realToComplex
        default: .complexToReal
        }
    }

    static func layout(_ c: Case) -> FFTLayout {
        FFTLayout(signalSizes: c.sizes, batch: c.batch, inputDistance: c.idist, outputDistance: c.odist,
                  inputStrides: c.istrides, outputStrides: c.ostrides)
    }

    /// Runs one case with `run` and returns the FNV-1a hash of the output bytes.
    static func hash(_ c: Case, portable: Bool = false) throws -> String {
        let complexIn = c.kind != "r2c", complexOut = c.kind != "c2r"
        let scalars = MKLGoldenTests.pseudo(c.input_count * (complexIn ? 2 : 1), c.seed, -1, 1)
        let outScalars = c.output_count * (complexOut ? 2 : 1)
        let norm = FFTNormalization(norm: c.norm, forward: c.kind == "r2c" || (c.kind == "c2c" && c.forward))!
        func run<T: BinaryFloatingPoint>(_ type: T.Type) throws -> [UInt8] {
            let input = scalars.map { T($0) }
            var output = [T](repeating: 0, count: outScalars)
            try input.withUnsafeBytes { i in
                try output.withUnsafeMutableBytes { o in
                    if portable {
                        FFTKernels.executePortable(kind(c), double: T.self == Double.self, layout: layout(c),
                                                   normalization: norm, input: i.baseAddress!, output: o.baseAddress!)
                    } else {
                        try FFTKernels.execute(kind(c), double: T.self == Double.self, layout: layout(c),
                                               normalization: norm, input: i.baseAddress!, output: o.baseAddress!)
                    }
                }
            }
            return output.withUnsafeBytes { Array($0) }
        }
        let bytes = c.dtype == "float32" ? try run(Float.self) : try run(Double.self)
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test("MKL's transforms match PyTorch's bytes", arguments: ["c2c", "r2c", "c2r"])
    func matchesPyTorch(kind: String) throws {
        let selected = Self.cases.filter { $0.kind == kind }
        #expect(selected.count > 100)
        var failures: [String] = []
        for c in selected where try Self.hash(c) != c.hash {
            failures.append("\(c.kind) forward=\(c.forward) \(c.dtype) \(c.norm) sizes=\(c.sizes) batch=\(c.batch) strides=\(c.istrides)")
        }
        #expect(failures.isEmpty, "\(failures.count) of \(selected.count) differ: \(failures.prefix(8))")
    }
}

/// The portable Swift FFT (used without MKL) agrees with MKL within rounding.
@Suite("Portable FFT", .enabled(if: FFTKernels.usesMKL, "compares with MKL"))
struct PortableFFTTests {
    @Test("agrees with MKL within 1e-12 of the largest value (float64)")
    func agreesWithMKL() throws {
        for c in FFTKernelGoldenTests.cases where c.sizes.reduce(1, *) <= 128 {
            let kind = FFTKernelGoldenTests.kind(c), layout = FFTKernelGoldenTests.layout(c)
            let norm = FFTNormalization(norm: c.norm, forward: c.kind == "r2c" || (c.kind == "c2c" && c.forward))!
            let complexIn = c.kind != "r2c", complexOut = c.kind != "c2r"
            let input = MKLGoldenTests.pseudo(c.input_count * (complexIn ? 2 : 1), c.seed, -1, 1)
            let count = c.output_count * (complexOut ? 2 : 1)
            var mkl = [Double](repeating: 0, count: count), portable = mkl
            try input.withUnsafeBytes { i in
                try mkl.withUnsafeMutableBytes { o in
                    try FFTKernels.execute(kind, double: true, layout: layout, normalization: norm,
                                           input: i.baseAddress!, output: o.baseAddress!)
                }
                portable.withUnsafeMutableBytes { o in
                    FFTKernels.executePortable(kind, double: true, layout: layout, normalization: norm,
                                               input: i.baseAddress!, output: o.baseAddress!)
                }
            }
            let scale = max(1, mkl.map(abs).max() ?? 1)
            let worst = zip(mkl, portable).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= 1e-12 * scale, "\(c.kind) \(c.sizes) batch \(c.batch): \(worst)")
        }
    }

    @Test("a length-1000 transform round-trips")
    func roundTrip() {
        let x = (0..<1000).map { i in (re: Double(i % 7) - 3, im: Double(i % 5) * 0.5) }
        let back = PortableFFT.transform(PortableFFT.transform(x, sign: -1), sign: 1)
        for (a, b) in zip(x, back) {
            #expect(abs(a.re - b.re / 1000) < 1e-12 && abs(a.im - b.im / 1000) < 1e-12)
        }
    }
}
