import Interpreter
import Tensors

/// A private native for `F.conv3d`'s ATen slow path (Python/torch.nn.functional/48-conv3d.py):
/// `slow_conv3d` computes a grouped layer's products per image with
/// `cpublas::gemm_batched_with_stride`, one MKL `?gemm_batch` call over the groups, which
/// does not always round as one `addmm` per group does.
extension TorchRuntime {
    func bindSlowConv3d(_ b: Binder) {
        // _slow_conv3d_gemm(c, a, b, beta, a_transposed, b_transposed) -> beta·c + a[g] @ b[g] for
        // every group g (3-d tensors); the flags say which operand ATen passes transposed
        // _reduced_conv_weight_step(c, g, columns) -> c + g @ columnsᵀ for float16/bfloat16, rounded
        // as ATen's gemm(T, N) with beta 1 does (ReducedConvolution.weightGradientStep)
        b.free("_reduced_conv_weight_step") { [unowned self] _, args in
            let fn = "_reduced_conv_weight_step"
            guard args.count == 3 else { throw PyError.typeError("\(fn)() takes 3 arguments") }
            let c = try tensor(args[0], fn, "c"), g = try tensor(args[1], fn, "g"), x = try tensor(args[2], fn, "columns")
            return wrap(try bridged { try ReducedConvolution.weightGradientStep(c, g, x) })
        }
        // _reduced_conv_dilated_bias_grad(g) -> slow_conv_dilated's bias gradient, image after image
        b.free("_reduced_conv_dilated_bias_grad") { [unowned self] _, args in
            let fn = "_reduced_conv_dilated_bias_grad"
            guard args.count == 1 else { throw PyError.typeError("\(fn)() takes 1 argument") }
            let g = try tensor(args[0], fn, "g")
            return wrap(try bridged { try ReducedConvolution.dilatedBiasGradient(g) })
        }
        b.free("_slow_conv3d_gemm") { [unowned self] _, args in
            let fn = "_slow_conv3d_gemm"
            guard args.count == 6 else { throw PyError.typeError("\(fn)() takes 6 arguments") }
            let c = try tensor(args[0], fn, "c"), x = try tensor(args[1], fn, "a"), y = try tensor(args[2], fn, "b")
            let beta = try double(args[3], fn, "beta"), ta = try bool(args[4], fn, "a_transposed"), tb = try bool(args[5], fn, "b_transposed")
            return wrap(try bridged { try Tensor.gemmBatched(c, x, y, beta: beta, aTransposed: ta, bTransposed: tb) })
        }
    }
}
