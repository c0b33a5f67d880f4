import Tensors

extension Differentiable {
    /// `torch._pack_padded_sequence(input, lengths, batch_first)`: the rows of each time
    /// step still running (lengths sorted in decreasing order, checked by the caller),
    /// step after step, and how many there are per step. One node, PackPaddedSequenceBackward0,
    /// scatters the gradient back into a zero tensor shaped like the padded input, as ATen's
    /// `_pack_padded_sequence_backward` does.
    public static func packPaddedSequence(_ input: Tensor, lengths: [Int], batchFirst: Bool) throws(TensorError) -> (data: Tensor, batchSizes: [Int]) {
        let steps = batchFirst ? try input.detach().transpose(0, 1) : input.detach()
        var parts: [Tensor] = []
        var batchSizes: [Int] = []
        for t in 0..<(lengths.first ?? 0) {
            let count = lengths.reduce(0) { $0 + ($1 > t ? 1 : 0) }
            parts.append(try steps.select(0, t).narrow(0, start: 0, length: count))
            batchSizes.append(count)
        }
        let data = try Tensor.cat(parts, dim: 0)
        guard isRecording(input) else { return (data, batchSizes) }
        let inputSizes = input.sizes
        let out = record("PackPaddedSequenceBackward0", [input], data) { ctx in
            let g = ctx.grad
            let padded = batchFirst ? [inputSizes[1], inputSizes[0]] + inputSizes.dropFirst(2) : inputSizes
            let gradInput = try Tensor.zeros(padded, dtype: g.dtype, device: g.device)
            var offset = 0
            for (t, count) in batchSizes.enumerated() {
                _ = try gradInput.select(0, t).narrow(0, start: 0, length: count).copy_(try g.narrow(0, start: offset, length: count))
                offset += count
            }
            return [batchFirst ? try gradInput.transpose(0, 1) : gradInput]
        }
        return (out, batchSizes)
    }
}
