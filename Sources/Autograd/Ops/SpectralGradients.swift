import Tensors

/// ATen's three spectral kernels with their derivatives.yaml formulas (FunctionsManual.cpp's
/// fft_r2c_backward and fft_c2r_backward): every transform is linear, so its gradient is
/// the adjoint transform, with the one-sided halves padded or folded back.
extension Differentiable {
    /// `_fft_c2c`: FftC2CBackward0 (`_fft_c2c(grad, dim, normalization, !forward)`).
    public static func fftC2C(_ x: Tensor, dims: [Int], normalization: FFTNormalization, forward: Bool) throws(TensorError) -> Tensor {
        let out = try x.fftComplexToComplex(dims: dims, normalization: normalization, forward: forward)
        guard isRecording(x) else { return out }
        return record("FftC2CBackward0", [x], out) { ctx in
            [try fftC2C(ctx.grad, dims: dims, normalization: normalization, forward: !forward)]
        }
    }

    /// `_fft_r2c`: FftR2CBackward0. Two-sided, the real part of the inverse c2c; one-sided,
    /// the missing half of the spectrum is zeros first (`new_zeros` + a sliced `copy_`).
    public static func fftR2C(_ x: Tensor, dims: [Int], normalization: FFTNormalization, onesided: Bool) throws(TensorError) -> Tensor {
        let out = try x.fftRealToComplex(dims: dims, normalization: normalization, onesided: onesided)
        guard isRecording(x) else { return out }
        let rank = x.rank
        let last = try Shape.wrapDim(dims[dims.count - 1], rank: rank)
        let lastSize = x.sizes[last]
        return record("FftR2CBackward0", [x], out) { ctx in
            var full = ctx.grad
            if onesided && lastSize > full.sizes[last] {
                var shape = full.sizes
                shape[last] = lastSize
                let half = full.sizes[last]
                let zeros = try Tensor.zeros(shape, dtype: full.dtype, device: full.device)
                full = try sliceScatterCopy(zeros, full, dim: last, length: half)
            }
            return [try real(try fftC2C(full, dims: dims, normalization: normalization, forward: false))]
        }
    }

    /// `_fft_c2r`: FftC2RBackward0 — the one-sided r2c of the gradient, with the bins whose
    /// mirror images the forward folded in doubled (`narrow(dim, 1, n - half).mul_(2)`).
    public static func fftC2R(_ x: Tensor, dims: [Int], normalization: FFTNormalization, lastDimSize: Int) throws(TensorError) -> Tensor {
        let out = try x.fftComplexToReal(dims: dims, normalization: normalization, lastDimSize: lastDimSize)
        guard isRecording(x) else { return out }
        let last = try Shape.wrapDim(dims[dims.count - 1], rank: x.rank)
        return record("FftC2RBackward0", [x], out) { ctx in
            let g = try fftR2C(ctx.grad, dims: dims, normalization: normalization, onesided: true)
            let double = ctx.grad.sizes[last] - g.sizes[last]
            guard double > 0 else { return [g] }
            return [try doubledBins(g, dim: last, count: double)]
        }
    }

    /// `conj_physical` (ihfftn's conjugate between its r2c and c2c steps): an `empty_like`
    /// copy with the imaginary parts negated, ConjPhysicalBackward0.
    public static func conjPhysical(_ x: Tensor) throws(TensorError) -> Tensor {
        guard x.dtype.isComplex else { return x }
        let out = try x.fftConjugate()
        guard isRecording(x) else { return out }
        return record("ConjPhysicalBackward0", [x], out) { ctx in [try conjPhysical(ctx.grad)] }
    }

    /// `promote_tensor_fft`'s `to(dtype)`, laid out as `empty_like`: ToCopyBackward0.
    public static func fftTo(_ x: Tensor, _ dtype: DType) throws(TensorError) -> Tensor {
        let out = try x.fftConverted(to: dtype)
        guard out !== x, isRecording(x), dtype.isFloatingPoint || dtype.isComplex else { return out }
        let inType = x.dtype
        return record("ToCopyBackward0", [x], out) { ctx in [try to(try handleRToC(inType, ctx.grad), inType)] }
    }

    /// `zeros.slice(dim, 0, length).copy_(src)`: differentiable when `src` is (the copy's
    /// gradient is the slice of the incoming one; the zeros have none).
    static func sliceScatterCopy(_ zeros: Tensor, _ src: Tensor, dim: Int, length: Int) throws(TensorError) -> Tensor {
        _ = try zeros.slice(dim, start: 0, end: length).copy_(src)
        guard isRecording(src) else { return zeros }
        return record("CopySlices", [src], zeros) { ctx in [try slice(ctx.grad, dim, start: 0, end: length)] }
    }

    /// `g` with `count` bins from index 1 along `dim` doubled (an in-place `mul_(2)` of a
    /// narrow view in ATen; a fresh tensor here, so a graph under create_graph stays valid).
    static func doubledBins(_ g: Tensor, dim: Int, count: Int) throws(TensorError) -> Tensor {
        if !isRecording(g) {
            _ = try g.narrow(dim, start: 1, length: count).binaryInPlace(.mul, Scalar.int(2))
            return g
        }
        let twos = try Tensor.ones([g.sizes[dim]], dtype: g.dtype.realCounterpart, device: g.device)
        _ = try twos.narrow(0, start: 1, length: count).fill_(.int(2))
        var shape = [Int](repeating: 1, count: g.rank)
        shape[dim] = g.sizes[dim]
        return try mul(g, try twos.view(shape))
    }
}
