extension OneDNNLSTM {
    /// One layer and direction of oneDNN's `ref` LSTM backward, as PyTorch 2.15 runs it for
    /// `MkldnnRnnLayerBackward0` (`mkldnn_rnn_layer_backward`). The steps go from last to
    /// first in the direction's order; each runs the AVX2 backward cell kernel
    /// (`jit_uni_lstm_cell_postgemm_bwd`: `1 - t²` and `a - a²` as one FMA each, products
    /// in the kernel's order), then `dh_prev = dG · W_hh` and adds the step's gate
    /// gradients to the bias gradient (batch rows in order). After the last step, three
    /// gemms cover all steps at once: the input gradient, `dW_ih` and `dW_hh` (for the
    /// left-to-right direction the first step's `h0` product is a second gemm added on:
    /// `h0` lives in user memory, the other states in the workspace). Products in
    /// `gemm`'s order. Sizes and results as `forwardTraining`'s; gradients that did not
    /// arrive are zeros.
    public static func backward(input: Tensor, hx: Tensor, cx: Tensor, weightIH: Tensor, weightHH: Tensor,
                                output: Tensor, gates: Tensor, cells: Tensor, gradOutput: Tensor, gradHy: Tensor,
                                gradCy: Tensor, reverse: Bool) throws(TensorError)
        -> (input: Tensor, weightIH: Tensor, weightHH: Tensor, bias: Tensor, hx: Tensor, cx: Tensor) {
        let steps = input.sizes[0], batch = input.sizes[1], inputSize = input.sizes[2]
        let hidden = weightHH.sizes[1], gateCount = 4 * hidden
        let (k0, x) = try NNBuffer.read(input, as: Float.self)
        let (k1, h0) = try NNBuffer.read(hx, as: Float.self)
        let (k2, c0) = try NNBuffer.read(cx, as: Float.self)
        let (k3, wi) = try NNBuffer.read(weightIH, as: Float.self)
        let (k4, wh) = try NNBuffer.read(weightHH, as: Float.self)
        let (k5, hs) = try NNBuffer.read(output, as: Float.self)
        let (k6, gs) = try NNBuffer.read(gates, as: Float.self)
        let (k7, cs) = try NNBuffer.read(cells, as: Float.self)
        let (k8, gy) = try NNBuffer.read(gradOutput, as: Float.self)
        let (k9, ghy) = try NNBuffer.read(gradHy, as: Float.self)
        let (k10, gcy) = try NNBuffer.read(gradCy, as: Float.self)
        let dx = try Tensor(empty: [steps, batch, inputSize], dtype: .float32, device: input.device)
        let dwi = try Tensor(empty: [gateCount, inputSize], dtype: .float32, device: input.device)
        let dwh = try Tensor(empty: [gateCount, hidden], dtype: .float32, device: input.device)
        let db = try Tensor(empty: [gateCount], dtype: .float32, device: input.device)
        let dhx = try Tensor(empty: [batch, hidden], dtype: .float32, device: input.device)
        let dcx = try Tensor(empty: [batch, hidden], dtype: .float32, device: input.device)
        withExtendedLifetime((k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10)) {
            let stateCount = batch * hidden, rowCount = steps * batch
            let time = { (s: Int) -> Int in reverse ? steps - 1 - s : s }
            // Gate gradients of every step, steps in the direction's order (the workspace's).
            var dG = [Float](repeating: 0, count: Swift.max(1, rowCount * gateCount))
            var dh = Array(UnsafeBufferPointer(start: ghy, count: stateCount))
            var dc = Array(UnsafeBufferPointer(start: gcy, count: stateCount))
            var bias = [Float](repeating: 0, count: gateCount)
            let whT = transposed(wh, rows: gateCount, cols: hidden)
            let force = hidden < 500
            let gatesLD = goodLD(gateCount), statesLD = goodLD(Swift.max(inputSize, hidden))
            let iterPath = GemmPath(forceNoCopy: force, lda: goodLD(hidden), ldb: gatesLD, ldc: statesLD)
            let layerPath = GemmPath(forceNoCopy: force, lda: goodLD(inputSize), ldb: gatesLD, ldc: statesLD)
            let weightsPath = GemmPath(forceNoCopy: force, lda: gatesLD, ldb: statesLD, ldc: gatesLD)
            for s in stride(from: steps - 1, through: 0, by: -1) {
                let t = time(s)
                let gateRow = gs + t * batch * gateCount
                let cell = cs + t * stateCount
                let previousCell: UnsafePointer<Float> = s > 0 ? UnsafePointer(cs + time(s - 1) * stateCount) : UnsafePointer(c0)
                let layerGrad = gy + t * stateCount
                dG.withUnsafeMutableBufferPointer { all in
                    let d = all.baseAddress! + s * batch * gateCount
                    for b in 0..<batch {
                        for j in 0..<hidden {
                            let q = b * hidden + j
                            let gb = gateRow + b * gateCount
                            let i = gb[j], f = gb[hidden + j], g = gb[2 * hidden + j], o = gb[3 * hidden + j]
                            let tc = OneDNNEltwise.tanh(cell[q])
                            let dHt = layerGrad[q] + dh[q]
                            let dCt = dc[q] + (Float(1).addingProduct(-tc, tc) * dHt) * o
                            let row = d + b * gateCount
                            row[3 * hidden + j] = (o.addingProduct(-o, o) * dHt) * tc
                            row[j] = (i.addingProduct(-i, i) * dCt) * g
                            row[hidden + j] = (f.addingProduct(-f, f) * dCt) * previousCell[q]
                            row[2 * hidden + j] = Float(1).addingProduct(-g, g) * (i * dCt)
                            dc[q] = dCt * f
                        }
                    }
                    dh.withUnsafeMutableBufferPointer { out in
                        whT.withUnsafeBufferPointer {
                            gemm(rows: batch, k: gateCount, n: hidden, d, $0.baseAddress!, out.baseAddress!, accumulate: false,
                             path: iterPath)
                        }
                    }
                    for b in 0..<batch {
                        for g in 0..<gateCount { bias[g] += d[b * gateCount + g] }
                    }
                }
            }
            // The input of every step, in the direction's order.
            var xs = [Float](repeating: 0, count: Swift.max(1, rowCount * inputSize))
            for s in 0..<steps {
                for q in 0..<(batch * inputSize) { xs[s * batch * inputSize + q] = x[time(s) * batch * inputSize + q] }
            }
            var hPrev = [Float](repeating: 0, count: Swift.max(1, rowCount * hidden))
            for s in 0..<steps {
                let source: UnsafePointer<Float> = s > 0 ? UnsafePointer(hs + time(s - 1) * stateCount) : UnsafePointer(h0)
                for q in 0..<stateCount { hPrev[s * stateCount + q] = source[q] }
            }
            let dGT = transposed(dG, rows: rowCount, cols: gateCount)
            // Input gradient: all steps' rows at once.
            let wiT = transposed(wi, rows: gateCount, cols: inputSize)
            var dxs = [Float](repeating: 0, count: Swift.max(1, rowCount * inputSize))
            gemm(rows: rowCount, k: gateCount, n: inputSize, dG, wiT, &dxs, accumulate: false, path: layerPath)
            let dxOut = NNBuffer.pointer(dx, as: Float.self)
            for s in 0..<steps {
                for q in 0..<(batch * inputSize) { dxOut[time(s) * batch * inputSize + q] = dxs[s * batch * inputSize + q] }
            }
            // dW_ih, computed transposed (input features by gates) as oneDNN's ldigo.
            var dwiT = [Float](repeating: 0, count: inputSize * gateCount)
            // The weight gradients accumulate (beta 1) into zeroed memory, as ref_rnn's
            // gemm_weights_layer/iter do: an all-underflowing sum is then +0, never -0.
            gemm(rows: inputSize, k: rowCount, n: gateCount, transposed(xs, rows: rowCount, cols: inputSize), dGT, &dwiT,
                 accumulate: true, weightGradient: true, path: weightsPath)
            store(transposed(dwiT, rows: inputSize, cols: gateCount), into: dwi)
            var dwhT = [Float](repeating: 0, count: hidden * gateCount)
            let hT = transposed(hPrev, rows: rowCount, cols: hidden)
            if reverse || steps == 1 {
                gemm(rows: hidden, k: rowCount, n: gateCount, hT, dGT, &dwhT, accumulate: true, weightGradient: true,
                     path: weightsPath)
            } else {
                // Steps 1... from the workspace, then step 0's h0 added on.
                let rest = transposed(Array(hPrev[stateCount...]), rows: rowCount - batch, cols: hidden)
                let restGates = transposed(Array(dG[(batch * gateCount)...]), rows: rowCount - batch, cols: gateCount)
                gemm(rows: hidden, k: rowCount - batch, n: gateCount, rest, restGates, &dwhT, accumulate: true,
                     weightGradient: true, path: weightsPath)
                let first = transposed(Array(hPrev[0..<stateCount]), rows: batch, cols: hidden)
                let firstGates = transposed(Array(dG[0..<(batch * gateCount)]), rows: batch, cols: gateCount)
                gemm(rows: hidden, k: batch, n: gateCount, first, firstGates, &dwhT, accumulate: true, weightGradient: true,
                     path: weightsPath)
            }
            store(transposed(dwhT, rows: hidden, cols: gateCount), into: dwh)
            store(bias, into: db)
            store(dh, into: dhx)
            store(dc, into: dcx)
        }
        return (dx, dwi, dwh, db, dhx, dcx)
    }

    /// The `cols` by `rows` transpose of a row-major `rows` by `cols` matrix.
    private static func transposed(_ m: UnsafePointer<Float>, rows: Int, cols: Int) -> [Float] {
        var out = [Float](repeating: 0, count: Swift.max(1, rows * cols))
        for r in 0..<rows {
            for c in 0..<cols { out[c * rows + r] = m[r * cols + c] }
        }
        return out
    }

    private static func transposed(_ m: [Float], rows: Int, cols: Int) -> [Float] {
        m.withUnsafeBufferPointer { transposed($0.baseAddress!, rows: rows, cols: cols) }
    }

    private static func store(_ values: [Float], into t: Tensor) {
        let p = NNBuffer.pointer(t, as: Float.self)
        for q in 0..<t.numel { p[q] = values[q] }
    }
}
