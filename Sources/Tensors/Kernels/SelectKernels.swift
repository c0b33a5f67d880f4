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
            // Selects rather than branches: masks such as `relu`'s backward are random, and a
            // mispredicted branch per element made this the hottest loop of MLP training.
            if io == 1 && im == 1 && iS == 0 {
                let value = ps[os], o = po + oo, m = pm + om
                for i in 0..<n { o[i] = m[i] ? value : o[i] }
            } else {
                for i in 0..<n {
                    let o = oo &+ i &* io
                    po[o] = pm[om &+ i &* im] ? ps[os &+ i &* iS] : po[o]
                }
            }
        }
    }
}
