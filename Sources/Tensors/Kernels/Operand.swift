/// A kernel's view of one operand: first element's address and element strides over the
/// loop shape. A broadcast scalar is a pointer with all-zero strides.
struct Operand {
    let base: UnsafeMutableRawPointer
    let strides: [Int]

    @inline(__always) init(_ t: Tensor) {
        base = t.storage.data + t.offset * t.dtype.itemSize
        strides = t.strides
    }

    @inline(__always) init(base: UnsafeMutableRawPointer, strides: [Int]) {
        self.base = base
        self.strides = strides
    }

    @inline(__always) func typed<T>(_ type: T.Type) -> UnsafeMutablePointer<T> {
        base.assumingMemoryBound(to: T.self)
    }
}

/// out[i] = f(a[i], b[i]) over `shape`, with fast paths for contiguous and scalar operands.
@inline(__always)
func mapBinary<A, B, R>(_ shape: [Int], _ out: Operand, _ a: Operand, _ b: Operand, _ f: (A, B) -> R) {
    let po = out.typed(R.self), pa = a.typed(A.self), pb = b.typed(B.self)
    let loop = StridedLoop(shape: shape, out.strides, a.strides, b.strides)
    loop.forEachRowParallel { oo, oa, ob, n, io, ia, ib in
        let o = po + oo, x = pa + oa, y = pb + ob
        if io == 1 && ia == 1 && ib == 1 {
            for i in 0..<n { o[i] = f(x[i], y[i]) }
        } else if io == 1 && ia == 1 && ib == 0 {
            let yv = y[0]
            for i in 0..<n { o[i] = f(x[i], yv) }
        } else if io == 1 && ia == 0 && ib == 1 {
            let xv = x[0]
            for i in 0..<n { o[i] = f(xv, y[i]) }
        } else {
            for i in 0..<n { o[i * io] = f(x[i * ia], y[i * ib]) }
        }
    }
}

/// out[i] = f(a[i]) over `shape`.
@inline(__always)
func mapUnary<A, R>(_ shape: [Int], _ out: Operand, _ a: Operand, _ f: (A) -> R) {
    let po = out.typed(R.self), pa = a.typed(A.self)
    let loop = StridedLoop(shape: shape, out.strides, a.strides)
    loop.forEachRowParallel { oo, oa, _, n, io, ia, _ in
        let o = po + oo, x = pa + oa
        if io == 1 && ia == 1 {
            for i in 0..<n { o[i] = f(x[i]) }
        } else {
            for i in 0..<n { o[i * io] = f(x[i * ia]) }
        }
    }
}
