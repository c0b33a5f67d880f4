#if canImport(Glibc)
import Glibc
#endif

/// Views between complex tensors and their real parts. A complex element is two adjacent
/// reals, so these are re-layouts of the same storage, never copies (PyTorch's
/// `view_as_real`, `view_as_complex`, `.real`, `.imag`).
extension Tensor {
    /// `torch.view_as_real`: a real tensor with a trailing dimension of 2 (real, imaginary).
    public func viewAsReal() throws(TensorError) -> Tensor {
        guard dtype.isComplex else { throw .type("view_as_real is only supported for complex tensors") }
        return Tensor(storage: storage, sizes: sizes + [2], strides: strides.map { $0 * 2 } + [1], offset: offset * 2,
                      dtype: dtype.realCounterpart, versionCounter: versionCounter)
    }

    /// `torch.view_as_complex`: pairs along a last dimension of 2 (stride 1) read as complex.
    public func viewAsComplex() throws(TensorError) -> Tensor {
        guard dtype == .float32 || dtype == .float64 else {
            if dtype == .float16 {
                throw .notImplemented("Gradbook does not support torch.complex32 (view_as_complex of a float16 tensor)")
            }
            throw .notImplemented("view_as_complex is only supported for half, float and double tensors, but got a tensor of scalar type: \(dtype.scalarTypeName)")
        }
        guard rank > 0 else { throw .runtime("Input tensor must have one or more dimensions") }
        guard sizes[rank - 1] == 2 else { throw .runtime("Tensor must have a last dimension of size 2") }
        guard strides[rank - 1] == 1 else { throw .runtime("Tensor must have a last dimension with stride 1") }
        let outer = strides.dropLast()
        guard outer.allSatisfy({ $0 % 2 == 0 }) else {
            throw .runtime("Tensor must have a stride divisible by 2 for all but last dimension")
        }
        guard offset % 2 == 0 else { throw .runtime("Tensor must have a storage_offset divisible by 2") }
        return Tensor(storage: storage, sizes: Array(sizes.dropLast()), strides: outer.map { $0 / 2 }, offset: offset / 2,
                      dtype: dtype.complexCounterpart, versionCounter: versionCounter)
    }

    /// `.real`: a view of the real parts of a complex tensor; a real tensor is its own real part.
    public func realPart() throws(TensorError) -> Tensor {
        guard dtype.isComplex else { return self }
        return try viewAsReal().select(-1, 0)
    }

    /// `.imag`: a view of the imaginary parts; real tensors have none.
    public func imagPart() throws(TensorError) -> Tensor {
        guard dtype.isComplex else { throw .type("imag is not implemented for tensors with non-complex dtypes.") }
        return try viewAsReal().select(-1, 1)
    }

    /// `torch.complex(real, imag)`: both float32 or both float64, broadcast together.
    public static func complex(real: Tensor, imag: Tensor) throws(TensorError) -> Tensor {
        try checkComplexParts(real, imag)
        if real.dtype != imag.dtype {
            throw .runtime("Expected object of scalar type \(real.dtype.scalarTypeName) but got scalar type \(imag.dtype.scalarTypeName) for second argument")
        }
        let shape = try Shape.broadcast(real.sizes, imag.sizes)
        let out = try Tensor(empty: shape, dtype: real.dtype.complexCounterpart, device: real.device)
        let pairs = try out.viewAsReal()
        _ = try pairs.select(-1, 0).copy_(real)
        _ = try pairs.select(-1, 1).copy_(imag)
        return out
    }

    /// `torch.polar(abs, angle)`: `abs·cos(angle) + abs·sin(angle)i`, as ATen's polar kernel.
    public static func polar(abs: Tensor, angle: Tensor) throws(TensorError) -> Tensor {
        try checkComplexParts(abs, angle)
        if abs.dtype != angle.dtype {
            throw .runtime("Expected object of scalar type \(abs.dtype.scalarTypeName) but got scalar type \(angle.dtype.scalarTypeName) for second argument")
        }
        // ATen's polar_kernel is a scalar cpu_kernel: `a * std::cos(b)`, `a * std::sin(b)`
        // per element (glibc), never a vectorised cos/sin.
        let shape = try Shape.broadcast(abs.sizes, angle.sizes)
        let device = abs.device
        let a = try abs.to(device: .cpu).expand(shape).contiguousCopy()
        let b = try angle.to(device: .cpu).expand(shape).contiguousCopy()
        let out = try Tensor(empty: shape, dtype: abs.dtype.complexCounterpart)
        let n = out.numel
        if abs.dtype == .float32 {
            let pa = a.pointer(Float.self), pb = b.pointer(Float.self), po = out.pointer(Float.self)
            for i in 0..<n { po[2 * i] = pa[i] * cosf(pb[i]); po[2 * i + 1] = pa[i] * sinf(pb[i]) }
        } else {
            let pa = a.pointer(Double.self), pb = b.pointer(Double.self), po = out.pointer(Double.self)
            for i in 0..<n { po[2 * i] = pa[i] * Glibc.cos(pb[i]); po[2 * i + 1] = pa[i] * Glibc.sin(pb[i]) }
        }
        return device == .cpu ? out : try out.to(device: device)
    }

    /// The dtype check `torch.complex` and `torch.polar` share.
    private static func checkComplexParts(_ a: Tensor, _ b: Tensor) throws(TensorError) {
        let ok: Set<DType> = [.float32, .float64]
        if a.dtype == .float16 && b.dtype == .float16 {
            throw .notImplemented("Gradbook does not support torch.complex32 (complex parts of dtype float16)")
        }
        if !ok.contains(a.dtype) || !ok.contains(b.dtype) {
            throw .notImplemented("Expected both inputs to be Half, Float or Double tensors but got \(a.dtype.scalarTypeName) and \(b.dtype.scalarTypeName)")
        }
    }
}

extension Tensor {
    /// `conj_physical()`: a new tensor of conjugates (a real tensor is its own conjugate).
    public func conjPhysical() throws(TensorError) -> Tensor {
        guard dtype.isComplex else { return self }
        let out = try clone()
        _ = try out.imagPart().unaryInPlace(.neg)
        return out
    }
}
