import Foundation
import Testing
import Autograd
import Tensors

/// `nll_loss`'s reduced value in PyTorch's summation order (an 8-level cascade), bit for
/// bit against PyTorch 2.15 (cases "nll" of Tests/TensorsTests/PyTorchGoldens/MKLGoldens.json,
/// made by MKLGoldens.py). Needs neither MKL nor SLEEF: only the order of the additions.
struct NLLCascadeGoldenTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let kind: String
        let dtype: String
        let shape: [Int]?
        let reduction: String?
        let weighted: Bool?
        let ignore: Bool?
        let out: String
        var testDescription: String {
            "\(dtype) \(shape ?? []) \(reduction ?? "") weighted \(weighted ?? false) ignore \(ignore ?? false)"
        }
    }

    struct File: Decodable { let cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TensorsTests/PyTorchGoldens/MKLGoldens.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases.filter { $0.kind == "nll" }
    }()

    /// The generator's inputs (see MKLGoldens.py's `pseudo`).
    static func pseudo(_ count: Int, _ seed: Int, _ lo: Double, _ hi: Double) -> [Double] {
        (0..<count).map { i in
            let k = (UInt64(i + 1) &* 2654435761 &+ UInt64(seed) &* 40503) % 4294967296
            return lo + (hi - lo) * (Double(k) / 4294967296.0)
        }
    }

    /// Values rounded to the dtype, as the generator's `.to(dt)`.
    static func make(_ values: [Double], _ shape: [Int], _ dtype: DType) throws -> Tensor {
        try Tensor(values: values, shape: shape, dtype: dtype)
    }

    @Test("nll_loss reduction", arguments: cases)
    func nll(_ c: Case) throws {
        let dt: DType = c.dtype == "float32" ? .float32 : .float64
        let n = c.shape![0], k = c.shape![1]
        let x = try Self.make(Self.pseudo(n * k, 80 + n, -4, 0), [n, k], dt)
        var targets = Self.pseudo(n, 90 + n, 0, 1).map { Int64($0 * Double(k)) }
        if c.ignore! { for i in stride(from: 0, to: n, by: 7) { targets[i] = -100 } }
        let weight = c.weighted! ? try Self.make(Self.pseudo(k, 95 + k, 0.1, 2), [k], dt) : nil
        let loss = try Differentiable.nllLoss(x, try Tensor(values: targets, shape: [n], dtype: .int64), weight: weight,
                                              reduction: c.reduction == "mean" ? .mean : .sum)
        let value = try loss.elementsAsDouble()[0]
        let hex = dt == .float32 ? String(format: "%08x", Float(value).bitPattern) : String(format: "%016lx", value.bitPattern)
        #expect(hex == c.out, "nll \(c.testDescription): \(hex) != \(c.out)")
    }
}
