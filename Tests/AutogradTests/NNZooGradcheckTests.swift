import Autograd
import Foundation
import Tensors
import Testing

/// Finite-difference checks (float64) for the backward kernels of the interpolating
/// upsampling modes, grid sampling, affine grids and the CTC loss (issue 13).
@Suite struct NNZooGradcheckTests {
    let checker = Gradcheck()

    func expectClean(_ inputs: [Tensor], _ f: ([Tensor]) throws -> Tensor,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let problems = try checker.check(inputs, f)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
    }

    func ramp(_ shape: [Int], _ scale: Double = 0.37) throws -> Tensor {
        let n = shape.reduce(1, *)
        let values: [Double] = (0..<n).map { (i: Int) -> Double in sin(Double(i) * scale + 0.3) * 1.3 }
        return try tensor(values, shape)
    }

    @Test func interpolationModes() throws {
        let x1 = try ramp([1, 2, 5]), x2 = try ramp([2, 3, 4, 5]), x3 = try ramp([1, 2, 3, 3, 4])
        for align in [false, true] {
            try expectClean([x1]) { try D.upsampleInterpolate($0[0], outputSize: [8], mode: .linear, alignCorners: align, scales: [nil]) }
            try expectClean([x2]) {
                try D.upsampleInterpolate($0[0], outputSize: [7, 3], mode: .linear, alignCorners: align, scales: [nil, nil])
            }
            // Large outputs take ATen's generic kernel rather than the channels-last one.
            try expectClean([try ramp([1, 1, 3, 2])]) {
                try D.upsampleInterpolate($0[0], outputSize: [70, 65], mode: .linear, alignCorners: align, scales: [nil, nil])
            }
            try expectClean([x3]) {
                try D.upsampleInterpolate($0[0], outputSize: [5, 2, 6], mode: .linear, alignCorners: align, scales: [nil, nil, nil])
            }
            try expectClean([x2]) {
                try D.upsampleInterpolate($0[0], outputSize: [9, 7], mode: .cubic, alignCorners: align, scales: [nil, nil])
            }
            try expectClean([x2]) {
                try D.upsampleInterpolate($0[0], outputSize: [2, 3], mode: .cubic, alignCorners: align, scales: [nil, nil])
            }
        }
        try expectClean([x2]) { try D.upsampleInterpolate($0[0], outputSize: [10, 8], mode: .linear, alignCorners: false, scales: [2.5, 1.7]) }
        let y = try D.upsampleInterpolate(try tensor([0.1, 0.2, 0.3, 0.4], [1, 1, 2, 2], requiresGrad: true), outputSize: [3, 3], mode: .cubic,
                                          alignCorners: false, scales: [nil, nil])
        #expect(y.gradFn?.name == "UpsampleBicubic2DBackward0")
    }

    @Test func gridSampling() throws {
        let input = try ramp([2, 2, 4, 5])
        // Grid points away from pixel centres and borders, where the sampler is smooth.
        let gridValues: [Double] = (0..<24).map { (i: Int) -> Double in 0.9 * sin(Double(i) * 1.7 + 0.2) }
        let grid = try tensor(gridValues, [2, 2, 3, 2]), grid64 = try grid.to(.float64)
        for padding in [GridSampling.Padding.zeros, .border, .reflection] {
            for align in [false, true] {
                try expectClean([input, grid]) { try D.gridSampler2d($0[0], $0[1], mode: .bilinear, padding: padding, alignCorners: align) }
                try expectClean([input]) { try D.gridSampler2d($0[0], grid64, mode: .nearest, padding: padding, alignCorners: align) }
            }
        }
        let volume = try ramp([1, 2, 3, 3, 4])
        let points: [Double] = (0..<18).map { (i: Int) -> Double in 0.85 * sin(Double(i) * 2.3 + 0.4) }
        let grid3 = try tensor(points, [1, 2, 3, 1, 3]), grid3d = try grid3.to(.float64)
        for padding in [GridSampling.Padding.zeros, .border, .reflection] {
            for align in [false, true] {
                try expectClean([volume, grid3]) { try D.gridSampler2d($0[0], $0[1], mode: .bilinear, padding: padding, alignCorners: align) }
                try expectClean([volume]) { try D.gridSampler2d($0[0], grid3d, mode: .nearest, padding: padding, alignCorners: align) }
            }
        }
        let theta = try tensor([0.8, -0.3, 0.1, 0.2, 1.1, -0.4, 0.5, 0.7, 0.2, -0.6, 0.9, 0.3], [2, 2, 3])
        for align in [false, true] {
            try expectClean([theta]) { try D.affineGrid($0[0], size: [2, 1, 3, 4], alignCorners: align) }
        }
        try expectClean([try ramp([1, 3, 4])]) { try D.affineGrid($0[0], size: [1, 1, 2, 3, 2], alignCorners: false) }
    }

    @Test func ctcLoss() throws {
        // log_softmax keeps the inputs valid log-probabilities as the checker perturbs them.
        let logits = try ramp([6, 2, 4], 0.9)
        let concatenated = CTCLossKernel.Targets(values: [1, 2, 2, 3, 1], offsets: [0, 3], stride: 1)
        try expectClean([logits]) {
            try D.ctcLoss(try D.logSoftmax($0[0], dim: 2), targets: concatenated, inputLengths: [6, 5], targetLengths: [3, 2],
                          blank: 0, zeroInfinity: false)
        }
        let padded = CTCLossKernel.Targets(values: [1, 1, 0, 2, 3, 2], offsets: [0, 3], stride: 1)
        try expectClean([logits]) {
            try D.ctcLoss(try D.logSoftmax($0[0], dim: 2), targets: padded, inputLengths: [5, 6], targetLengths: [2, 3],
                          blank: 0, zeroInfinity: false)
        }
    }
}
