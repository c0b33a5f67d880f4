import Foundation
import Testing
@testable import Tensors

/// PyTorch's results for the kernels its CPU build computes with SLEEF lanes in its own
/// vector loops (sigmoid, pow with a general exponent, expm1, log1p, exp2, silu, logsigmoid,
/// softplus, softmax and log_softmax with their backward), from the same golden file as `MKLGoldenTests`, compared bit for bit.
/// Skipped where SLEEF is not installed (`scripts/install-mkl` fetches it).
@Suite("SLEEF goldens", .enabled(if: SLEEFLibrary.shared != nil, "SLEEF not found (scripts/install-mkl): sigmoid, softmax and pow keep libm's rounding"))
struct SLEEFGoldenTests {
    typealias G = MKLGoldenTests

    static var vecCases: [G.Case] { G.file.cases.filter { $0.kind == "vec" } }
    static var softmaxCases: [G.Case] { G.file.cases.filter { $0.kind == "softmax" } }

    static func width(_ dtype: String) -> Int { dtype == "float32" ? 8 : 16 }

    @Test("sigmoid, pow, expm1, log1p, exp2, silu, logsigmoid, softplus", arguments: vecCases)
    func vectorLoop(_ c: G.Case) throws {
        let dt = G.dtype(c.dtype)
        var x = try G.make(G.pseudo(c.count!, c.seed!, c.lo!, c.hi!) + G.specials, [c.count! + G.specials.count], dt)
        if c.layout == "stride3" { x = try x.slice(0, start: 0, end: x.sizes[0], step: 3) }
        let result: Tensor
        switch c.op! {
        case "sigmoid": result = try x.sigmoid()
        case "pow": result = try x.pow(.float(c.exponent!))
        case "expm1": result = try x.unary(.expm1)
        case "log1p": result = try x.unary(.log1p)
        case "exp2": result = try x.unary(.exp2)
        case "silu": result = try x.unary(.silu)
        case "logsigmoid": result = try x.unary(.logSigmoid)
        case "softplus":
            // The generator's beta/threshold: exponent carries beta when not the default.
            result = try x.unary(.softplus(beta: c.exponent ?? 1, threshold: c.exponent == nil ? 20 : 5))
        default: fatalError("no op \(c.op!)")
        }
        let (bad, first) = G.compare(try G.hex(result), c.out, width: Self.width(c.dtype))
        #expect(bad == 0, "\(c.op!) \(c.exponent.map { "\($0)" } ?? "") \(c.dtype) \(c.count!) \(c.layout!): \(bad) mismatches, \(first)")
    }

    @Test("softmax and log_softmax, forward and backward", arguments: softmaxCases)
    func softmax(_ c: G.Case) throws {
        let dt = G.dtype(c.dtype), shape = c.shape!, numel = shape.reduce(1, *), last = shape.last!
        let x = try G.make(G.pseudo(numel, 60 + last, -8, 8), shape, dt)
        let g = try G.make(G.pseudo(numel, 70 + last, -1, 1), shape, dt)
        let log = c.log!
        let y = log ? try x.logSoftmax(dim: -1) : try x.softmax(dim: -1)
        let (bad, first) = G.compare(try G.hex(y), c.out, width: Self.width(c.dtype))
        #expect(bad == 0, "\(log ? "log_softmax" : "softmax") \(c.dtype) \(shape): \(bad) mismatches, \(first)")
        let back = try #require(try Tensor.softmaxBackwardLastDim(grad: g, output: y, log: log))
        let (badBack, firstBack) = G.compare(try G.hex(back), c.grad!, width: Self.width(c.dtype))
        #expect(badBack == 0, "\(log ? "log_softmax" : "softmax") backward \(c.dtype) \(shape): \(badBack) mismatches, \(firstBack)")
    }
}
