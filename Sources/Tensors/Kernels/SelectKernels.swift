/// out[i] = mask[i] ? source[i] : out[i] over out's shape; `source` may be a scalar
/// operand (zero strides). Used by masked_fill, where and index assignment.
struct MaskedAssignKernel: ElementVisitor {
    let out: Tensor
    let mask: Tensor        // bool, expanded to out's shape
    let source: Operand     // out's dtype, expanded to out's shape

    func visit<T: TensorElement>(_ t: T.Type) {
        let po = out.pointer(T.self), pm = mask.pointer(Bool.self), ps = source.typed(T.self)
        let loop = StridedLoop(shape: out.sizes, out.strides, mask.strides, source.strides)
        loop.forEachRowParallel { oo, om, os, n, io, im, iS in
            for i in 0..<n where pm[om + i * im] { po[oo + i * io] = ps[os + i * iS] }
        }
    }
}
