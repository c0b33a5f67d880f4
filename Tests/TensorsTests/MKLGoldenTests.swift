import Foundation
import Testing
@testable import Tensors

/// PyTorch's results for what its CPU build computes with MKL (products and VML functions),
/// compared bit for bit. Made by PyTorchGoldens/MKLGoldens.py with PyTorch 2.15 on 2 threads
/// (MKL 2024.2, AMD EPYC, AVX2 — see "made_with" in the JSON). Skipped where MKL is not
/// installed (`scripts/install-mkl`); `make test` installs it.
@Suite("MKL goldens", .enabled(if: MKLLibrary.shared != nil, "MKL not found (scripts/install-mkl): PyTorch's last digits cannot be reproduced"))
struct MKLGoldenTests {
    struct Case: Decodable {
        let kind: String
        let op: String?
        let dtype: String
        let seed: Int?
        let lo: Double?
        let hi: Double?
        let count: Int?
        let layout: String?
        let shape: [Int]?
        let out: String
        let exponent: Double?
        let log: Bool?
        let grad: String?
        let reduction: String?
        let weighted: Bool?
        let ignore: Bool?
    }

    struct File: Decodable {
        let specials: [String]
        let cases: [Case]
    }

    static let file: File = PyTorchGoldenFile.decode("MKLGoldens.json")

    static var unaryCases: [Case] { file.cases.filter { $0.kind == "unary" } }
    static var productCases: [Case] {
        file.cases.filter { ["mm", "mmT", "mv", "vm", "dot", "bmm", "linear", "addmm"].contains($0.kind) }
    }

    /// The generator's inputs: a 32-bit multiplicative hash per index, scaled in Double.
    static func pseudo(_ count: Int, _ seed: Int, _ lo: Double, _ hi: Double) -> [Double] {
        (0..<count).map { i in
            let k = (UInt64(i + 1) &* 2654435761 &+ UInt64(seed) &* 40503) % 4294967296
            return lo + (hi - lo) * (Double(k) / 4294967296.0)
        }
    }

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

    static func dtype(_ name: String) -> DType { name == "float32" ? .float32 : .float64 }

    /// A contiguous tensor holding `values` rounded to `dtype` (the generator's `.to(dt)`).
    static func make(_ values: [Double], _ shape: [Int], _ dtype: DType) throws -> Tensor {
        let t = try Tensor(empty: shape, dtype: dtype)
        if dtype == .float32 {
            for (i, v) in values.enumerated() { t.pointer(Float.self)[i] = Float(v) }
        } else {
            for (i, v) in values.enumerated() { t.pointer(Double.self)[i] = v }
        }
        return t
    }

    static func matrix(_ rows: Int, _ cols: Int, _ seed: Int, _ dtype: DType) throws -> Tensor {
        try make(pseudo(rows * cols, seed, -1, 1), [rows, cols], dtype)
    }

    static func vector(_ n: Int, _ seed: Int, _ dtype: DType) throws -> Tensor {
        try make(pseudo(n, seed, -1, 1), [n], dtype)
    }

    /// The tensor's elements as hex bit patterns, in row-major order.
    static func hex(_ t: Tensor) throws -> String {
        let c = try t.contiguous()
        var s = ""
        if c.dtype == .float32 {
            for i in 0..<c.numel { s += hexWord(UInt64(c.pointer(Float.self)[i].bitPattern), 8) }
        } else {
            for i in 0..<c.numel { s += hexWord(c.pointer(Double.self)[i].bitPattern, 16) }
        }
        return s
    }

    static func hexWord(_ v: UInt64, _ width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: width - h.count) + h
    }

    /// Mismatching elements and the first of them, for a readable failure.
    static func compare(_ actual: String, _ expected: String, width: Int) -> (Int, String) {
        let a = Array(actual.utf8), e = Array(expected.utf8)
        guard a.count == e.count else { return (-1, "length \(a.count / width) != \(e.count / width)") }
        var count = 0, first = ""
        for i in stride(from: 0, to: e.count, by: width) where a[i..<(i + width)] != e[i..<(i + width)] {
            if count == 0 {
                first = "element \(i / width): \(String(decoding: a[i..<(i + width)], as: UTF8.self)) != \(String(decoding: e[i..<(i + width)], as: UTF8.self))"
            }
            count += 1
        }
        return (count, first)
    }

    static func unaryOp(_ name: String) -> UnaryOp {
        switch name {
        case "exp": .exp
        case "log": .log
        case "log2": .log2
        case "log10": .log10
        case "sqrt": .sqrt
        case "sin": .sin
        case "cos": .cos
        case "tan": .tan
        case "asin": .asin
        case "acos": .acos
        case "atan": .atan
        case "tanh": .tanh
        case "erf": .erf
        case "erfc": .erfc
        default: fatalError("no op \(name)")
        }
    }

    @Test("elementwise functions", arguments: unaryCases)
    func unary(_ c: Case) throws {
        let dt = Self.dtype(c.dtype)
        let x = try Self.make(Self.pseudo(c.count!, c.seed!, c.lo!, c.hi!) + Self.specials,
                              [c.count! + Self.specials.count], dt)
        let op = Self.unaryOp(c.op!)
        let result: Tensor
        switch c.layout! {
        case "contiguous": result = try x.unary(op)
        case "stride2": result = try x.slice(0, start: 0, end: x.sizes[0], step: 2).unary(op)
        default:
            let parts = try (0..<64).map { i in try x.slice(0, start: i, end: i + 1).unary(op) }
            result = try Tensor.cat(parts, dim: 0)
        }
        let (bad, first) = Self.compare(try Self.hex(result), c.out, width: dt == .float32 ? 8 : 16)
        #expect(bad == 0, "\(c.op!) \(c.dtype) \(c.layout!): \(bad) mismatches, \(first)")
    }

    @Test("products", arguments: productCases)
    func product(_ c: Case) throws {
        let dt = Self.dtype(c.dtype), s = c.shape!
        let result: Tensor
        switch c.kind {
        case "mm":
            result = try Self.matrix(s[0], s[1], 100 + s[0], dt).mm(try Self.matrix(s[1], s[2], 200 + s[2], dt))
        case "mmT":
            let w = try Self.matrix(s[2], s[1], 300 + s[2], dt)
            result = try Self.matrix(s[0], s[1], 100 + s[0], dt).mm(try w.transpose(0, 1))
        case "mv":
            result = try Self.matrix(s[0], s[1], 400 + s[0], dt).mv(try Self.vector(s[1], 500 + s[1], dt))
        case "vm":
            result = try Self.vector(s[0], 600 + s[0], dt).matmul(try Self.matrix(s[0], s[1], 400 + s[0], dt))
        case "dot":
            result = try Self.vector(s[0], 700 + s[0], dt).dot(try Self.vector(s[0], 800 + s[0], dt))
        case "bmm":
            let a = try Self.matrix(s[0] * s[1], s[2], 900 + s[2], dt).reshape([s[0], s[1], s[2]])
            let b = try Self.matrix(s[0] * s[2], s[3], 1000 + s[3], dt).reshape([s[0], s[2], s[3]])
            result = try a.bmm(b)
        case "linear":
            let x = try Self.matrix(s[0], s[1], 1100 + s[0], dt), w = try Self.matrix(s[2], s[1], 1200 + s[2], dt)
            result = try Tensor.addmm(try Self.vector(s[2], 1300 + s[2], dt), x, try w.transpose(0, 1))
        case "addmm":
            let x = try Self.matrix(s[0], s[1], 1100 + s[0], dt), b = try Self.matrix(s[1], s[2], 1400 + s[2], dt)
            result = try Tensor.addmm(try Self.vector(s[2], 1300 + s[2], dt), x, b, beta: .float(0.5), alpha: .float(2))
        default: fatalError("no kind \(c.kind)")
        }
        let (bad, first) = Self.compare(try Self.hex(result), c.out, width: dt == .float32 ? 8 : 16)
        #expect(bad == 0, "\(c.kind) \(c.dtype) \(s): \(bad) mismatches, \(first)")
    }
}

extension MKLGoldenTests.Case: CustomTestStringConvertible {
    var testDescription: String {
        [kind, op, dtype, layout, shape.map { "\($0)" }].compactMap { $0 }.joined(separator: " ")
    }
}
