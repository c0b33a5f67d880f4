/// `angle()` of a complex tensor: `atan2(imag, real)` in the real dtype. ATen's vectorised
/// rows call SLEEF's `atan2` (u10) in whole pairs of vectors, the rest `std::atan2`
/// (glibc), as `cpu_kernel_vec` splits a row; without SLEEF every element uses glibc.
extension Tensor {
    public func complexAngle() throws(TensorError) -> Tensor {
        precondition(dtype.isComplex)
        let host = try to(device: .cpu)
        // TensorIterator's output takes a dense input's layout (a transform's permuted
        // result stays vectorised as one run).
        let out = try host.emptyPreservingLayout(dtype: dtype.realCounterpart)
        let (o, i) = try Tensor.inMemoryOrder(out, host)
        if dtype == .complex64 {
            o.angleRows(Complex64.self, i, o, vector: SLEEFLibrary.shared.map { s in { y, x in s.atan2f(y, x) } })
        } else {
            o.angleRows(Complex128.self, i, o, vector: SLEEFLibrary.shared.map { s in { y, x in s.atan2d(y, x) } })
        }
        return device == .cpu ? out : try out.to(device: device)
    }

    private func angleRows<C: ComplexTensorElement>(_ t: C.Type, _ input: Tensor, _ out: Tensor,
                                                    vector: ((C.Part, C.Part) -> C.Part)?) where C.Part: ComplexPart {
        let pa = input.pointer(C.self), po = out.pointer(C.Part.self)
        let block = C.dtype == .complex64 ? 8 : 4
        StridedLoop(shape: sizes, out.strides, input.strides).forEachRow { oo, oa, _, n, io, ia, _ in
            let head = vector != nil && ia == 1 ? n - n % block : 0
            for i in 0..<head { let x = pa[oa + i]; po[oo + i * io] = vector!(x.im, x.re) }
            for i in head..<n { let x = pa[oa + i * ia]; po[oo + i * io] = C.Part.m_atan2(x.im, x.re) }
        }
    }
}

extension Tensor {
    /// `sgn()` of a complex tensor: `z / |z|`, 0 where z is 0. ATen's vectorised rows divide
    /// each part by `abs` (SLEEF's hypot); its scalar `sgn_impl` divides by `abs` as a
    /// complex number, which `c10::complex` turns into a product with `1 / abs`.
    public func complexSgn() throws(TensorError) -> Tensor {
        precondition(dtype.isComplex)
        let input = try to(device: .cpu)
        let out = try input.emptyPreservingLayout()
        let (o, i) = try Tensor.inMemoryOrder(out, input)
        if dtype == .complex64 { ComplexAbs.sgn(Complex64.self, o.sizes, Operand(o), Operand(i)) } else {
            ComplexAbs.sgn(Complex128.self, o.sizes, Operand(o), Operand(i))
        }
        return device == .cpu ? out : try out.to(device: device)
    }
}

extension Tensor {
    /// `out` and `input` viewed with their dimensions in `out`'s memory order (largest
    /// stride first), as TensorIterator reorders them before its loops: a permuted dense
    /// operand then runs as one vectorised row, not as strided rows.
    static func inMemoryOrder(_ out: Tensor, _ input: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        let order = (0..<out.rank).sorted { (out.strides[$0], $1) > (out.strides[$1], $0) }
        if order == Array(0..<out.rank) { return (out, input) }
        return (try out.permute(order), try input.permute(order))
    }
}
