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
    }
}
