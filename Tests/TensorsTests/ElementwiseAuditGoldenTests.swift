import Foundation
import Testing
@testable import Tensors

/// The elementwise kernels the numerics audit found different from PyTorch, bit for bit
/// against PyTorch 2.15 (PyTorchGoldens/ElementwiseAuditGoldens.py, 2 threads, AMD EPYC
/// AVX2): atanh, sinh, cosh and hypot with SLEEF lanes and a libm tail, softshrink's two
/// loops, digamma and the i0/i1/i1e Bessel family, and the unreduced smooth L1 and binary
/// cross-entropy kernels, over contiguous, transposed, expanded and sliced inputs of sizes
/// below and above the vector width and the 32,768 grain. The reduced losses and
/// BCE-with-logits are checked through Autograd (AutogradTests/PointwiseLossGoldenTests).
struct ElementwiseAuditGoldenTests {
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

    static let file: File = PyTorchGoldenFile.decode("ElementwiseAuditGoldens.json")

    static func cases(_ kind: String, _ ops: Set<String>) -> [Case] {
        file.cases.filter { $0.kind == kind && ops.contains($0.op) }
    }

    typealias G = MKLGoldenTests

    /// The generator's base tensor, viewed in the case's layout.
    static func input(_ c: Case, seed: Int, lo: Double, hi: Double) throws -> Tensor {
        let base = try G.make(G.pseudo(c.shape.reduce(1, *), seed, lo, hi), c.shape, G.dtype(c.dtype))
        switch c.layout.first {
        case "t": return try base.t()
        case "e": return try base.expand([9, 33])
        case "s": return try base.slice(1, start: 0, end: c.shape[1], step: 2)
        default: return base
        }
    }

    /// FNV-1a of the hex string, as the generator stores outputs above 2,100 elements.
    static func fnv1a(_ s: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return G.hexWord(h, 16)
    }

    static func expectBits(_ t: Tensor, _ c: Case) throws {
        let hex = try G.hex(t)
        if let out = c.out {
            let (bad, first) = G.compare(hex, out, width: t.dtype == .float32 ? 8 : 16)
            #expect(bad == 0, "\(c.testDescription): \(bad) mismatches, \(first)")
        } else {
            #expect(fnv1a(hex) == c.hash, "\(c.testDescription): the \(t.numel) elements' hash differs")
        }
    }

    @Test("atanh, float64 sinh/cosh (SLEEF lanes, libm tail)", .enabled(if: SLEEFLibrary.shared != nil),
          arguments: cases("unary", ["atanh", "sinh", "cosh"]))
    func sleefUnary(_ c: Case) throws {
        let x = try Self.input(c, seed: c.seed, lo: c.lo, hi: c.hi)
        let op: UnaryOp = c.op == "atanh" ? .atanh : (c.op == "sinh" ? .sinh : .cosh)
        try Self.expectBits(try x.unary(op), c)
    }

    @Test("digamma, i0, i1, i1e (GCC's fused multiply-adds)", arguments: cases("unary", ["digamma", "i0", "i1", "i1e"]))
    func special(_ c: Case) throws {
        let x = try Self.input(c, seed: c.seed, lo: c.lo, hi: c.hi)
        let op: SpecialUnaryOp = switch c.op {
        case "digamma": .digamma
        case "i0": .i0
        case "i1": .i1
        default: .i1e
        }
        try Self.expectBits(try x.special(op), c)
    }

    @Test("softshrink (+0 in lanes, x·0 in the tail)", arguments: cases("unary", ["softshrink", "softshrink_1.3"]))
    func softshrink(_ c: Case) throws {
        let x = try Self.input(c, seed: c.seed, lo: c.lo, hi: c.hi)
        let y = try #require(try x.softshrinkValues(lambda: c.op == "softshrink" ? 0.5 : 1.3))
        try Self.expectBits(y, c)
    }

    @Test("hypot, unreduced smooth L1 and binary cross-entropy", .enabled(if: SLEEFLibrary.shared != nil),
          arguments: cases("binary", ["hypot", "smooth_l1_none", "bce_none"]))
    func binary(_ c: Case) throws {
        let a = try Self.input(c, seed: c.seed, lo: c.lo, hi: c.hi)
        let b = try Self.input(c, seed: c.seed2!, lo: c.lo2!, hi: c.hi2!)
        let y: Tensor = switch c.op {
        case "hypot": try a.binary(.hypot, b)
        case "smooth_l1_none": try #require(try Tensor.smoothL1Values(a, b, beta: 1))
        default: try #require(try Tensor.binaryCrossEntropyValues(a, b))
        }
        try Self.expectBits(y, c)
    }
}
