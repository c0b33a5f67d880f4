import Foundation
import Testing
import Autograd
import Tensors

/// `nansum` of contiguous, permuted, expanded and sliced inputs holding NaNs, bit for bit
/// against PyTorch 2.15 (the "nansum" cases of
/// Tests/TensorsTests/PyTorchGoldens/LayoutReductionGoldens.json, made by
/// LayoutReductionGoldens.py on 2 threads). PyTorch's nansum is its `sum` kernel reading
/// NaN as zero, so the order of additions follows the input's strides, not a dense copy's.
struct LayoutNansumGoldenTests {
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
        let count: Int
        let out: String
        let digest: String
        var testDescription: String {
            "nansum \(dtype) \(base)\(expand.map { "→\($0)" } ?? "")\(step.map { "[..., ::\($0)]" } ?? "")\(perm.map { " permute \($0)" } ?? "") dims \(dims.map { "\($0)" } ?? "all")"
        }
    }

    struct File: Decodable { let cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TensorsTests/PyTorchGoldens/LayoutReductionGoldens.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases.filter { $0.op == "nansum" }
    }()

    static func pseudo(_ count: Int, _ seed: Int, _ lo: Double, _ hi: Double) -> [Double] {
        (0..<count).map { i in
            let k = (UInt64(i + 1) &* 2654435761 &+ UInt64(seed) &* 40503) % 4294967296
            return lo + (hi - lo) * (Double(k) / 4294967296.0)
        }
    }

    /// Each value's bits as hex, and Σ bits·(2i+1) (the generator's digest).
    static func bits(_ t: Tensor) throws -> (hex: [String], digest: String) {
        let v = try t.contiguous().reshape([-1]).elementsAsDouble()
        var words: [UInt64] = []
        for x in v { words.append(t.dtype == .float32 ? UInt64(Float(x).bitPattern) : x.bitPattern) }
        func hex(_ w: UInt64, _ width: Int) -> String {
            let h = String(w, radix: 16)
            return String(repeating: "0", count: width - h.count) + h
        }
        var h: UInt64 = 0
        for (i, w) in words.enumerated() { h = h &+ w &* UInt64(2 * i + 1) }
        return (words.map { hex($0, t.dtype == .float32 ? 8 : 16) }, hex(h, 16))
    }

    @Test("nansum of every layout", arguments: cases)
    func nansum(_ c: Case) throws {
        let dt: DType = c.dtype == "float32" ? .float32 : .float64
        let values = Self.pseudo(c.base.reduce(1, *), c.seed, -3, 5).map { $0 > 4.2 ? Double.nan : $0 }
        var x = try Tensor(values: values, shape: c.base, dtype: dt)
        if let expand = c.expand { x = try x.expand(expand) }
        if let step = c.step { x = try x.slice(x.rank - 1, start: nil, end: nil, step: step) }
        if let perm = c.perm { x = try x.permute(perm) }
        let y = try Differentiable.nansum(x, dims: c.dims, keepdim: c.keepdim)
        #expect(y.numel == c.count)
        let (hex, digest) = try Self.bits(y)
        let width = dt == .float32 ? 8 : 16
        let head = hex.prefix(c.out.count / width).joined()
        #expect(head == c.out, "first values")
        #expect(digest == c.digest, "digest of all \(c.count) values")
    }
}
