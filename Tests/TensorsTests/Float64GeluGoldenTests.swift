import Foundation
import Testing
@testable import Tensors

/// PyTorch's float64 GELU (erf form) and its gradient bit for bit on 144,103 inputs and the
/// extremes around its branch points (SLEEF erf's 1e-8, 2.5 and 6 cut-offs after the ·√½,
/// overflow, infinities, NaN): full vectors through the SLEEF build PyTorch bundles
/// (BundledSLEEFErf), the tail through glibc. Made by PyTorchGoldens/Float64GeluGoldens.py.
struct Float64GeluGoldenTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let op: String
        let count_in: Int
        let seed: Int
        let lo: Double
        let hi: Double
        let count: Int
        let out: String
        let digest: String
        var testDescription: String { "\(op) n \(count_in) in [\(lo), \(hi))" }
    }

    struct File: Decodable {
        let extremes: [String]
        let cases: [Case]
    }

    static let file: File = PyTorchGoldenFile.decode("Float64GeluGoldens.json")

    typealias G = MKLGoldenTests

    @Test("float64 gelu and gelu_backward", .enabled(if: SLEEFLibrary.shared != nil), arguments: file.cases)
    func gelu(_ c: Case) throws {
        let extremes = Self.file.extremes.map { Double($0)! }
        let x = try G.make(G.pseudo(c.count_in, c.seed, c.lo, c.hi) + extremes, [c.count_in + extremes.count], .float64)
        let y: Tensor
        if c.op == "gelu" {
            y = try x.unary(.gelu)
        } else {
            let ones = [Double](repeating: 1, count: extremes.count)
            let g = try G.make(G.pseudo(c.count_in, c.seed + 100, -2, 2) + ones, x.sizes, .float64)
            y = try #require(try Tensor.activationBackward(.gelu, grad: g, input: x))
        }
        #expect(y.numel == c.count)
        let head = try G.hex(try y.slice(0, start: 0, end: c.out.count / 16))
        let (bad, first) = G.compare(head, c.out, width: 16)
        #expect(bad == 0, "\(bad) of the first values differ, \(first)")
        #expect(try ReductionGoldenTests.digest(y) == c.digest, "digest of all \(c.count) values")
    }
}
