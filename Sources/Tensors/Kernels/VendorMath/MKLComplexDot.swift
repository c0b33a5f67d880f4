/// Complex `dot` and `vdot` through MKL's `cblas_{c,z}dot{u,c}_sub`, as ATen's `dot_impl` /
/// `vdot_impl` call them (strides as they are; a one-element vector takes stride 1).
extension MKLProducts {
    /// nil where MKL (or the routine) is missing or a stride is not positive: the caller
    /// computes it another way.
    static func complexDot(_ a: Tensor, _ b: Tensor, conjugateFirst: Bool) throws(TensorError) -> Tensor? {
        guard let mkl = MKLLibrary.shared, a.rank == 1, b.rank == 1, a.sizes[0] == b.sizes[0] else { return nil }
        let double = a.dtype == .complex128
        let routine = conjugateFirst ? (double ? mkl.zdotc : mkl.cdotc) : (double ? mkl.zdotu : mkl.cdotu)
        guard let f = routine else { return nil }
        let n = a.sizes[0]
        let x = n > 1 && a.strides[0] <= 0 ? try a.contiguous() : a
        let y = n > 1 && b.strides[0] <= 0 ? try b.contiguous() : b
        let ix = n <= 1 ? 1 : Int32(x.strides[0]), iy = n <= 1 ? 1 : Int32(y.strides[0])
        let out = try Tensor(empty: [], dtype: a.dtype)
        let size = a.dtype.itemSize
        withExtendedLifetime((x, y)) {
            f(Int32(n), UnsafeRawPointer(x.storage.data + x.offset * size), ix,
              UnsafeRawPointer(y.storage.data + y.offset * size), iy, out.storage.data + out.offset * size)
        }
        return out
    }
}
