/// The nn kernels as ops: each checks its operands share a device and runs the `nn` family
/// of that device's backend. Autograd and the bindings call these, never the CPU kernels in
/// Kernels/NN, so a tensor on another device reaches its own backend's kernels.
public enum NNOps {
    static func run(_ kernel: NNKernel, _ tensors: [Tensor?], method: String, names: [String]? = nil) throws(TensorError) -> [Tensor?] {
        _ = try Tensor.commonDevice(tensors, method: method, names: names)
        return try tensors.first!!.backend.nn(kernel, tensors)
    }

    public static func convolution(input: Tensor, weight: Tensor, bias: Tensor?, geometry: ConvolutionGeometry,
                                   spatialDims: Int = 2, shownInput: [Int]? = nil, shownWeight: [Int]? = nil) throws(TensorError) -> Tensor {
        try checkParameterDevices(input, weight, bias)
        return try run(.convolution(geometry, spatialDims: spatialDims, shownInput: shownInput, shownWeight: shownWeight),
                [input, weight, bias], method: "wrapper_CUDA__convolution")[0]!
    }

    /// Convolution's own check, before any device check: PyTorch compares the "type"
    /// (`torch.cuda.FloatTensor`) of input and parameters; a CPU input goes to the MKLDNN
    /// backend, whose text says more.
    static func checkParameterDevices(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?) throws(TensorError) {
        func typeText(_ t: Tensor) -> String {
            t.device == .cpu ? t.dtype.legacyTypeName : "torch.cuda." + t.dtype.scalarTypeName + "Tensor"
        }
        let tail = input.device == .cpu ? " or input should be a MKLDNN tensor and weight is a dense tensor" : ""
        if weight.device != input.device {
            throw .runtime("Input type (\(typeText(input))) and weight type (\(typeText(weight))) should be the same\(tail)")
        }
        if let bias, bias.device != input.device {
            throw .runtime("Input type (\(typeText(input))) and bias type (\(typeText(bias))) should be the same\(tail)")
        }
    }

    public static func convolutionBackward(gradOutput: Tensor, input: Tensor, weight: Tensor, hasBias: Bool, geometry: ConvolutionGeometry,
                                           needInput: Bool = true, needWeight: Bool = true) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let r = try run(.convolutionBackward(geometry, hasBias: hasBias, needInput: needInput, needWeight: needWeight),
                        [gradOutput, input, weight], method: "wrapper_CUDA__convolution_backward")
        return (r[0], r[1], r[2])
    }

    public static func maxPool2d(_ input: Tensor, _ g: PoolingGeometry) throws(TensorError) -> (output: Tensor, indices: Tensor) {
        let r = try run(.maxPool2d(g), [input], method: "wrapper_CUDA_max_pool2d_with_indices")
        return (r[0]!, r[1]!)
    }

    public static func maxPool2dBackward(gradOutput: Tensor, input: Tensor, indices: Tensor) throws(TensorError) -> Tensor {
        try run(.maxPool2dBackward, [gradOutput, input, indices], method: "wrapper_CUDA_max_pool2d_with_indices_backward")[0]!
    }

    public static func avgPool2d(_ input: Tensor, _ g: PoolingGeometry, countIncludePad: Bool, divisorOverride: Int?) throws(TensorError) -> Tensor {
        try run(.avgPool2d(g, countIncludePad: countIncludePad, divisorOverride: divisorOverride), [input], method: "wrapper_CUDA_avg_pool2d")[0]!
    }

    public static func avgPool2dBackward(gradOutput: Tensor, input: Tensor, _ g: PoolingGeometry, countIncludePad: Bool,
                                         divisorOverride: Int?) throws(TensorError) -> Tensor {
        try run(.avgPool2dBackward(g, countIncludePad: countIncludePad, divisorOverride: divisorOverride), [gradOutput, input],
                method: "wrapper_CUDA_avg_pool2d_backward")[0]!
    }

    public static func adaptiveAvgPool2d(_ input: Tensor, outputSize: (Int, Int)) throws(TensorError) -> Tensor {
        try run(.adaptiveAvgPool2d(outputSize: outputSize), [input], method: "wrapper_CUDA___adaptive_avg_pool2d")[0]!
    }

    public static func adaptiveAvgPool2dBackward(gradOutput: Tensor, input: Tensor) throws(TensorError) -> Tensor {
        try run(.adaptiveAvgPool2dBackward, [gradOutput, input], method: "wrapper_CUDA___adaptive_avg_pool2d_backward")[0]!
    }

    /// Per-channel statistics a batch-norm forward hands to its backward (float64 tensors on
    /// the input's device).
    public struct Statistics {
        public let mean: Tensor
        public let inverseStd: Tensor
    }

    public static func batchNorm(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor?, bias: Tensor?,
                                 training: Bool, momentum: Double, eps: Double) throws(TensorError) -> (output: Tensor, stats: Statistics) {
        let r = try run(.batchNorm(training: training, momentum: momentum, eps: eps), [input, runningMean, runningVar, weight, bias],
                        method: "wrapper_CUDA__native_batch_norm")
        return (r[0]!, Statistics(mean: r[1]!, inverseStd: r[2]!))
    }

    public static func batchNormBackward(_ gradOutput: Tensor, _ input: Tensor, weight: Tensor?, stats: Statistics,
                                         training: Bool) throws(TensorError) -> (input: Tensor, weight: Tensor, bias: Tensor) {
        let r = try run(.batchNormBackward(training: training), [gradOutput, input, weight, stats.mean, stats.inverseStd],
                        method: "wrapper_CUDA__native_batch_norm_backward")
        return (r[0]!, r[1]!, r[2]!)
    }

    public static func layerNorm(_ input: Tensor, normalizedShape: [Int], weight: Tensor?, bias: Tensor?,
                                 eps: Double) throws(TensorError) -> (output: Tensor, stats: Statistics) {
        let r = try run(.layerNorm(normalizedShape: normalizedShape, eps: eps), [input, weight, bias], method: "wrapper_CUDA__native_layer_norm")
        return (r[0]!, Statistics(mean: r[1]!, inverseStd: r[2]!))
    }

    public static func layerNormBackward(_ gradOutput: Tensor, _ input: Tensor, normalizedShape: [Int], weight: Tensor?,
                                         stats: Statistics) throws(TensorError) -> (input: Tensor, weight: Tensor, bias: Tensor) {
        let r = try run(.layerNormBackward(normalizedShape: normalizedShape), [gradOutput, input, weight, stats.mean, stats.inverseStd],
                        method: "wrapper_CUDA__native_layer_norm_backward")
        return (r[0]!, r[1]!, r[2]!)
    }

    public static func embedding(weight: Tensor, indices: Tensor) throws(TensorError) -> Tensor {
        try run(.embedding, [weight, indices], method: "wrapper_CUDA__index_select", names: ["self", "index"])[0]!
    }

    public static func embeddingBackward(_ gradOutput: Tensor, indices: Tensor, numWeights: Int, paddingIdx: Int,
                                         scaleGradByFreq: Bool) throws(TensorError) -> Tensor {
        try run(.embeddingBackward(numWeights: numWeights, paddingIdx: paddingIdx, scaleGradByFreq: scaleGradByFreq),
                [gradOutput, indices], method: "wrapper_CUDA__embedding_dense_backward")[0]!
    }

    public static func oneHot(_ indices: Tensor, numClasses: Int) throws(TensorError) -> Tensor {
        try run(.oneHot(numClasses: numClasses), [indices], method: "one_hot")[0]!
    }

    public static func pad(_ input: Tensor, pad: [Int], mode: Padding.Mode, value: Double) throws(TensorError) -> Tensor {
        try run(.pad(pad, mode: mode, value: value), [input], method: "pad")[0]!
    }

    public static func padBackward(_ gradOutput: Tensor, inputSizes: [Int], pad: [Int], mode: Padding.Mode) throws(TensorError) -> Tensor {
        try run(.padBackward(inputSizes: inputSizes, pad: pad, mode: mode), [gradOutput], method: "pad_backward")[0]!
    }

    public static func smoothL1(_ input: Tensor, _ target: Tensor, beta: Double) throws(TensorError) -> Tensor {
        try run(.smoothL1(beta: beta), [input, target], method: "wrapper_CUDA_smooth_l1_loss")[0]!
    }

    public static func smoothL1Backward(_ grad: Tensor, _ input: Tensor, _ target: Tensor, beta: Double, scale: Double) throws(TensorError) -> Tensor {
        try run(.smoothL1Backward(beta: beta, scale: scale), [grad, input, target], method: "wrapper_CUDA_smooth_l1_loss_backward")[0]!
    }

    public static func multiMargin(_ input: Tensor, targets: [Int], p: Int, margin: Double, weight: [Double]?) throws(TensorError) -> Tensor {
        try run(.multiMargin(targets: targets, p: p, margin: margin, weight: weight), [input], method: "multi_margin_loss")[0]!
    }

    public static func multiMarginBackward(_ input: Tensor, targets: [Int], p: Int, margin: Double, weight: [Double]?,
                                           scale: Double) throws(TensorError) -> Tensor {
        try run(.multiMarginBackward(targets: targets, p: p, margin: margin, weight: weight, scale: scale), [input],
                method: "multi_margin_loss_backward")[0]!
    }

    /// `lerp`/`addcmul`/`addcdiv`, in place when asked (an optimizer's update).
    public static func lerp(_ start: Tensor, _ end: Tensor, weight: Double, inPlace: Bool) throws(TensorError) -> Tensor {
        try update(.lerp(weight: weight), start, end, end, inPlace: inPlace, method: "wrapper_CUDA_lerp_Scalar")
    }

    public static func addcmul(_ x: Tensor, _ t1: Tensor, _ t2: Tensor, value: Double, inPlace: Bool) throws(TensorError) -> Tensor {
        try update(.addcmul(value: value), x, t1, t2, inPlace: inPlace, method: "wrapper_CUDA_addcmul")
    }

    public static func addcdiv(_ x: Tensor, _ t1: Tensor, _ t2: Tensor, value: Double, inPlace: Bool) throws(TensorError) -> Tensor {
        try update(.addcdiv(value: value), x, t1, t2, inPlace: inPlace, method: "wrapper_CUDA_addcdiv")
    }

    private static func update(_ kernel: NNKernel, _ x: Tensor, _ a: Tensor, _ b: Tensor, inPlace: Bool, method: String) throws(TensorError) -> Tensor {
        let out = try run(kernel, [x, a, b], method: method)[0]!
        if !inPlace { return out }
        _ = try x.copy_(out)
        return x
    }

    /// `tanh` backward `g·(1 − y²)` as one kernel (same shapes, float32/float64).
    public static func tanhBackward(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        try run(.tanhBackward, [g, y], method: "wrapper_CUDA_tanh_backward")[0]!
    }

    public static func sigmoidBackward(_ g: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        try run(.sigmoidBackward, [g, y], method: "wrapper_CUDA_sigmoid_backward")[0]!
    }
}

extension Tensor {
    /// The device every operand is on, or PyTorch's error naming the first that differs.
    /// `method` is the ATen wrapper PyTorch names in the message.
    public static func commonDevice(_ tensors: [Tensor?], method: String, names: [String]? = nil) throws(TensorError) -> Device {
        var common: Device?
        for (i, t) in tensors.enumerated() {
            guard let t else { continue }
            guard let c = common else { common = t.device; continue }
            if t.device != c {
                let name = names.flatMap { i < $0.count ? $0[i] : nil } ?? "tensors[\(i)]"
                throw .runtime("Expected all tensors to be on the same device, but got \(name) is on \(t.device), different from other tensors on \(c) (when checking argument in method \(method))")
            }
        }
        return common ?? .cpu
    }

    /// TensorIterator's check (elementwise ops, `where`): CPU 0-dim tensors may join any
    /// device as scalars; any other mix is PyTorch's "found at least two devices" error.
    public static func iteratorDevice(_ tensors: [Tensor]) throws(TensorError) -> Device {
        var common: Device?
        for t in tensors where !(t.device == .cpu && t.rank == 0) {
            if let c = common, c != t.device {
                throw .runtime("Expected all tensors to be on the same device, but found at least two devices, \(c) and \(t.device)!")
            }
            common = common ?? t.device
        }
        return common ?? tensors.first?.device ?? .cpu
    }
}
