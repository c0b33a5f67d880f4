import Foundation
import Testing
@testable import Tensors

/// PyTorch 2.15's float32 LSTM layer with grad mode on (oneDNN's `ref` RNN primitive,
/// `forward_training` and its backward): output, h_n, c_n and every gradient compared bit
/// for bit with PyTorchGoldens/OneDNNLSTMGoldens.json (made by OneDNNLSTMGoldens.py from
/// `torch.ops.aten.mkldnn_rnn_layer` on 2 threads, AVX2), one layer and direction per case.
struct OneDNNLSTMGoldenTests {
    struct Case: Decodable {
        let shape: [Int]
        let seed: Int
        let out, hy, cy, gx, gwi, gwh, gb, ghx, gcx: String
    }

    struct InferenceCase: Decodable {
        let shape: [Int]
        let seed: Int
        let out, hy, cy: String
    }

    struct File: Decodable { let cases: [Case]; let inference: [InferenceCase] }

    static let file: File = PyTorchGoldenFile.decode("OneDNNLSTMGoldens.json")

    typealias G = MKLGoldenTests

    static func tensor(_ shape: [Int], _ seed: Int, _ lo: Double, _ hi: Double) throws -> Tensor {
        try G.make(G.pseudo(shape.reduce(1, *), seed, lo, hi), shape, .float32)
    }

    @Test func selection() {
        #expect(OneDNNLSTM.isSelected(steps: 5, batch: 3, inputSize: 12, hiddenSize: 24, dtype: .float32))
        #expect(OneDNNLSTM.isSelected(steps: 5, batch: 3, inputSize: 12, hiddenSize: 10, dtype: .float32))
        #expect(OneDNNLSTM.isSelected(steps: 5, batch: 3, inputSize: 12, hiddenSize: 1, dtype: .float32))
        #expect(!OneDNNLSTM.isSelected(steps: 5, batch: 3, inputSize: 12, hiddenSize: 24, dtype: .float64))
        // Any size: from 500 hidden units the copy-based sgemm where oneDNN picks it
        // (OneDNNSgemmCopyGoldenTests; the capability script lstm-float32.py proves layers
        // up to 1024 hidden units, 6000 inputs, a batch of 1100 and 9000 rows).
        #expect(OneDNNLSTM.isSelected(steps: 2, batch: 16, inputSize: 32, hiddenSize: 499, dtype: .float32))
        #expect(OneDNNLSTM.isSelected(steps: 2, batch: 3, inputSize: 8, hiddenSize: 500, dtype: .float32))
        #expect(OneDNNLSTM.isSelected(steps: 2, batch: 3, inputSize: 6000, hiddenSize: 8, dtype: .float32))
        #expect(OneDNNLSTM.isSelected(steps: 1, batch: 1100, inputSize: 8, hiddenSize: 8, dtype: .float32))
        #expect(OneDNNLSTM.isSelected(steps: 90, batch: 100, inputSize: 4, hiddenSize: 4, dtype: .float32))
        #expect(!OneDNNLSTM.isSelected(steps: 0, batch: 3, inputSize: 4, hiddenSize: 4, dtype: .float32))
    }

    /// From 500 hidden units the primitive no longer forces no-copy: AVX2's
    /// `nocopy_checker` then sends a 512-unit layer's `dW_hh` (m = 2048 gates, n = 512,
    /// K = rows, 'N','T') to the copy-based kernels, but not its forward products over a
    /// few rows; below 500 units nothing is.
    @Test func copyBasedProducts() {
        let good = OneDNNLSTM.goodLD
        #expect(OneDNNSgemmCopy.isChosen(transA: false, transB: true, m: 2048, n: 512, k: 6, lda: good(2048),
                                         ldb: good(512), ldc: good(2048), threads: 2, avx512: false))
        #expect(!OneDNNSgemmCopy.isChosen(transA: false, transB: false, m: 2048, n: 6, k: 12, lda: good(2048),
                                          ldb: 12, ldc: good(2048), threads: 2, avx512: false))
        #expect(!OneDNNSgemmCopy.isChosen(transA: false, transB: true, m: 1996, n: 499, k: 6, lda: good(1996),
                                          ldb: good(499), ldc: good(1996), threads: 2, avx512: false, forceNoCopy: true))
        #expect(good(2048) == 2064 && good(500) == 528 && good(20) == 32)
    }

    /// The injector's logistic and tanh at points where their branches change: the
    /// linear and saturated ends of tanh, the exp underflow of the logistic, zero.
    @Test func activationEndpoints() {
        #expect(OneDNNEltwise.tanh(0) == 0)
        #expect(OneDNNEltwise.tanh(1e-4) == 1e-4)
        #expect(OneDNNEltwise.tanh(-20) == -1)
        #expect(OneDNNEltwise.logistic(0) == 0.5)
        #expect(OneDNNEltwise.logistic(-200) == 0)
        #expect(OneDNNEltwise.logistic(200) == 1)
    }

    @Test(arguments: file.cases.indices)
    func matchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.cases[index], s = c.shape
        let (steps, batch, inputSize, hidden, reverse) = (s[0], s[1], s[2], s[3], s[4] == 1)
        #expect(OneDNNLSTM.isSelected(steps: steps, batch: batch, inputSize: inputSize, hiddenSize: hidden, dtype: .float32))
        let x = try Self.tensor([steps, batch, inputSize], c.seed, -1, 1)
        let wi = try Self.tensor([4 * hidden, inputSize], c.seed + 1, -0.4, 0.4)
        let wh = try Self.tensor([4 * hidden, hidden], c.seed + 2, -0.4, 0.4)
        let bi = try Self.tensor([4 * hidden], c.seed + 3, -0.5, 0.5)
        let bh = try Self.tensor([4 * hidden], c.seed + 4, -0.5, 0.5)
        let h0 = try Self.tensor([batch, hidden], c.seed + 5, -1, 1)
        let c0 = try Self.tensor([batch, hidden], c.seed + 6, -1, 1)
        let f = try OneDNNLSTM.forwardTraining(input: x, hx: h0, cx: c0, weightIH: wi, weightHH: wh, biasIH: bi, biasHH: bh,
                                               reverse: reverse)
        let gy = try Self.tensor([steps, batch, hidden], c.seed + 7, -1, 1)
        let ghy = try Self.tensor([batch, hidden], c.seed + 8, -1, 1)
        let gcy = try Self.tensor([batch, hidden], c.seed + 9, -1, 1)
        let g = try OneDNNLSTM.backward(input: x, hx: h0, cx: c0, weightIH: wi, weightHH: wh, output: f.output, gates: f.gates,
                                        cells: f.cells, gradOutput: gy, gradHy: ghy, gradCy: gcy, reverse: reverse)
        let checks: [(String, Tensor, String)] = [
            ("out", f.output, c.out), ("hy", f.hy, c.hy), ("cy", f.cy, c.cy), ("gx", g.input, c.gx),
            ("gwi", g.weightIH, c.gwi), ("gwh", g.weightHH, c.gwh), ("gb", g.bias, c.gb), ("ghx", g.hx, c.ghx), ("gcx", g.cx, c.gcx),
        ]
        for (name, t, expected) in checks {
            let (same, detail) = try Self.matches(t, expected)
            #expect(same, "\(s)/\(name): \(detail)")
        }
    }

    /// Whether `t` is the golden's: its hex, or for a large tensor (`fnv:DIGEST:HEAD`) the
    /// generator's 64-bit FNV-1a of every bit pattern, with the first 64 values compared
    /// for a readable failure.
    static func matches(_ t: Tensor, _ expected: String) throws -> (Bool, String) {
        guard expected.hasPrefix("fnv:") else {
            let (bad, first) = G.compare(try G.hex(t), expected, width: 8)
            return (bad == 0, "\(bad) elements differ, first \(first)")
        }
        let parts = expected.split(separator: ":")
        let c = try t.contiguous()
        let values = UnsafeBufferPointer(start: c.pointer(Float.self), count: c.numel)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in values {
            h ^= UInt64(v.bitPattern)
            h = h &* 0x0000_0100_0000_01b3
        }
        let head = values.prefix(64).map { G.hexWord(UInt64($0.bitPattern), 8) }.joined()
        let (bad, first) = G.compare(head, String(parts[2]), width: 8)
        return (G.hexWord(h, 16) == parts[1], "digest differs; in the first 64: \(bad) differ, first \(first)")
    }

    @Test(arguments: file.inference.indices)
    func inferenceMatchesPyTorchBitForBit(index: Int) throws {
        let c = Self.file.inference[index], s = c.shape
        let (steps, batch, inputSize, hidden, reverse) = (s[0], s[1], s[2], s[3], s[4] == 1)
        let x = try Self.tensor([steps, batch, inputSize], c.seed, -1, 1)
        let wi = try Self.tensor([4 * hidden, inputSize], c.seed + 1, -0.4, 0.4)
        let wh = try Self.tensor([4 * hidden, hidden], c.seed + 2, -0.4, 0.4)
        let bi = try Self.tensor([4 * hidden], c.seed + 3, -0.5, 0.5)
        let bh = try Self.tensor([4 * hidden], c.seed + 4, -0.5, 0.5)
        let h0 = try Self.tensor([batch, hidden], c.seed + 5, -1, 1)
        let c0 = try Self.tensor([batch, hidden], c.seed + 6, -1, 1)
        let f = try OneDNNLSTM.forwardInference(input: x, hx: h0, cx: c0, weightIH: wi, weightHH: wh, biasIH: bi, biasHH: bh,
                                                reverse: reverse)
        for (name, t, expected) in [("out", f.output, c.out), ("hy", f.hy, c.hy), ("cy", f.cy, c.cy)] {
            let (same, detail) = try Self.matches(t, expected)
            #expect(same, "\(s)/\(name): \(detail)")
        }
    }
}
