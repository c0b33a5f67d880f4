import Tensors

/// `F.interpolate`'s linear, bilinear, trilinear and bicubic modes, recorded under ATen's
/// node names (`UpsampleBilinear2DBackward0`, ...).
extension Differentiable {
    public static func upsampleInterpolate(_ input: Tensor, outputSize: [Int], mode: InterpolationUpsampling.Mode,
                                           alignCorners: Bool, scales: [Double?]) throws(TensorError) -> Tensor {
        let out = try InterpolationUpsampling.forward(input.detach(), outSizes: outputSize, mode: mode, alignCorners: alignCorners,
                                                      scales: scales)
        guard isRecording(input) else { return out }
        let sizes = input.sizes
        let node = mode == .cubic ? "UpsampleBicubic2DBackward0"
            : ["UpsampleLinear1DBackward0", "UpsampleBilinear2DBackward0", "UpsampleTrilinear3DBackward0"][outputSize.count - 1]
        return record(node, [input], out) { ctx in
            [try InterpolationUpsampling.backward(ctx.grad.detach(), inputSizes: sizes, mode: mode, alignCorners: alignCorners,
                                                  scales: scales)]
        }
    }
}

/// `F.interpolate(..., antialias=True)` for bilinear, bicubic and lanczos (`UpsampleBilinear2DAaBackward0`,
/// `UpsampleBicubic2DAaBackward0`, `UpsampleLanczos2DAaBackward0`).
extension Differentiable {
    public static func upsampleAntialias(_ input: Tensor, outputSize: [Int], filter: AntialiasUpsampling.Filter, alignCorners: Bool,
                                         scales: [Double?]) throws(TensorError) -> Tensor {
        let out = try AntialiasUpsampling.forward(input.detach(), outSizes: outputSize, filter: filter, alignCorners: alignCorners,
                                                  scales: scales)
        guard isRecording(input) else { return out }
        let sizes = input.sizes
        return record(["UpsampleBilinear2DAaBackward0", "UpsampleBicubic2DAaBackward0", "UpsampleLanczos2DAaBackward0"][filter == .linear ? 0 : filter == .cubic ? 1 : 2], [input], out) { ctx in
            [try AntialiasUpsampling.backward(ctx.grad.detach(), inputSizes: sizes, filter: filter, alignCorners: alignCorners,
                                              scales: scales)]
        }
    }
}
