import Foundation
import Testing
import Autograd
import Tensors

/// `F.softshrink`, `F.smooth_l1_loss`, `F.binary_cross_entropy` and
/// `F.binary_cross_entropy_with_logits` through Autograd's entry points, bit for bit against
/// PyTorch 2.15 — unreduced, and reduced in the order PyTorch's `mean`/`sum` adds the loss
/// tensor it laid out (cases "softshrink*" and "binary" of
/// Tests/TensorsTests/PyTorchGoldens/ElementwiseAuditGoldens.json, made by
/// ElementwiseAuditGoldens.py on 2 threads). BCE-with-logits needs SLEEF (log_sigmoid's
/// lanes); the others need no library.
struct PointwiseLossGoldenTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let kind: String
        let op: String
        let dtype: String
        let layout: String
        let shape: [Int]
        let seed: Int
        let lo: Double
        let hi: Double
        let seed2: Int?
        let lo2: Double?
        let hi2: Double?
        let out: String?
        let hash: String?
        var testDescription: String { "\(op) \(dtype) \(layout)" }
    }

    struct File: Decodable { let cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TensorsTests/PyTorchGoldens/ElementwiseAuditGoldens.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    static func select(_ ops: Set<String>) -> [Case] { cases.filter { ops.contains($0.op) } }

    /// The generator's inputs (MKLGoldens.py's `pseudo`) rounded to the dtype.
    static func pseudo(_ count: Int, _ seed: Int, _ lo: Double, _ hi: Double) -> [Double] {
        (0..<count).map { i in
            let k = (UInt64(i + 1) &* 2654435761 &+ UInt64(seed) &* 40503) % 4294967296
            return lo + (hi - lo) * (Double(k) / 4294967296.0)
        }
    }

    static func input(_ c: Case, seed: Int, lo: Double, hi: Double) throws -> Tensor {
        let dt: DType = c.dtype == "float32" ? .float32 : .float64
        let base = try Tensor(values: pseudo(c.shape.reduce(1, *), seed, lo, hi), shape: c.shape, dtype: dt)
        switch c.layout.first {
        case "t": return try base.t()
        case "e": return try base.expand([9, 33])
        case "s": return try base.slice(1, start: 0, end: c.shape[1], step: 2)
        default: return base
        }
    }

    static func hex(_ t: Tensor) throws -> String {
        let values = try t.contiguous().elementsAsDouble()
        func word(_ v: UInt64, _ width: Int) -> String {
            let h = String(v, radix: 16)
            return String(repeating: "0", count: width - h.count) + h
        }
        return values.map { t.dtype == .float32 ? word(UInt64(Float($0).bitPattern), 8) : word($0.bitPattern, 16) }.joined()
    }

    static func expectBits(_ t: Tensor, _ c: Case) throws {
        let h = try hex(t)
        if let out = c.out {
            #expect(h == out, "\(c.testDescription): bits differ")
        } else {
            var f: UInt64 = 0xcbf29ce484222325
            for b in h.utf8 { f = (f ^ UInt64(b)) &* 0x100000001b3 }
            let s = String(f, radix: 16)
            #expect(String(repeating: "0", count: 16 - s.count) + s == c.hash, "\(c.testDescription): hash differs")
        }
    }

    @Test("F.softshrink", arguments: select(["softshrink", "softshrink_1.3"]))
    func softshrink(_ c: Case) throws {
        let x = try Self.input(c, seed: c.seed, lo: c.lo, hi: c.hi)
        try Self.expectBits(try Differentiable.activation(x, .softshrink(lambda: c.op == "softshrink" ? 0.5 : 1.3)), c)
    }

    @Test("F.smooth_l1_loss and F.binary_cross_entropy",
          arguments: select(["smooth_l1_none", "smooth_l1_mean", "smooth_l1_sum_beta0.5", "bce_none", "bce_mean"]))
    func losses(_ c: Case) throws {
        let a = try Self.input(c, seed: c.seed, lo: c.lo, hi: c.hi)
        let b = try Self.input(c, seed: c.seed2!, lo: c.lo2!, hi: c.hi2!)
        let y: Tensor = switch c.op {
        case "smooth_l1_none": try Differentiable.smoothL1Loss(a, b, reduction: .none, beta: 1)
        case "smooth_l1_mean": try Differentiable.smoothL1Loss(a, b, reduction: .mean, beta: 1)
        case "smooth_l1_sum_beta0.5": try Differentiable.smoothL1Loss(a, b, reduction: .sum, beta: 0.5)
        case "bce_none": try Differentiable.binaryCrossEntropy(a, b, reduction: .none)
        default: try Differentiable.binaryCrossEntropy(a, b, reduction: .mean)
        }
        try Self.expectBits(y, c)
    }

    @Test("F.binary_cross_entropy_with_logits", .enabled(if: SLEEFLibrary.shared != nil), arguments: select(["bce_logits_none", "bce_logits_mean"]))
    func withLogits(_ c: Case) throws {
        let a = try Self.input(c, seed: c.seed, lo: c.lo, hi: c.hi)
        let b = try Self.input(c, seed: c.seed2!, lo: c.lo2!, hi: c.hi2!)
        try Self.expectBits(try Differentiable.binaryCrossEntropyWithLogits(a, b, reduction: c.op == "bce_logits_none" ? .none : .mean), c)
    }
}
