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
            fn("ctc_loss") { [unowned self] a in
            // (log_probs (T, B, C), targets (sum,) or (B, S), input_lengths list, target_lengths list, blank, zero_infinity)
            let lp = try tensor(a[0], "ctc_loss", "log_probs")
            let tg = try tensor(a[1], "ctc_loss", "targets")
            let il = try intList(a[2], "ctc_loss", "input_lengths"), tl = try intList(a[3], "ctc_loss", "target_lengths")
            let blank = try int(a[4], "ctc_loss", "blank")
            let where_ = " (while checking arguments for ctc_loss_allocate_outputs)"
            if lp.dtype != .float32 && lp.dtype != .float64 {
                throw PyError.runtimeError("\"ctc_loss_cpu\" not implemented for '\(lp.dtype.scalarTypeName)'")
            }
            let batch = lp.sizes[1], classes = lp.sizes[2]
            if blank < 0 || blank >= classes { throw PyError.runtimeError("blank must be in label range") }
            if il.count != batch { throw PyError.runtimeError("input_lengths must be of size batch_size") }
            if tl.count != batch { throw PyError.runtimeError("target_lengths must be of size batch_size") }
            for v in tl where v < 0 {
                throw PyError.runtimeError("Expected target_lengths to have value at least 0, but got value \(v)\(where_)")
            }
            // ATen casts the targets to int64 first (`targets.to(kLong)`).
            let values = try bridged { try tg.to(.int64).contiguous().elementsAsInt64() }.map { Int($0) }
            var offsets: [Int] = []
            if tg.rank == 1 {
                var pos = 0
                for v in tl { offsets.append(pos); pos += v }
                if tg.sizes[0] != pos {
                    throw PyError.runtimeError("Expected tensor to have size \(pos) at dimension 0, but got size \(tg.sizes[0]) for argument #2 'targets'\(where_)")
                }
            } else {
                if tg.sizes[0] != batch {
                    throw PyError.runtimeError("Expected tensor to have size \(batch) at dimension 0, but got size \(tg.sizes[0]) for argument #2 'targets'\(where_)")
                }
                let maxTarget = tl.max() ?? 0
                if tg.sizes[1] < maxTarget {
                    throw PyError.runtimeError("Expected tensor to have size at least \(maxTarget) at dimension 1, but got size \(tg.sizes[1]) for argument #2 'targets'\(where_)")
                }
                offsets = (0..<batch).map { $0 * tg.sizes[1] }
            }
            for v in il {
                if v < 0 { throw PyError.runtimeError("Expected input_lengths to have value at least 0, but got value \(v)\(where_)") }
                if v > lp.sizes[0] {
                    throw PyError.runtimeError("Expected input_lengths to have value at most \(lp.sizes[0]), but got value \(v)\(where_)")
                }
            }
            return wrap(try Differentiable.ctcLoss(lp, targets: CTCLossKernel.Targets(values: values, offsets: offsets, stride: 1),
                                                   inputLengths: il, targetLengths: tl, blank: blank,
                                                   zeroInfinity: try bool(a[5], "ctc_loss", "zero_infinity")))
        }
    }
}
