import Foundation
import Testing
@testable import Tensors

/// PyTorch's float32/float64 `sum` and `mean` of expanded (stride-0) inputs, bit for bit:
/// random `x.expand(...)` shapes, some permuted, over random dim sets, below and above the
/// 32,768 grain; and the hand-picked `sum_to_size` reductions autograd does for the gradient
/// of a broadcast op. Made by PyTorchGoldens/ExpandedReductionGoldens.py with PyTorch 2.15
/// on 2 threads. Needs no library.
struct ExpandedReductionGoldenTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let op: String
        let dtype: String
        let base: [Int]
        let expand: [Int]
        let perm: [Int]?
        let seed: Int
        let dims: [Int]?
        let keepdim: Bool
        let count: Int
        let out: String
        let digest: String

        var testDescription: String {
            "\(op) \(dtype) \(base)→\(expand)\(perm.map { " permute \($0)" } ?? "") dims \(dims.map { "\($0)" } ?? "all")\(keepdim ? " keepdim" : "")"
        }
    }

    struct File: Decodable {
        let cases: [Case]
    }

    static let file: File = PyTorchGoldenFile.decode("ExpandedReductionGoldens.json")

    typealias G = MKLGoldenTests

    @Test("sum and mean of expanded inputs", arguments: file.cases)
    func reduction(_ c: Case) throws {
        let base = try G.make(G.pseudo(c.base.reduce(1, *), c.seed, -3, 5), c.base, G.dtype(c.dtype))
        var x = try base.expand(c.expand)
        if let perm = c.perm { x = try x.permute(perm) }
        let y = c.op == "sum" ? try x.sum(dims: c.dims, keepdim: c.keepdim) : try x.mean(dims: c.dims, keepdim: c.keepdim)
        #expect(y.numel == c.count)
        let width = y.dtype == .float32 ? 8 : 16
        let head = try G.hex(try y.reshape([-1]).slice(0, start: 0, end: Swift.min(y.numel, c.out.count / width)))
        let (bad, first) = G.compare(head, c.out, width: width)
        #expect(bad == 0, "\(bad) of the first values differ, \(first)")
        #expect(try ReductionGoldenTests.digest(y) == c.digest, "digest of all \(c.count) values")
    }
}
