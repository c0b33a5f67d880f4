import Foundation
import Testing
@testable import Tensors

/// PyTorch 2.15's float32 conv_transpose1d/2d (see `TransposedConvolution`): output and
/// the three gradients compared bit for bit with
/// PyTorchGoldens/OneDNNTransposedConvGoldens.json (made by OneDNNTransposedConvGoldens.py
/// on 2 threads, AVX2), on course shapes (DCGAN, U-Net, output_padding) both where ATen
/// hands the transposed convolution to oneDNN and where it keeps its slow path.
struct OneDNNTransposedConvolutionGoldenTests {
    struct Case: Decodable {
        let shape: [Int]
        let seed: Int
        let out: String
        let gx: String
        let gw: String
        let gb: String
    }

    struct File: Decodable { let cases: [Case] }

    static let file: File = PyTorchGoldenFile.decode("OneDNNTransposedConvGoldens.json")

    typealias G = MKLGoldenTests

    /// "shape/tensor" → mismatching elements seen: the orders not reproduced yet (none
    /// now: the two 3-channel bias gradients follow `compute_bwd_bias_ncdhw`'s per-image
    /// sums, read from libtorch_cpu.so with objdump).
    static let knownMismatches: [String: Int] = [:]

    static func tensor(_ shape: [Int], _ seed: Int, _ lo: Double, _ hi: Double) throws -> Tensor {
        try G.make(G.pseudo(shape.reduce(1, *), seed, lo, hi), shape, .float32)
    }

    /// The four results of one case (a 1-d case, of height 0 in the file, runs as ATen
    /// views it: height 1), with oneDNN's orders where `oneDNN`.
    static func results(_ c: Case, oneDNN: Bool) throws -> [(String, Tensor, String)] {
        let s = c.shape
        let (n, ci, w, co, kw, st, pd, op) = (s[0], s[1], s[3], s[4], s[6], s[7], s[8], s[9])
        let one = s[2] == 0
        let h = one ? 1 : s[2], kh = one ? 1 : s[5]
        let (sh, ph, oph) = one ? (1, 0, 0) : (st, pd, op)
        let x = try tensor([n, ci, h, w], c.seed, -1, 1)
        let wt = try tensor([ci, co, kh, kw], c.seed + 1, -0.5, 0.5)
        let b = try tensor([co], c.seed + 2, -1, 1)
        let g = TransposedConvolution.geometry(stride: (sh, st), padding: (ph, pd), dilation: (1, 1), groups: 1, oneDNN: oneDNN)
        let oh = (h - 1) * sh - 2 * ph + kh + oph, ow = (w - 1) * st - 2 * pd + kw + op
        let y = try TransposedConvolution.forward(input: x, weight: wt, bias: b, geometry: g, outputSize: (oh, ow))
        let gy = try tensor(y.sizes, c.seed + 3, -1, 1)
        return [("out", y, c.out),
                ("gx", try TransposedConvolution.gradInput(gy, weight: wt, geometry: g), c.gx),
                ("gw", try TransposedConvolution.gradWeight(gy, input: x, weight: wt, geometry: g), c.gw),
                ("gb", try TransposedConvolution.gradBias(gy, geometry: g, inputChannels: wt.sizes[0]), c.gb)]
    }

    static func choosesOneDNN(_ s: [Int]) -> Bool {
        let one = s[2] == 0
        return TransposedConvolution.choosesOneDNN(input: [s[0], s[1], one ? 1 : s[2], s[3]],
                                                   weight: [s[1], s[4], one ? 1 : s[5], s[6]], dtype: .float32)
    }

    @Test func theSelectionFollowsATen() {
        // ATen's verbose oneDNN log named a deconvolution primitive for all but the last two.
        let chosen = Self.file.cases.map { Self.choosesOneDNN($0.shape) }
        #expect(chosen == Array(repeating: true, count: chosen.count - 2) + [false, false])
        #expect(!TransposedConvolution.choosesOneDNN(input: [2, 3, 4, 4], weight: [3, 2, 3, 3], dtype: .float64))
    }

    @Test(arguments: file.cases.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index]
        for (name, t, expected) in try Self.results(c, oneDNN: Self.choosesOneDNN(c.shape)) {
            let (bad, first) = G.compare(try G.hex(t), expected, width: 8)
            let key = "\(c.shape)/\(name)"
            if let known = Self.knownMismatches[key] {
                withKnownIssue("\(key): oneDNN's order not reproduced yet (\(known) elements differed)") {
                    #expect(bad == 0, "\(key): \(bad) elements differ, first \(first)")
                }
            } else {
                #expect(bad == 0, "\(key): \(bad) elements differ, first \(first)")
            }
        }
    }

    /// Mismatch counts with the order used before oneDNN's was followed (the slow path's
    /// everywhere), kept as a record: the test fails if the old order became exact, which
    /// would mean these goldens no longer tell the two apart.
    @Test func theSlowPathOrderDiffersOnTheOneDNNCases() throws {
        var report: [String] = []
        var total = 0
        for c in Self.file.cases where Self.choosesOneDNN(c.shape) {
            for (name, t, expected) in try Self.results(c, oneDNN: false) {
                let (bad, _) = G.compare(try G.hex(t), expected, width: 8)
                total += bad
                report.append("\(c.shape)/\(name): \(bad)")
            }
        }
        print("slow-path order vs PyTorch:\n" + report.joined(separator: "\n"))
        #expect(total > 0)
    }
}
