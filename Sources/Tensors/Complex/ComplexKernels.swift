import CComplexLibm

/// CPU kernels on complex elements. Arithmetic follows `c10::complex` and ATen's
/// vectorised complex kernels term by term (separately rounded products, no fused
/// multiply-add), so results match PyTorch's bits; ops PyTorch does not define for complex
/// raise its own error text rather than computing on the real part.

/// The name ATen's CPU dispatch uses in "not implemented for 'ComplexFloat'" errors.
func complexKernelName(_ op: BinaryOp) -> String {
    switch op {
    case .floorDivide: "div_floor_cpu"
    case .truncDivide: "div_trunc_cpu"
    case .remainder: "remainder_cpu"
    case .fmod: "fmod_cpu"
    case .atan2: "atan2_cpu"
    case .hypot: "hypot_cpu"
    case .lt: "lt_cpu"
    case .le: "le_cpu"
    case .gt: "gt_cpu"
    case .ge: "ge_cpu"
    case .bitwiseAnd: "bitwise_and_cpu"
    case .bitwiseOr: "bitwise_or_cpu"
    case .bitwiseXor: "bitwise_xor_cpu"
    case .shiftLeft: "lshift_cpu"
    case .shiftRight: "rshift_cpu"
    default: "\(op)_cpu"
    }
}

/// The error PyTorch raises for a binary op it has no complex kernel for; nil when it has one.
func complexBinaryError(_ op: BinaryOp, _ dtype: DType) -> TensorError? {
    switch op {
    case .add, .sub, .mul, .div, .pow, .eq, .ne, .logicalAnd, .logicalOr, .logicalXor: return nil
    case .maximum, .minimum: return .type("\(op) not implemented for complex tensors.")
    default: return .notImplemented("\"\(complexKernelName(op))\" not implemented for '\(dtype.scalarTypeName)'")
    }
}

@inline(__always) func complexAdd<C: ComplexTensorElement>(_ x: C, _ y: C) -> C { C(re: x.re + y.re, im: x.im + y.im) }
@inline(__always) func complexSub<C: ComplexTensorElement>(_ x: C, _ y: C) -> C { C(re: x.re - y.re, im: x.im - y.im) }

/// `(a + bi)(c + di) = (ac - bd) + (ad + bc)i`, each product rounded on its own: ATen's
/// AVX2 `Vectorized<complex>` product (multiplies, then a horizontal subtract), which runs
/// where all operands are contiguous or broadcast scalars.
@inline(__always) func complexMul<C: ComplexTensorElement>(_ x: C, _ y: C) -> C {
    let ac = x.re * y.re, bd = x.im * y.im
    let ad = x.re * y.im, bc = x.im * y.re
    return C(re: ac - bd, im: ad + bc)
}

/// The same product as `c10::complex::operator*=` compiles in ATen's AVX2 kernels (GCC
/// contracts `a*c - b*d` into one fused multiply-add): the strided, element-by-element path.
@inline(__always) func complexMulFused<C: ComplexTensorElement>(_ x: C, _ y: C) -> C {
    let bd = x.im * y.im, bc = x.im * y.re
    return C(re: (-bd).addingProduct(x.re, y.re), im: bc.addingProduct(x.re, y.im))
}

/// Which product `complexMulKernel` computes: x·y (`mul`), or pow(x, 2) and pow(x, 3) as
/// PyTorch's `pow_tensor_scalar_optimized_kernel` spells them (`base * base`,
/// `base * base * base`), whose scalar loops GCC compiles differently from mul's.
enum ComplexProduct {
    case mul, square, cube
}

/// Products over `shape`, element by element as PyTorch's AVX2 build computes them. Rows
/// ATen vectorises (all inner strides 1, or one operand a broadcast scalar) use
/// `complexMul` in whole pairs of vectors (8 complex64 or 4 complex128 elements at AVX2
/// widths; `build` names the PyTorch kernel's registration); the rest
/// of such a row, and every other row, goes through ATen's scalar `basic_loop`, which GCC
/// computes with fused multiply-adds (`complexMulFused`); see `complexProductTail` for the
/// complex64 elements it leaves unfused.
func complexMulKernel<C: ComplexTensorElement>(_ t: C.Type, _ shape: [Int], _ o: Operand, _ a: Operand, _ b: Operand,
                                              build: ATenBuild = .avx2, product: ComplexProduct = .mul) {
    let block = 2 * CPUCapability.lanes(C.self, build)
    let po = o.typed(C.self), pa = a.typed(C.self), pb = b.typed(C.self)
    if a.strides == b.strides, o.strides == a.strides, Shape.isDense(shape, a.strides) {
        // All three share one dense layout (the output keeps its inputs' layout, as
        // TensorIterator gives it): one vectorised row in memory order.
        complexMulRow(po, pa, pb, shape.reduce(1, *), 1, 1, 1, block: block, product: product)
        return
    }
    if a.strides == b.strides, o.strides != a.strides, Shape.isDense(shape, a.strides) {
        // Operands sharing a dense non-contiguous layout (`x.t() * y.t()`): PyTorch walks
        // them in memory order as one vectorised row; compute that row, then place it.
        let n = shape.reduce(1, *)
        let row = UnsafeMutablePointer<C>.allocate(capacity: max(n, 1))
        defer { row.deallocate() }
        complexMulRow(row, pa, pb, n, 1, 1, 1, block: block, product: product)
        StridedLoop(shape: shape, o.strides, a.strides).forEachRow { oo, oa, _, m, io, ia, _ in
            for i in 0..<m { po[oo + i * io] = row[oa + i * ia] }
        }
        return
    }
    // TensorIterator walks the dimensions in the output's memory order (innermost: its
    // smallest stride), so a column-major output of a broadcast product runs down columns.
    let order = (0..<shape.count).sorted { (o.strides[$0], $1) > (o.strides[$1], $0) }
    let loop = StridedLoop(shape: order.map { shape[$0] }, order.map { o.strides[$0] }, order.map { a.strides[$0] },
                           order.map { b.strides[$0] })
    loop.forEachRowParallel { oo, oa, ob, n, io, ia, ib in
        complexMulRow(po + oo, pa + oa, pb + ob, n, io, ia, ib, block: block, product: product)
    }
}

/// How many of the `count` elements of a scalar `basic_loop` stretch GCC computes fused,
/// the rest being unfused (its single-element code: multiplies, then one add-subtract).
/// mul's loop runs complex64 in pairs; pow(·, 3)'s second product in half vectors of the
/// capability (2 complex64 at AVX2, 4 at AVX-512); pow(·, 2)'s every element, and every
/// complex128. Checked against PyTorch 2.15 at 1–1001 elements, contiguous, transposed and
/// strided, at both capabilities.
func complexProductTail<C: ComplexTensorElement>(_ t: C.Type, _ count: Int, _ product: ComplexProduct) -> Int {
    guard C.dtype == .complex64 else { return count }
    switch product {
    case .mul: return count / 2 * 2
    case .square: return count
    case .cube:
        let granule = CPUCapability.lanes(C.self, .avx512) / 2
        return count / granule * granule
    }
}

/// One row of `complexMulKernel` (see there for which elements are fused). pow(·, 3)'s
/// first product is fused even where its second is not.
@inline(__always)
func complexMulRow<C: ComplexTensorElement>(_ o: UnsafeMutablePointer<C>, _ x: UnsafeMutablePointer<C>,
                                            _ y: UnsafeMutablePointer<C>, _ n: Int, _ io: Int, _ ia: Int, _ ib: Int,
                                            block: Int, product: ComplexProduct) {
    let vectorised = io == 1 && (ia == 1 || ia == 0) && (ib == 1 || ib == 0)
    let head = vectorised ? n - n % block : 0
    let fusedEnd = head + complexProductTail(C.self, n - head, product)
    if product == .cube {
        for i in 0..<head { o[i * io] = complexMul(complexMul(x[i * ia], x[i * ia]), x[i * ia]) }
        for i in head..<fusedEnd { o[i * io] = complexMulFused(complexMulFused(x[i * ia], x[i * ia]), x[i * ia]) }
        for i in fusedEnd..<n { o[i * io] = complexMul(complexMulFused(x[i * ia], x[i * ia]), x[i * ia]) }
        return
    }
    for i in 0..<head { o[i * io] = complexMul(x[i * ia], y[i * ib]) }
    if vectorised && (ia == 0 || ib == 0) && C.dtype == .complex64 && product == .mul {
        // A tail with a broadcast scalar operand: see `complexBroadcastTailFused`.
        let fused = complexBroadcastTailFused(n - head)
        for i in head..<n {
            o[i * io] = fused.contains(i - head) ? complexMulFused(x[i * ia], y[i * ib]) : complexMul(x[i * ia], y[i * ib])
        }
        return
    }
    for i in head..<fusedEnd { o[i * io] = complexMulFused(x[i * ia], y[i * ib]) }
    for i in fusedEnd..<n { o[i * io] = complexMul(x[i * ia], y[i * ib]) }
}

/// Which elements of a complex64 mul row's scalar tail (the `count` < 8 elements after
/// the vectorised blocks) GCC's code computes fused when one operand is a broadcast scalar
/// (stride 0, as `gL.unsqueeze(-1) * V.mH` in the eigenvalue gradient or `z * 2j`): a tail
/// of 5 to 7 elements runs its elements 1-4 as one fused vector of four, the rest
/// (element 0, and elements 5 on) unfused; shorter tails are all unfused. Measured with
/// PyTorch 2.15 at both capabilities, tails 1-7, python scalars, 0-dim, [1] and [n, 1]
/// operands alike (complex128 and strided rows keep `complexProductTail`'s rule).
@inline(__always) func complexBroadcastTailFused(_ count: Int) -> Range<Int> {
    count >= 5 ? 1..<5 : 0..<0
}

/// Binary op on complex operands of type C writing C (or Bool for comparisons).
func complexBinary<C: ComplexTensorElement>(_ op: BinaryOp, _ t: C.Type, _ shape: [Int], _ o: Operand, _ a: Operand,
                                            _ b: Operand) throws(TensorError) where C.Part: ComplexPart {
    if let error = complexBinaryError(op, C.dtype) { throw error }
    switch op {
    // ATen's add/sub are `self + alpha * other` (sub: alpha = -1) with a complex alpha, so an
    // infinite part of `other` meets alpha's zero imaginary part: (1+0i)·(inf+0i) = inf+nan·i.
    case .add: mapBinary(shape, o, a, b) { (x: C, y: C) in complexAdd(x, complexMul(C.one, y)) }
    case .sub: mapBinary(shape, o, a, b) { (x: C, y: C) in complexAdd(x, complexMul(C(re: -1, im: 0), y)) }
    case .mul: complexMulKernel(C.self, shape, o, a, b)
    case .div: complexDivKernel(C.self, shape, o, a, b)
    // pow_tensor_tensor_kernel: `std::pow(base, exp)` of each pair (the vectorised
    // `Vectorized::pow` stores both and calls the same), i.e. the C library's `cpow`.
    case .pow: mapBinary(shape, o, a, b) { (x: C, y: C) in let (r, i) = C.Part.libmPow(x.re, x.im, y.re, y.im); return C(re: r, im: i) }
    case .eq: mapBinary(shape, o, a, b) { (x: C, y: C) in x.re == y.re && x.im == y.im }
    case .ne: mapBinary(shape, o, a, b) { (x: C, y: C) in x.re != y.re || x.im != y.im }
    case .logicalAnd: mapBinary(shape, o, a, b) { (x: C, y: C) in x.boolValue && y.boolValue }
    case .logicalOr: mapBinary(shape, o, a, b) { (x: C, y: C) in x.boolValue || y.boolValue }
    case .logicalXor: mapBinary(shape, o, a, b) { (x: C, y: C) in x.boolValue != y.boolValue }
    default: break
    }
}

/// `c10::complex::operator/=`: NumPy's scaled division (Smith's method, dividing by the
/// larger part of the divisor), with the multiply-adds fused as GCC compiles ATen's AVX2
/// kernels; 0/0 divisors give inf/nan part by part.
@inline(__always) func complexDiv<C: ComplexTensorElement>(_ x: C, _ y: C) -> C {
    let a = x.re, b = x.im, c = y.re, d = y.im
    let absC = Swift.abs(c), absD = Swift.abs(d)
    if absC >= absD {
        if absC == 0 && absD == 0 { return C(re: a / absC, im: b / absD) }
        let rat = d / c
        let scl = 1 / c.addingProduct(d, rat)
        return C(re: a.addingProduct(b, rat) * scl, im: b.addingProduct(-a, rat) * scl)
    }
    let rat = c / d
    let scl = 1 / d.addingProduct(c, rat)
    return C(re: b.addingProduct(a, rat) * scl, im: (-a).addingProduct(b, rat) * scl)
}

/// `c10::complex::operator/=` with every multiply-add rounded twice: what GCC's code for
/// the last element of a complex64 row of odd length computes (see `complexDivKernel`).
@inline(__always) func complexDivUnfused<C: ComplexTensorElement>(_ x: C, _ y: C) -> C {
    let a = x.re, b = x.im, c = y.re, d = y.im
    let absC = Swift.abs(c), absD = Swift.abs(d)
    if absC >= absD {
        if absC == 0 && absD == 0 { return C(re: a / absC, im: b / absD) }
        let rat = d / c
        let scl = 1 / (c + d * rat)
        return C(re: (a + b * rat) * scl, im: (b - a * rat) * scl)
    }
    let rat = c / d
    let scl = 1 / (d + c * rat)
    return C(re: (a * rat + b) * scl, im: (b * rat - a) * scl)
}

/// Complex division row by row as PyTorch's AVX2 and AVX-512 builds run it: the vectorised
/// blocks divide element by element with `complexDiv` (fused), and so does GCC's code for
/// the rest of a row in pairs; the last element of a complex64 row of odd length is
/// computed unfused (`complexDivUnfused`). Contiguous, broadcast and strided rows alike,
/// lengths 1-13, measured with PyTorch 2.15 at both capabilities; complex128 is fused
/// throughout.
func complexDivKernel<C: ComplexTensorElement>(_ t: C.Type, _ shape: [Int], _ o: Operand, _ a: Operand,
                                              _ b: Operand) {
    let po = o.typed(C.self), pa = a.typed(C.self), pb = b.typed(C.self)
    let loop = StridedLoop(shape: shape, o.strides, a.strides, b.strides)
    loop.forEachRowParallel { oo, oa, ob, n, io, ia, ib in
        let fusedEnd = complexProductTail(C.self, n, .mul)
        for i in 0..<fusedEnd { po[oo + i * io] = complexDiv(pa[oa + i * ia], pb[ob + i * ib]) }
        for i in fusedEnd..<n { po[oo + i * io] = complexDivUnfused(pa[oa + i * ia], pb[ob + i * ib]) }
    }
}

/// Unary op on complex operands; `out` has C's dtype unless the op produces bool or real.
func complexUnary<C: ComplexTensorElement>(_ op: UnaryOp, _ t: C.Type, _ shape: [Int], _ o: Operand,
                                           _ a: Operand) throws(TensorError) where C.Part: ComplexPart {
    switch op {
    case .exp: mapUnary(shape, o, a) { (x: C) in let (r, i) = complexExpParts(x.re, x.im); return C(re: r, im: i) }
    case .log: mapUnary(shape, o, a) { (x: C) in let (r, i) = complexLogParts(x.re, x.im); return C(re: r, im: i) }
    case .sqrt: mapUnary(shape, o, a) { (x: C) in let (r, i) = complexSqrtParts(x.re, x.im); return C(re: r, im: i) }
    case .abs: ComplexAbs.kernel(C.self, shape, o, a)
    case .acos where C.dtype == .complex128:
        // ATen's Vectorized<complex<double>>::acos is pi/2 - asin(x), and acos runs through
        // vml::vacos, whose vec::map takes every element (the tail by a partial load) there.
        mapUnary(shape, o, a) { (x: C) in
            let (r, i) = C.Part.libm(GB_CASIN, x.re, x.im)
            return C(re: C.Part(Double.pi / 2) - r, im: 0 - i)
        }
    case .log2: mapUnary(shape, o, a) { (x: C) in let (r, i) = ComplexLogExp.log2(x.re, x.im); return C(re: r, im: i) }
    case .log10: mapUnary(shape, o, a) { (x: C) in let (r, i) = ComplexLogExp.log10(x.re, x.im); return C(re: r, im: i) }
    case .exp2: mapUnary(shape, o, a) { (x: C) in let (r, i) = ComplexLogExp.exp2(x.re, x.im); return C(re: r, im: i) }
    case .expm1: mapUnary(shape, o, a) { (x: C) in let (r, i) = ComplexLogExp.expm1(x.re, x.im); return C(re: r, im: i) }
    case .sin, .cos, .tan, .sinh, .cosh, .tanh, .asin, .acos, .atanh, .atan, .asinh, .acosh:
        let fn = complexLibmFunction(op)!
        mapUnary(shape, o, a) { (x: C) in let (r, i) = C.Part.libm(fn, x.re, x.im); return C(re: r, im: i) }
    // pow_tensor_scalar_stub is registered with ALSO_REGISTER_AVX512_DISPATCH: on an
    // AVX-512 CPU its vectorised blocks are twice mul's (16 complex64, 8 complex128).
    case .square, .powScalar(2): complexMulKernel(C.self, shape, o, a, a, build: .avx512, product: .square)
    case .powScalar(3): complexMulKernel(C.self, shape, o, a, a, build: .avx512, product: .cube)
    case .powScalar(0.5): mapUnary(shape, o, a) { (x: C) in let (r, i) = complexSqrtParts(x.re, x.im); return C(re: r, im: i) }
    case .powScalar(-1): mapUnary(shape, o, a) { (x: C) in complexDiv(C.one, x) }
    // pow_out: exponent 0 fills ones, 1 copies; -0.5 is rsqrt_kernel; -2 is
    // pow_tensor_scalar_optimized_kernel's `1 / (base * base)`; any other is `std::pow`
    // of the base and the exponent as a complex number (`cpow`).
    case .powScalar(0): mapUnary(shape, o, a) { (_: C) in C.one }
    case .powScalar(1): mapUnary(shape, o, a) { (x: C) in x }
    case .powScalar(-0.5):
        mapUnary(shape, o, a) { (x: C) in let (r, i) = complexSqrtParts(x.re, x.im); return complexDiv(C.one, C(re: r, im: i)) }
    case .powScalar(-2): mapUnary(shape, o, a) { (x: C) in complexDiv(C.one, complexMul(x, x)) }
    case .powScalar(let e):
        let pe = C.Part(e)
        mapUnary(shape, o, a) { (x: C) in let (r, i) = C.Part.libmPow(x.re, x.im, pe, 0); return C(re: r, im: i) }
    case .neg: complexNegKernel(C.self, shape, o, a)
    case .reciprocal: mapUnary(shape, o, a) { (x: C) in complexDiv(C.one, x) }
    // ATen: `Vectorized::rsqrt()` is `sqrt().reciprocal()`, the scalar loop `1 / std::sqrt(a)`.
    case .rsqrt:
        mapUnary(shape, o, a) { (x: C) in let (r, i) = complexSqrtParts(x.re, x.im); return complexDiv(C.one, C(re: r, im: i)) }
    // nan_to_num of a complex tensor replaces NaN and infinities in each part on its own.
    case let .nanToNum(nan, posinf, neginf):
        let n = C.Part(nan), p = posinf.map { C.Part($0) } ?? C.Part.greatestFiniteMagnitude
        let m = neginf.map { C.Part($0) } ?? -C.Part.greatestFiniteMagnitude
        let fix = { (v: C.Part) -> C.Part in v.isNaN ? n : (v == .infinity ? p : (v == -.infinity ? m : v)) }
        mapUnary(shape, o, a) { (x: C) in C(re: fix(x.re), im: fix(x.im)) }
    case .logicalNot: mapUnary(shape, o, a) { (x: C) in !x.boolValue }
    case .isnan: mapUnary(shape, o, a) { (x: C) in x.re.isNaN || x.im.isNaN }
    case .isinf: mapUnary(shape, o, a) { (x: C) in x.re.isInfinite || x.im.isInfinite }
    case .isfinite: mapUnary(shape, o, a) { (x: C) in x.re.isFinite && x.im.isFinite }
    default: throw complexUnaryError(op, C.dtype)
    }
}

/// The error PyTorch raises for a unary op without a complex kernel.
func complexUnaryError(_ op: UnaryOp, _ dtype: DType) -> TensorError {
    switch op {
    case .clamp, .relu, .hardtanh: return .notImplemented("clamp is not supported for complex types")
    case .floor, .ceil, .trunc, .frac: return .notImplemented("\(op) is not supported for complex inputs")
    case .sign: return .notImplemented("Unlike NumPy, torch.sign is not intended to support complex numbers. Please use torch.sgn instead.")
    case .round: return .notImplemented("\"round_vml_cpu\" not implemented for '\(dtype.scalarTypeName)'")
    default: return .notImplemented("\"\(op)_cpu\" not implemented for '\(dtype.scalarTypeName)'")
    }
}

extension Shape {
    /// Whether the elements of a layout fill a block of memory exactly, in some dimension
    /// order (PyTorch's `is_non_overlapping_and_dense`): `x.t()` is, `x[::2]` is not.
    static func isDense(_ sizes: [Int], _ strides: [Int]) -> Bool {
        let dims = sizes.indices.filter { sizes[$0] != 1 }.sorted { strides[$0] < strides[$1] }
        var expected = 1
        for d in dims {
            if strides[d] != expected { return false }
            expected *= sizes[d]
        }
        return true
    }
}

/// What a unary op makes of a complex input: `abs` is real, the functions with a complex
/// kernel stay complex, the rest raise PyTorch's error before anything is allocated.
func complexUnaryOutputType(_ op: UnaryOp, _ input: DType) throws(TensorError) -> DType {
    switch op {
    case .abs: return input.realCounterpart
    case .neg, .reciprocal, .exp, .log, .sqrt, .square, .powScalar, .nanToNum,
         .sin, .cos, .tan, .sinh, .cosh, .tanh, .asin, .acos, .atanh, .rsqrt, .atan, .asinh, .acosh, .log2, .log10,
         .exp2, .expm1:
        return input
    default: throw complexUnaryError(op, input)
    }
}
