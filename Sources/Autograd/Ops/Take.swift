import Tensors

/// `take(index)`: the elements of the flattened input at `index`, shaped like `index`;
/// one TakeBackward0 node, whose gradient is derivatives.yaml's `take_backward`:
/// `zeros_like(self).put_(index, grad, accumulate=True)` (PutBackward0 under create_graph).
extension Differentiable {
    public static func take(_ x: Tensor, _ index: Tensor) throws(TensorError) -> Tensor {
        if x.numel == 0 && index.numel != 0 { throw .index("take(): tried to take from an empty tensor") }
        let out = try GradMode.withGradMode(false) { () throws(TensorError) -> Tensor in
            try reshape(try gather(try reshape(x.detach(), [-1]), 0, try reshape(index, [-1])), index.sizes)
        }
        guard isRecording(x) else { return out }
        return try record("TakeBackward0", [x], out, save: [x]) { ctx in
            let zeros = try (try ctx.saved(0)).detach().zerosLike()
            return [try put(zeros, index, ctx.grad, accumulate: true)]
        }
    }
}
