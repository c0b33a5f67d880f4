import Foundation
import Testing
@testable import Tensors

/// PyTorch's float `norm` (p = 1, 2, 3, 0.5, 4), `var`/`std` (correction 0 and 1),
/// `var_mean`/`std_mean` and `prod` over one dim, bit for bit, on contiguous, permuted,
/// expanded and sliced inputs below and above the 32,768 grain: TensorIterator's dim order
/// and the 2-thread split decide the order of every addition (IteratorNorm,
/// IteratorMoments). Made by PyTorchGoldens/LayoutReductionGoldens.py with PyTorch 2.15 on
/// 2 threads; its `nansum` cases are checked by AutogradTests' LayoutNansumGoldenTests.
struct LayoutReductionGoldenTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let op: String
        let dtype: String
        let base: [Int]
        let expand: [Int]?
        let step: Int?
        let perm: [Int]?
        let seed: Int
        let dims: [Int]?
        let keepdim: Bool
        let p: Double?
        let correction: Double?
        let count: Int
        let out: String
        let digest: String

        var testDescription: String {
            var s = "\(op)\(p.map { " p=\($0)" } ?? "")\(correction.map { " correction=\(Int($0))" } ?? "") \(dtype) \(base)"
            if let expand { s += "→\(expand)" }
            if let step { s += "[..., ::\(step)]" }
            if let perm { s += " permute \(perm)" }
            return s + " dims \(dims.map { "\($0)" } ?? "all")\(keepdim ? " keepdim" : "")"
        }
    }

    struct File: Decodable { let cases: [Case] }

    static let file: File = PyTorchGoldenFile.decode("LayoutReductionGoldens.json")

    typealias G = MKLGoldenTests

    /// The generator's input: pseudo values (NaN above 4.2 for nansum) in `base`, expanded,
    /// sliced along the last dim, permuted.
    static func input(_ c: Case) throws -> Tensor {
        var values = G.pseudo(c.base.reduce(1, *), c.seed, -3, 5)
        if c.op == "nansum" { values = values.map { $0 > 4.2 ? .nan : $0 } }
        var x = try G.make(values, c.base, G.dtype(c.dtype))
        if let expand = c.expand { x = try x.expand(expand) }
        if let step = c.step { x = try x.slice(x.rank - 1, start: nil, end: nil, step: step) }
        if let perm = c.perm { x = try x.permute(perm) }
        return x
    }

    /// Checks the first values and the digest of all of them against the case.
    static func check(_ y: Tensor, _ c: Case) throws {
        #expect(y.numel == c.count)
        let width = y.dtype == .float32 ? 8 : 16
        let flat = try y.reshape([-1])
        let head = try G.hex(try flat.slice(0, start: 0, end: Swift.min(y.numel, c.out.count / width)))
        let (bad, first) = G.compare(head, c.out, width: width)
        #expect(bad == 0, "\(bad) of the first values differ, \(first)")
        #expect(try ReductionGoldenTests.digest(y) == c.digest, "digest of all \(c.count) values")
    }

    @Test("norm, var, std, var_mean, std_mean and prod of every layout", arguments: file.cases.filter { $0.op != "nansum" })
    func reduction(_ c: Case) throws {
        let x = try Self.input(c)
        let y: Tensor
        switch c.op {
        case "norm":
            y = try x.norm(p: c.p!, dims: c.dims, keepdim: c.keepdim)
        case "var":
            y = try x.variance(dims: c.dims, correction: c.correction!, keepdim: c.keepdim)
        case "std":
            y = try x.std(dims: c.dims, correction: c.correction!, keepdim: c.keepdim)
        case "var_mean", "std_mean":
            let r = try x.welfordMoments(dims: c.dims, correction: c.correction!, keepdim: c.keepdim, sqrt: c.op == "std_mean")
            y = try Tensor.cat([try r.stat.reshape([-1]), try r.mean.reshape([-1])], dim: 0)
        default:
            y = try x.mul(.float(0.25)).add(.float(0.875)).prod(dims: c.dims, keepdim: c.keepdim)
        }
        try Self.check(y, c)
    }
}
