/// PyTorch 2.15's float32 transposed convolution (`conv_transpose1d/2d`) on the CPU. ATen
/// hands it to oneDNN under the same `use_mkldnn` test as the convolution, asked about
/// the transposed convolution's own input and weight; oneDNN 3.13 then runs it as a
/// convolution with the roles swapped (`ref_deconvolution.cpp`, `brg_deconv`):
///
/// - forward: the convolution's data gradient (`jit:avx2` at stride 1,
///   `brg_deconv:avx2+brgconv_strided:avx2` above), the bias added afterwards;
/// - input gradient: the convolution's forward, without bias;
/// - weight gradient: the convolution's weight gradient with input and output gradient
///   swapped (`jit:avx2`);
/// - bias gradient: `compute_bwd_bias_nCdhwXc`, one chain of plain additions per channel
///   over images, then positions (where the output gradient stays plain — a `gemm:jit`
///   weight gradient, or 3 output channels — `compute_bwd_bias_ncdhw`: per image a sum
///   from 0, added to the total; OneDNNTransposedBiasLayout.swift).
///
/// The three convolution kernels are `OneDNNConvolution`'s, reached through `NNOps` with
/// `ConvolutionGeometry.chosenForOneDNN` set. Elsewhere (one image with a kernel of at
/// most 3×3 in some direction and a small input) ATen's slow path is followed: columns
/// = Wᵀ·x, then col2im, plus the bias.
public enum TransposedConvolution {
    /// ATen's `ConvParams::use_mkldnn` for a float32 transposed convolution on more than
    /// one thread: `input` is (N, C, H, W), `weight` (C, O/groups, kh, kw). An
    /// `output_padding` reaching the stride (`is_output_padding_big`) keeps it on the slow path;
    /// otherwise any grouped layer goes to oneDNN (`groups > 1` comes first in the test), as
    /// does one with more than one image, a kernel above 3×3, or a large input.
    public static func choosesOneDNN(input: [Int], weight: [Int], dtype: DType, stride: (Int, Int) = (1, 1),
                                     dilation: (Int, Int) = (1, 1), outputPadding: (Int, Int) = (0, 0), groups: Int = 1) -> Bool {
        guard dtype == .float32, input.count == 4, weight.count == 4 else { return false }
        if outputPadding.0 >= stride.0 || outputPadding.1 >= stride.1 { return false }
        if Convolution.keepsPointwiseNative(batch: input[0], kernel: (weight[2], weight[3]), stride: stride, dilation: dilation) {
            return false
        }
        return groups > 1 || input[0] > 1 || (weight[2] > 3 && weight[3] > 3) || input.reduce(1, *) > 20480
    }

    /// The geometry of the convolution a transposed convolution is computed with.
    /// `inputSize` is the transposed convolution's input (H, W): the computing convolution's
    /// output is held to it where `output_padding` reaches the stride.
    public static func geometry(stride: (Int, Int), padding: (Int, Int), dilation: (Int, Int), groups: Int,
                                oneDNN: Bool, outputPadding: (Int, Int) = (0, 0), inputSize: (Int, Int)? = nil) -> ConvolutionGeometry {
        var g = ConvolutionGeometry(stride: stride, padding: ((padding.0, padding.0), (padding.1, padding.1)),
                                    dilation: dilation, groups: groups, followsOneDNN: oneDNN)
        g.chosenForOneDNN = oneDNN
        g.servesSlowTransposed = !oneDNN
        if outputPadding.0 >= stride.0 || outputPadding.1 >= stride.1 { g.outputSizeOverride = inputSize }
        return g
    }

    /// y = convᵀ(x, W) + b on (N, C, H, W), to (N, O, outputSize).
    public static func forward(input x: Tensor, weight w: Tensor, bias: Tensor?, geometry: ConvolutionGeometry,
                               outputSize: (Int, Int)) throws(TensorError) -> Tensor {
        let outShape = [x.sizes[0], w.sizes[1] * geometry.groups, outputSize.0, outputSize.1]
        let placeholder = try Tensor(empty: outShape, dtype: x.dtype, device: x.device)
        guard var out = try NNOps.convolutionBackward(gradOutput: x, input: placeholder, weight: w, hasBias: false, geometry: geometry,
                                                      needInput: true, needWeight: false).input else {
            throw .runtime("conv_transpose2d: no output")
        }
        if let bias { out = try out.add(try bias.reshape([1, bias.numel, 1, 1])) }
        return out
    }

    /// The input's gradient: the convolution of the output's gradient with W.
    public static func gradInput(_ g: Tensor, weight w: Tensor, geometry: ConvolutionGeometry) throws(TensorError) -> Tensor {
        try NNOps.convolution(input: g, weight: w, bias: nil, geometry: geometry)
    }

    /// The weight's gradient: the convolution's weight gradient with x as its output
    /// gradient and g as its input.
    public static func gradWeight(_ g: Tensor, input x: Tensor, weight w: Tensor, geometry: ConvolutionGeometry) throws(TensorError) -> Tensor {
        guard let gw = try NNOps.convolutionBackward(gradOutput: x, input: g, weight: w, hasBias: false, geometry: geometry,
                                                     needInput: false, needWeight: true).weight else {
            throw .runtime("conv_transpose2d: no weight gradient")
        }
        return gw
    }

    /// The bias's gradient: oneDNN's one chain per channel (images, then positions) where
    /// it was chosen, or per-image sums where its output gradient is plain
    /// (`biasSumsPerImage`, judged from `weight`; without it, 3 channels), else ATen's sum
    /// over (N, H, W) — per group on ATen's slow path (`slowGroupedBias`).
    public static func gradBias(_ g: Tensor, weight: Tensor? = nil, geometry: ConvolutionGeometry) throws(TensorError) -> Tensor {
        if !geometry.chosenForOneDNN && geometry.groups > 1 && g.device == .cpu { return try slowGroupedBias(g, groups: geometry.groups) }
        guard geometry.chosenForOneDNN, g.dtype == .float32, g.device == .cpu else { return try g.sum(dims: [0, 2, 3]) }
        var perImage = g.sizes[1] == 3
        if let weight {
            let p = try Convolution.plan(input: g, weight: weight, bias: nil, geometry: geometry, spatialDims: 2,
                                         shownInput: g.sizes, shownWeight: weight.sizes)
            perImage = biasSumsPerImage(p, dtype: g.dtype)
        }
        return try referenceBiasSum(g, perImage: perImage)
    }

    /// `ref_deconvolution`'s bias gradient of a float32 (N, C, spatial...) output gradient:
    /// per channel one chain over images, then positions. Where oneDNN keeps the output
    /// gradient in plain NCHW it sums in `compute_bwd_bias_ncdhw`, whose `omp simd` loop GCC
    /// compiled to scalar additions (libtorch_cpu.so, read with objdump): `perImage`, a sum
    /// from 0 over each image's positions, each added to the channel's total. 2-d and 3-d alike.
    static func referenceBiasSum(_ g: Tensor, perImage: Bool) throws(TensorError) -> Tensor {
        let (keep, gp) = try NNBuffer.read(g, as: Float.self)
        defer { withExtendedLifetime(keep) {} }
        let (n, c, plane) = (g.sizes[0], g.sizes[1], g.sizes.dropFirst(2).reduce(1, *))
        let out = try Tensor(empty: [c], dtype: .float32, device: g.device)
        let o = NNBuffer.pointer(out, as: Float.self)
        for ch in 0..<c {
            var db: Float = 0
            for img in 0..<n {
                let src = gp + (img * c + ch) * plane
                if perImage {
                    var part: Float = 0
                    for k in 0..<plane { part += src[k] }
                    db += part
                } else {
                    for k in 0..<plane { db += src[k] }
                }
            }
            o[ch] = db
        }
        return out
    }

    /// ATen's slow path has no groups: `convolution_backward` runs each group's
    /// `slow_conv_transpose2d_backward` on a contiguous copy of the group's channels and
    /// concatenates the bias gradients. A group's sum over (N, H, W) on its own copy adds in
    /// another order than the same channels inside the whole gradient (with one channel a
    /// group it is a single contiguous reduction), so the sums are taken per group.
    static func slowGroupedBias(_ g: Tensor, groups: Int) throws(TensorError) -> Tensor {
        let per = g.sizes[1] / groups
        var parts: [Tensor] = []
        for grp in 0..<groups {
            parts.append(try g.narrow(1, start: grp * per, length: per).contiguous().sum(dims: [0, 2, 3]))
        }
        return try Tensor.cat(parts, dim: 0)
    }
}
