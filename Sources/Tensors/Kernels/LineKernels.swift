/// Visits every 1-D line of a tensor along `dim`: `body(offsetA, offsetOut)` gets element
/// offsets of the line's start in the two operands (same shape except possibly along `dim`).
@inline(__always)
func forEachLine(_ sizes: [Int], dim: Int, _ aStrides: [Int], _ outStrides: [Int], _ body: (Int, Int) -> Void) {
    var outer = sizes
    outer[dim] = 1
    let loop = StridedLoop(shape: outer, aStrides, outStrides)
    loop.forEachRow { oa, oo, _, n, ia, io, _ in
        for i in 0..<n { body(oa + i * ia, oo + i * io) }
    }
}

/// Orders elements as PyTorch's comparisons do, with NaN greater than everything
/// (so max/argmax/sort put NaN last in ascending order).
@inline(__always)
func elementGreater<T: TensorElement>(_ x: T, _ y: T) -> Bool {
    if T.dtype.isFloatingPoint {
        let a = x.doubleValue, b = y.doubleValue
        if a.isNaN { return !b.isNaN }
        return a > b
    }
    return x.int64Value > y.int64Value
}

@inline(__always)
func elementLess<T: TensorElement>(_ x: T, _ y: T) -> Bool {
    if T.dtype.isFloatingPoint {
        let a = x.doubleValue, b = y.doubleValue
        if a.isNaN { return false }
        if b.isNaN { return true }
        return a < b
    }
    return x.int64Value < y.int64Value
}

/// max/min along one dim with the index of the first extreme (NaN wins, as in PyTorch).
struct ArgExtremeKernel: ElementVisitor {
    let input: Tensor
    let dim: Int
    let values: Tensor?   // same dtype as input, keepdim shape
    let indices: Tensor   // int64, keepdim shape
    let isMax: Bool

    func visit<T: TensorElement>(_ t: T.Type) {
        let pa = input.pointer(T.self)
        let pv = values?.pointer(T.self)
        let pi = indices.pointer(Int64.self)
        let n = input.sizes[dim], step = input.strides[dim]
        let isFloat = T.dtype.isFloatingPoint
        forEachLine(input.sizes, dim: dim, input.strides, indices.strides) { oa, oo in
            var best = pa[oa]
            var bestIndex = 0
            if !(isFloat && best.doubleValue.isNaN) {
                // In chunks, polling the cell's deadline between them (a broadcast line may
                // be 2**62 long).
                line: for start in stride(from: 1, to: max(n, 1), by: CellDeadline.chunk) {
                    if start > 1 && CellDeadline.poll() { break }
                    for j in start..<min(start + CellDeadline.chunk, n) {
                        let x = pa[oa + j * step]
                        if isFloat && x.doubleValue.isNaN { best = x; bestIndex = j; break line }
                        if isMax ? elementGreater(x, best) : elementLess(x, best) { best = x; bestIndex = j }
                    }
                }
            }
            pi[oo] = Int64(bestIndex)
            if let pv { pv[oo] = best }
        }
    }
}

/// Cumulative sum or product along `dim`; floats accumulate in Double, ints in Int64.
struct CumulativeKernel: ElementVisitor {
    let input: Tensor   // same dtype as output
    let output: Tensor
    let dim: Int
    let product: Bool

    func visit<T: TensorElement>(_ t: T.Type) {
        let pa = input.pointer(T.self), po = output.pointer(T.self)
        let n = input.sizes[dim], sa = input.strides[dim], so = output.strides[dim]
        let isFloat = T.dtype.isFloatingPoint
        if let c = T.self as? any ComplexTensorElement.Type {
            complexCumulative(c, input: input, output: output, dim: dim, product: product)
            return
        }
        forEachLine(input.sizes, dim: dim, input.strides, output.strides) { oa, oo in
            if isFloat {
                var acc: Double = product ? 1 : 0
                for j in 0..<n {
                    let x = pa[oa + j * sa].doubleValue
                    acc = product ? acc * x : acc + x
                    po[oo + j * so] = T(double: acc)
                }
            } else {
                var acc: Int64 = product ? 1 : 0
                for j in 0..<n {
                    let x = pa[oa + j * sa].int64Value
                    acc = product ? acc &* x : acc &+ x
                    po[oo + j * so] = T(int64: acc)
                }
            }
        }
    }
}
