import Interpreter
import Tensors

/// Private natives for `F.conv3d` and `F.conv_transpose3d` (Python/torch.nn.functional/
/// 48-conv3d.py, 49-three-d-more.py): where PyTorch hands a float32 batch to oneDNN, the
/// forward and the input gradient in oneDNN's orders (`OneDNNConvolution3D`; a transposed
/// convolution is the convolution with the roles swapped), computed with no autograd; the
/// Python side records the node.
extension TorchRuntime {
    func bindOneDNNConv3d(_ b: Binder) {
        // _onednn_conv3d(input, weight, bias, stride, padding, dilation, groups) -> Tensor or None
        b.free("_onednn_conv3d") { [unowned self] _, args in
            guard args.count == 7 else { throw PyError.typeError("_onednn_conv3d() takes 7 arguments") }
            let x = try tensor(args[0], "_onednn_conv3d", "input"), w = try tensor(args[1], "_onednn_conv3d", "weight")
            let bias = args[2].isNone ? nil : try tensor(args[2], "_onednn_conv3d", "bias")
            let stride = try intList(args[3], "_onednn_conv3d", "stride"), padding = try intList(args[4], "_onednn_conv3d", "padding")
            let dilation = try intList(args[5], "_onednn_conv3d", "dilation"), groups = try int(args[6], "_onednn_conv3d", "groups")
            // float16/bfloat16 take the Python slow path, except bfloat16 where PyTorch runs oneDNN's bf16 kernels
            try bridged { try ReducedConvolution.requireSlowPath(x.dtype) }
            guard x.device == .cpu, w.dtype == x.dtype, bias.map({ $0.dtype == x.dtype }) ?? true else { return .none }
            if OneDNNConvolution3D.groupedFlatForwardSelected(input: x.sizes, weight: w.sizes, stride: stride, padding: padding,
                                                              dilation: dilation, groups: groups, dtype: x.dtype) {
                return wrap(try bridged {
                    try OneDNNConvolution3D.groupedFlatForward(input: x, weight: w, bias: bias, stride: stride, padding: padding, groups: groups)
                })
            }
            if OneDNNConvolution3D.groupedJitSelected(input: x.sizes, weight: w.sizes, stride: stride, padding: padding,
                                                      dilation: dilation, groups: groups, dtype: x.dtype) {
                return wrap(try bridged {
                    try OneDNNConvolution3D.groupedJitForward(input: x, weight: w, bias: bias, padding: padding, groups: groups)
                })
            }
            if OneDNNConvolution3D.dilatedJitForwardSelected(input: x.sizes, weight: w.sizes, stride: stride, padding: padding,
                                                             dilation: dilation, groups: groups, dtype: x.dtype) {
                return wrap(try bridged {
                    try OneDNNConvolution3D.forward(input: x, weight: w, bias: bias, stride: stride, padding: padding, dilation: dilation)
                })
            }
            if OneDNNConvolution3D.gemmSelected(input: x.sizes, weight: w.sizes, stride: stride, padding: padding,
                                                dilation: dilation, groups: groups, dtype: x.dtype) {
                return wrap(try bridged {
                    try OneDNNConvolution3D.gemmForward(input: x, weight: w, bias: bias, stride: stride, padding: padding, groups: groups,
                                                        dilation: dilation)
                })
            }
            if OneDNNConvolution3D.gemmForwardSelected(input: x.sizes, weight: w.sizes, stride: stride, padding: padding,
                                                       dilation: dilation, groups: groups, dtype: x.dtype) {
                return wrap(try bridged {
                    try OneDNNConvolution3D.gemmForward(input: x, weight: w, bias: bias, stride: stride, padding: padding, groups: 1)
                })
            }
            guard OneDNNConvolution3D.isSelected(input: x.sizes, weight: w.sizes, stride: stride, padding: padding,
                                                 dilation: dilation, groups: groups, dtype: x.dtype) else { return .none }
            return wrap(try bridged { try OneDNNConvolution3D.forward(input: x, weight: w, bias: bias, stride: stride, padding: padding) })
        }
        // _onednn_conv_transpose3d(input, weight, bias, stride, padding, output_size, dilation, groups)
        // -> Tensor or None: oneDNN runs it as the data gradient of the convolution whose
        // input has `output_size`, then adds the bias (`ref_deconvolution`).
        b.free("_onednn_conv_transpose3d") { [unowned self] _, args in
            let fn = "_onednn_conv_transpose3d"
            guard args.count == 8 else { throw PyError.typeError("\(fn)() takes 8 arguments") }
            let x = try tensor(args[0], fn, "input"), w = try tensor(args[1], fn, "weight")
            let bias = args[2].isNone ? nil : try tensor(args[2], fn, "bias")
            let stride = try intList(args[3], fn, "stride"), padding = try intList(args[4], fn, "padding")
            let outSize = try intList(args[5], fn, "output_size")
            let dilation = try intList(args[6], fn, "dilation"), groups = try int(args[7], fn, "groups")
            try bridged { try ReducedConvolution.requireSlowPath(x.dtype) }
            guard w.rank == 5, outSize.count == 3 else { return .none }
            let convInput = [x.sizes[0], w.sizes[1] * max(1, groups)] + outSize
            // dilated and ungrouped: oneDNN's deconvolution forward is the dilated data
            // gradient, on a jit kernel where it takes it (ONEDNN_VERBOSE), else gemm:jit's;
            // an output padding that reaches the stride keeps ATen off oneDNN (`is_output_padding_big`)
            var outputPadding: [Int] = []
            for i in 0..<min(3, stride.count, padding.count, dilation.count) where x.rank == 5 {
                let reach: Int = dilation[i] * (w.sizes[2 + i] - 1) + 1
                let plain: Int = (x.sizes[2 + i] - 1) * stride[i] - 2 * padding[i] + reach
                outputPadding.append(outSize[i] - plain)
            }
            if dilation != [1, 1, 1], outputPadding.count == 3, (0..<3).allSatisfy({ outputPadding[$0] < stride[$0] }),
               x.device == .cpu, w.dtype == x.dtype, bias.map({ $0.dtype == x.dtype }) ?? true, groups == 1,
               OneDNNConvolution3D.atenTakesOneDNN(input: convInput, weight: w.sizes, groups: groups) {
                let jit = OneDNNConvolution3D.dilatedJitDataSelected(input: convInput, weight: w.sizes, stride: stride, padding: padding,
                                                                     dilation: dilation, groups: groups, dtype: x.dtype)
                guard jit || OneDNNConvolution3D.gemmSelected(input: convInput, weight: w.sizes, stride: stride, padding: padding,
                                                              dilation: dilation, groups: groups, dtype: x.dtype) else { return .none }
                return wrap(try bridged {
                    let y = jit
                        ? try OneDNNConvolution3D.gradInput(gradOutput: x, weight: w, inputSizes: convInput, stride: stride,
                                                            padding: padding, dilation: dilation)
                        : try OneDNNConvolution3D.gemmGradInput(gradOutput: x, weight: w, inputSizes: convInput, stride: stride,
                                                                padding: padding, groups: 1, dilation: dilation)
                    guard let bias else { return y }
                    return try y.add(try bias.reshape([1, bias.numel, 1, 1, 1]))
                })
            }
            // grouped layers the jit kernels refuse: every pass gemm:jit's (ONEDNN_VERBOSE), the
            // forward the grouped data gradient of the convolution with the roles swapped
            if groups > 1, outputPadding.count == 3, (0..<3).allSatisfy({ outputPadding[$0] < stride[$0] }),
               x.device == .cpu, w.dtype == x.dtype, bias.map({ $0.dtype == x.dtype }) ?? true,
               OneDNNConvolution3D.gemmSelected(input: convInput, weight: w.sizes, stride: stride, padding: padding,
                                                dilation: dilation, groups: groups, dtype: x.dtype) {
                return wrap(try bridged {
                    let y = try OneDNNConvolution3D.gemmGradInput(gradOutput: x, weight: w, inputSizes: convInput, stride: stride,
                                                                  padding: padding, groups: groups, dilation: dilation)
                    guard let bias else { return y }
                    return try y.add(try bias.reshape([1, bias.numel, 1, 1, 1]))
                })
            }
            // a padding as large as the kernel: at a stride `brg_deconv` over `brgconv_strided`,
            // the data gradient `gradInput` follows, at unit stride gemm:jit's (ONEDNN_VERBOSE);
            // the other passes are gemm:jit's
            if groups == 1, dilation == [1, 1, 1], stride.count == 3,
               outputPadding.count == 3, (0..<3).allSatisfy({ outputPadding[$0] < stride[$0] }),
               x.device == .cpu, w.dtype == x.dtype, bias.map({ $0.dtype == x.dtype }) ?? true,
               OneDNNConvolution3D.gemmSelected(input: convInput, weight: w.sizes, stride: stride, padding: padding,
                                                dilation: dilation, groups: groups, dtype: x.dtype) {
                return wrap(try bridged {
                    let y = stride == [1, 1, 1]
                        ? try OneDNNConvolution3D.gemmGradInput(gradOutput: x, weight: w, inputSizes: convInput, stride: stride,
                                                                padding: padding, groups: 1)
                        : try OneDNNConvolution3D.gradInput(gradOutput: x, weight: w, inputSizes: convInput, stride: stride, padding: padding)
                    guard let bias else { return y }
                    return try y.add(try bias.reshape([1, bias.numel, 1, 1, 1]))
                })
            }
            guard x.device == .cpu, w.dtype == x.dtype, bias.map({ $0.dtype == x.dtype }) ?? true,
                  OneDNNConvolution3D.isSelected(input: convInput, weight: w.sizes, stride: stride, padding: padding,
                                                 dilation: dilation, groups: groups, dtype: x.dtype) else { return .none }
            return wrap(try bridged {
                let y = try OneDNNConvolution3D.gradInput(gradOutput: x, weight: w, inputSizes: convInput, stride: stride, padding: padding)
                guard let bias else { return y }
                return try y.add(try bias.reshape([1, bias.numel, 1, 1, 1]))
            })
        }
        // _onednn_conv3d_bias_grad(grad, weight, padding[, groups[, input_sizes, stride[, dilation]]])
        // -> Tensor or None: the bias gradient of a conv3d that `_onednn_conv3d` computed, in the
        // order of oneDNN's weight pass (which on AVX-512 machines depends on the input and stride;
        // a dilated layer's is gemm:jit's).
        b.free("_onednn_conv3d_bias_grad") { [unowned self] _, args in
            let fn = "_onednn_conv3d_bias_grad"
            guard [3, 4, 6, 7].contains(args.count) else { throw PyError.typeError("\(fn)() takes 3, 4, 6 or 7 arguments") }
            let g = try tensor(args[0], fn, "grad"), w = try tensor(args[1], fn, "weight")
            let padding = try intList(args[2], fn, "padding"), groups = args.count >= 4 ? try int(args[3], fn, "groups") : 1
            let input = args.count >= 6 ? try intList(args[4], fn, "input_sizes") : nil
            let stride = args.count >= 6 ? try intList(args[5], fn, "stride") : nil
            let dilation = args.count == 7 ? try intList(args[6], fn, "dilation") : [1, 1, 1]
            guard g.dtype == .float32, g.rank == 5, g.device == .cpu else { return .none }
            return try bridged {
                try OneDNNConvolution3D.gradBias(gradOutput: g, weight: w.sizes, padding: padding, groups: groups, input: input,
                                                 stride: stride, dilation: dilation)
            }.map(wrap) ?? .none
        }
        // _onednn_conv3d_weight_grad(grad, input, weight, stride, padding[, groups[, dilation]]) ->
        // Tensor or None: the weight gradient where oneDNN runs jit:avx2 or gemm:jit for it.
        b.free("_onednn_conv3d_weight_grad") { [unowned self] _, args in
            let fn = "_onednn_conv3d_weight_grad"
            guard (5...7).contains(args.count) else { throw PyError.typeError("\(fn)() takes 5 to 7 arguments") }
            let g = try tensor(args[0], fn, "grad"), x = try tensor(args[1], fn, "input"), w = try tensor(args[2], fn, "weight")
            let stride = try intList(args[3], fn, "stride"), padding = try intList(args[4], fn, "padding")
            let groups = args.count >= 6 ? try int(args[5], fn, "groups") : 1
            let dilation = args.count == 7 ? try intList(args[6], fn, "dilation") : [1, 1, 1]
            guard g.dtype == .float32, g.rank == 5, g.device == .cpu, x.dtype == .float32 else { return .none }
            return try bridged {
                try OneDNNConvolution3D.gradWeight(gradOutput: g, input: x, weight: w.sizes, stride: stride, padding: padding,
                                                   groups: groups, dilation: dilation)
            }.map(wrap) ?? .none
        }
        // _onednn_conv_transpose3d_bias_grad(grad, weight, stride, padding[, dilation[, groups]]) -> Tensor or None: the
        // bias gradient of a conv_transpose3d that `_onednn_conv_transpose3d` computed.
        b.free("_onednn_conv_transpose3d_bias_grad") { [unowned self] _, args in
            let fn = "_onednn_conv_transpose3d_bias_grad"
            guard [4, 5, 6].contains(args.count) else { throw PyError.typeError("\(fn)() takes 4 to 6 arguments") }
            let g = try tensor(args[0], fn, "grad"), w = try tensor(args[1], fn, "weight")
            let stride = try intList(args[2], fn, "stride"), padding = try intList(args[3], fn, "padding")
            let dilation = args.count >= 5 ? try intList(args[4], fn, "dilation") : [1, 1, 1]
            let groups = args.count == 6 ? try int(args[5], fn, "groups") : 1
            guard g.dtype == .float32, g.rank == 5, g.device == .cpu else { return .none }
            return wrap(try bridged {
                try OneDNNConvolution3D.transposedGradBias(g, weight: w.sizes, stride: stride, padding: padding, dilation: dilation,
                                                           groups: groups)
            })
        }
        // _onednn_conv3d_input_grad(grad, weight, input_sizes, stride, padding[, groups[, dilation]]) -> Tensor
        b.free("_onednn_conv3d_input_grad") { [unowned self] _, args in
            guard (5...7).contains(args.count) else { throw PyError.typeError("_onednn_conv3d_input_grad() takes 5 to 7 arguments") }
            let g = try tensor(args[0], "_onednn_conv3d_input_grad", "grad"), w = try tensor(args[1], "_onednn_conv3d_input_grad", "weight")
            let sizes = try intList(args[2], "_onednn_conv3d_input_grad", "input_sizes")
            let stride = try intList(args[3], "_onednn_conv3d_input_grad", "stride"), padding = try intList(args[4], "_onednn_conv3d_input_grad", "padding")
            let groups = args.count >= 6 ? try int(args[5], "_onednn_conv3d_input_grad", "groups") : 1
            let dilation = args.count == 7 ? try intList(args[6], "_onednn_conv3d_input_grad", "dilation") : [1, 1, 1]
            // without groups a strided data gradient runs brgconv_strided even where the
            // padding reaches the kernel (ONEDNN_VERBOSE), which `gradInput` follows; a dilated
            // one runs gemm:jit at every stride
            let dilated = dilation != [1, 1, 1]
            if OneDNNConvolution3D.groupedJitSelected(input: sizes, weight: w.sizes, stride: stride, padding: padding,
                                                      dilation: dilation, groups: groups, dtype: g.dtype) {
                return wrap(try bridged {
                    try OneDNNConvolution3D.groupedJitGradInput(gradOutput: g, weight: w, inputSizes: sizes, padding: padding,
                                                                groups: groups)
                })
            }
            if OneDNNConvolution3D.dilatedJitDataSelected(input: sizes, weight: w.sizes, stride: stride, padding: padding,
                                                          dilation: dilation, groups: groups, dtype: g.dtype) {
                return wrap(try bridged {
                    try OneDNNConvolution3D.gradInput(gradOutput: g, weight: w, inputSizes: sizes, stride: stride, padding: padding,
                                                      dilation: dilation)
                })
            }
            if OneDNNConvolution3D.gemmSelected(input: sizes, weight: w.sizes, stride: stride, padding: padding, dilation: dilation,
                                                groups: groups, dtype: g.dtype) && (groups > 1 || stride == [1, 1, 1] || dilated) {
                return wrap(try bridged {
                    try OneDNNConvolution3D.gemmGradInput(gradOutput: g, weight: w, inputSizes: sizes, stride: stride, padding: padding,
                                                          groups: groups, dilation: dilation)
                })
            }
            return wrap(try bridged { try OneDNNConvolution3D.gradInput(gradOutput: g, weight: w, inputSizes: sizes, stride: stride, padding: padding) })
        }
    }
}
