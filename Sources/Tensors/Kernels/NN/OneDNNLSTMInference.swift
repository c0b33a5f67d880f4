extension OneDNNLSTM {
    /// One layer and direction of oneDNN's `brgemm:avx2` RNN primitive, which PyTorch 2.15
    /// runs for a float32 LSTM under `torch.no_grad()` (`forward_inference`). Per step and
    /// gate element, the products are single FMA chains from k = 0 (the brgemm kernel
    /// keeps one accumulator per output): when the input and hidden sizes are equal (and
    /// the batch is larger than one or there is a single step), one chain over the input
    /// product then on over the hidden product (one batch-reduce call over both);
    /// otherwise the two chains apart, added (input + hidden). Then the same
    /// cell kernel as training (bias added, the injector's logistic and tanh). Measured
    /// against PyTorch for inner sizes up to 400, batch 1 to 16. Returns the output
    /// (T, B, H) and the final h and c.
    public static func forwardInference(input: Tensor, hx: Tensor, cx: Tensor, weightIH: Tensor, weightHH: Tensor,
                                        biasIH: Tensor, biasHH: Tensor, reverse: Bool) throws(TensorError)
        -> (output: Tensor, hy: Tensor, cy: Tensor) {
        let steps = input.sizes[0], batch = input.sizes[1], inputSize = input.sizes[2]
        let hidden = weightHH.sizes[1], gateCount = 4 * hidden
        let (k0, x) = try NNBuffer.read(input, as: Float.self)
        let (k1, h0) = try NNBuffer.read(hx, as: Float.self)
        let (k2, c0) = try NNBuffer.read(cx, as: Float.self)
        let (k3, wi) = try NNBuffer.read(weightIH, as: Float.self)
        let (k4, wh) = try NNBuffer.read(weightHH, as: Float.self)
        let (k5, bi) = try NNBuffer.read(biasIH, as: Float.self)
        let (k6, bh) = try NNBuffer.read(biasHH, as: Float.self)
        let output = try Tensor(empty: [steps, batch, hidden], dtype: .float32, device: input.device)
        let hy = try Tensor(empty: [batch, hidden], dtype: .float32, device: input.device)
        let cy = try Tensor(empty: [batch, hidden], dtype: .float32, device: input.device)
        let out = NNBuffer.pointer(output, as: Float.self)
        withExtendedLifetime((k0, k1, k2, k3, k4, k5, k6)) {
            let bias = (0..<gateCount).map { bi[$0] + bh[$0] }
            let oneChain = inputSize == hidden && (batch > 1 || steps == 1)
            var h = Array(UnsafeBufferPointer(start: h0, count: batch * hidden))
            var c = Array(UnsafeBufferPointer(start: c0, count: batch * hidden))
            var gates = [Float](repeating: 0, count: gateCount)
            for s in 0..<steps {
                let t = reverse ? steps - 1 - s : s
                var hNext = h
                for b in 0..<batch {
                    let xr = x + (t * batch + b) * inputSize
                    h.withUnsafeBufferPointer { hp in
                        let hr = hp.baseAddress! + b * hidden
                        for g in 0..<gateCount {
                            let wig = wi + g * inputSize, whg = wh + g * hidden
                            var layer: Float = 0
                            for q in 0..<inputSize { layer = layer.addingProduct(xr[q], wig[q]) }
                            if oneChain {
                                var acc = layer
                                for q in 0..<hidden { acc = acc.addingProduct(hr[q], whg[q]) }
                                gates[g] = acc
                            } else {
                                var iter: Float = 0
                                for q in 0..<hidden { iter = iter.addingProduct(hr[q], whg[q]) }
                                gates[g] = layer + iter
                            }
                        }
                    }
                    for j in 0..<hidden {
                        let i = OneDNNEltwise.logistic(gates[j] + bias[j])
                        let f = OneDNNEltwise.logistic(gates[hidden + j] + bias[hidden + j])
                        let g = OneDNNEltwise.tanh(gates[2 * hidden + j] + bias[2 * hidden + j])
                        let o = OneDNNEltwise.logistic(gates[3 * hidden + j] + bias[3 * hidden + j])
                        let q = b * hidden + j
                        let cell = (c[q] * f).addingProduct(i, g)
                        c[q] = cell
                        hNext[q] = OneDNNEltwise.tanh(cell) * o
                        out[(t * batch + b) * hidden + j] = hNext[q]
                    }
                }
                h = hNext
            }
            let hyOut = NNBuffer.pointer(hy, as: Float.self), cyOut = NNBuffer.pointer(cy, as: Float.self)
            for q in 0..<(batch * hidden) {
                hyOut[q] = h[q]
                cyOut[q] = c[q]
            }
        }
        return (output, hy, cy)
    }
}
