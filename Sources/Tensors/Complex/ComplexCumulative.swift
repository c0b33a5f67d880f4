/// `cumsum`/`cumprod` of complex tensors as ATen's `cpu_cum_base_kernel` runs them: one
/// scalar loop per line, accumulating in `at::acc_type` (complex<double> for both complex
/// dtypes) and rounding each running value to the output dtype. The running product is
/// `c10::complex::operator*=`, which GCC compiles with fused multiply-adds (the same
/// contraction as `complexMulFused`).
func complexCumulative<C: ComplexTensorElement>(_ t: C.Type, input: Tensor, output: Tensor, dim: Int, product: Bool) {
    let pa = input.pointer(C.self), po = output.pointer(C.self)
    let n = input.sizes[dim], sa = input.strides[dim], so = output.strides[dim]
    forEachLine(input.sizes, dim: dim, input.strides, output.strides) { oa, oo in
        var re: Double = product ? 1 : 0, im: Double = 0
        for j in 0..<n {
            let x = pa[oa + j * sa]
            let c = x.re.doubleValue, d = x.im.doubleValue
            if product {
                let bd = im * d, bc = im * c
                let r = (-bd).addingProduct(re, c)
                im = bc.addingProduct(re, d)
                re = r
            } else {
                re += c
                im += d
            }
            po[oo + j * so] = C(re: C.Part(double: re), im: C.Part(double: im))
        }
    }
}
