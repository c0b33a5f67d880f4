import Tensors

/// `F.nll_loss` (and so `F.cross_entropy`) of an (N, C, d1, ...) input with (N, d1, ...)
/// targets: ATen's `nll_loss_nd` sends every such input to `nll_loss2d` (a 3-d or 5-d+ one
/// viewed as (N, C, 1, -1)). Its kernel walks the positions b·map + i in order with the
/// same 8-level cascade as the 1-d `nll_loss` over rows, so the (N·map, C) rows of the
/// input with the class dimension moved last give PyTorch's sums, total weight and
/// gradients exactly; the node keeps ATen's name, NllLoss2dBackward0.
extension Differentiable {
    static func nllLossSpatial(_ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: LossReduction,
                               ignoreIndex: Int) throws(TensorError) -> Tensor {
        let n = input.sizes[0], c = input.sizes[1], spatial = Array(input.sizes.dropFirst(2))
        if target.rank == 0 || target.sizes[0] != n {
            throw .value("Expected input batch_size (\(n)) to match target batch_size (\(target.rank == 0 ? 1 : target.sizes[0])).")
        }
        if target.sizes != [n] + spatial {
            if input.rank == 4 {
                throw .runtime("only batches of spatial targets supported (3D tensors) but got targets of dimension: \(target.rank)")
            }
            throw .runtime("Expected target size \(Shape.describe([n] + spatial)), got \(Shape.describe(target.sizes))")
        }
        let rows = try input.detach().movedim(1, input.rank - 1).reshape([-1, c])
        return try nllLoss(rows, try target.reshape([-1]), weight: weight, reduction: reduction, ignoreIndex: ignoreIndex,
                           spatial: SpatialNllRows(source: input, rowSizes: [n] + spatial + [c], outShape: [n] + spatial, target: target))
    }
}

/// The (N, C, d1, ...) input an `nll_loss` over its (N·map, C) rows stands for.
struct SpatialNllRows {
    let source: Tensor
    /// (N, d1, ..., C): the rows' shape before flattening.
    let rowSizes: [Int]
    /// (N, d1, ...): the shape of an unreduced loss.
    let outShape: [Int]
    /// The (N, d1, ...) target as given, which the node saves.
    var target: Tensor? = nil
}
