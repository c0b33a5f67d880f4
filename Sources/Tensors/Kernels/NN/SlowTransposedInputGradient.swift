extension Convolution {
    /// The input gradient of a transposed convolution on ATen's slow path
    /// (`slow_conv_transpose2d_backward_out_cpu_template`), buffer for buffer: per group
    /// (`subtensor`: the output gradient's group copied, the weight's a view), every
    /// image's `im2col` of the output gradient in one fresh block, then per image one
    /// `gemm(N, N, positions, channels, rows)` writing straight into that image's slice of
    /// the gradient, MKL on all its threads (a grouped layer's goldens differ with MKL on
    /// one). MKL's small products depend on where each operand starts modulo 64 bytes, so
    /// the operands sit where ATen's do (`groupColumns` lays the
    /// columns out as `slow_conv2d` does; a 1×1 kernel at unit stride skips them alike).
    ///
    /// `p` plans the convolution the gradient is: its input is the transposed
    /// convolution's output gradient, its output the transposed convolution's input.
    /// Returns false where MKL is absent (the caller's products serve then).
    static func slowTransposedInputGradient<T: NNFloat>(_ p: Plan, _ gradOutput: UnsafeMutablePointer<T>, _ weight: Tensor,
                                                        into out: Tensor, _: T.Type) throws(TensorError) -> Bool {
        guard MKLLibrary.shared != nil else { return false }
        let o = NNBuffer.pointer(out, as: T.self)
        let plane = p.rows * p.cols
        for grp in 0..<p.g.groups {
            let (keepColumns, columns) = try groupColumns(p, gradOutput, group: grp, dtype: out.dtype, T.self)
            defer { withExtendedLifetime(keepColumns) {} }
            let wg = p.g.groups == 1 ? weight : try weight.narrow(0, start: grp * p.ocg, length: p.ocg).contiguous()
            let og = p.g.groups == 1 ? out : try Tensor(empty: [p.n, p.ocg, p.cols], dtype: out.dtype)
            let wp = NNBuffer.pointer(wg, as: T.self), op = NNBuffer.pointer(og, as: T.self)
            for img in 0..<p.n where !CPUBlas.gemm(false, false, p.cols, p.ocg, p.rows, T(1), columns + img * plane, p.cols,
                                                   wp, p.rows, T(0), op + img * p.ocg * p.cols, p.cols) {
                return false
            }
            if p.g.groups > 1 {
                for img in 0..<p.n {
                    (o + (img * p.oc + grp * p.ocg) * p.cols).update(from: op + img * p.ocg * p.cols, count: p.ocg * p.cols)
                }
            }
        }
        return true
    }

}
