import Foundation
import Testing
@testable import Tensors

/// PyTorch's float32/float64 `sum`, `mean` and `nansum`, bit for bit, over every length up
/// to 200, primes, powers of two ± 1, lengths around multiples of the 32,768 grain, a few
/// million, and 2-, 3- and 4-D tensors reduced over each dim set, contiguous, transposed,
/// strided and permuted. Made by PyTorchGoldens/ReductionGoldens.py with PyTorch 2.15 on 2
/// threads (the split between threads is part of the result). Needs no library.
struct ReductionGoldenTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let op: String
        let dtype: String
        let shape: [Int]
        let seed: Int
        let view: String
        let dims: [Int]?
        let keepdim: Bool
        let count: Int
        let out: String
        let digest: String

        var testDescription: String {
            "\(op) \(dtype) \(shape) \(view) dims \(dims.map { "\($0)" } ?? "all")\(keepdim ? " keepdim" : "")"
        }
    }

    struct File: Decodable {
        let cases: [Case]
    }

    static let file: File = PyTorchGoldenFile.decode("ReductionGoldens.json")

    typealias G = MKLGoldenTests

    /// The generator's `make`: pseudo values in [-3, 5), every 37th a NaN for nansum.
    static func input(_ c: Case) throws -> Tensor {
        var values = G.pseudo(c.shape.reduce(1, *), c.seed, -3, 5)
        if c.op == "nansum" { for i in stride(from: 0, to: values.count, by: 37) { values[i] = .nan } }
        return try G.make(values, c.shape, G.dtype(c.dtype))
    }

    /// The generator's `view`.
    static func view(_ x: Tensor, _ how: String) throws -> Tensor {
        switch how {
        case "contiguous": return x
        case "t": return try x.transpose(0, 1)
        case "step2": return try x.slice(x.rank - 1, start: 0, end: x.sizes[x.rank - 1], step: 2)
        case "rowstep2": return try x.slice(0, start: 0, end: x.sizes[0], step: 2)
        default:
            let order = how.dropFirst("permute".count).split(separator: ",").map { Int($0)! }
            return try x.permute(order)
        }
    }

    /// Σ bits[i]·(2i+1) modulo 2^64, the generator's `digest`.
    static func digest(_ t: Tensor) throws -> String {
        let c = try t.contiguous()
        var h: UInt64 = 0
        for i in 0..<c.numel {
            let b = c.dtype == .float32 ? UInt64(c.pointer(Float.self)[i].bitPattern) : c.pointer(Double.self)[i].bitPattern
            h = h &+ b &* UInt64(2 * i + 1)
        }
        return G.hexWord(h, 16)
    }

    @Test("sum, mean and nansum", arguments: file.cases)
    func reduction(_ c: Case) throws {
        let x = try Self.view(try Self.input(c), c.view)
        let y: Tensor
        switch c.op {
        case "sum": y = try x.sum(dims: c.dims, keepdim: c.keepdim)
        case "mean": y = try x.mean(dims: c.dims, keepdim: c.keepdim)
        default:
            // Autograd's nansum: NaNs replaced by zeros, then summed.
            let clean = try Tensor.where(try x.unary(.isnan), .int(0), x)
            y = try clean.sum(dims: c.dims, keepdim: c.keepdim)
        }
        #expect(y.numel == c.count)
        let width = y.dtype == .float32 ? 8 : 16
        let head = try G.hex(try y.reshape([-1]).slice(0, start: 0, end: Swift.min(y.numel, c.out.count / width)))
        let (bad, first) = G.compare(head, c.out, width: width)
        #expect(bad == 0, "\(bad) of the first values differ, \(first)")
        #expect(try Self.digest(y) == c.digest, "digest of all \(c.count) values")
    }
}
