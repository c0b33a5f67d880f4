import Interpreter
import Tensors

/// The torch-level names PyTorch gives nn operations (`torch.conv2d`, `torch.layer_norm`,
/// `torch.dropout`, `torch.kl_div`, ...) and `Tensor.prelu` / `Tensor.hardshrink`. Each
/// calls the function of the same name in the embedded `torch._nn_aliases` source, which
/// holds `torch.X`'s own positional signature (it differs from `F.X` in places) and
/// reaches the same kernels as torch.nn.functional.
extension TorchRuntime {
    static let nnAliasNames = [
        "conv1d", "conv2d", "conv_transpose1d", "conv_transpose2d", "bilinear", "embedding", "max_pool1d", "max_pool1d_with_indices", "max_pool2d",
        "avg_pool1d", "adaptive_avg_pool1d", "adaptive_max_pool1d", "batch_norm", "instance_norm", "layer_norm",
        "group_norm", "rms_norm", "dropout", "feature_dropout", "alpha_dropout", "feature_alpha_dropout",
        "threshold", "hardshrink", "prelu", "selu", "celu", "rrelu", "pixel_shuffle", "pixel_unshuffle",
        "channel_shuffle", "constant_pad_nd", "cosine_similarity", "pairwise_distance", "pdist", "cdist", "conv3d", "conv_transpose3d", "max_pool3d",
        "binary_cross_entropy_with_logits", "hinge_embedding_loss", "kl_div", "margin_ranking_loss",
        "cosine_embedding_loss", "poisson_nll_loss", "triplet_margin_loss",
        "convolution", "grid_sampler", "grid_sampler_2d", "grid_sampler_3d", "affine_grid_generator", "ctc_loss", "embedding_bag",
        "lstm", "gru", "rnn_tanh", "rnn_relu", "lstm_cell", "gru_cell", "rnn_tanh_cell", "rnn_relu_cell",
    ]

    func bindNNAliases(_ b: Binder) {
        func target(_ interp: Interpreter, _ name: String) throws -> PyValue {
            guard let f = try interp.importModule("torch._nn_aliases")[name] else {
                throw PyError.attributeError("module 'torch' has no attribute '\(name)'")
            }
            return f
        }
        for name in Self.nnAliasNames where b.module[name] == nil {
            b.module.addFunction(name, keywordChecked(function: name) { interp, args in try interp.call(try target(interp, name), args) })
        }
        for name in ["prelu", "hardshrink"] {
            b.checkedMethod(name) { interp, s, args in
                var positional = [s]
                positional.append(contentsOf: args.positional)
                let keywords = zip(args.keywordNames, args.keywordValues).map { ($0.0.string, $0.1) }
                return try interp.call(try target(interp, name), Arguments(positional, keywords: keywords))
            }
        }
    }
}
