import Tensors

/// `F.interpolate`'s linear, bilinear, trilinear and bicubic modes, recorded under ATen's
/// node names (`UpsampleBilinear2DBackward0`, ...). Under `create_graph=True` the gradient
/// is itself recorded as ATen's `upsample_*_backward` call (`UpsampleBilinear2DBackwardBackward0`
/// over grad_output), whose derivative is the forward upsampling of the incoming gradient.
extension Differentiable {
    public static func upsampleInterpolate(_ input: Tensor, outputSize: [Int], mode: InterpolationUpsampling.Mode,
                                           alignCorners: Bool, scales: [Double?]) throws(TensorError) -> Tensor {
        let out = try InterpolationUpsampling.forward(input.detach(), outSizes: outputSize, mode: mode, alignCorners: alignCorners,
                                                      scales: scales)
        guard isRecording(input) else { return out }
        let sizes = input.sizes
        let base = mode == .cubic ? "UpsampleBicubic2D" : ["UpsampleLinear1D", "UpsampleBilinear2D", "UpsampleTrilinear3D"][outputSize.count - 1]
        return record(base + "Backward0", [input], out,
                      attributes: [("align_corners", .bool(alignCorners)), ("output_size", .ints(outputSize))]
                          + upsampleScales(scales, outputSize.count) + [("self_sym_sizes", .ints(sizes))]) { ctx in
            [try backwardFunction(base + "BackwardBackward0", [ctx.grad], save: [], value: { () throws(TensorError) in
                try InterpolationUpsampling.backward(ctx.grad.detach(), inputSizes: sizes, mode: mode, alignCorners: alignCorners,
                                                     scales: scales)
            }) { c2 in
                // upsample_*_backward is linear in grad_output: its derivative is the forward upsampling.
                [c2.needs(0) ? try upsampleInterpolate(c2.grad, outputSize: outputSize, mode: mode, alignCorners: alignCorners,
                                                       scales: scales) : nil]
            }]
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
        let node = ["UpsampleBilinear2DAa", "UpsampleBicubic2DAa", "UpsampleLanczos2DAa"][filter == .linear ? 0 : filter == .cubic ? 1 : 2]
        return record(node + "Backward0", [input], out) { ctx in
            [try backwardFunction(node + "BackwardBackward0", [ctx.grad], save: [], value: { () throws(TensorError) in
                try AntialiasUpsampling.backward(ctx.grad.detach(), inputSizes: sizes, filter: filter, alignCorners: alignCorners,
                                                 scales: scales)
            }) { c2 in
                [c2.needs(0) ? try upsampleAntialias(c2.grad, outputSize: outputSize, filter: filter, alignCorners: alignCorners,
                                                     scales: scales) : nil]
            }]
        }
    }
}
