/// `o[i] = m[i] ? value : o[i]` on raw bits, with `m` holding Bool's 0/1 bytes.
@inline(__always)
private func blend<U: FixedWidthInteger & UnsignedInteger>(_ o: UnsafeMutablePointer<U>, _ m: UnsafePointer<UInt8>, _ n: Int, _ value: U) {
    for i in 0..<n {
        let all = U(0) &- U(truncatingIfNeeded: m[i])
        o[i] = (o[i] & ~all) | (value & all)
    }
}

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
            if io == 1 && im == 1 && iS == 0 && (MemoryLayout<T>.size == 4 || MemoryLayout<T>.size == 8) {
                // Bit blends, which vectorise: even a select on the element type came out
                // as a branch per element.
                let value = ps[os]
                let m = UnsafeRawPointer(pm + om).assumingMemoryBound(to: UInt8.self)
                let o = UnsafeMutableRawPointer(po + oo)
                if MemoryLayout<T>.size == 4 {
                    blend(o.assumingMemoryBound(to: UInt32.self), m, n, withUnsafeBytes(of: value) { $0.load(as: UInt32.self) })
                } else {
                    blend(o.assumingMemoryBound(to: UInt64.self), m, n, withUnsafeBytes(of: value) { $0.load(as: UInt64.self) })
                }
            } else {
                for i in 0..<n {
                    let o = oo &+ i &* io
                    po[o] = pm[om &+ i &* im] ? ps[os &+ i &* iS] : po[o]
                }
            }
        }
    }
}
