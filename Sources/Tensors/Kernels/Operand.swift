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

/// A binary element function as a type, so generic kernels specialise on it and inline
/// it into their loops (a closure parameter stays an indirect call per element once the
/// loop runs inside `concurrentPerform`).
protocol BinaryFn {
    associatedtype A
    associatedtype B
    associatedtype R
    func callAsFunction(_ a: A, _ b: B) -> R
}

/// A unary element function as a type (see `BinaryFn`).
protocol UnaryFn {
    associatedtype A
    associatedtype R
    func callAsFunction(_ a: A) -> R
}

/// Wraps a closure for rarely used ops where an indirect call per element is acceptable.
struct ClosureUnaryFn<A, R>: UnaryFn {
    let f: (A) -> R
    @inline(__always) func callAsFunction(_ a: A) -> R { f(a) }
}

struct ClosureBinaryFn<A, B, R>: BinaryFn {
    let f: (A, B) -> R
    @inline(__always) func callAsFunction(_ a: A, _ b: B) -> R { f(a, b) }
}

/// out[i] = f(a[i], b[i]) over `shape`, with fast paths for contiguous and scalar operands.
@inline(__always)
func mapBinary<F: BinaryFn>(_ shape: [Int], _ out: Operand, _ a: Operand, _ b: Operand, _ f: F) {
    let po = out.typed(F.R.self), pa = a.typed(F.A.self), pb = b.typed(F.B.self)
    let loop = StridedLoop(shape: shape, out.strides, a.strides, b.strides)
    loop.forEachRowParallel { oo, oa, ob, n, io, ia, ib in
        binaryRow(f, po + oo, pa + oa, pb + ob, n, io, ia, ib)
    }
}

@inline(__always)
func binaryRow<F: BinaryFn>(_ f: F, _ o: UnsafeMutablePointer<F.R>, _ x: UnsafeMutablePointer<F.A>,
                            _ y: UnsafeMutablePointer<F.B>, _ n: Int, _ io: Int, _ ia: Int, _ ib: Int) {
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

/// out[i] = f(a[i]) over `shape`.
@inline(__always)
func mapUnary<F: UnaryFn>(_ shape: [Int], _ out: Operand, _ a: Operand, _ f: F) {
    let po = out.typed(F.R.self), pa = a.typed(F.A.self)
    let loop = StridedLoop(shape: shape, out.strides, a.strides)
    loop.forEachRowParallel { oo, oa, _, n, io, ia, _ in
        unaryRow(f, po + oo, pa + oa, n, io, ia)
    }
}

@inline(__always)
func unaryRow<F: UnaryFn>(_ f: F, _ o: UnsafeMutablePointer<F.R>, _ x: UnsafeMutablePointer<F.A>,
                          _ n: Int, _ io: Int, _ ia: Int) {
    if io == 1 && ia == 1 {
        for i in 0..<n { o[i] = f(x[i]) }
    } else {
        for i in 0..<n { o[i * io] = f(x[i * ia]) }
    }
}

/// Closure conveniences for rare ops (one indirect call per element).
@inline(__always)
func mapUnary<A, R>(_ shape: [Int], _ out: Operand, _ a: Operand, _ f: @escaping (A) -> R) {
    mapUnary(shape, out, a, ClosureUnaryFn(f: f))
}

@inline(__always)
func mapBinary<A, B, R>(_ shape: [Int], _ out: Operand, _ a: Operand, _ b: Operand, _ f: @escaping (A, B) -> R) {
    mapBinary(shape, out, a, b, ClosureBinaryFn(f: f))
}
