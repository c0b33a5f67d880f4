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
            // (input, output_size, mode "linear" | "cubic" | "lanczos" (antialiased only), align_corners, scales: a list of float or None[, antialias])
            let x = try tensor(a[0], "interpolate", "input")
            let sizes = try intList(a[1], "interpolate", "output_size")
            let mode: InterpolationUpsampling.Mode = a[2].asString == "cubic" ? .cubic : .linear
            let lanczos = a[2].asString == "lanczos"
            let given = a[4].asList?.items ?? a[4].asTuple?.items ?? []
            var scales = [Double?](repeating: nil, count: sizes.count)
            for (i, v) in given.prefix(sizes.count).enumerated() where !v.isNone {
                scales[i] = try double(v, "interpolate", "scale_factor")
            }
            let align = try bool(a[3], "interpolate", "align_corners")
            let antialias = a.count > 5 ? try bool(a[5], "interpolate", "antialias") : false
            if lanczos || antialias {
                return wrap(try Differentiable.upsampleAntialias(x, outputSize: sizes, filter: lanczos ? .lanczos : mode == .cubic ? .cubic : .linear,
                                                                 alignCorners: align,
                                                                 scales: scales))
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
            fn("grid_sampler") { [unowned self] a in
            // (input, grid, mode 0 bilinear / 1 nearest / 2 bicubic, padding 0 zeros / 1 border / 2 reflection, align_corners)
            let x = try tensor(a[0], "grid_sampler", "input"), g = try tensor(a[1], "grid_sampler", "grid")
            let modeValue = try int(a[2], "grid_sampler", "interpolation_mode")
            let padValue = try int(a[3], "grid_sampler", "padding_mode")
            let align = try bool(a[4], "grid_sampler", "align_corners")
            // ATen's order: `grid_sampler` picks the 2-d kernel for 4-d input and the 3-d one
            // otherwise (`grid_sampler_2d` / `_3d` name theirs: a 6th argument 2 or 3); each
            // kernel runs check_grid_sampler_common, then its own rank check.
            let dims = a.count > 5 ? try int(a[5], "grid_sampler", "dims") : (x.rank == 4 ? 2 : 3)
            if x.device != g.device {
                throw PyError.runtimeError("grid_sampler(): expected input and grid to be on same device, but input is on \(x.device) and grid is on \(g.device)")
            }
            if x.rank == 0 || g.rank == 0 {
                throw PyError.indexError("Dimension specified as 0 but tensor has no dimensions")
            }
            if x.sizes[0] != g.sizes[0] {
                throw PyError.runtimeError("grid_sampler(): expected grid and input to have same batch size, but got input with sizes \(shapeText(x.sizes)) and grid with sizes \(shapeText(g.sizes))")
            }
            if g.sizes[g.rank - 1] != x.rank - 2 {
                throw PyError.runtimeError("grid_sampler(): expected grid to have size \(x.rank - 2) in last dimension, but got grid with sizes \(shapeText(g.sizes))")
            }
            for d in 2..<max(x.rank, 2) where x.sizes[d] == 0 {
                throw PyError.runtimeError("grid_sampler(): expected input to have non-empty spatial dimensions, but input has sizes \(shapeText(x.sizes)) with dimension \(d) being empty")
            }
            if x.rank != dims + 2 || g.rank != x.rank {
                throw PyError.runtimeError("grid_sampler(): expected \(dims + 2)D input and grid with same number of dimensions, but got input with sizes \(shapeText(x.sizes)) and grid with sizes \(shapeText(g.sizes))")
            }
            guard let mode = GridSampling.Mode(rawValue: modeValue), let padding = GridSampling.Padding(rawValue: padValue) else {
                throw PyError.runtimeError("grid_sampler(): unknown interpolation or padding mode")
            }
            if x.dtype != g.dtype {
                // PyTorch 2.15's CPU path reports it from the kernel's dtype check, after the shape checks.
                throw PyError.runtimeError("expected scalar type \(x.dtype.scalarTypeName) but found \(g.dtype.scalarTypeName)")
            }
            if x.dtype != .float32 && x.dtype != .float64 {
                let kernel = dims == 2 ? "grid_sampler_2d_cpu_kernel_impl" : "grid_sampler3d_cpu"
                throw PyError(type: "NotImplementedError", message: "\"\(kernel)\" not implemented for '\(x.dtype.scalarTypeName)'")
            }
            return wrap(try Differentiable.gridSampler2d(x, g, mode: mode, padding: padding, alignCorners: align))
        }
        fn("embedding_bag_max_indices") { [unowned self] a in
            // (weight, input 1-D, offsets 1-D, include_last_offset, padding_idx or -1): the row
            // each 'max' bag took per feature, 0 for an empty bag (ATen zeroes max_indices first).
            let w = try tensor(a[0], "embedding_bag", "weight")
            let (_, bags) = try bridged {
                try EmbeddingBagKernel.forward(weight: w.detach(), indices: try tensor(a[1], "embedding_bag", "input"),
                                               offsets: try tensor(a[2], "embedding_bag", "offsets"), mode: .max, perSampleWeights: nil,
                                               includeLastOffset: try bool(a[3], "embedding_bag", "include_last_offset"),
                                               paddingIdx: try int(a[4], "embedding_bag", "padding_idx"))
            }
            let rows = bags.counts.count, dim = w.rank == 2 ? w.sizes[1] : 0
            return wrap(try bridged { try Tensor(values: bags.argmax.map { Int64(max($0, 0)) }, shape: [rows, dim]) })
        }
        fn("affine_grid_generator") { [unowned self] a in
            // (theta, size as a list, align_corners), checked by the Python side
            let theta = try tensor(a[0], "affine_grid_generator", "theta")
            let size = try intList(a[1], "affine_grid_generator", "size")
            // A θ batch other than size[0] fails in the base grid's bmm, as in ATen.
            return wrap(try Differentiable.affineGrid(theta, size: size, alignCorners: try bool(a[2], "affine_grid_generator", "align_corners")))
        }
    }
}
