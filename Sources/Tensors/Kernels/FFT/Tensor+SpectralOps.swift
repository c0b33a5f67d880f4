/// ATen's three spectral kernels on tensors — `_fft_c2c`, `_fft_r2c`, `_fft_c2r` — laid out
/// as `aten/src/ATen/native/mkl/SpectralOps.cpp` lays them out for MKL: batch dimensions
/// first in stride order and collapsed into one, transform dimensions sorted by stride, a
/// fresh contiguous output viewed back into the input's dimension order. The layout MKL
/// sees decides its algorithm, so following it keeps the last digits PyTorch's.
/// Transforms run on the host; other devices' tensors go there and back.
extension Tensor {
    /// `_fft_c2c(self, dim, normalization, forward)`.
    public func fftComplexToComplex(dims: [Int], normalization: FFTNormalization, forward: Bool) throws(TensorError) -> Tensor {
        guard dtype.isComplex else { throw .runtime("Expected a complex tensor for _fft_c2c, but got \(dtype.scalarTypeName)") }
        if hasBroadcastDims { return try contiguousCopy().fftComplexToComplex(dims: dims, normalization: normalization, forward: forward) }
        let dims = try wrapFFTDims(dims)
        if dims.isEmpty { return try clone() }
        return try onHost { x throws(TensorError) in
            try x.executeFFT(.complexToComplex(forward: forward), outSizes: x.sizes, outDType: x.dtype,
                             dims: x.sortedFFTDims(dims, excludingLast: false), normalization)
        }
    }

    /// `_fft_r2c(self, dim, normalization, onesided)`: the full spectrum when not one-sided,
    /// its upper half written from the lower by conjugate symmetry.
    public func fftRealToComplex(dims: [Int], normalization: FFTNormalization, onesided: Bool) throws(TensorError) -> Tensor {
        guard dtype == .float32 || dtype == .float64 else {
            throw .runtime("Expected a float32 or float64 tensor for _fft_r2c, but got \(dtype.scalarTypeName)")
        }
        if hasBroadcastDims { return try contiguousCopy().fftRealToComplex(dims: dims, normalization: normalization, onesided: onesided) }
        let dims = try wrapFFTDims(dims)
        guard let last = dims.last else { throw .runtime("_fft_r2c must transform at least one dimension") }
        return try onHost { x throws(TensorError) in
            var outSizes = x.sizes
            if onesided { outSizes[last] = x.sizes[last] / 2 + 1 }
            let out = try x.executeFFT(.realToComplex, outSizes: outSizes, outDType: x.dtype.complexCounterpart,
                                       dims: x.sortedFFTDims(dims, excludingLast: true), normalization)
            if !onesided { out.fillWithConjugateSymmetry(dims: dims) }
            return out
        }
    }

    /// `_fft_c2r(self, dim, normalization, last_dim_size)`: several dimensions are a
    /// backward c2c transform over all but the last, then a one-dimensional c2r (ATen's
    /// choice, which the scaling of each step follows).
    public func fftComplexToReal(dims: [Int], normalization: FFTNormalization, lastDimSize: Int) throws(TensorError) -> Tensor {
        guard dtype.isComplex else { throw .runtime("Expected a complex tensor for _fft_c2r, but got \(dtype.scalarTypeName)") }
        if hasBroadcastDims { return try contiguousCopy().fftComplexToReal(dims: dims, normalization: normalization, lastDimSize: lastDimSize) }
        var dims = try wrapFFTDims(dims)
        guard let last = dims.last else { throw .runtime("_fft_c2r must transform at least one dimension") }
        let half = sizes[last]
        guard half == lastDimSize / 2 + 1 || half == lastDimSize else {
            throw .runtime("_fft_c2r: last dimension of size \(half) does not hold \(lastDimSize) / 2 + 1 values")
        }
        var input = self
        if dims.count > 1 {
            input = try fftComplexToComplex(dims: Array(dims.dropLast()), normalization: normalization, forward: false)
            dims = [last]
        }
        return try input.onHost { x throws(TensorError) in
            var outSizes = x.sizes
            outSizes[last] = lastDimSize
            return try x.executeFFT(.complexToReal, outSizes: outSizes, outDType: x.dtype.realCounterpart,
                                    dims: dims, normalization)
        }
    }

    private func wrapFFTDims(_ dims: [Int]) throws(TensorError) -> [Int] {
        var wrapped: [Int] = []
        for d in dims { wrapped.append(try Shape.wrapDim(d, rank: rank)) }
        return wrapped
    }

    private func onHost(_ body: (Tensor) throws(TensorError) -> Tensor) throws(TensorError) -> Tensor {
        if device == .cpu { return try body(self) }
        return try body(try to(device: .cpu)).to(device: device)
    }

    /// ATen's `_sort_dims`: transform dimensions by decreasing input stride (the last kept
    /// in place for one-sided transforms).
    private func sortedFFTDims(_ dims: [Int], excludingLast: Bool) -> [Int] {
        let movable = excludingLast ? dims.count - 1 : dims.count
        var head = Array(dims[..<movable])
        head.sort { strides[$0] > strides[$1] }
        return head + dims[movable...]
    }

    /// ATen's `_exec_fft`.
    private func executeFFT(_ kind: FFTKind, outSizes: [Int], outDType: DType, dims: [Int],
                            _ normalization: FFTNormalization) throws(TensorError) -> Tensor {
        let ndim = rank, batchDims = ndim - dims.count
        var transformed = [Bool](repeating: false, count: ndim)
        for d in dims { transformed[d] = true }
        var batch = (0..<ndim).filter { !transformed[$0] }
        batch.sort { strides[$0] > strides[$1] }
        let permutation = batch + dims
        let permuted = try permute(permutation)
        let batchCount = batch.reduce(1) { $0 * sizes[$1] }
        let batchedSizes = [batchCount] + Array(permuted.sizes[batchDims...])
        let input = permuted.canView(as: batchedSizes) ? try permuted.view(batchedSizes)
                                                       : try permuted.denseCopy().view(batchedSizes)
        var signal: [Int] = []
        for (i, d) in dims.enumerated() {
            let inSize = input.sizes[i + 1], outSize = outSizes[d]
            let n = Swift.max(inSize, outSize)
            guard (inSize == n || inSize == n / 2 + 1) && (outSize == n || outSize == n / 2 + 1) else {
                throw .runtime("FFT: input size \(inSize) and output size \(outSize) do not describe one transform")
            }
            signal.append(n)
        }
        let out = try Tensor(empty: [batchCount] + dims.map { outSizes[$0] }, dtype: outDType)
        let layout = FFTLayout(signalSizes: signal, batch: batchCount,
                               inputDistance: input.strides[0], outputDistance: out.strides[0],
                               inputStrides: Array(input.strides[1...]), outputStrides: Array(out.strides[1...]))
        let source = UnsafeRawPointer(input.storage.data + input.offset * input.dtype.itemSize)
        try FFTKernels.execute(kind, double: outDType.realCounterpart == .float64, layout: layout,
                               normalization: normalization, input: source, output: out.storage.data)
        // The batch dimension unfolds back into the batch dims, in their permuted order.
        var outStrides = [Int](repeating: 0, count: ndim)
        var batchNumel = 1
        for i in Swift.stride(from: batchDims - 1, through: 0, by: -1) {
            outStrides[permutation[i]] = batchNumel * out.strides[0]
            batchNumel *= outSizes[permutation[i]]
        }
        for i in batchDims..<ndim { outStrides[permutation[i]] = out.strides[1 + i - batchDims] }
        return try out.asStrided(outSizes, outStrides, offset: 0)
    }

    /// A row-major copy made byte for byte (any dtype, complex included).
    func denseCopy() throws(TensorError) -> Tensor {
        let out = try Tensor(empty: sizes, dtype: dtype)
        let size = dtype.itemSize
        let source = storage.data + offset * size
        var index = [Int](repeating: 0, count: rank)
        var element = 0
        for i in 0..<numel {
            (out.storage.data + i * size).copyMemory(from: source + element * size, byteCount: size)
            var d = rank - 1
            while d >= 0 {
                index[d] += 1
                element += strides[d]
                if index[d] < sizes[d] { break }
                element -= strides[d] * sizes[d]
                index[d] = 0
                d -= 1
            }
        }
        return out
    }

    /// ATen's `_fft_fill_with_conjugate_symmetry_`: with the first `n / 2 + 1` entries of the
    /// last transformed dimension written, each later entry is the conjugate of the entry
    /// mirrored in every transformed dimension (index i -> (n - i) mod n).
    private func fillWithConjugateSymmetry(dims: [Int]) {
        guard let last = dims.last, numel > 0 else { return }
        let n = sizes[last], half = n / 2 + 1
        guard n > 2 else { return }  // n / 2 + 1 == n: nothing above the half
        var mirrored = [Bool](repeating: false, count: rank)
        for d in dims { mirrored[d] = true }
        let double = dtype == .complex128
        var index = [Int](repeating: 0, count: rank)
        for _ in 0..<numel {
            if index[last] >= half {
                var target = offset, source = offset
                for d in 0..<rank {
                    target += index[d] * strides[d]
                    let j = mirrored[d] ? (sizes[d] - index[d]) % sizes[d] : index[d]
                    source += j * strides[d]
                }
                if double {
                    let p = storage.data.assumingMemoryBound(to: Double.self)
                    p[2 * target] = p[2 * source]
                    p[2 * target + 1] = -p[2 * source + 1]
                } else {
                    let p = storage.data.assumingMemoryBound(to: Float.self)
                    p[2 * target] = p[2 * source]
                    p[2 * target + 1] = -p[2 * source + 1]
                }
            }
            var d = rank - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < sizes[d] { break }
                index[d] = 0
                d -= 1
            }
        }
    }
}

extension Tensor {
    /// A dimension of several elements with stride 0 (an expanded tensor, such as the
    /// gradient of a `sum()`): MKL's DFTI refuses such strides, and PyTorch transforms a
    /// row-major copy (its digits are the contiguous tensor's).
    var hasBroadcastDims: Bool {
        zip(sizes, strides).contains { $0.0 > 1 && $0.1 == 0 }
    }

    /// ATen's `empty_like` (preserve format): a fresh tensor whose strides order the
    /// dimensions as this one's do, dense. Copies made this way (`to(dtype)`, the conjugate
    /// that `resolve_conj` materialises) keep the layout the next transform hands to MKL.
    public func fftEmptyLike(dtype newDType: DType) throws(TensorError) -> Tensor {
        let order = (0..<rank).sorted { a, b in
            strides[a] != strides[b] ? strides[a] > strides[b] : a < b
        }
        let dense = try Tensor(empty: order.map { sizes[$0] }, dtype: newDType, device: device)
        var inverse = [Int](repeating: 0, count: rank)
        for (i, d) in order.enumerated() { inverse[d] = i }
        return try dense.permute(inverse)
    }

    /// `self.to(dtype)` laid out as `empty_like` lays it out.
    public func fftConverted(to newDType: DType) throws(TensorError) -> Tensor {
        if newDType == dtype { return self }
        let out = try fftEmptyLike(dtype: newDType)
        try out.copy_(self)
        return out
    }

    /// The conjugate materialised as `resolve_conj`/`conj_physical` materialise it: an
    /// `empty_like` copy with every imaginary part negated (`std::conj`: +0 becomes -0).
    /// Real tensors are returned as they are.
    public func fftConjugate() throws(TensorError) -> Tensor {
        guard dtype.isComplex else { return self }
        let host = device == .cpu ? self : try to(device: .cpu)
        let out = try host.fftEmptyLike(dtype: dtype)
        try out.copy_(host)
        // Dense: the storage holds exactly the tensor's elements.
        let count = out.numel
        if dtype == .complex128 {
            let p = out.storage.data.assumingMemoryBound(to: Double.self)
            for i in 0..<count { p[2 * i + 1] = -p[2 * i + 1] }
        } else {
            let p = out.storage.data.assumingMemoryBound(to: Float.self)
            for i in 0..<count { p[2 * i + 1] = -p[2 * i + 1] }
        }
        return device == .cpu ? out : try out.to(device: device)
    }
}
