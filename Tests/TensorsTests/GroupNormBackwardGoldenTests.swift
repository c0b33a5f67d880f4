import Foundation
import Testing
@testable import Tensors

/// group_norm's CPU backward kernel (input, weight and bias gradients) bit for bit against
/// PyTorch 2.15 (PyTorchGoldens/GroupNormBackwardGoldens.py, 2 threads, AMD EPYC AVX2), for
/// C/groups 1 to 24 in float32 and float64, with and without γ/β: the γ-weighted sums'
/// tail is added in GCC's in-order vector epilogue (products rounded, then added lane after
/// lane), which made float32 differ for 4 to 7 channels per group. Needs no library.
struct GroupNormBackwardGoldenTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let shape: [Int]
        let groups: Int
        let dtype: String
        let affine: Bool
        let seed: Int
        let dx: String
        let dw: String?
        let db: String?
        var testDescription: String { "\(dtype) \(shape) groups \(groups) affine \(affine)" }
    }

    struct File: Decodable { let cases: [Case] }

    static let cases: [Case] = (PyTorchGoldenFile.decode("GroupNormBackwardGoldens.json") as File).cases

    typealias G = MKLGoldenTests

    @Test("group_norm backward", arguments: cases)
    func backward(_ c: Case) throws {
        let dt = G.dtype(c.dtype)
        let count = c.shape.reduce(1, *), channels = c.shape[1]
        let x = try G.make(G.pseudo(count, c.seed, -2, 2), c.shape, dt)
        let w = c.affine ? try G.make(G.pseudo(channels, c.seed + 1, 0.5, 1.5), [channels], dt) : nil
        let b = c.affine ? try G.make(G.pseudo(channels, c.seed + 2, -0.5, 0.5), [channels], dt) : nil
        let gy = try G.make(G.pseudo(count, c.seed + 3, -0.5, 0.5), c.shape, dt)
        let (_, stats) = try GroupNormKernel.forward(x, groups: c.groups, weight: w, bias: b, eps: 1e-5)
        let grads = try GroupNormKernel.backward(gy, x, groups: c.groups, weight: w, stats: stats)
        let width = dt == .float32 ? 8 : 16
        let (bad, first) = G.compare(try G.hex(grads.input), c.dx, width: width)
        #expect(bad == 0, "dx \(c.testDescription): \(bad) mismatches, \(first)")
        if c.affine {
            #expect(try G.hex(grads.weight) == c.dw, "dw \(c.testDescription)")
            #expect(try G.hex(grads.bias) == c.db, "db \(c.testDescription)")
        }
    }
}
