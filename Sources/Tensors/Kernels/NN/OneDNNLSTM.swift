/// What Gradbook reproduces of oneDNN 3.13's `ref` RNN primitive, which PyTorch 2.15 runs
/// for a float32 `nn.LSTM` layer while grad mode is on (`mkldnn_rnn_layer`,
/// `forward_training`): one layer and direction per call.
///
/// The order, step by step (ref_rnn.cpp, cell_common.cpp, jit_uni_lstm_cell_postgemm_fwd):
/// - the input product of every time step is one gemm (`merge_gemm_layer`) over the rows
///   of the workspace, which holds the steps in the direction's own order (reversed for
///   `unidirectional_right2left`);
/// - each step adds `h_prev · W_hhᵀ` to its slice (gemm with beta = 1);
/// - the cell kernel adds `bias_ih + bias_hh` (summed by PyTorch first), applies the
///   injector's logistic/tanh (`OneDNNEltwise`), `c = fma(i, g, c_prev * f)` and
///   `h = tanh(c) * o`.
///
/// The products are oneDNN's own sgemm (`jit_avx_gemm_f32`, AVX2), reproduced in
/// `OneDNNSgemm` (on `avx512_core`, `jit_avx512_common_gemm_f32`: `OneDNNSgemmAVX512`, see
/// `sgemm`; the notes below are AVX2's) (the primitive calls it with oneDNN's m the gate count and n the rows, on
/// `torch.get_num_threads()` threads; from 500 hidden units some products take oneDNN's
/// copy-based kernels instead, `OneDNNSgemmCopy`). The RNN's measurements confirmed that model on its shapes: for
/// gate counts `4H` that are whole 16-float blocks the batch rows go in blocks of 6, a
/// block of 4 to 6 rows summing each dot product in one FMA chain from k = 0, a block of 3
/// in two FMA chains (even and odd k) added at the end, a block of 1 or 2 in two chains of
/// rounded products; a narrow last column block of 2 to 8 uses the two-chain order. A
/// single row is the exception the primitive shows: one FMA chain that starts from the
/// accumulated value, K cut between the threads for wide products (see `gemm`); a product
/// one row tall or one column wide (one hidden unit, an input size of 1) is a
/// matrix-vector kernel too (`OneDNNSgemm`).
public enum OneDNNLSTM {
    /// Whether the passes here are oneDNN's to the bit for this hidden size and dtype:
    /// float32, any hidden size (sizes are bounded by the other overload).
    public static func isSelected(hiddenSize: Int, dtype: DType) -> Bool {
        dtype == .float32 && hiddenSize >= 1
    }

    /// Whether a layer of these sizes runs here: any non-empty one (a batch of 128 or more
    /// runs the input product step by step, as the primitive's `merge_gemm_layer` needs
    /// `mb < 128`; from 500 hidden units the primitive no longer forces oneDNN's no-copy
    /// sgemm, `force_nocopy` being training with `dhc < 500`, and `nocopy_checker` picks
    /// between it and the copy-based kernels, `OneDNNSgemmCopy`).
    public static func isSelected(steps: Int, batch: Int, inputSize: Int, hiddenSize: Int, dtype: DType) -> Bool {
        isSelected(hiddenSize: hiddenSize, dtype: dtype) && steps * batch > 0 && inputSize > 0
    }

    /// `C[r][j] (+)= Σ_k A[r][k] · W[j][k]` for `rows` rows of A (row stride `k`) and the
    /// `n` rows of W (row stride `k`), in `jit_avx_gemm_f32`'s order (see the type's
    /// comment). `accumulate`: beta = 1 (the kernel's sum is added to C last, except for a
    /// single row, whose chain starts from C).
    static func gemm(rows: Int, k: Int, n: Int, _ a: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                     _ c: UnsafeMutablePointer<Float>, accumulate: Bool, weightGradient: Bool = false,
                     path: GemmPath) {
        // One row (one sequence, or one step of a batch of one) is oneDNN's n = 1: its
        // matrix-vector product (`OneDNNSgemm.gemvN`: one FMA chain per element from C, K
        // cut between the threads past `thread_checker`'s size).
        // Row-major C (rows × n) = A · Wᵀ is column-major Cᵀ = W · Aᵀ: oneDNN's m is the
        // gate count (or n's role for a gradient), its n the rows; oneDNN's own sgemm on
        // PyTorch's threads, in the primitive's layouts, which decide the kernel's blocking (N by 48
        // with A not transposed, 96 with it transposed; K by 96 with B transposed): A (the
        // weights ldigo/ldgoi, or the gate gradients) is never transposed ('N'), B (the
        // states) is 'N', except for a weight gradient ('N', 'T': ref_rnn's
        // gemm_weights_layer/iter). Measured: with A read transposed instead, products over
        // more than ~256 rows or columns differ.
        let wt = UnsafeMutablePointer<Float>.allocate(capacity: n * k)
        defer { wt.deallocate() }
        for j in 0..<n { for q in 0..<k { wt[q * n + j] = w[j * k + q] } }
        if weightGradient {
            let at = UnsafeMutablePointer<Float>.allocate(capacity: rows * k)
            defer { at.deallocate() }
            for r in 0..<rows { for q in 0..<k { at[q * rows + r] = a[r * k + q] } }
            sgemm(transB: true, m: n, n: rows, k: k, a: wt, lda: n, b: at, ldb: rows, beta: accumulate ? 1 : 0, c: c, ldc: n,
                  path: path)
        } else {
            sgemm(transB: false, m: n, n: rows, k: k, a: wt, lda: n, b: a, ldb: k, beta: accumulate ? 1 : 0, c: c, ldc: n,
                  path: path)
        }
    }

    /// What decides between oneDNN's no-copy and copy-based sgemm for one of the primitive's
    /// products: the primitive's `force_nocopy` (training with fewer than 500 hidden units)
    /// and the leading dimensions oneDNN's buffers have (`nocopy_checker_avx512` looks at
    /// them; `rnn_utils::get_good_ld` pads the workspace's to 16 floats, never a multiple of
    /// 256).
    struct GemmPath {
        var forceNoCopy: Bool
        var lda: Int, ldb: Int, ldc: Int
    }

    /// `get_good_ld` for float32: rounded up to 16, plus 16 where that is a multiple of 256.
    static func goodLD(_ dim: Int) -> Int {
        let ld = (dim + 15) / 16 * 16
        return ld % 256 == 0 ? ld + 16 : ld
    }

    /// oneDNN's sgemm for the ISA it dispatches on (`OneDNNISA`): `jit_avx512_common_gemm_f32`
    /// on `avx512_core`, `jit_avx_gemm_f32` on AVX2, unless `nocopy_checker` sends the
    /// product to the copy-based kernels (`OneDNNSgemmCopy`; never when `force_nocopy`);
    /// on `torch.get_num_threads()` threads. The matrix-vector products are decided first
    /// (`jump_to_gemv`), whatever `force_nocopy` says.
    static func sgemm(transB: Bool, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
                      ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int, path: GemmPath) {
        let threads = IntraOpThreads.count
        let avx512 = OneDNNISA.avx512Core
        if OneDNNSgemmCopy.isChosen(transA: false, transB: transB, m: m, n: n, k: k, lda: path.lda, ldb: path.ldb,
                                    ldc: path.ldc, threads: threads, avx512: avx512, forceNoCopy: path.forceNoCopy) {
            OneDNNSgemmCopy.gemm(transA: false, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
                                 beta: beta, c: c, ldc: ldc, avx512: avx512)
            return
        }
        if avx512 {
            OneDNNSgemmAVX512.gemm(transA: false, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
                                   beta: beta, c: c, ldc: ldc, threads: threads)
        } else {
            OneDNNSgemm.gemm(transA: false, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
                             beta: beta, c: c, ldc: ldc, threads: threads)
        }
    }

    /// One layer and direction of `forward_training`. `input` (T, B, I), `hx`/`cx`
    /// (B, H), weights (4H, I) and (4H, H), biases (4H). Returns the output (T, B, H), the
    /// final h and c (B, H), the activated gates (T, B, 4H, in time order) and the cell
    /// states (T, B, H) for the backward pass.
    public static func forwardTraining(input: Tensor, hx: Tensor, cx: Tensor, weightIH: Tensor, weightHH: Tensor,
                                       biasIH: Tensor, biasHH: Tensor, reverse: Bool) throws(TensorError)
        -> (output: Tensor, hy: Tensor, cy: Tensor, gates: Tensor, cells: Tensor) {
        let steps = input.sizes[0], batch = input.sizes[1], inputSize = input.sizes[2]
        let hidden = weightHH.sizes[1], gateCount = 4 * hidden
        let (xKeep, x) = try NNBuffer.read(input, as: Float.self)
        let (hKeep, h0) = try NNBuffer.read(hx, as: Float.self)
        let (cKeep, c0) = try NNBuffer.read(cx, as: Float.self)
        let (wiKeep, wi) = try NNBuffer.read(weightIH, as: Float.self)
        let (whKeep, wh) = try NNBuffer.read(weightHH, as: Float.self)
        let (biKeep, bi) = try NNBuffer.read(biasIH, as: Float.self)
        let (bhKeep, bh) = try NNBuffer.read(biasHH, as: Float.self)
        let output = try Tensor(empty: [steps, batch, hidden], dtype: .float32, device: input.device)
        let hy = try Tensor(empty: [batch, hidden], dtype: .float32, device: input.device)
        let cy = try Tensor(empty: [batch, hidden], dtype: .float32, device: input.device)
        let gates = try Tensor(empty: [steps, batch, gateCount], dtype: .float32, device: input.device)
        let cells = try Tensor(empty: [steps, batch, hidden], dtype: .float32, device: input.device)
        let out = NNBuffer.pointer(output, as: Float.self), gatesOut = NNBuffer.pointer(gates, as: Float.self)
        let cellsOut = NNBuffer.pointer(cells, as: Float.self)
        withExtendedLifetime((xKeep, hKeep, cKeep, wiKeep, whKeep, biKeep, bhKeep)) {
            let bias = (0..<gateCount).map { bi[$0] + bh[$0] }
            let rowsPerStep = batch * inputSize
            // The workspace's copy of the input, steps in the direction's order.
            let src = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, steps * rowsPerStep))
            defer { src.deallocate() }
            for s in 0..<steps {
                let t = reverse ? steps - 1 - s : s
                (src + s * rowsPerStep).update(from: x + t * rowsPerStep, count: rowsPerStep)
            }
            let pre = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, steps * batch * gateCount))
            defer { pre.deallocate() }
            // `merge_gemm_layer` (batch under 128): one product over every step's rows;
            // otherwise one per step.
            let force = hidden < 500
            let gatesLD = goodLD(gateCount), statesLD = goodLD(Swift.max(inputSize, hidden))
            // The first direction reads the user's input in place; the other its workspace copy.
            let layerPath = GemmPath(forceNoCopy: force, lda: gatesLD, ldb: reverse ? statesLD : inputSize, ldc: gatesLD)
            if batch < 128 {
                gemm(rows: steps * batch, k: inputSize, n: gateCount, src, wi, pre, accumulate: false, path: layerPath)
            } else {
                for s in 0..<steps {
                    gemm(rows: batch, k: inputSize, n: gateCount, src + s * rowsPerStep, wi, pre + s * batch * gateCount,
                         accumulate: false, path: layerPath)
                }
            }
            let iterPath = GemmPath(forceNoCopy: force, lda: gatesLD, ldb: statesLD, ldc: gatesLD)
            var h = Array(UnsafeBufferPointer(start: h0, count: batch * hidden))
            var c = Array(UnsafeBufferPointer(start: c0, count: batch * hidden))
            for s in 0..<steps {
                let t = reverse ? steps - 1 - s : s
                let g = pre + s * batch * gateCount
                h.withUnsafeBufferPointer {
                    gemm(rows: batch, k: hidden, n: gateCount, $0.baseAddress!, wh, g, accumulate: true, path: iterPath)
                }
                for b in 0..<batch {
                    let row = g + b * gateCount
                    let saved = gatesOut + (t * batch + b) * gateCount
                    for j in 0..<hidden {
                        let i = OneDNNEltwise.logistic(row[j] + bias[j])
                        let f = OneDNNEltwise.logistic(row[hidden + j] + bias[hidden + j])
                        let gg = OneDNNEltwise.tanh(row[2 * hidden + j] + bias[2 * hidden + j])
                        let o = OneDNNEltwise.logistic(row[3 * hidden + j] + bias[3 * hidden + j])
                        let cell = (c[b * hidden + j] * f).addingProduct(i, gg)
                        let hNew = OneDNNEltwise.tanh(cell) * o
                        c[b * hidden + j] = cell
                        h[b * hidden + j] = hNew
                        out[(t * batch + b) * hidden + j] = hNew
                        cellsOut[(t * batch + b) * hidden + j] = cell
                        saved[j] = i
                        saved[hidden + j] = f
                        saved[2 * hidden + j] = gg
                        saved[3 * hidden + j] = o
                    }
                }
            }
            let hyOut = NNBuffer.pointer(hy, as: Float.self), cyOut = NNBuffer.pointer(cy, as: Float.self)
            for q in 0..<(batch * hidden) {
                hyOut[q] = h[q]
                cyOut[q] = c[q]
            }
        }
        return (output, hy, cy, gates, cells)
    }
}
