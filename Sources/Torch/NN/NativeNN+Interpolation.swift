import Autograd
import Interpreter
import Tensors

/// The `torch._nn` functions behind `F.interpolate`'s interpolating modes, `F.grid_sample`,
/// `F.affine_grid` and `F.ctc_loss` (NATIVE_NN.md lists them).
extension TorchRuntime {
    func addNativeInterpolation(_ m: PyModule) {
        func fn(_ name: String, _ body: @escaping ([PyValue]) throws -> PyValue) {
            m.addFunction(name) { _, args in
                do { return try body(args.positional) } catch let e as TensorError { throw e.python }
            }
        }
        fn("upsample_interpolate") { [unowned self] a in
            // (input, output_size, mode "linear" | "cubic", align_corners, scales: a list of float or None)
            let x = try tensor(a[0], "interpolate", "input")
            let sizes = try intList(a[1], "interpolate", "output_size")
            let mode: InterpolationUpsampling.Mode = a[2].asString == "cubic" ? .cubic : .linear
            let given = a[4].asList?.items ?? a[4].asTuple?.items ?? []
            var scales = [Double?](repeating: nil, count: sizes.count)
            for (i, v) in given.prefix(sizes.count).enumerated() where !v.isNone {
                scales[i] = try double(v, "interpolate", "scale_factor")
            }
            return wrap(try Differentiable.upsampleInterpolate(x, outputSize: sizes, mode: mode,
                                                               alignCorners: try bool(a[3], "interpolate", "align_corners"),
                                                               scales: scales))
        }
    }
}
