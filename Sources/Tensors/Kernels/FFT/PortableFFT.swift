#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The transforms in plain Swift, for machines without MKL: a mixed-radix Cooley–Tukey
/// FFT over the prime factors of each length, computed in double and rounded to the
/// element type at the end. The values are correct transforms, but the rounding of each
/// sum is not MKL's, so the last digits may differ from PyTorch's (docs/fft.md).
enum PortableFFT {
    typealias Complex = (re: Double, im: Double)

    /// Runs `kind` over `layout` as `MKLDFTI.execute` does, for float32 (`double == false`)
    /// or float64 parts.
    static func execute(_ kind: FFTKind, double: Bool, layout: FFTLayout, normalization: FFTNormalization,
                        input: UnsafeRawPointer, output: UnsafeMutableRawPointer) {
        let scale = normalization.scale(signalCount: layout.signalCount) ?? 1
        if double {
            run(kind, layout, scale, input.assumingMemoryBound(to: Double.self),
                output.assumingMemoryBound(to: Double.self))
        } else {
            run(kind, layout, scale, input.assumingMemoryBound(to: Float.self),
                output.assumingMemoryBound(to: Float.self))
        }
    }

    private static func run<T: BinaryFloatingPoint>(_ kind: FFTKind, _ layout: FFTLayout, _ scale: Double,
                                                     _ input: UnsafePointer<T>, _ output: UnsafeMutablePointer<T>) {
        let sizes = layout.signalSizes
        let ndim = sizes.count
        let last = sizes[ndim - 1]
        var half = sizes
        half[ndim - 1] = last / 2 + 1
        for b in 0..<layout.batch {
            let inBase = b * layout.inputDistance, outBase = b * layout.outputDistance
            switch kind {
            case .complexToComplex(let forward):
                // Work on a dense copy of the signal, one dimension at a time.
                var work = gather(sizes, layout.inputStrides, inBase, input, complex: true)
                for d in 0..<ndim { transformLines(&work, sizes, d, sign: forward ? -1 : 1) }
                scatter(work, sizes, layout.outputStrides, outBase, output, complex: true, scale: scale)
            case .realToComplex:
                let real = gather(sizes, layout.inputStrides, inBase, input, complex: false)
                var work = [Complex](repeating: (0, 0), count: half.reduce(1, *))
                let rows = real.count / last
                for r in 0..<rows {
                    var line = (0..<last).map { real[r * last + $0] }
                    line = transform(line, sign: -1)
                    for k in 0..<half[ndim - 1] { work[r * half[ndim - 1] + k] = line[k] }
                }
                for d in 0..<(ndim - 1) { transformLines(&work, half, d, sign: -1) }
                scatter(work, half, layout.outputStrides, outBase, output, complex: true, scale: scale)
            case .complexToReal:
                var work = gather(half, layout.inputStrides, inBase, input, complex: true)
                for d in 0..<(ndim - 1) { transformLines(&work, half, d, sign: 1) }
                let h = half[ndim - 1], rows = work.count / h
                var real = [Complex](repeating: (0, 0), count: rows * last)
                for r in 0..<rows {
                    // The full Hermitian spectrum; the imaginary parts of the self-conjugate
                    // bins add nothing to the real output, as in a true c2r transform.
                    var line = [Complex](repeating: (0, 0), count: last)
                    for k in 0..<last {
                        let j = k < h ? k : last - k
                        let v = work[r * h + j]
                        line[k] = k < h ? v : (v.re, -v.im)
                    }
                    line = transform(line, sign: 1)
                    for k in 0..<last { real[r * last + k] = (line[k].re, 0) }
                }
                scatter(real, sizes, layout.outputStrides, outBase, output, complex: false, scale: scale)
            }
        }
    }

    /// A dense row-major copy of one strided signal.
    private static func gather<T: BinaryFloatingPoint>(_ sizes: [Int], _ strides: [Int], _ base: Int,
                                                        _ source: UnsafePointer<T>, complex: Bool) -> [Complex] {
        var out: [Complex] = []
        out.reserveCapacity(sizes.reduce(1, *))
        forEachOffset(sizes, strides) { offset in
            let e = base + offset
            out.append(complex ? (Double(source[2 * e]), Double(source[2 * e + 1])) : (Double(source[e]), 0))
        }
        return out
    }

    private static func scatter<T: BinaryFloatingPoint>(_ values: [Complex], _ sizes: [Int], _ strides: [Int], _ base: Int,
                                                         _ target: UnsafeMutablePointer<T>, complex: Bool, scale: Double) {
        var i = 0
        forEachOffset(sizes, strides) { offset in
            let e = base + offset, v = values[i]
            if complex {
                target[2 * e] = T(v.re * scale)
                target[2 * e + 1] = T(v.im * scale)
            } else {
                target[e] = T(v.re * scale)
            }
            i += 1
        }
    }

    /// Calls `body` with the element offset of every index, in row-major order.
    private static func forEachOffset(_ sizes: [Int], _ strides: [Int], _ body: (Int) -> Void) {
        let count = sizes.reduce(1, *)
        guard count > 0 else { return }
        var index = [Int](repeating: 0, count: sizes.count)
        var offset = 0
        for _ in 0..<count {
            body(offset)
            var d = sizes.count - 1
            while d >= 0 {
                index[d] += 1
                offset += strides[d]
                if index[d] < sizes[d] { break }
                offset -= strides[d] * sizes[d]
                index[d] = 0
                d -= 1
            }
        }
    }

    /// Transforms every line of the dense array `work` (shape `sizes`) along `dim`.
    private static func transformLines(_ work: inout [Complex], _ sizes: [Int], _ dim: Int, sign: Double) {
        let n = sizes[dim]
        guard n > 1 else { return }
        let inner = sizes[(dim + 1)...].reduce(1, *)
        let outer = sizes[..<dim].reduce(1, *)
        var line = [Complex](repeating: (0, 0), count: n)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * n * inner + i
                for k in 0..<n { line[k] = work[base + k * inner] }
                let result = transform(line, sign: sign)
                for k in 0..<n { work[base + k * inner] = result[k] }
            }
        }
    }

    /// The unscaled DFT of `x` with exponent sign `sign` (-1 forward, +1 backward).
    static func transform(_ x: [Complex], sign: Double) -> [Complex] {
        let n = x.count
        guard n > 1 else { return x }
        let roots = (0..<n).map { j -> Complex in
            let angle = sign * 2 * Double.pi * Double(j) / Double(n)
            return (cosine(angle), sine(angle))
        }
        var factors: [Int] = []
        var m = n, p = 2
        while m > 1 {
            if p * p > m { factors.append(m); break }
            if m % p == 0 { factors.append(p); m /= p } else { p += p == 2 ? 1 : 2 }
        }
        var out = [Complex](repeating: (0, 0), count: n)
        x.withUnsafeBufferPointer { xs in
            out.withUnsafeMutableBufferPointer { os in
                step(xs.baseAddress!, 1, n, os.baseAddress!, factors[...], roots, 1)
            }
        }
        return out
    }

    /// Decimation in time: the DFT of the `n` inputs `x[0], x[s], ...` into `y[0..<n]`,
    /// splitting by the first factor `p` into `p` transforms of length `n / p`.
    /// `roots[j * rootStep]` is this length's `j`-th root of unity.
    private static func step(_ x: UnsafePointer<Complex>, _ s: Int, _ n: Int, _ y: UnsafeMutablePointer<Complex>,
                             _ factors: ArraySlice<Int>, _ roots: [Complex], _ rootStep: Int) {
        if n == 1 { y[0] = x[0]; return }
        let p = factors.first!, m = n / p
        for q in 0..<p { step(x + q * s, s * p, m, y + q * m, factors.dropFirst(), roots, rootStep * p) }
        let total = roots.count
        var t = [Complex](repeating: (0, 0), count: p)
        for k in 0..<m {
            for q in 0..<p {
                let v = y[q * m + k]
                let w = roots[(q * k * rootStep) % total]
                t[q] = (v.re * w.re - v.im * w.im, v.re * w.im + v.im * w.re)
            }
            for r in 0..<p {
                var acc: Complex = (0, 0)
                for q in 0..<p {
                    let w = roots[(q * r * m * rootStep) % total]
                    acc.re += t[q].re * w.re - t[q].im * w.im
                    acc.im += t[q].re * w.im + t[q].im * w.re
                }
                y[k + r * m] = acc
            }
        }
    }

    private static func cosine(_ a: Double) -> Double { cos(a) }
    private static func sine(_ a: Double) -> Double { sin(a) }
}
