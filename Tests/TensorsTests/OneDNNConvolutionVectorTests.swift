import Testing
@testable import Tensors

/// The vector kernels of `OneDNNConvolution` (8 channels per SIMD8, several columns or
/// channels side by side, work shared between threads) against the scalar reference
/// `OneDNNConvolutionScalar`, one element at a time in oneDNN's order: every output and
/// gradient must be the same float, bit for bit, on random shapes (strides, padding,
/// channel counts that are not multiples of 8, Conv1d) with zeros and negative zeros in
/// the data, where skipping a padded tap and adding a zero product would differ.
struct OneDNNConvolutionVectorTests {
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
        mutating func float() -> Float {
            switch next() % 10 {
            case 0: return 0
            case 1: return -0.0
            default: return Float(Int(next() % 2_000_001) - 1_000_000) / 777_777
            }
        }
    }

    static func plan(_ s: [Int], oneD: Bool) throws -> Convolution.Plan {
        let (n, c, h, w, oc, kh, kw, pad, stride) = (s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8])
        let x = try Tensor(empty: [n, c, h, w], dtype: .float32)
        let k = try Tensor(empty: [oc, c, kh, kw], dtype: .float32)
        let g = oneD
            ? ConvolutionGeometry(stride: (1, stride), padding: ((0, 0), (pad, pad)), dilation: (1, 1), groups: 1)
            : ConvolutionGeometry(stride: (stride, stride), padding: ((pad, pad), (pad, pad)), dilation: (1, 1), groups: 1)
        return try Convolution.plan(input: x, weight: k, bias: nil, geometry: g, spatialDims: 2, shownInput: x.sizes, shownWeight: k.sizes)
    }

    static func same(_ a: [Float], _ b: [Float]) -> Int {
        zip(a, b).filter { $0.bitPattern != $1.bitPattern }.count
    }

    @Test(arguments: 0..<6) func vectorKernelsEqualTheScalarOrderBitForBit(seed: Int) throws {
        var rng = Rng(state: UInt64(seed) &* 0x9E37_79B9 &+ 17)
        for _ in 0..<12 {
            let oneD = rng.int(0...3) == 0
            let stride = rng.int(1...3), pad = rng.int(0...2)
            let kh = oneD ? 1 : rng.int(1...5), kw = rng.int(1...5)
            let h = oneD ? 1 : rng.int(max(1, kh - 2 * pad)...13), w = rng.int(max(1, kw - 2 * pad)...17)
            let shape = [rng.int(1...4), rng.int(1...11), h, w, rng.int(1...19), kh, kw, pad, stride]
            let p = try Self.plan(shape, oneD: oneD)
            var x = (0..<p.n * p.c * p.h * p.w).map { _ in rng.float() }
            var k = (0..<p.oc * p.c * p.kh * p.kw).map { _ in rng.float() }
            var b = (0..<p.oc).map { _ in rng.float() }
            var gy = (0..<p.n * p.oc * p.oh * p.ow).map { _ in rng.float() }
            var y1 = [Float](repeating: .nan, count: gy.count), y2 = y1
            var gx1 = [Float](repeating: .nan, count: x.count), gx2 = gx1
            var gw1 = [Float](repeating: .nan, count: k.count), gw2 = gw1
            var gb1 = [Float](repeating: .nan, count: b.count), gb2 = gb1
            OneDNNConvolution.forward(p, &x, &k, &b, into: &y1)
            OneDNNConvolutionScalar.forward(p, &x, &k, &b, into: &y2)
            OneDNNConvolution.gradInput(p, &gy, &k, into: &gx1)
            OneDNNConvolutionScalar.gradInput(p, &gy, &k, into: &gx2)
            OneDNNConvolution.gradWeight(p, &gy, &x, into: &gw1)
            OneDNNConvolutionScalar.gradWeight(p, &gy, &x, into: &gw2)
            OneDNNConvolution.gradBias(p, &gy, into: &gb1)
            OneDNNConvolutionScalar.gradBias(p, &gy, into: &gb2)
            #expect(Self.same(y1, y2) == 0, "forward \(shape) 1d=\(oneD)")
            #expect(Self.same(gx1, gx2) == 0, "gradInput \(shape) 1d=\(oneD)")
            #expect(Self.same(gw1, gw2) == 0, "gradWeight \(shape) 1d=\(oneD)")
            #expect(Self.same(gb1, gb2) == 0, "gradBias \(shape) 1d=\(oneD)")
        }
    }
}
