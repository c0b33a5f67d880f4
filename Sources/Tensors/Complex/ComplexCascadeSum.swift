/// PyTorch's cascade summation (CascadeSum.swift) on complex elements. ATen runs the same
/// `cascade_sum` with `Vectorized<c10::complex<T>>` lanes (4 complex64 or 2 complex128 per
/// AVX2 register), and adding complex lanes adds the interleaved real and imaginary floats
/// of one register, so the real-typed cascade applies to the interleaved parts with every
/// width doubled; only scalar tails and the final fold over lanes add whole complex numbers.
enum ComplexCascadeSum {
    /// Complex lanes of one AVX2 register.
    @inline(__always) static func lanes<P: RealElement>(_ p: P.Type) -> Int { CascadeSum.lanes(P.self) / 2 }

    /// Sum of `n` contiguous complex numbers whose parts start at `base`.
    static func innerSum<P: RealElement>(_ base: UnsafePointer<P>, n: Int) -> (P, P) {
        let vs = lanes(P.self)
        if n >= vs {
            let vecCount = n / vs
            let vacc = CascadeSum.rowSum(base, size: vecCount, width: 2 * vs, stride: 2 * vs)
            var re: P = 0, im: P = 0
            for k in (vecCount * vs)..<n { re += base[2 * k]; im += base[2 * k + 1] }
            for l in 0..<vs { re += vacc[2 * l]; im += vacc[2 * l + 1] }
            return (re, im)
        }
        let r = CascadeSum.rowSum(base, size: n, width: 2, stride: 2)
        return (r[0], r[1])
    }

    /// Column sums of `rows × cols` complex numbers (columns contiguous, rows `rowStride`
    /// complex numbers apart) into `out[j]`.
    static func outerSum<P: RealElement>(_ base: UnsafePointer<P>, rows: Int, cols: Int, rowStride: Int,
                                         into out: UnsafeMutablePointer<P>) {
        let vs = lanes(P.self)
        var j = 0
        func store(_ sums: [P], _ count: Int) {
            for c in 0..<(2 * count) { out[2 * j + c] = 0 + sums[c] }
        }
        if cols >= vs {
            while j + 4 * vs <= cols {
                store(CascadeSum.multiRowSum(base + 2 * j, size: rows, nrows: 4, width: 2 * vs, rowStride: 2 * rowStride,
                                             colStride: 2 * vs), 4 * vs)
                j += 4 * vs
            }
            while j + vs <= cols {
                store(CascadeSum.rowSum(base + 2 * j, size: rows, width: 2 * vs, stride: 2 * rowStride), vs)
                j += vs
            }
        } else {
            while j + 3 < cols {
                store(CascadeSum.multiRowSum(base + 2 * j, size: rows, nrows: 4, width: 2, rowStride: 2 * rowStride,
                                             colStride: 2), 4)
                j += 4
            }
        }
        while j < cols {
            store(CascadeSum.rowSum(base + 2 * j, size: rows, width: 2, stride: 2 * rowStride), 1)
            j += 1
        }
    }

    /// `sum` (and, with `divisor`, `mean` as PyTorch's CPU `sum(...).div_(n)`, a complex
    /// division by n + 0i) of a contiguous complex tensor over one contiguous run of dims;
    /// false for other layouts.
    static func sum<C: ComplexTensorElement>(_ t: C.Type, sizes: [Int], input: UnsafePointer<C>, reduced: [Bool],
                                             output: UnsafeMutablePointer<C>, divisor: Int?) -> Bool where C.Part: RealElement {
        guard let first = reduced.firstIndex(of: true), let last = reduced.lastIndex(of: true) else { return false }
        if reduced[first...last].contains(false) { return false }
        let outer: Int = sizes[..<first].reduce(1, *)
        let r: Int = sizes[first...last].reduce(1, *)
        let inner: Int = sizes[(last + 1)...].reduce(1, *)
        let parts = UnsafeRawPointer(input).assumingMemoryBound(to: C.Part.self)
        let outParts = UnsafeMutableRawPointer(output).assumingMemoryBound(to: C.Part.self)
        for o in 0..<outer {
            if inner == 1 {
                let start: UnsafePointer<C.Part> = parts + 2 * o * r
                let (re, im): (C.Part, C.Part) = innerSum(start, n: r)
                output[o] = C(re: 0 + re, im: 0 + im)
            } else {
                outerSum(parts + 2 * o * r * inner, rows: r, cols: inner, rowStride: inner, into: outParts + 2 * o * inner)
            }
        }
        if let divisor {
            let n = C(re: C.Part(divisor), im: 0)
            for k in 0..<(outer * inner) { output[k] = complexDiv(output[k], n) }
        }
        return true
    }
}
