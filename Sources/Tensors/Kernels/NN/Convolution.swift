
/// Geometry of a 2-D convolution (a 1-D one is the same with a height of 1).
public struct ConvolutionGeometry: Sendable, Equatable {
    public var stride: (Int, Int)
    /// Zeros added before and after each spatial dimension: (top, bottom), (left, right).
    public var padding: ((Int, Int), (Int, Int))
    public var dilation: (Int, Int)
    public var groups: Int
    /// Whether a float32 convolution may take oneDNN's summation order where PyTorch's
    /// `use_mkldnn` would (see `OneDNNConvolution`). The transposed convolution, built on
    /// these kernels, turns it off: ATen computes it on its slow path's order.
    public var followsOneDNN: Bool
    /// Set by the transposed convolution when ATen's `use_mkldnn`, asked about the
    /// transposed convolution's own input and weight, chose oneDNN: the convolution it is
    /// computed with then takes oneDNN's order whatever its own sizes (see
    /// `TransposedConvolution`).
    public var chosenForOneDNN = false
    /// Set by a transposed convolution on ATen's slow path: its gradients are
    /// `slow_conv_transpose2d`'s loops (MKL on all threads; the weight gradient reuses one
    /// columns buffer image after image, the input gradient lays its buffers out as
    /// `slowTransposedInputGradient` says), not `slow_conv2d`'s, so the convolution
    /// computing them keeps that order.
    public var servesSlowTransposed = false
    /// The output size of the convolution a transposed convolution is computed with, where
    /// its `output_padding` reaches the stride: the formula would give more rows or columns
    /// than the transposed convolution's input has, and ATen's `slow_conv_transpose2d`
    /// passes the input's own height and width to `im2col`/`col2im` and its products.
    public var outputSizeOverride: (Int, Int)? = nil

    public init(stride: (Int, Int), padding: ((Int, Int), (Int, Int)), dilation: (Int, Int), groups: Int) {
        self.init(stride: stride, padding: padding, dilation: dilation, groups: groups, followsOneDNN: true)
    }

    public init(stride: (Int, Int), padding: ((Int, Int), (Int, Int)), dilation: (Int, Int), groups: Int,
                followsOneDNN: Bool) {
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        self.followsOneDNN = followsOneDNN
    }

    /// PyTorch's `padding="same"`: total d·(k−1) per dimension, the odd one extra at the end.
    public static func samePadding(kernel: (Int, Int), dilation: (Int, Int)) -> ((Int, Int), (Int, Int)) {
        let th = dilation.0 * (kernel.0 - 1), tw = dilation.1 * (kernel.1 - 1)
        return ((th / 2, th - th / 2), (tw / 2, tw - tw / 2))
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.stride == b.stride && a.padding.0 == b.padding.0 && a.padding.1 == b.padding.1
            && a.dilation == b.dilation && a.groups == b.groups && a.followsOneDNN == b.followsOneDNN
            && a.chosenForOneDNN == b.chosenForOneDNN && a.servesSlowTransposed == b.servesSlowTransposed
            && a.outputSizeOverride?.0 == b.outputSizeOverride?.0 && a.outputSizeOverride?.1 == b.outputSizeOverride?.1
    }
}

/// Convolution forward and backward on (N, C, H, W) input, by im2col and one matrix
/// product per image and group (OpenBLAS through `Tensor.mm`).
public enum Convolution {
    struct Plan {
        let n, c, h, w, oc, kh, kw, oh, ow, cg, ocg: Int
        let g: ConvolutionGeometry
        var rows: Int { cg * kh * kw }
        var cols: Int { oh * ow }
    }

    /// The first half of ATen's `use_mkldnn`: "for 1x1 filters, MKLDNN is faster than THNN
    /// when multi-threaded, but THNN is faster when single-threaded" — a 1×1 kernel at unit
    /// stride and dilation on fewer than 16 images stays on ATen's own path when
    /// `torch.set_num_threads(1)` is in force, whatever the other half says.
    public static func keepsPointwiseNative(batch: Int, kernel: (Int, Int), stride: (Int, Int), dilation: (Int, Int),
                                            threads: Int = IntraOpThreads.count) -> Bool {
        threads == 1 && batch < 16 && kernel == (1, 1) && stride == (1, 1) && dilation == (1, 1)
    }

    /// PyTorch's argument checks, in its order, before any shape is looked at: a zero stride
    /// or group count would otherwise divide by zero in the kernels.
    static func checkArguments(_ g: ConvolutionGeometry, kernel: (Int, Int), spatialDims: Int) throws(TensorError) {
        if g.stride.0 <= 0 || g.stride.1 <= 0 { throw .runtime("non-positive stride is not supported") }
        if [g.padding.0.0, g.padding.0.1, g.padding.1.0, g.padding.1.1].contains(where: { $0 < 0 }) {
            throw .runtime("negative padding is not supported")
        }
        if g.dilation.0 <= 0 || g.dilation.1 <= 0 {
            let shown = spatialDims == 1 ? "[\(g.dilation.1)]" : "[\(g.dilation.0), \(g.dilation.1)]"
            throw .runtime("dilation should be greater than zero, but got \(shown)")
        }
        if g.groups <= 0 { throw .runtime("non-positive groups is not supported") }
        if kernel.0 <= 0 || kernel.1 <= 0 {
            throw .runtime("kernel size should be greater than zero, but got kernel_height: \(kernel.0) kernel_width: \(kernel.1)")
        }
    }

    /// PyTorch's dtype checks: a weight of another dtype fails in the slow path's accessor
    /// ("expected scalar type"), except a bfloat16 input on AVX-512 machines, which ATen sends
    /// to oneDNN by the input's dtype alone and whose check names the legacy types; a bias of
    /// another dtype fails `_convolution`'s own check.
    static func checkParameterTypes(input: Tensor, weight: Tensor, bias: Tensor?) throws(TensorError) {
        if input.dtype != weight.dtype {
            if input.dtype == .bfloat16 && OneDNNISA.avx512Core {
                throw .runtime("Input type (CPUBFloat16Type) and weight type (\(weight.dtype.legacyTypeName)) should be the same "
                               + "or input should be a MKLDNN tensor and weight is a dense tensor")
            }
            throw .runtime("expected scalar type \(input.dtype.scalarTypeName) but found \(weight.dtype.scalarTypeName)")
        }
        if let bias, bias.dtype != input.dtype {
            throw .runtime("Input type (\(input.dtype.cppName)) and bias type (\(bias.dtype.cppName)) should be the same")
        }
    }

    /// Checks shapes with PyTorch's messages; `spatialDims` (1 or 2) picks how sizes print.
    static func plan(input: Tensor, weight: Tensor, bias: Tensor?, geometry g: ConvolutionGeometry,
                     spatialDims: Int, shownInput: [Int], shownWeight: [Int]) throws(TensorError) -> Plan {
        precondition(input.rank == 4 && weight.rank == 4)
        let n = input.sizes[0], c = input.sizes[1], h = input.sizes[2], w = input.sizes[3]
        let oc = weight.sizes[0], kh = weight.sizes[2], kw = weight.sizes[3]
        try checkArguments(g, kernel: (kh, kw), spatialDims: spatialDims)
        if oc % g.groups != 0 {
            throw .runtime("Given groups=\(g.groups), expected weight to be divisible by \(g.groups) at dimension 0, but got weight of size [\(shapeText(shownWeight))] instead")
        }
        if weight.sizes[1] * g.groups != c {
            throw .runtime("Given groups=\(g.groups), weight of size \(shapeText(shownWeight)), expected input\(shapeText(shownInput)) to have \(weight.sizes[1] * g.groups) channels, but got \(c) channels instead")
        }
        if let bias, bias.rank != 1 || bias.sizes[0] != oc {
            throw .runtime("Given weight of size \(shapeText(shownWeight)), expected bias to be 1-dimensional with \(oc) elements, but got bias of size \(shapeText(bias.sizes)) instead")
        }
        let ph = h + g.padding.0.0 + g.padding.0.1, pw = w + g.padding.1.0 + g.padding.1.1
        let ekh = g.dilation.0 * (kh - 1) + 1, ekw = g.dilation.1 * (kw - 1) + 1
        if ph < ekh || pw < ekw {
            let padded = spatialDims == 1 ? "(\(pw))" : "(\(ph) x \(pw))"
            let kernel = spatialDims == 1 ? "(\(ekw))" : "(\(ekh) x \(ekw))"
            throw .runtime("Calculated padded input size per channel: \(padded). Kernel size: \(kernel). Kernel size can't be greater than actual input size")
        }
        try checkParameterTypes(input: input, weight: weight, bias: bias)
        if input.dtype == .float16 || input.dtype == .bfloat16 {
            guard ReducedConvolution.runsSlowPath(input.dtype) else { throw ReducedConvolution.oneDNNRefusal(input.dtype) }
        } else {
            try requireFloat(input.dtype, op: "slow_conv2d_cpu")
        }
        let oh = g.outputSizeOverride?.0 ?? (ph - ekh) / g.stride.0 + 1
        let ow = g.outputSizeOverride?.1 ?? (pw - ekw) / g.stride.1 + 1
        var g = g
        if !g.chosenForOneDNN && keepsPointwiseNative(batch: n, kernel: (kh, kw), stride: g.stride, dilation: g.dilation) {
            g.followsOneDNN = false
        }
        return Plan(n: n, c: c, h: h, w: w, oc: oc, kh: kh, kw: kw, oh: oh, ow: ow,
                    cg: c / g.groups, ocg: oc / g.groups, g: g)
    }

    /// y = conv(x, W) + b.
    public static func forward(input: Tensor, weight: Tensor, bias: Tensor?, geometry: ConvolutionGeometry,
                               spatialDims: Int = 2, shownInput: [Int]? = nil, shownWeight: [Int]? = nil) throws(TensorError) -> Tensor {
        let p = try plan(input: input, weight: weight, bias: bias, geometry: geometry, spatialDims: spatialDims,
                         shownInput: shownInput ?? input.sizes, shownWeight: shownWeight ?? weight.sizes)
        if input.dtype == .float16 || input.dtype == .bfloat16 {
            return try ReducedConvolution.forward(p, input: input, weight: weight, bias: bias)
        }
        return input.dtype == .float32
            ? try forward(p, input, weight, bias, Float.self)
            : try forward(p, input, weight, bias, Double.self)
    }

    static func forward<T: NNFloat>(_ p: Plan, _ input: Tensor, _ weight: Tensor, _ bias: Tensor?, _: T.Type) throws(TensorError) -> Tensor {
        let (keep, x) = try NNBuffer.read(input, as: T.self)
        defer { withExtendedLifetime(keep) {} }
        let wc = try weight.contiguous()
        let out = try Tensor(empty: [p.n, p.oc, p.oh, p.ow], dtype: input.dtype, device: input.device)
        let o = NNBuffer.pointer(out, as: T.self)
        // Depthwise: oneDNN's jit_dw order (OneDNNDepthwiseConvolution.swift).
        if T.self == Float.self && OneDNNDepthwiseConvolution.isSelected(p, dtype: input.dtype) && OneDNNDepthwiseConvolution.forwardApplies(p)
            && (bias?.dtype ?? .float32) == .float32 {
            try depthwiseForward(p, input: UnsafeMutableRawPointer(x).assumingMemoryBound(to: Float.self), weight: wc, bias: bias,
                                 into: UnsafeMutableRawPointer(o).assumingMemoryBound(to: Float.self))
            return out
        }
        // Grouped layers oneDNN runs as jit:avx512_core on AVX-512 machines (OneDNNGroupedConvolutionAVX512.swift).
        if T.self == Float.self && OneDNNISA.avx512Core && OneDNNGroupedConvolutionAVX512.isSelected(p, dtype: input.dtype)
            && OneDNNGroupedConvolutionAVX512.forwardApplies(p) && (bias?.dtype ?? .float32) == .float32 {
            try groupedForwardAVX512(p, input: UnsafeMutableRawPointer(x).assumingMemoryBound(to: Float.self), weight: wc,
                                     bias: bias, into: UnsafeMutableRawPointer(o).assumingMemoryBound(to: Float.self))
            return out
        }
        // Groups of whole 8-channel blocks (unless jit:avx2 refuses the forward), or of fewer than
        // 8 input channels read flat: oneDNN's jit:avx2 group by group (OneDNNGroupedConvolution.swift,
        // OneDNNGroupedConvolutionFlat.swift).
        if T.self == Float.self && ((OneDNNGroupedConvolution.isSelected(p, dtype: input.dtype)
                                     && !OneDNNGroupedConvolution.forwardRefused(p))
            || OneDNNGroupedConvolution.dilatedForwardApplies(p, dtype: input.dtype)
            || OneDNNGroupedConvolution.flatForwardApplies(p, dtype: input.dtype)) && (bias?.dtype ?? .float32) == .float32 {
            try groupedForward(p, input: UnsafeMutableRawPointer(x).assumingMemoryBound(to: Float.self), weight: wc, bias: bias,
                               into: UnsafeMutableRawPointer(o).assumingMemoryBound(to: Float.self))
            return out
        }
        // Dilated on AVX-512 machines: jit:avx512_core where it takes the shape (OneDNNDilatedConvolutionAVX512.swift).
        if T.self == Float.self && OneDNNISA.avx512Core && OneDNNDilatedConvolution.isSelected(p, dtype: input.dtype)
            && OneDNNDilatedConvolutionAVX512.forwardApplies(p, exact: true) && (bias?.dtype ?? .float32) == .float32 {
            try dilatedForwardAVX512(p, input: UnsafeMutableRawPointer(x).assumingMemoryBound(to: Float.self), weight: wc,
                                     bias: bias, into: UnsafeMutableRawPointer(o).assumingMemoryBound(to: Float.self))
            return out
        }
        // Dilated: oneDNN's jit:avx2 where it takes the shape (OneDNNDilatedConvolution.swift).
        if T.self == Float.self && OneDNNDilatedConvolution.isSelected(p, dtype: input.dtype) && OneDNNDilatedConvolution.forwardApplies(p)
            && (bias?.dtype ?? .float32) == .float32 {
            try dilatedForward(p, input: UnsafeMutableRawPointer(x).assumingMemoryBound(to: Float.self), weight: wc, bias: bias,
                               into: UnsafeMutableRawPointer(o).assumingMemoryBound(to: Float.self))
            return out
        }
        // Other groups, and the depthwise and dilated shapes their jit kernels leave: gemm:jit (OneDNNGemmConvolutionForward.swift).
        if T.self == Float.self && forwardRunsGemm(p, dtype: input.dtype) && (bias?.dtype ?? .float32) == .float32 {
            try gemmForward(p, input: UnsafeMutableRawPointer(x).assumingMemoryBound(to: Float.self), weight: wc, bias: bias,
                            into: UnsafeMutableRawPointer(o).assumingMemoryBound(to: Float.self))
            return out
        }
        if T.self == Float.self && OneDNNConvolution.isSelected(p, dtype: input.dtype) && (bias?.dtype ?? .float32) == .float32 {
            let bc = try bias?.contiguous()
            withExtendedLifetime(bc) {
                OneDNNConvolution.forward(p, UnsafeMutableRawPointer(x).assumingMemoryBound(to: Float.self),
                                          NNBuffer.pointer(wc, as: Float.self), bc.map { NNBuffer.pointer($0, as: Float.self) },
                                          into: UnsafeMutableRawPointer(o).assumingMemoryBound(to: Float.self))
            }
            return out
        }
        // ATen's slow_conv2d copies the bias into the output and has gemm add the product
        // to it (beta = 1), which rounds differently from a product plus the bias: addmm
        // makes that same call.
        let bc = try bias.map { b throws(TensorError) in try b.to(input.dtype).contiguous() }
        if MKLLibrary.shared != nil && !p.g.servesSlowTransposed {
            try slowForward(p, x, wc, bc, into: out, T.self)
            return out
        }
        if p.g.servesSlowTransposed && bc == nil {
            let done = try slowTransposedInputGradient(p, x, wc, into: out, T.self)
            if done { return out }
        }
        let cols = try Tensor(empty: [p.rows, p.cols], dtype: input.dtype)
        for img in 0..<p.n {
            for grp in 0..<p.g.groups {
                im2col(p, x, image: img, group: grp, into: NNBuffer.pointer(cols, as: T.self))
                let wg = try wc.narrow(0, start: grp * p.ocg, length: p.ocg).reshape([p.ocg, p.rows])
                let product: Tensor
                if let bc {
                    let start = try bc.narrow(0, start: grp * p.ocg, length: p.ocg).reshape([p.ocg, 1]).expand([p.ocg, p.cols])
                    product = try Tensor.addmm(start, wg, cols)
                } else {
                    product = try wg.mm(cols)
                }
                let (prod, pp) = try NNBuffer.read(product, as: T.self)
                let dst = o + (img * p.oc + grp * p.ocg) * p.cols
                withExtendedLifetime(prod) { dst.update(from: pp, count: p.ocg * p.cols) }
            }
        }
        return out
    }

    static func im2col<T: NNFloat>(_ p: Plan, _ x: UnsafeMutablePointer<T>, image: Int, group: Int, into cols: UnsafeMutablePointer<T>) {
        let (sh, sw) = p.g.stride, (dh, dw) = p.g.dilation
        let top = p.g.padding.0.0, left = p.g.padding.1.0
        var row = 0
        for c in 0..<p.cg {
            let plane = x + ((image * p.c) + group * p.cg + c) * p.h * p.w
            for i in 0..<p.kh {
                for j in 0..<p.kw {
                    let dst = cols + row * p.cols
                    var k = 0
                    for oy in 0..<p.oh {
                        let y = oy * sh - top + i * dh
                        for ox in 0..<p.ow {
                            let xx = ox * sw - left + j * dw
                            dst[k] = (y >= 0 && y < p.h && xx >= 0 && xx < p.w) ? plane[y * p.w + xx] : 0
                            k += 1
                        }
                    }
                    row += 1
                }
            }
        }
    }

    static func col2im<T: NNFloat>(_ p: Plan, _ cols: UnsafeMutablePointer<T>, image: Int, group: Int, into gx: UnsafeMutablePointer<T>) {
        let (sh, sw) = p.g.stride, (dh, dw) = p.g.dilation
        let top = p.g.padding.0.0, left = p.g.padding.1.0
        var row = 0
        for c in 0..<p.cg {
            let plane = gx + ((image * p.c) + group * p.cg + c) * p.h * p.w
            for i in 0..<p.kh {
                for j in 0..<p.kw {
                    let src = cols + row * p.cols
                    var k = 0
                    for oy in 0..<p.oh {
                        let y = oy * sh - top + i * dh
                        for ox in 0..<p.ow {
                            let xx = ox * sw - left + j * dw
                            if y >= 0 && y < p.h && xx >= 0 && xx < p.w { plane[y * p.w + xx] += src[k] }
                            k += 1
                        }
                    }
                    row += 1
                }
            }
        }
    }

    /// Gradients of input, weight and bias, each computed only when asked for.
    public static func backward(gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool, geometry: ConvolutionGeometry,
                                needInput: Bool = true, needWeight: Bool = true) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let p = try plan(input: input, weight: weight, bias: nil, geometry: geometry, spatialDims: 2,
                         shownInput: input.sizes, shownWeight: weight.sizes)
        if input.dtype == .float16 || input.dtype == .bfloat16 {
            return try ReducedConvolution.backward(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                                                   needInput: needInput, needWeight: needWeight)
        }
        // Grouped layers on AVX-512 machines: jit:avx512_core's data, weight and bias gradients where it runs them
        // (OneDNNGroupedConvolutionAVX512Data.swift, OneDNNGroupedConvolutionAVX512Weights.swift).
        if input.dtype == .float32 && OneDNNISA.avx512Core {
            let data = needInput && OneDNNGroupedConvolutionAVX512.dataApplies(p)
            let weights = (needWeight || hasBias) && OneDNNGroupedConvolutionAVX512.weightApplies(p)
            if data || weights {
                return try groupedBackwardAVX512(p, gradOutput: gradOutput, input: input, weight: weight, needInput: needInput,
                                                 needWeight: needWeight, hasBias: hasBias, data: data, weights: weights) {
                    (ni, nw, nb) throws(TensorError) in
                    try backward(gradOutput: gradOutput, input: input, weight: weight, hasBias: nb, geometry: geometry,
                                 needInput: ni, needWeight: nw)
                }
            }
        }
        // Depthwise: oneDNN's jit_dw orders (OneDNNDepthwiseConvolution.swift).
        if OneDNNDepthwiseConvolution.isSelected(p, dtype: input.dtype) {
            return try depthwiseBackward(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                                         needInput: needInput, needWeight: needWeight)
        }
        // Groups of whole 8-channel blocks (OneDNNGroupedConvolution.swift).
        if OneDNNGroupedConvolution.isSelected(p, dtype: input.dtype) {
            return try groupedBackward(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                                       needInput: needInput, needWeight: needWeight)
        }
        // Dilated groups of whole 8-channel blocks (OneDNNGroupedConvolution.swift).
        if OneDNNGroupedConvolution.isDilated(p, dtype: input.dtype) {
            return try dilatedGroupedBackward(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                                              needInput: needInput, needWeight: needWeight)
        }
        // Dilated (OneDNNDilatedConvolution.swift).
        if OneDNNDilatedConvolution.isSelected(p, dtype: input.dtype) {
            return try dilatedBackward(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                                       needInput: needInput, needWeight: needWeight)
        }
        // Groups of partial input blocks whose strided input gradient runs brgconv_strided (OneDNNGroupedConvolutionStridedData.swift).
        if OneDNNGroupedConvolution.stridedDataApplies(p, dtype: input.dtype) {
            return try stridedGroupedBackward(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                                              needInput: needInput, needWeight: needWeight)
        }
        // Other groups: oneDNN's gemm:jit, of which the bias gradient is reproduced (OneDNNGemmConvolution.swift).
        if input.dtype == .float32 && geometry.followsOneDNN && geometry.groups > 1 {
            return try gemmGroupedBackward(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                                           needInput: needInput, needWeight: needWeight)
        }
        // Plain shapes jit:avx2 refuses for a pass: gemm:jit for that pass (OneDNNPlainGemmConvolution.swift).
        if OneDNNPlainGemm.applies(p, dtype: input.dtype)
            && (OneDNNPlainGemm.dataGradientRunsGemm(p) || OneDNNPlainGemm.weightGradientRunsGemm(p)) {
            return try plainGemmBackward(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                                         needInput: needInput, needWeight: needWeight)
        }
        if OneDNNConvolution.isSelected(p, dtype: input.dtype) {
            return try oneDNNBackward(p, gradOutput: gradOutput, input: input, weight: weight, hasBias: hasBias,
                                      needInput: needInput, needWeight: needWeight)
        }
        let r = input.dtype == .float32
            ? try backward(p, gradOutput, input, weight, needInput, needWeight, Float.self)
            : try backward(p, gradOutput, input, weight, needInput, needWeight, Double.self)
        return (r.0, r.1, hasBias ? try slowBiasGradient(gradOutput, groups: p.g.groups) : nil)
    }

    /// ATen's slow path sums `grad_output` over (N, H, W) — per group when there are groups:
    /// `convolution_backward` runs each group on its own contiguous slice (`subtensor`), so a
    /// depthwise layer's channel is one contiguous run summed whole, another order than the
    /// channel's rows of the full tensor.
    static func slowBiasGradient(_ gradOutput: Tensor, groups: Int) throws(TensorError) -> Tensor {
        if groups == 1 { return try gradOutput.sum(dims: [0, 2, 3]) }
        let width = gradOutput.sizes[1] / groups
        var parts: [Tensor] = []
        for g in 0..<groups {
            parts.append(try gradOutput.narrow(1, start: g * width, length: width).contiguous().sum(dims: [0, 2, 3]))
        }
        return try Tensor.cat(parts, dim: 0)
    }

    static func backward<T: NNFloat>(_ p: Plan, _ gradOutput: Tensor, _ input: Tensor, _ weight: Tensor,
                                     _ needInput: Bool, _ needWeight: Bool, _: T.Type) throws(TensorError) -> (Tensor?, Tensor?) {
        let (keep, xp) = try NNBuffer.read(input, as: T.self)
        defer { withExtendedLifetime(keep) {} }
        let go = try gradOutput.contiguous()
        let wc = try weight.contiguous()
        let gx = needInput ? try NNBuffer.zeros(input.sizes, like: input) : nil
        let gw = needWeight ? try NNBuffer.zeros([p.oc, p.rows], like: weight) : nil
        let cols = try Tensor(empty: [p.rows, p.cols], dtype: input.dtype)
        let mklWeights = MKLLibrary.shared != nil && !p.g.servesSlowTransposed
        for img in 0..<p.n {
            for grp in 0..<p.g.groups {
                let gog = try go.select(0, img).narrow(0, start: grp * p.ocg, length: p.ocg).reshape([p.ocg, p.cols])
                if let gx {
                    let wg = try wc.narrow(0, start: grp * p.ocg, length: p.ocg).reshape([p.ocg, p.rows])
                    let (gc, gcp) = try NNBuffer.read(try wg.t().mm(gog), as: T.self)
                    withExtendedLifetime(gc) { col2im(p, gcp, image: img, group: grp, into: NNBuffer.pointer(gx, as: T.self)) }
                }
                if let gw, !mklWeights {
                    im2col(p, xp, image: img, group: grp, into: NNBuffer.pointer(cols, as: T.self))
                    let slice = try gw.narrow(0, start: grp * p.ocg, length: p.ocg)
                    _ = try slice.copy_(try Tensor.addmm(slice, gog, try cols.t()))
                }
            }
        }
        if needWeight && mklWeights {
            return (gx, try slowWeightGradient(p, xp, go, weight, T.self).reshape(weight.sizes))
        }
        return (gx, try gw?.reshape(weight.sizes))
    }

    /// ATen's slow weight gradient, buffer for buffer: per group (`subtensor`: the group's
    /// output gradient copied contiguous, its own zeroed gradient), the columns of every image
    /// in one fresh block (`compute_columns2d`), then per image one `gemm(T, N)` adding into
    /// the gradient (beta = 1). MKL's result for small products depends on where each
    /// operand starts modulo 64 bytes, so the operands sit where ATen's do.
    static func slowWeightGradient<T: NNFloat>(_ p: Plan, _ xp: UnsafeMutablePointer<T>, _ go: Tensor, _ weight: Tensor,
                                               _: T.Type) throws(TensorError) -> Tensor {
        var parts: [Tensor] = []
        let plane = p.rows * p.cols
        for grp in 0..<p.g.groups {
            let gog = p.g.groups == 1 ? go : try go.narrow(1, start: grp * p.ocg, length: p.ocg).contiguous()
            let (keepColumns, fp) = try groupColumns(p, xp, group: grp, dtype: weight.dtype, T.self)
            defer { withExtendedLifetime(keepColumns) {} }
            let gw = try NNBuffer.zeros([p.ocg, p.rows], like: weight)
            let gop = NNBuffer.pointer(gog, as: T.self), gwp = NNBuffer.pointer(gw, as: T.self)
            for img in 0..<p.n {
                _ = CPUBlas.gemm(true, false, p.rows, p.ocg, p.cols, T(1), fp + img * plane, p.cols,
                                 gop + img * p.ocg * p.cols, p.cols, T(1), gwp, p.rows)
            }
            parts.append(gw)
        }
        return parts.count == 1 ? parts[0] : try Tensor.cat(parts, dim: 0)
    }

    /// Whether `compute_columns2d` hands the input itself to gemm (a 1×1 kernel at unit
    /// stride without padding), so the operand starts where the input does.
    static func columnsAreInput(_ p: Plan) -> Bool {
        p.kh == 1 && p.kw == 1 && p.g.stride == (1, 1) && p.g.padding.0 == (0, 0) && p.g.padding.1 == (0, 0)
    }

    /// One group's columns as ATen lays them out: every image's in one fresh block, or the
    /// group's input itself where `columnsAreInput`. `groupInput` is the group's contiguous
    /// input (the input itself with one group).
    static func groupColumns<T: NNFloat>(_ p: Plan, _ x: UnsafeMutablePointer<T>, group: Int, dtype: DType,
                                         _: T.Type) throws(TensorError) -> (Tensor?, UnsafeMutablePointer<T>) {
        let plane = p.rows * p.cols
        if columnsAreInput(p) {
            if p.g.groups == 1 { return (nil, x) }
            let copy = try Tensor(empty: [p.n, p.rows, p.cols], dtype: dtype)
            let cp = NNBuffer.pointer(copy, as: T.self)
            for img in 0..<p.n { (cp + img * plane).update(from: x + (img * p.c + group * p.cg) * p.cols, count: plane) }
            return (copy, cp)
        }
        let finput = try Tensor(empty: [p.n, p.rows, p.cols], dtype: dtype)
        let fp = NNBuffer.pointer(finput, as: T.self)
        for img in 0..<p.n { im2col(p, x, image: img, group: group, into: fp + img * plane) }
        return (finput, fp)
    }

    /// ATen's slow forward, buffer for buffer (`slow_conv2d_forward_out_cpu`, per group on
    /// `subtensor` copies): the output filled with the bias, then per image one
    /// `gemm(N, N, positions, channels, rows)` adding the product (beta 1 with a bias).
    static func slowForward<T: NNFloat>(_ p: Plan, _ x: UnsafeMutablePointer<T>, _ weight: Tensor, _ bias: Tensor?,
                                        into out: Tensor, _: T.Type) throws(TensorError) {
        let o = NNBuffer.pointer(out, as: T.self)
        for grp in 0..<p.g.groups {
            let (keepColumns, fp) = try groupColumns(p, x, group: grp, dtype: out.dtype, T.self)
            let wg = p.g.groups == 1 ? weight : try weight.narrow(0, start: grp * p.ocg, length: p.ocg).contiguous()
            let og = p.g.groups == 1 ? out : try Tensor(empty: [p.n, p.ocg, p.cols], dtype: out.dtype)
            let op = NNBuffer.pointer(og, as: T.self), wp = NNBuffer.pointer(wg, as: T.self)
            if let bias {
                let bp = NNBuffer.pointer(bias, as: T.self) + grp * p.ocg
                for img in 0..<p.n {
                    for ch in 0..<p.ocg { (op + (img * p.ocg + ch) * p.cols).update(repeating: bp[ch], count: p.cols) }
                }
            }
            // Inside ATen's parallel_for over the images: MKL runs each product on one thread.
            MKLLibrary.shared?.sequentially(over: p.n) {
                for img in 0..<p.n {
                    _ = CPUBlas.gemm(false, false, p.cols, p.ocg, p.rows, T(1), fp + img * p.rows * p.cols, p.cols,
                                     wp, p.rows, bias == nil ? T(0) : T(1), op + img * p.ocg * p.cols, p.cols)
                }
            }
            withExtendedLifetime(keepColumns) {}
            if p.g.groups > 1 {
                for img in 0..<p.n {
                    (o + (img * p.oc + grp * p.ocg) * p.cols).update(from: op + img * p.ocg * p.cols, count: p.ocg * p.cols)
                }
            }
        }
    }
}
