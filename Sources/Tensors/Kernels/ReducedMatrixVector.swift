/// `mv` of float16/bfloat16 operands as PyTorch 2.15 computes it here, measured against it
/// (`addmv_impl_cpu_`): bfloat16 sums like its gemm (oneDNN's pairs where bfloat16 goes to
/// oneDNN and the matrix has over 16³ elements, else ATen's four partial sums); float16
/// adds the float products one at a time. One rounding to the element type at the end.
extension ReducedMatmul {
    static func mv(_ mat: Tensor, _ vec: Tensor, into out: Tensor) {
        let n = mat.sizes[0], k = mat.sizes[1]
        let half = mat.dtype == .float16
        func read(_ t: Tensor) -> (Int) -> Float {
            if half { let p = t.pointer(Float16.self); return { Float(p[$0]) } }
            let p = t.pointer(BFloat16.self); return { p[$0].float }
        }
        let rm = read(mat), rv = read(vec)
        let x = (0..<k).map { rv($0 * vec.strides[0]) }
        let order: Order = half ? .sequential
            : oneDNNBF16 && n * k > 16 * 16 * 16 ? .oneDNNPairs(kBlock: oneDNNKBlock(k)) : .fourPartials
        for i in 0..<n {
            let row = (0..<k).map { rm(i * mat.strides[0] + $0 * mat.strides[1]) }
            var s = sum(order, row, x)
            if case .oneDNNPairs = order, s.isSubnormal { s = Float(signOf: s, magnitudeOf: 0) }
            if half { out.pointer(Float16.self)[i] = Float16(s) } else { out.pointer(BFloat16.self)[i] = BFloat16(s) }
        }
    }
}
