import Autograd
import Interpreter
import Tensors

/// `torch._nn`: the native functions the embedded `torch.nn.functional` source calls
/// (specified in Python/NATIVE_NN.md), and the `Parameter` class. Arguments arrive already
/// normalised by the Python side, positionally, so parsing here stays minimal.
extension TorchRuntime {
    func buildNativeNN(_ interp: Interpreter, _ m: PyModule) throws {
        if tensorClass == nil { _ = try interp.importModule("torch") }
        m.add("Parameter", .object(buildParameterClass(interp)))
        addNativeActivations(m)
        addNativeAttention(m)
        addNativeFusedOptimizers(m)
        addNativeWeightNorm(m)
        addNativeLayers(m)
        addNativeInterpolation(m)

        func fn(_ name: String, _ body: @escaping (Interpreter, [PyValue]) throws -> PyValue) {
            m.addFunction(name) { [unowned self] interp, args in
                // Autocast casts the natives ATen casts (linear, convolutions, the losses).
                let suspends = autocast.isActive && AutocastState.policies[name] != nil
                let args = suspends ? try autocastArguments(name, args) : args
                if suspends { autocast.suspended += 1 }
                defer { if suspends { autocast.suspended -= 1 } }
                do { return try body(interp, args.positional) } catch let e as TensorError { throw e.python }
            }
        }
        func t(_ v: PyValue, _ f: String, _ arg: String) throws -> Tensor { try tensor(v, f, arg) }
        func opt(_ v: PyValue) -> Tensor? { v.isNone ? nil : tensorPayload(v) }
        func pair(_ v: PyValue, _ f: String, _ arg: String) throws -> (Int, Int) {
            let l = try intList(v, f, arg)
            return l.count == 1 ? (l[0], l[0]) : (l[0], l[1])
        }
        func reduction(_ v: PyValue) throws -> LossReduction {
            guard let s = v.asString, let r = LossReduction(rawValue: s) else {
                throw PyError.valueError("\((try? interp.str(v)) ?? "?") is not a valid value for reduction")
            }
            return r
        }

        fn("linear") { [unowned self] _, a in
            wrap(try Differentiable.linear(try t(a[0], "linear", "input"), try t(a[1], "linear", "weight"), opt(a[2])))
        }
        fn("bilinear") { [unowned self] _, a in
            wrap(try bilinear(try t(a[0], "bilinear", "input1"), try t(a[1], "bilinear", "input2"),
                              try t(a[2], "bilinear", "weight"), opt(a[3])))
        }
        for dims in [1, 2] {
            let name = "conv\(dims)d"
            fn(name) { [unowned self] _, a in
                let weight = try t(a[1], name, "weight")
                let stride = try intList(a[3], name, "stride"), dilation = try intList(a[5], name, "dilation")
                let kernel = dims == 1 ? (1, weight.sizes.last ?? 1) : (weight.sizes[2], weight.sizes[3])
                let s = dims == 1 ? (1, stride[0]) : (stride[0], stride[1])
                let d = dims == 1 ? (1, dilation[0]) : (dilation[0], dilation[1])
                var padding = ((0, 0), (0, 0))
                if let mode = a[4].asString {
                    if mode == "same" { padding = ConvolutionGeometry.samePadding(kernel: kernel, dilation: d) }
                } else {
                    let p = try intList(a[4], name, "padding")
                    padding = dims == 1 ? ((0, 0), (p[0], p[0])) : ((p[0], p[0]), (p[1], p[1]))
                }
                let geometry = ConvolutionGeometry(stride: s, padding: padding, dilation: d, groups: try int(a[6], name, "groups"))
                return wrap(try Differentiable.convolution(try t(a[0], name, "input"), weight, opt(a[2]), geometry: geometry, spatialDims: dims))
            }
        }
        // An empty stride is the kernel size; the node shows it as given.
        func stride(_ v: PyValue, _ f: String) throws -> (Int, Int)? {
            try intList(v, f, "stride").isEmpty ? nil : try pair(v, f, "stride")
        }
        fn("max_pool2d") { [unowned self] _, a in
            let kernel = try pair(a[1], "max_pool2d", "kernel_size"), s = try stride(a[2], "max_pool2d")
            let g = PoolingGeometry(kernel: kernel, stride: s ?? kernel,
                                    padding: try pair(a[3], "max_pool2d", "padding"), dilation: try pair(a[4], "max_pool2d", "dilation"),
                                    ceilMode: try bool(a[5], "max_pool2d", "ceil_mode"))
            let r = try Differentiable.maxPool2d(try t(a[0], "max_pool2d", "input"), geometry: g, shownStride: s == nil ? [] : nil)
            return .tuple([wrap(r.output), wrap(r.indices)])
        }
        fn("avg_pool2d") { [unowned self] _, a in
            let kernel = try pair(a[1], "avg_pool2d", "kernel_size"), s = try stride(a[2], "avg_pool2d")
            let g = PoolingGeometry(kernel: kernel, stride: s ?? kernel,
                                    padding: try pair(a[3], "avg_pool2d", "padding"), ceilMode: try bool(a[4], "avg_pool2d", "ceil_mode"))
            let divisor: Int? = a[6].isNone ? nil : try int(a[6], "avg_pool2d", "divisor_override")
            return wrap(try Differentiable.avgPool2d(try t(a[0], "avg_pool2d", "input"), geometry: g,
                                                    countIncludePad: try bool(a[5], "avg_pool2d", "count_include_pad"), divisorOverride: divisor,
                                                    shownStride: s == nil ? [] : nil))
        }
        fn("adaptive_avg_pool2d") { [unowned self] _, a in
            let x = try t(a[0], "adaptive_avg_pool2d", "input")
            let items = a[1].asTuple?.items ?? a[1].asList?.items ?? [a[1], a[1]]
            let h = items[0].isNone ? x.sizes[x.rank - 2] : try int(items[0], "adaptive_avg_pool2d", "output_size")
            let w = items[1].isNone ? x.sizes[x.rank - 1] : try int(items[1], "adaptive_avg_pool2d", "output_size")
            return wrap(try Differentiable.adaptiveAvgPool2d(x, outputSize: (h, w)))
        }
        fn("leaky_relu") { [unowned self] _, a in
            wrap(try Differentiable.leakyRelu(try t(a[0], "leaky_relu", "input"), slope: try double(a[1], "leaky_relu", "negative_slope")))
        }
        fn("leaky_relu_") { [unowned self] _, a in
            let x = try t(a[0], "leaky_relu_", "input"), slope = try double(a[1], "leaky_relu_", "negative_slope")
            _ = try Differentiable.inPlace(x, name: "LeakyReluBackward1") { v throws(TensorError) in try Differentiable.leakyRelu(v, slope: slope) }
            return a[0]
        }
        fn("gelu") { [unowned self] _, a in
            let mode = a[1].asString ?? "none"
            if mode != "none" && mode != "tanh" { throw PyError.runtimeError("approximate argument must be either none or tanh.") }
            return wrap(try Differentiable.gelu(try t(a[0], "gelu", "input"), approximateTanh: mode == "tanh"))
        }
        fn("silu") { [unowned self] _, a in wrap(try Differentiable.silu(try t(a[0], "silu", "input"))) }
        fn("silu_") { _, a in
            _ = try Differentiable.inPlace(try t(a[0], "silu_", "input")) { v throws(TensorError) in try Differentiable.silu(v) }
            return a[0]
        }
        fn("batch_norm") { [unowned self] _, a in
            wrap(try Differentiable.batchNorm(try t(a[0], "batch_norm", "input"), runningMean: opt(a[1]), runningVar: opt(a[2]),
                                              weight: opt(a[3]), bias: opt(a[4]), training: try bool(a[5], "batch_norm", "training"),
                                              momentum: try double(a[6], "batch_norm", "momentum"), eps: try double(a[7], "batch_norm", "eps")))
        }
        fn("layer_norm") { [unowned self] _, a in
            wrap(try Differentiable.layerNorm(try t(a[0], "layer_norm", "input"), normalizedShape: try intList(a[1], "layer_norm", "normalized_shape"),
                                              weight: opt(a[2]), bias: opt(a[3]), eps: try double(a[4], "layer_norm", "eps")))
        }
        // (mean, rstd) as native_layer_norm saves them (its result1, result2), detached: the
        // forward-mode formula layer_norm_jvp reads them (torch.autograd._forward_rules).
        fn("_layer_norm_stats") { [unowned self] _, a in
            let input = try t(a[0], "_layer_norm_stats", "input").detach()
            let r = try NNOps.layerNorm(input, normalizedShape: try intList(a[1], "_layer_norm_stats", "normalized_shape"),
                                        weight: opt(a[2])?.detach(), bias: opt(a[3])?.detach(),
                                        eps: try double(a[4], "_layer_norm_stats", "eps"))
            return .tuple([wrap(r.stats.mean), wrap(r.stats.inverseStd)])
        }
        fn("embedding") { [unowned self] _, a in
            wrap(try Differentiable.embedding(try t(a[0], "embedding", "weight"), try t(a[1], "embedding", "indices"),
                                              paddingIdx: try int(a[2], "embedding", "padding_idx"),
                                              scaleGradByFreq: try bool(a[3], "embedding", "scale_grad_by_freq")))
        }
        fn("one_hot") { [unowned self] _, a in
            wrap(try NNOps.oneHot(try t(a[0], "one_hot", "tensor"), numClasses: try int(a[1], "one_hot", "num_classes")))
        }
        fn("pad") { [unowned self] _, a in
            let modeName = a[2].asString ?? "constant"
            guard let mode = Padding.Mode(rawValue: modeName) else {
                throw PyError.notImplementedError("Unsupported padding mode: \(modeName)")
            }
            let value = a[3].isNone ? 0 : try double(a[3], "pad", "value")
            return wrap(try Differentiable.pad(try t(a[0], "pad", "input"), try intList(a[1], "pad", "pad"), mode: mode, value: value))
        }
        fn("mse_loss") { [unowned self] _, a in
            wrap(try Differentiable.mseLoss(try t(a[0], "mse_loss", "input"), try t(a[1], "mse_loss", "target"), reduction: try reduction(a[2])))
        }
        fn("smooth_l1_loss") { [unowned self] _, a in
            wrap(try Differentiable.smoothL1Loss(try t(a[0], "smooth_l1_loss", "input"), try t(a[1], "smooth_l1_loss", "target"),
                                                 reduction: try reduction(a[2]), beta: try double(a[3], "smooth_l1_loss", "beta")))
        }
        fn("nll_loss") { [unowned self] _, a in
            wrap(try Differentiable.nllLoss(try t(a[0], "nll_loss", "input"), try t(a[1], "nll_loss", "target"), weight: opt(a[2]),
                                            reduction: try reduction(a[3]), ignoreIndex: try int(a[4], "nll_loss", "ignore_index")))
        }
        fn("cross_entropy") { [unowned self] _, a in
            wrap(try Differentiable.crossEntropy(try t(a[0], "cross_entropy", "input"), try t(a[1], "cross_entropy", "target"),
                                                 weight: opt(a[2]), ignoreIndex: try int(a[3], "cross_entropy", "ignore_index"),
                                                 reduction: try reduction(a[4]), labelSmoothing: try double(a[5], "cross_entropy", "label_smoothing")))
        }
        fn("binary_cross_entropy") { [unowned self] _, a in
            wrap(try Differentiable.binaryCrossEntropy(try t(a[0], "binary_cross_entropy", "input"), try t(a[1], "binary_cross_entropy", "target"),
                                                       weight: opt(a[2]), reduction: try reduction(a[3])))
        }
        fn("binary_cross_entropy_with_logits") { [unowned self] _, a in
            wrap(try Differentiable.binaryCrossEntropyWithLogits(try t(a[0], "binary_cross_entropy_with_logits", "input"),
                                                                 try t(a[1], "binary_cross_entropy_with_logits", "target"),
                                                                 weight: opt(a[2]), posWeight: opt(a[3]), reduction: try reduction(a[4])))
        }
    }

    /// x1ᵀ·A·x2 (+ b) per output feature, from differentiable ops.
    func bilinear(_ x1: Tensor, _ x2: Tensor, _ weight: Tensor, _ bias: Tensor?) throws(TensorError) -> Tensor {
        let o = weight.sizes[0], i = weight.sizes[1], j = weight.sizes[2]
        let a = try Differentiable.reshape(try Differentiable.permute(weight, [1, 0, 2]), [i, o * j])
        let u = try Differentiable.view(try Differentiable.matmul(x1, a), Array(x1.sizes.dropLast()) + [o, j])
        var out = try Differentiable.sum(try Differentiable.mul(u, try Differentiable.unsqueeze(x2, -2)), dims: [-1])
        // PyTorch views the trilinear product into the output shape before adding the bias,
        // so a bias-free layer's output has grad_fn ViewBackward0.
        out = try Differentiable.view(out, out.sizes)
        if let bias { out = try Differentiable.add(out, bias) }
        return out
    }

    /// `torch.nn.Parameter`: a leaf tensor sharing its data's storage, printed with
    /// "Parameter containing:" above the tensor.
    func buildParameterClass(_ interp: Interpreter) -> PyClass {
        let cls = interp.makeClass("Parameter", module: "torch.nn.parameter", base: tensorClass)
        cls.setConstructor { interp, cls, args in
            let b = try args.bind(Signature("Parameter", ["data", "requires_grad"], required: 0))
            let data: Tensor
            if let v = b[0], !v.isNone {
                guard let t = tensorPayload(v) else {
                    throw PyError.typeError("Parameter(): argument 'data' must be Tensor, not \(interp.typeName(v))")
                }
                data = t
            } else {
                data = try bridged { try Tensor(empty: [0]) }
            }
            let requiresGrad = try b[1].map { try interp.truthy($0) } ?? true
            let p = data.detach()
            if requiresGrad { _ = try bridged { try p.requiresGrad_(true) } }
            return self.adopt(p, as: cls)
        }
        for name in ["__repr__", "__str__"] {
            cls.addMethod(name) { [unowned self] _, s, _ in
                guard let t = tensorPayload(s) else { throw PyError.typeError("expected a Parameter") }
                return .str("Parameter containing:\n" + (try repr(t)))
            }
        }
        return cls
    }
}
