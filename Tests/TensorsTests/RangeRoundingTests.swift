import Testing
@testable import Tensors

/// `arange`/`linspace` values bit for bit against PyTorch 2.15 (CPU, AVX2): both round the
/// way PyTorch's fused multiply-add kernels do. Expected lists are PyTorch's `.tolist()`.
struct RangeRoundingTests {
    @Test func arangeFloat64MatchesPyTorch() throws {
        let t = try Tensor.arange(start: .float(-2.3), end: .float(5.7), step: .float(0.37), dtype: .float64)
        #expect(try t.elementsAsDouble() == [-2.3, -1.9299999999999997, -1.5599999999999998, -1.19, -0.8199999999999998,
            -0.44999999999999984, -0.07999999999999985, 0.29000000000000015, 0.6600000000000001, 1.0300000000000002,
            1.4000000000000001, 1.77, 2.14, 2.5100000000000002, 2.88, 3.25, 3.62, 3.99, 4.36, 4.73, 5.1, 5.47])
    }

    @Test func arangeFloat32MatchesPyTorch() throws {
        let t = try Tensor.arange(start: .float(-2.3), end: .float(5.7), step: .float(0.37))
        #expect(try t.elementsAsDouble() == [-2.299999952316284, -1.9299999475479126, -1.559999942779541,
            -1.1899999380111694, -0.8199999332427979, -0.44999995827674866, -0.07999995350837708, 0.2900000512599945,
            0.6600000262260437, 1.0299999713897705, 1.399999976158142, 1.7699999809265137, 2.140000104904175,
            2.509999990463257, 2.880000114440918, 3.25, 3.619999885559082, 3.990000009536743, 4.360000133514404,
            4.730000019073486, 5.099999904632568, 5.46999979019165])
    }

    @Test func linspaceMatchesPyTorch() throws {
        let f32 = try Tensor.linspace(.float(1e-3), .float(7.77), steps: 13)
        #expect(try f32.elementsAsDouble() == [0.0010000000474974513, 0.6484166383743286, 1.2958333492279053,
            1.9432499408721924, 2.5906665325164795, 3.2380833625793457, 3.885499954223633, 4.53291654586792,
            5.180333137512207, 5.827750205993652, 6.4751667976379395, 7.122583389282227, 7.769999980926514])
        let f64 = try Tensor.linspace(.float(1e-3), .float(7.77), steps: 13, dtype: .float64)
        #expect(try f64.elementsAsDouble() == [0.001, 0.6484166666666666, 1.2958333333333332, 1.94325,
            2.5906666666666665, 3.238083333333333, 3.8854999999999995, 4.532916666666666, 5.1803333333333335,
            5.82775, 6.4751666666666665, 7.122583333333333, 7.77])
    }
}

/// float32 2-norms bit for bit against PyTorch 2.15's row kernel (`NormTwoKernel`).
struct NormRoundingTests {
    static let b = [-0.4791449308395386, 1.3790082931518555, 2.528557300567627, 0.4107416570186615, -0.988007128238678]

    @Test func fullNormsMatchPyTorch() throws {
        #expect(try tensor([0.574, -0.109, -0.812]).norm().elementsAsDouble() == [1.0003503561019897])
        #expect(try tensor(Self.b).norm().elementsAsDouble() == [3.1096160411834717])
        let c = (0..<13).map { 0.1 * Double($0) - 0.65 }
        #expect(try tensor(c).norm().elementsAsDouble() == [1.3610657453536987])
    }

    /// The same numbers in another order round differently, as in PyTorch.
    @Test func rowNormsDependOnOrderLikePyTorch() throws {
        let rows = try tensor(Self.b + Self.b.reversed(), [2, 5])
        #expect(try rows.norm(dims: [1]).elementsAsDouble() == [3.1096160411834717, 3.109616279602051])
    }
}
