import Foundation
import Testing
@testable import Tensors

/// PyTorch's results for the kernels it writes itself — GELU (oneDNN's for float32), GELU
/// tanh, Mish, ELU and the activation gradients; atan2 and tensor powers; softmax over a
/// non-last dim; layer_norm; std and var — compared bit for bit. Made by
/// PyTorchGoldens/ExactKernelGoldens.py with PyTorch 2.15 on 2 threads (AMD EPYC, AVX2:
/// see "made_with" in the JSON); float64 GELU through PyTorch's own SLEEF erf
/// (BundledSLEEFErf). Skipped where SLEEF is not installed (`scripts/install-mkl`), except
/// layer_norm and the moments, which need no library.
struct ExactKernelGoldenTests {
    struct Case: Decodable {
        let kind: String
        let op: String?
        let dtype: String
        let seed: Int?
        let lo: Double?
        let hi: Double?
        let count: Int?
        let specials: Bool?
        let layout: String?
        let shape: [Int]?
        let dim: Int?
        let log: Bool?
        let affine: Bool?
        let correction: Double?
        let out: String
        let grad: String?
    }

    struct File: Decodable {
        let specials: [String]
        let cases: [Case]
    }

    static let file: File = PyTorchGoldenFile.decode("ExactKernelGoldens.json")

    static func cases(_ kind: String) -> [Case] { file.cases.filter { $0.kind == kind } }

    static var specials: [Double] {
        file.specials.map { s in
            switch s {
            case "inf": .infinity
            case "-inf": -.infinity
            case "nan": .nan
            default: Double(s)!
            }
        }
    }

    typealias G = MKLGoldenTests

    static func input(_ c: Case, seed: Int? = nil, lo: Double? = nil, hi: Double? = nil, specials: Bool = true) throws -> Tensor {
        var values = G.pseudo(c.count!, seed ?? c.seed!, lo ?? c.lo!, hi ?? c.hi!)
        if specials { values += Self.specials }
        return try G.make(values, [values.count], G.dtype(c.dtype))
    }

    static func expectBits(_ t: Tensor, _ expected: String, _ label: String) throws {
        let (bad, first) = G.compare(try G.hex(t), expected, width: t.dtype == .float32 ? 8 : 16)
        #expect(bad == 0, "\(label): \(bad) mismatches, \(first)")
    }

    @Test("gelu, gelu tanh, mish, elu", .enabled(if: SLEEFLibrary.shared != nil), arguments: cases("act"))
    func activation(_ c: Case) throws {
        let x = try Self.input(c, specials: c.specials ?? true)
        let op: UnaryOp = switch c.op! {
        case "gelu": .gelu
        case "gelu_tanh": .geluTanh
        case "mish": .mish
        case "elu": .elu(alpha: 1)
        default: .elu(alpha: 0.5)
        }
        let result: Tensor
        switch c.layout! {
        case "contiguous": result = try x.unary(op)
        case "stride3": result = try x.slice(0, start: 0, end: x.sizes[0], step: 3).unary(op)
        default: result = try Tensor.cat(try (0..<48).map { i in try x.slice(0, start: i, end: i + 1).unary(op) }, dim: 0)
        }
        try Self.expectBits(result, c.out, "\(c.op!) \(c.dtype) \(c.count!) \(c.layout!)")
    }

    @Test("activation gradients", .enabled(if: SLEEFLibrary.shared != nil), arguments: cases("actgrad"))
    func activationGradient(_ c: Case) throws {
        let x = try Self.input(c, specials: false)
        let g = try Self.input(c, seed: c.seed! + 100, lo: -2, hi: 2, specials: false)
        let kind: ActivationGradient = switch c.op! {
        case "silu": .silu
        case "gelu": .gelu
        case "gelu_tanh": .geluTanh
        case "mish": .mish
        case "softplus": .softplus(beta: 1, threshold: 20)
        case "softplus_b2": .softplus(beta: 2, threshold: 5)
        case "logsigmoid": .logSigmoid
        default: .elu(neg: 1, pos: 1, input: 1)
        }
        let result = try #require(try Tensor.activationBackward(kind, grad: g, input: x))
        try Self.expectBits(result, c.out, "\(c.op!) backward \(c.dtype)")
    }

    @Test("atan2, pow with a tensor exponent, number ** tensor", .enabled(if: SLEEFLibrary.shared != nil), arguments: cases("binary"))
    func binary(_ c: Case) throws {
        var a = try Self.input(c)
        var b = try Self.input(c, seed: c.seed! + 100, lo: -4, hi: 4)
        if c.layout == "rows" {
            a = try a.slice(0, start: 0, end: 2040).reshape([40, 51])
            b = c.op!.hasPrefix("rpow") ? try b.slice(0, start: 0, end: 2040).reshape([40, 51]) : try b.slice(0, start: 0, end: 51)
        }
        let result: Tensor = switch c.op! {
        case "atan2": try a.atan2(b)
        case "pow": try a.abs().pow(b)
        case "rpow2": try b.binary(.pow, .int(2), reflected: true)
        default: try b.binary(.pow, .float(2.5), reflected: true)
        }
        try Self.expectBits(result, c.out, "\(c.op!) \(c.dtype) \(c.layout!)")
    }

    @Test("softmax and log_softmax over a non-last dim, forward and backward", .enabled(if: SLEEFLibrary.shared != nil),
          arguments: cases("softmaxdim"))
    func softmaxDim(_ c: Case) throws {
        let shape = c.shape!, numel = shape.reduce(1, *), dt = G.dtype(c.dtype), dim = c.dim!
        let x = try G.make(G.pseudo(numel, 800 + numel % 97, -8, 8), shape, dt)
        let g = try G.make(G.pseudo(numel, 900 + numel % 89, -1, 1), shape, dt)
        let y = c.log! ? try x.logSoftmax(dim: dim) : try x.softmax(dim: dim)
        let label = "\(c.log! ? "log_softmax" : "softmax") \(c.dtype) \(shape) dim \(dim)"
        try Self.expectBits(y, c.out, label)
        let back = try #require(try Tensor.softmaxBackwardInnerDim(grad: g, output: y, dim: dim, log: c.log!))
        try Self.expectBits(back, c.grad!, label + " backward")
    }

    @Test("layer_norm", arguments: cases("layernorm"))
    func layerNorm(_ c: Case) throws {
        let shape = c.shape!, dt = G.dtype(c.dtype), n = shape[1]
        let x = try G.make(G.pseudo(shape[0] * n, 1000 + n, -3, 5), shape, dt)
        let w = try G.make(G.pseudo(n, 1100 + n, -2, 2), [n], dt), b = try G.make(G.pseudo(n, 1200 + n, -1, 1), [n], dt)
        let result = try #require(try LayerNormKernel.forward(x, rowLength: n, weight: c.affine! ? w : nil,
                                                             bias: c.affine! ? b : nil, eps: 1e-5))
        try Self.expectBits(result.output, c.out, "layer_norm \(c.dtype) \(shape) affine \(c.affine!)")
    }

    @Test("prod of a whole tensor", arguments: cases("prod"))
    func prod(_ c: Case) throws {
        let x = try Self.input(c, specials: false)
        try Self.expectBits(try x.prod().reshape([1]), c.out, "prod \(c.dtype) \(c.count!)")
    }

    @Test("std and var", arguments: cases("moments"))
    func moments(_ c: Case) throws {
        let shape = c.shape!, numel = shape.reduce(1, *)
        let x = try G.make(G.pseudo(numel, 1300 + numel % 101, -3, 5), shape, G.dtype(c.dtype))
        let dims = c.dim.map { [$0] }
        let result = c.op == "std" ? try x.std(dims: dims, correction: c.correction!) : try x.variance(dims: dims, correction: c.correction!)
        try Self.expectBits(result, c.out, "\(c.op!) \(c.dtype) \(shape) dim \(c.dim.map(String.init) ?? "all") correction \(c.correction!)")
    }
}

extension ExactKernelGoldenTests.Case: CustomTestStringConvertible {
    var testDescription: String {
        [kind, op, dtype, layout, shape.map { "\($0)" }, dim.map { "dim \($0)" }, count.map { "n \($0)" }]
            .compactMap { $0 }.joined(separator: " ")
    }
}
