import Autograd
import Foundation
import Tensors
import Testing

/// Finite-difference checks (float64) for the backward kernels added for the remaining
/// sampling modes: bicubic grid sampling, 3-D nearest upsampling and antialiased resizing.
@Suite struct NNModesGradcheckTests {
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

    @Test func bicubicGridSampling() throws {
        let input = try ramp([2, 2, 4, 5])
        // Points inside and outside the image (the outside ones read padded taps).
        let gridValues: [Double] = (0..<24).map { (i: Int) -> Double in 1.15 * sin(Double(i) * 1.7 + 0.2) }
        let grid = try tensor(gridValues, [2, 2, 3, 2])
        for padding in [GridSampling.Padding.zeros, .border, .reflection] {
            for align in [false, true] {
                try expectClean([input, grid]) { try D.gridSampler2d($0[0], $0[1], mode: .bicubic, padding: padding, alignCorners: align) }
            }
        }
        let y = try D.gridSampler2d(try ramp([1, 1, 2, 2]).requiresGrad_(), grid.select(0, 0).unsqueeze(0), mode: .bicubic,
                                    padding: .zeros, alignCorners: false)
        #expect(y.gradFn?.name == "GridSampler2DBackward0")
    }

    @Test func nearestVolumes() throws {
        let x = try ramp([1, 2, 2, 3, 2])
        for exact in [false, true] {
            let sizes = [[2, 3, 2], [3, 5, 3], [4, 2, 5]]
            for out in sizes {
                let indices = (0..<3).map {
                    NearestUpsampling.sourceIndices(inputSize: x.sizes[$0 + 2], outputSize: out[$0], scale: nil, exact: exact)
                }
                try expectClean([x]) { try D.upsampleNearest($0[0], indices: indices, exact: exact) }
            }
        }
    }

    @Test func antialiasedResizing() throws {
        let x = try ramp([1, 2, 7, 9])
        for filter in [AntialiasUpsampling.Filter.linear, .cubic, .lanczos] {
            for align in [false, true] {
                for out in [[3, 4], [10, 5], [7, 9], [2, 13]] {
                    try expectClean([x]) {
                        try D.upsampleAntialias($0[0], outputSize: out, filter: filter, alignCorners: align, scales: [nil, nil])
                    }
                }
            }
        }
        try expectClean([x]) { try D.upsampleAntialias($0[0], outputSize: [2, 3], filter: .cubic, alignCorners: false, scales: [0.3, 0.4]) }
    }
}
