import Autograd
import Interpreter
import Tensors

/// The `torch._nn` functions behind the further layers of torch.nn (threshold, pixel and
/// channel shuffle, adaptive max pooling, group norm); NATIVE_NN.md lists them.
extension TorchRuntime {
    func addNativeLayers(_ m: PyModule) {
        func fn(_ name: String, _ body: @escaping ([PyValue]) throws -> PyValue) {
            m.addFunction(name) { _, args in
                do { return try body(args.positional) } catch let e as TensorError { throw e.python }
            }
        }
        func threshold(_ a: [PyValue], _ name: String) throws -> (Tensor) throws(TensorError) -> Tensor {
            let th = try double(a[1], name, "threshold"), value = try double(a[2], name, "value")
            return { x throws(TensorError) in try Differentiable.threshold(x, threshold: th, value: value) }
        }
        fn("threshold") { [unowned self] a in wrap(try threshold(a, "threshold")(try tensor(a[0], "threshold", "input"))) }
        fn("threshold_") { [unowned self] a in
            _ = try Differentiable.inPlace(try tensor(a[0], "threshold_", "input"), name: "ThresholdBackward1", try threshold(a, "threshold_"))
            return a[0]
        }
        fn("pixel_shuffle") { [unowned self] a in
            wrap(try Differentiable.pixelShuffle(try tensor(a[0], "pixel_shuffle", "input"), upscaleFactor: try int(a[1], "pixel_shuffle", "upscale_factor")))
        }
        fn("pixel_unshuffle") { [unowned self] a in
            wrap(try Differentiable.pixelUnshuffle(try tensor(a[0], "pixel_unshuffle", "input"),
                                                   downscaleFactor: try int(a[1], "pixel_unshuffle", "downscale_factor")))
        }
        fn("channel_shuffle") { [unowned self] a in
            wrap(try Differentiable.channelShuffle(try tensor(a[0], "channel_shuffle", "input"), groups: try int(a[1], "channel_shuffle", "groups")))
        }
        fn("adaptive_max_pool2d") { [unowned self] a in
            let size = try intList(a[1], "adaptive_max_pool2d", "output_size")
            let r = try Differentiable.adaptiveMaxPool2d(try tensor(a[0], "adaptive_max_pool2d", "input"), outputSize: (size[0], size[1]))
            return .tuple([wrap(r.output), wrap(r.indices)])
        }
        fn("group_norm") { [unowned self] a in
            wrap(try Differentiable.groupNorm(try tensor(a[0], "group_norm", "input"), groups: try int(a[1], "group_norm", "num_groups"),
                                             weight: a[2].isNone ? nil : try tensor(a[2], "group_norm", "weight"),
                                             bias: a[3].isNone ? nil : try tensor(a[3], "group_norm", "bias"),
                                             eps: try double(a[4], "group_norm", "eps")))
        }
        fn("conv_transpose") { [unowned self] a in
            // (input, weight, bias, stride, padding, output_padding, groups, dilation, dims)
            let dims = try int(a[8], "conv_transpose", "dims")
            func two(_ v: PyValue, _ arg: String) throws -> (Int, Int) {
                let l = try intList(v, "conv_transpose\(dims)d", arg)
                return dims == 1 ? (1, l[0]) : (l[0], l[1])
            }
            let padding = try intList(a[4], "conv_transpose\(dims)d", "padding")
            return wrap(try Differentiable.convTranspose(
                try tensor(a[0], "conv_transpose\(dims)d", "input"), try tensor(a[1], "conv_transpose\(dims)d", "weight"),
                a[2].isNone ? nil : try tensor(a[2], "conv_transpose\(dims)d", "bias"),
                stride: try two(a[3], "stride"), padding: dims == 1 ? (0, padding[0]) : (padding[0], padding[1]),
                outputPadding: dims == 1 ? (0, try intList(a[5], "conv_transpose1d", "output_padding")[0]) : try two(a[5], "output_padding"),
                groups: try int(a[6], "conv_transpose\(dims)d", "groups"), dilation: try two(a[7], "dilation"), spatialDims: dims))
        }
        fn("upsample_nearest") { [unowned self] a in
            // (input, output_size, scale of the first resized dim or None, of the last or None, exact[, of the middle one])
            let x = try tensor(a[0], "upsample_nearest", "input")
            let sizes = try intList(a[1], "upsample_nearest", "output_size")
            let given = sizes.count == 3 && a.count > 5 ? [a[2], a[5], a[3]] : [a[2], a[3]]
            let scales: [Double?] = try given.map { $0.isNone ? nil : try double($0, "upsample_nearest", "scales") }
            let exact = try bool(a[4], "upsample_nearest", "exact")
            let inSizes = Array(x.sizes.suffix(sizes.count))
            let channelsLast = sizes.count == 2 && sizes.reduce(0, +) <= 128
            func indices(_ shortcuts: Bool) -> [[Int]] {
                (0..<sizes.count).map {
                    NearestUpsampling.sourceIndices(inputSize: inSizes[$0], outputSize: sizes[$0], scale: scales[$0], exact: exact,
                                                    shortcuts: shortcuts)
                }
            }
            return wrap(try Differentiable.upsampleNearest(x, indices: indices(channelsLast), gradIndices: indices(true), exact: exact,
                                                           scales: scales))
        }
        func blocks(_ a: ArraySlice<PyValue>, _ name: String) throws -> SlidingBlocks.Geometry {
            let k = try intList(a[a.startIndex], name, "kernel_size"), d = try intList(a[a.startIndex + 1], name, "dilation")
            let p = try intList(a[a.startIndex + 2], name, "padding"), s = try intList(a[a.startIndex + 3], name, "stride")
            return SlidingBlocks.Geometry(kernel: (k[0], k[1]), dilation: (d[0], d[1]), padding: (p[0], p[1]), stride: (s[0], s[1]))
        }
        fn("im2col") { [unowned self] a in
            wrap(try Differentiable.im2col(try tensor(a[0], "im2col", "input"), try blocks(a[1...], "im2col")))
        }
        fn("col2im") { [unowned self] a in
            let size = try intList(a[1], "col2im", "output_size")
            return wrap(try Differentiable.col2im(try tensor(a[0], "col2im", "input"), outputSize: (size[0], size[1]), try blocks(a[2...], "col2im")))
        }
        fn("rrelu_with_noise") { [unowned self] a in
            wrap(try Differentiable.rreluWithNoise(try tensor(a[0], "rrelu", "input"), noise: try tensor(a[1], "rrelu", "noise")))
        }
        fn("rrelu_with_noise_") { [unowned self] a in
            let noise = try tensor(a[1], "rrelu_", "noise")
            _ = try Differentiable.inPlace(try tensor(a[0], "rrelu_", "input"), name: "RreluWithNoiseBackward1") { x throws(TensorError) in
                try Differentiable.rreluWithNoise(x, noise: noise)
            }
            return a[0]
        }
        fn("max_unpool2d") { [unowned self] a in
            let size = try intList(a[2], "max_unpool2d", "output_size")
            return wrap(try Differentiable.maxUnpool2d(try tensor(a[0], "max_unpool2d", "input"),
                                                       indices: try tensor(a[1], "max_unpool2d", "indices"), outputSize: (size[0], size[1])))
        }
        fn("multilabel_margin_loss") { [unowned self] a in
            let r = ["none": 0, "mean": 1, "sum": 2][a[2].asString ?? ""] ?? 1
            return wrap(try Differentiable.multilabelMarginLoss(try tensor(a[0], "multilabel_margin_loss", "input"),
                                                                try tensor(a[1], "multilabel_margin_loss", "target"), reduction: r))
        }
        fn("embedding_bag") { [unowned self] a in
            // (weight, input 1-D, offsets 1-D, mode 0/1/2, per_sample_weights or None, include_last_offset, padding_idx or -1[, scale_grad_by_freq])
            guard let mode = EmbeddingBagKernel.Mode(rawValue: try int(a[3], "embedding_bag", "mode")) else {
                throw PyError.valueError("mode has to be one of sum, mean or max")
            }
            return wrap(try Differentiable.embeddingBag(
                try tensor(a[0], "embedding_bag", "weight"), try tensor(a[1], "embedding_bag", "input"),
                offsets: try tensor(a[2], "embedding_bag", "offsets"), mode: mode,
                perSampleWeights: a[4].isNone ? nil : try tensor(a[4], "embedding_bag", "per_sample_weights"),
                includeLastOffset: try bool(a[5], "embedding_bag", "include_last_offset"),
                paddingIdx: try int(a[6], "embedding_bag", "padding_idx"),
                scaleGradByFreq: a.count > 7 ? try bool(a[7], "embedding_bag", "scale_grad_by_freq") : false))
        }
    }
}
