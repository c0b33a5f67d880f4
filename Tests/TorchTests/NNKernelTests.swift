import Testing
import Foundation
import Autograd
import Tensors

/// The native nn kernels (Sources/Autograd/NN) against PyTorch's results on the same
/// deterministic inputs (NNKernelGoldens.swift, made by scripts/nn_check/make_kernel_goldens.py).

/// `ramp(shape, k)[i] = ((i·37 + k) mod 101) / 50 − 1`, as the golden script builds it.
func ramp(_ shape: [Int], _ k: Int, _ dtype: DType = .float64) throws -> Tensor {
    let n = shape.reduce(1, *)
    var values: [Double] = []
    for i in 0..<n {
        let step: Int = (i * 37 + k) % 101
        values.append(Double(step) / 50.0 - 1.0)
    }
    return try Tensor(values: values, shape: shape, dtype: dtype)
}

func expectClose(_ t: Tensor, _ name: String, tolerance: Double = 1e-10, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let expected = try #require(nnKernelGoldens[name], "no golden \(name)", sourceLocation: sourceLocation)
    let actual = try t.contiguous().elementsAsDouble()
    #expect(actual.count == expected.count, "\(name): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    var worst = 0.0
    for (a, e) in zip(actual, expected) { worst = max(worst, abs(a - e) / max(1, abs(e))) }
    #expect(worst <= tolerance, "\(name): off by \(worst)", sourceLocation: sourceLocation)
}

struct NNConvolutionTests {
    @Test func convolutionMatchesPyTorchForwardAndBackward() throws {
        let x = try ramp([2, 4, 7, 6], 1), w = try ramp([6, 2, 3, 2], 2), b = try ramp([6], 5)
        let g = ConvolutionGeometry(stride: (2, 1), padding: ((1, 1), (2, 2)), dilation: (1, 2), groups: 2)
        let y = try Convolution.forward(input: x, weight: w, bias: b, geometry: g)
        #expect(y.sizes == [2, 6, 4, 8])
        try expectClose(y, "conv.out")
        let grads = try Convolution.backward(gradOutput: try ramp(y.sizes, 3), input: x, weight: w, hasBias: true, geometry: g)
        try expectClose(try #require(grads.input), "conv.gx")
        try expectClose(try #require(grads.weight), "conv.gw")
        try expectClose(try #require(grads.bias), "conv.gb")
    }

    @Test func samePaddingInFloat32() throws {
        let pad = ConvolutionGeometry.samePadding(kernel: (3, 3), dilation: (1, 1))
        let g = ConvolutionGeometry(stride: (1, 1), padding: pad, dilation: (1, 1), groups: 1)
        let y = try Convolution.forward(input: try ramp([1, 3, 5, 5], 4, .float32), weight: try ramp([2, 3, 3, 3], 6, .float32), bias: nil, geometry: g)
        #expect(y.dtype == .float32 && y.sizes == [1, 2, 5, 5])
        try expectClose(y, "conv32.out", tolerance: 1e-6)
    }

    @Test func convolutionErrorsSayWhatPyTorchSays() throws {
        let g = ConvolutionGeometry(stride: (1, 1), padding: ((0, 0), (0, 0)), dilation: (1, 1), groups: 1)
        #expect(throws: TensorError.runtime("Given groups=1, weight of size [4, 3, 3, 3], expected input[2, 8, 8, 8] to have 3 channels, but got 8 channels instead")) {
            try Convolution.forward(input: try ramp([2, 8, 8, 8], 0), weight: try ramp([4, 3, 3, 3], 0), bias: nil, geometry: g)
        }
        #expect(throws: TensorError.runtime("Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size")) {
            try Convolution.forward(input: try ramp([1, 3, 2, 2], 0), weight: try ramp([1, 3, 3, 3], 0), bias: nil, geometry: g)
        }
    }
}

struct NNPoolingTests {
    @Test func maxPoolWithCeilModeAndPadding() throws {
        let x = try ramp([2, 3, 7, 6], 7)
        let g = PoolingGeometry(kernel: (3, 2), stride: (2, 2), padding: (1, 1), ceilMode: true)
        let (y, idx) = try Pooling.max2d(x, g)
        try expectClose(y, "maxpool.out")
        try expectClose(idx, "maxpool.idx", tolerance: 0)
        try expectClose(try Pooling.max2dBackward(gradOutput: try ramp(y.sizes, 3), input: x, indices: idx), "maxpool.gx")
        try expectClose(try Pooling.max2d(x, PoolingGeometry(kernel: (2, 2), stride: (2, 2), padding: (0, 0), dilation: (2, 2))).output, "maxpool.dil")
    }

    @Test func averagePoolVariants() throws {
        let x = try ramp([2, 3, 7, 6], 7)
        let g = PoolingGeometry(kernel: (3, 3), stride: (2, 2), padding: (1, 1), ceilMode: true)
        let y = try Pooling.avg2d(x, g, countIncludePad: false, divisorOverride: nil)
        try expectClose(y, "avgpool.out")
        try expectClose(try Pooling.avg2dBackward(gradOutput: try ramp(y.sizes, 3), input: x, g, countIncludePad: false, divisorOverride: nil), "avgpool.gx")
        let padded = PoolingGeometry(kernel: (2, 2), stride: (2, 2), padding: (1, 1))
        let y2 = try Pooling.avg2d(x, padded, countIncludePad: true, divisorOverride: nil)
        try expectClose(y2, "avgpool.pad")
        try expectClose(try Pooling.avg2dBackward(gradOutput: try ramp(y2.sizes, 3), input: x, padded, countIncludePad: true, divisorOverride: nil), "avgpool.padgx")
        try expectClose(try Pooling.avg2d(x, PoolingGeometry(kernel: (2, 2), stride: (2, 2), padding: (0, 0)), countIncludePad: true, divisorOverride: 3), "avgpool.div")
    }

    @Test func adaptiveAveragePool() throws {
        let x = try ramp([2, 3, 7, 6], 7)
        let y = try Pooling.adaptiveAvg2d(x, outputSize: (3, 4))
        try expectClose(y, "adaptive.out")
        try expectClose(try Pooling.adaptiveAvg2dBackward(gradOutput: try ramp(y.sizes, 3), input: x), "adaptive.gx")
    }

    @Test func poolingErrors() throws {
        #expect(throws: TensorError.runtime("pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1")) {
            try Pooling.max2d(try ramp([1, 4, 4], 0), PoolingGeometry(kernel: (2, 2), stride: (2, 2), padding: (2, 2)))
        }
        #expect(throws: TensorError.runtime("Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small")) {
            try Pooling.avg2d(try ramp([1, 2, 2], 0), PoolingGeometry(kernel: (3, 3), stride: (3, 3), padding: (0, 0)), countIncludePad: true, divisorOverride: nil)
        }
        #expect(throws: TensorError.runtime("non-empty 3D or 4D (batch mode) tensor expected for input")) {
            try Pooling.max2d(try ramp([4, 4], 0), PoolingGeometry(kernel: (2, 2), stride: (2, 2), padding: (0, 0)))
        }
    }
}

struct NNNormalizationTests {
    @Test func batchNormTrainingUpdatesRunningStatsAndDifferentiates() throws {
        let x = try ramp([4, 3, 5], 8), w = try ramp([3], 9), b = try ramp([3], 10)
        let rm = try Tensor.zeros([3], dtype: .float64), rv = try Tensor.ones([3], dtype: .float64)
        let (y, stats) = try Normalization.batchNorm(x, runningMean: rm, runningVar: rv, weight: w, bias: b, training: true, momentum: 0.2, eps: 1e-5)
        try expectClose(y, "bn.out")
        try expectClose(rm, "bn.rm")
        try expectClose(rv, "bn.rv")
        let g = try Normalization.batchNormBackward(try ramp(y.sizes, 3), x, weight: w, stats: stats, training: true)
        try expectClose(g.input, "bn.gx")
        try expectClose(g.weight, "bn.gw")
        try expectClose(g.bias, "bn.gb")
        let (e, evalStats) = try Normalization.batchNorm(x, runningMean: rm, runningVar: rv, weight: w, bias: b, training: false, momentum: 0.1, eps: 1e-5)
        try expectClose(e, "bn.eval")
        try expectClose(try Normalization.batchNormBackward(try ramp(e.sizes, 3), x, weight: w, stats: evalStats, training: false).input, "bn.evalgx")
    }

    @Test func layerNormForwardAndBackward() throws {
        let x = try ramp([3, 2, 4], 11), w = try ramp([2, 4], 12), b = try ramp([2, 4], 13)
        let (y, stats) = try Normalization.layerNorm(x, normalizedShape: [2, 4], weight: w, bias: b, eps: 1e-5)
        try expectClose(y, "ln.out")
        let g = try Normalization.layerNormBackward(try ramp(y.sizes, 3), x, normalizedShape: [2, 4], weight: w, stats: stats)
        try expectClose(g.input, "ln.gx")
        try expectClose(g.weight, "ln.gw")
        try expectClose(g.bias, "ln.gb")
    }
}

struct NNLookupAndPaddingTests {
    @Test func embeddingLookupAndGradient() throws {
        let w = try ramp([5, 3], 15)
        let idx = try Tensor(values: [Int64(0), 2, 4, 2, 2, 1], shape: [2, 3])
        try expectClose(try Embedding.forward(weight: w, indices: idx), "emb.out", tolerance: 0)
        let up = try ramp([2, 3, 3], 3)
        try expectClose(try Embedding.backward(up, indices: idx, numWeights: 5, paddingIdx: 2, scaleGradByFreq: false), "emb.gw")
        try expectClose(try Embedding.backward(up, indices: idx, numWeights: 5, paddingIdx: -1, scaleGradByFreq: true), "emb.freqgw")
        #expect(throws: TensorError.index("index out of range in self")) {
            try Embedding.forward(weight: w, indices: try Tensor(values: [Int64(5)], shape: [1]))
        }
    }

    @Test func oneHot() throws {
        let t = try Embedding.oneHot(try Tensor(values: [Int64(0), 2, 1], shape: [3]), numClasses: -1)
        #expect(t.sizes == [3, 3] && t.dtype == .int64)
        #expect(try t.elementsAsInt64() == [1, 0, 0, 0, 0, 1, 0, 1, 0])
        #expect(throws: TensorError.runtime("Class values must be smaller than num_classes.")) {
            try Embedding.oneHot(try Tensor(values: [Int64(3)], shape: [1]), numClasses: 2)
        }
    }

    @Test func paddingModes() throws {
        let x = try ramp([1, 2, 3, 4], 16)
        let cases: [(Padding.Mode, [Int], Double)] = [(.constant, [1, 2, 0, 1], 0.5), (.reflect, [2, 1, 1, 2], 0),
                                                      (.replicate, [3, 0, 1, 1], 0), (.circular, [1, 2, 2, 1], 0)]
        for (mode, pad, value) in cases {
            let y = try Padding.forward(x, pad: pad, mode: mode, value: value)
            try expectClose(y, "pad.\(mode.rawValue)")
            try expectClose(try Padding.backward(try ramp(y.sizes, 3), inputSizes: x.sizes, pad: pad, mode: mode), "pad.\(mode.rawValue).gx")
        }
        try expectClose(try Padding.forward(x, pad: [-1, 1], mode: .constant, value: 0), "pad.crop")
        #expect(throws: TensorError.runtime("Padding length must be divisible by 2")) {
            try Padding.forward(x, pad: [1], mode: .constant, value: 0)
        }
    }
}

struct NNLossTests {
    @Test func smoothL1ForwardAndBackward() throws {
        let x = try ramp([3, 4], 20), t = try ramp([3, 4], 21).mul(.int(2))
        let loss = try ElementwiseLoss.smoothL1(x, t, beta: 0.7)
        try expectClose(loss, "sl1.none")
        try expectClose(try loss.mean(), "sl1.mean")
        try expectClose(try loss.sum(), "sl1.sum")
        try expectClose(try ElementwiseLoss.smoothL1Backward(try ramp([], 3), x, t, beta: 0.7, scale: 1.0 / 12), "sl1.gx")
    }
}

struct NNPointwiseUpdateTests {
    /// Bit-exact in float32, including elements past the last full vector block.
    @Test func optimizerUpdatesRoundAsPyTorch() throws {
        let s = try ramp([37], 22, .float32), e = try ramp([37], 23, .float32).mul(.int(3))
        let d = try ramp([37], 24, .float32).abs().add(.float(0.5))
        try expectClose(try PointwiseUpdate.lerp(s, e, weight: 0.1, inPlace: false), "lerp.small", tolerance: 0)
        try expectClose(try PointwiseUpdate.lerp(s, e, weight: 0.7, inPlace: false), "lerp.large", tolerance: 0)
        try expectClose(try PointwiseUpdate.addcmul(s, e, d, value: 0.01, inPlace: false), "addcmul", tolerance: 0)
        let s3 = try s.narrow(0, start: 0, length: 3).contiguous()
        let e3 = try e.narrow(0, start: 0, length: 3).mul(.int(7)), d3 = try d.narrow(0, start: 0, length: 3).mul(.int(13))
        try expectClose(try PointwiseUpdate.addcmul(s3, e3, d3, value: 0.03, inPlace: false), "addcmul.3", tolerance: 0)
        let x = try s.clone()
        let r = try PointwiseUpdate.addcdiv(x, e, d, value: -0.01, inPlace: true)
        #expect(r === x)
        try expectClose(x, "addcdiv", tolerance: 0)
    }
}
