import Tensors

/// `embedding_dense_backward` as a differentiable op: under `create_graph=True` it records
/// PyTorch's EmbeddingDenseBackwardBackward0 over grad_output (the gradient does not depend
/// on the weight). Its formula is `embedding_dense_double_backward`: the incoming gradient's
/// rows gathered at the indices (index_select), the padding rows zeroed (masked_fill_),
/// viewed as indices' shape + [-1]. Like PyTorch it does not rescale by frequency: the
/// first backward already did.
extension Differentiable {
    static func embeddingDenseBackward(_ go: Tensor, indices: Tensor, numWeights: Int, paddingIdx: Int,
                                       scaleGradByFreq: Bool) throws(TensorError) -> Tensor {
        try backwardFunction("EmbeddingDenseBackwardBackward0", [go], save: [], value: { () throws(TensorError) in
            try NNOps.embeddingBackward(go.detach(), indices: indices, numWeights: numWeights, paddingIdx: paddingIdx,
                                        scaleGradByFreq: scaleGradByFreq)
        }) { ctx in
            guard ctx.needs(0) else { return [nil] }
            let flat = try indices.reshape([-1])
            var gg = try indexSelect(ctx.grad, 0, flat)
            if paddingIdx >= 0 {
                gg = try maskedFill_(gg, try flat.eq(.int(Int64(paddingIdx))).reshape([-1, 1]), .int(0))
            }
            return [try view(gg, indices.sizes + [-1])]
        }
    }
}
