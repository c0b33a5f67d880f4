#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Linear (1-, 2-, 3-D) and bicubic (2-D) interpolation of the trailing dimensions of an
/// (N, C, ...) tensor, as ATen's CPU kernels compute it (UpSampleKernel.cpp,
/// UpSampleMoreKernel.cpp, UpSampleBicubic2d.cpp).
///
/// Bit-exactness depends on which of ATen's code paths runs and on where its compiler fused
/// a multiply and an add (the AVX2 kernels are built with FMA contraction), so each step
/// below says which form it follows; the forms were checked against PyTorch 2.15's output.
public enum InterpolationUpsampling {
    public enum Mode: Sendable { case linear, cubic }

    /// `area_pixel_compute_scale`: the step between source positions, in the element type.
    static func scale<T: NNFloat>(_ inSize: Int, _ outSize: Int, alignCorners: Bool, _ given: Double?) -> T {
        if alignCorners { return outSize > 1 ? T(inSize - 1) / T(outSize - 1) : 0 }
        if let given, given > 0 { return T(1.0 / given) }
        return T(inSize) / T(outSize)
    }

    /// `area_pixel_compute_source_index`; `fused` is its form where `s·(o+½) − ½` is one
    /// fused multiply-add (the channels-last, cubic and linear-backward kernels).
    static func sourceIndex<T: NNFloat>(_ s: T, _ o: Int, alignCorners: Bool, cubic: Bool, fused: Bool) -> T {
        if alignCorners { return s * T(o) }
        let half = T(o) + T(0.5)
        let r = fused ? T(-0.5).addingProduct(s, half) : s * half - T(0.5)
        return (!cubic && r < 0) ? 0 : r
    }

    /// `guard_index_and_lambda`: ATen floors through `floorf`, so a double index is first
    /// rounded to float.
    static func guardIndex<T: NNFloat>(_ r: T, _ inSize: Int) -> (Int, T) {
        let i = Swift.min(Int(Float(r).rounded(.down)), inSize - 1)
        return (i, Swift.min(Swift.max(r - T(i), 0), 1))
    }

    /// One output position's source taps along one dimension: element offsets (already
    /// multiplied by the dimension's stride) and weights.
    struct Taps<T: NNFloat> {
        var index: [Int]
        var weight: [T]
    }

    /// `compute_source_index_and_lambda` for every output position.
    static func linearTaps<T: NNFloat>(_ inSize: Int, _ outSize: Int, alignCorners: Bool, scale given: Double?,
                                       fused: Bool, stride: Int) -> [Taps<T>] {
        let s: T = scale(inSize, outSize, alignCorners: alignCorners, given)
        return (0..<outSize).map { o in
            if inSize == outSize { return Taps(index: [o * stride, o * stride], weight: [1, 0]) }
            let r = sourceIndex(s, o, alignCorners: alignCorners, cubic: false, fused: fused)
            let (i0, l1) = guardIndex(r, inSize)
            let i1 = i0 + (i0 < inSize - 1 ? 1 : 0)
            return Taps(index: [i0 * stride, i1 * stride], weight: [1 - l1, l1])
        }
    }

    /// Keys' cubic convolution (A = −0.75) for |x| ≤ 1; the forward kernel fuses its
    /// first step.
    static func cubic1<T: NNFloat>(_ x: T, fused: Bool) -> T {
        let a: T = -0.75
        if !fused { return ((a + 2) * x - (a + 3)) * x * x + 1 }
        return (-(a + 3)).addingProduct(a + 2, x) * x * x + 1
    }

    /// For 1 < |x| < 2; the forward kernel fuses its first two steps (see the type's note).
    static func cubic2<T: NNFloat>(_ x: T, fused: Bool) -> T {
        let a: T = -0.75
        if !fused { return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a }
        let p = (-5 * a).addingProduct(a, x)
        let q = (8 * a).addingProduct(p, x)
        return q * x - 4 * a
    }

    static func cubicCoefficients<T: NNFloat>(_ t: T, fused: Bool) -> [T] {
        let t2 = 1 - t
        return [cubic2(t + 1, fused: fused), cubic1(t, fused: fused), cubic1(t2, fused: fused), cubic2(t2 + 1, fused: fused)]
    }

    static func cubicTaps<T: NNFloat>(_ inSize: Int, _ outSize: Int, alignCorners: Bool, scale given: Double?, stride: Int) -> [Taps<T>] {
        let s: T = scale(inSize, outSize, alignCorners: alignCorners, given)
        return (0..<outSize).map { o in
            let r = sourceIndex(s, o, alignCorners: alignCorners, cubic: true, fused: true)
            let (i0, t) = guardIndex(r, inSize)
            let idx = (0..<4).map { Swift.max(Swift.min(i0 + $0 - 1, inSize - 1), 0) * stride }
            return Taps(index: idx, weight: cubicCoefficients(t, fused: true))
        }
    }

    static func check(_ input: Tensor, _ outSizes: [Int], _ op: String) throws(TensorError) {
        if input.device != .cpu { throw .runtime("\(op): only CPU tensors are supported") }
        try requireFloat(input.dtype, op: op)
        let k = outSizes.count
        let inSizes = Array(input.sizes.suffix(k))
        if inSizes.contains(where: { $0 <= 0 }) || outSizes.contains(where: { $0 <= 0 }) {
            let names = k == 1 ? ["W"] : k == 2 ? ["H", "W"] : ["D", "H", "W"]
            func show(_ s: [Int]) -> String { zip(names, s).map { "\($0.0): \($0.1)" }.joined(separator: ", ") }
            let sep = k == 1 ? ") and output (" : ") output ("
            throw .runtime("Input and output sizes should be greater than 0, but got input (\(show(inSizes))\(sep)\(show(outSizes)))")
        }
    }

    /// The resized tensor: sizes `input.sizes[..<2] + outSizes`.
    public static func forward(_ input: Tensor, outSizes: [Int], mode: Mode, alignCorners: Bool,
                               scales: [Double?]) throws(TensorError) -> Tensor {
        try check(input, outSizes, mode == .cubic ? "upsample_bicubic2d" : "upsample_linear")
        let k = outSizes.count
        let x = try input.contiguous()
        let inSizes = Array(x.sizes.suffix(k)), lead = Array(x.sizes.dropLast(k))
        let out = try Tensor(empty: lead + outSizes, dtype: x.dtype, device: x.device)
        func run<T: NNFloat>(_: T.Type) {
            let px = NNBuffer.pointer(x, as: T.self), po = NNBuffer.pointer(out, as: T.self)
            let planes = lead.reduce(1, *), inPlane = inSizes.reduce(1, *), outPlane = outSizes.reduce(1, *)
            if mode == .linear && k == 2 && (outSizes[0] + outSizes[1] <= 128 || (channelsLastContiguous(x.sizes) && lead[1] > 3)) {
                channelsLastBilinear(px, po, lead: lead, inSizes, outSizes, alignCorners: alignCorners, scales: scales)
                return
            }
            var strides = [Int](repeating: 1, count: k)
            for d in stride(from: k - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * inSizes[d + 1] }
            let taps: [[Taps<T>]] = (0..<k).map { d in
                mode == .cubic
                    ? cubicTaps(inSizes[d], outSizes[d], alignCorners: alignCorners, scale: scales[d], stride: strides[d])
                    : linearTaps(inSizes[d], outSizes[d], alignCorners: alignCorners, scale: scales[d], fused: T.self == Double.self,
                                 stride: strides[d])
            }
            // The generic linear kernel's source index is unfused for float32 and fused for
            // float64 (as PyTorch 2.15's build computes them). ATen's `Interpolate<n, ...>`: the outermost dimension's taps combine the
            // interpolated values of the next one: fma(v0, w0, v1·w1), then a running fma for
            // further taps.
            func value(_ d: Int, _ base: UnsafeMutablePointer<T>, _ pos: [Int]) -> T {
                let tp = taps[d][pos[d]]
                func at(_ j: Int) -> T { d == k - 1 ? base[tp.index[j]] : value(d + 1, base + tp.index[j], pos) }
                if tp.index.count == 2 { return (at(1) * tp.weight[1]).addingProduct(at(0), tp.weight[0]) }
                var acc = (at(1) * tp.weight[1]).addingProduct(at(0), tp.weight[0])
                for j in 2..<tp.index.count { acc = acc.addingProduct(at(j), tp.weight[j]) }
                return acc
            }
            var pos = [Int](repeating: 0, count: k)
            for p in 0..<planes {
                let base = px + p * inPlane
                for o in 0..<outPlane {
                    var rem = o
                    for d in stride(from: k - 1, through: 0, by: -1) { pos[d] = rem % outSizes[d]; rem /= outSizes[d] }
                    po[p * outPlane + o] = value(0, base, pos)
                }
            }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }

    /// `cpu_upsample_linear_channels_last` (2-D outputs with H + W ≤ 128): four weights
    /// hλ·wλ per output pixel; channels in whole AVX2 vectors (8 floats, 4 doubles) are
    /// summed right to left with fused steps, the remaining channels left to right.
    static func channelsLastBilinear<T: NNFloat>(_ px: UnsafeMutablePointer<T>, _ po: UnsafeMutablePointer<T>, lead: [Int],
                                                 _ inSizes: [Int], _ outSizes: [Int], alignCorners: Bool, scales: [Double?]) {
        let n = lead[0], c = lead.dropFirst().reduce(1, *)
        let ih = inSizes[0], iw = inSizes[1], oh = outSizes[0], ow = outSizes[1]
        let th: [Taps<T>] = linearTaps(ih, oh, alignCorners: alignCorners, scale: scales[0], fused: true, stride: iw)
        let tw: [Taps<T>] = linearTaps(iw, ow, alignCorners: alignCorners, scale: scales[1], fused: true, stride: 1)
        let vector = T.self == Float.self ? 8 : 4
        let whole = c - c % vector
        for b in 0..<n {
            for y in 0..<oh {
                let h = th[y]
                for xo in 0..<ow {
                    let w = tw[xo]
                    let w00 = h.weight[0] * w.weight[0], w01 = h.weight[0] * w.weight[1]
                    let w10 = h.weight[1] * w.weight[0], w11 = h.weight[1] * w.weight[1]
                    let o00 = h.index[0] + w.index[0], o01 = h.index[0] + w.index[1]
                    let o10 = h.index[1] + w.index[0], o11 = h.index[1] + w.index[1]
                    for ch in 0..<c {
                        let plane = px + (b * c + ch) * ih * iw
                        let v00 = plane[o00], v01 = plane[o01], v10 = plane[o10], v11 = plane[o11]
                        let r: T
                        if ch < whole {
                            r = ((v10 * w10).addingProduct(v11, w11).addingProduct(v01, w01)).addingProduct(v00, w00)
                        } else {
                            r = (v01 * w01).addingProduct(v00, w00).addingProduct(v10, w10).addingProduct(v11, w11)
                        }
                        po[((b * c + ch) * oh + y) * ow + xo] = r
                    }
                }
            }
        }
    }

    /// The input gradient: linear modes as `cpu_upsample_linear_backward` (each output
    /// gradient added to its 2ᵏ sources as fma(Πλ, g, acc), in output order); bicubic as
    /// `upsample_bicubic2d_backward_out_frame` (unfused, 16 sources per output, x outer;
    /// indices and fractions guarded as the forward's).
    public static func backward(_ gradOutput: Tensor, inputSizes: [Int], mode: Mode, alignCorners: Bool,
                                scales: [Double?]) throws(TensorError) -> Tensor {
        let g = try gradOutput.contiguous()
        let k = scales.count
        let gx = try NNBuffer.zeros(inputSizes, like: g)
        let inSizes = Array(inputSizes.suffix(k)), outSizes = Array(g.sizes.suffix(k))
        let planes = inputSizes.dropLast(k).reduce(1, *)
        let inPlane = inSizes.reduce(1, *), outPlane = outSizes.reduce(1, *)
        func run<T: NNFloat>(_: T.Type) {
            let pg = NNBuffer.pointer(g, as: T.self), pd = NNBuffer.pointer(gx, as: T.self)
            if mode == .cubic {
                bicubicBackward(pg, pd, planes: planes, inSizes, outSizes, alignCorners: alignCorners, scales: scales)
                return
            }
            var strides = [Int](repeating: 1, count: k)
            for d in stride(from: k - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * inSizes[d + 1] }
            // A gradient that is also channels-last contiguous (C = 1, ...) takes ATen's
            // channels-last kernel, whose 3-D float32 build leaves the width index unfused.
            let unfusedWidth = k == 3 && T.self == Float.self && channelsLastContiguous(g.sizes)
            let taps: [[Taps<T>]] = (0..<k).map {
                linearTaps(inSizes[$0], outSizes[$0], alignCorners: alignCorners, scale: scales[$0],
                           fused: !(unfusedWidth && $0 == 2), stride: strides[$0])
            }
            let corners = 1 << k
            var pos = [Int](repeating: 0, count: k)
            for p in 0..<planes {
                let dst = pd + p * inPlane
                for o in 0..<outPlane {
                    var rem = o
                    for d in stride(from: k - 1, through: 0, by: -1) { pos[d] = rem % outSizes[d]; rem /= outSizes[d] }
                    let gv = pg[p * outPlane + o]
                    for corner in 0..<corners {
                        var off = 0
                        var w: T = 1
                        for d in 0..<k {
                            let bit = (corner >> (k - 1 - d)) & 1
                            let tp = taps[d][pos[d]]
                            off += tp.index[bit]
                            w = d == 0 ? tp.weight[bit] : w * tp.weight[bit]
                        }
                        dst[off] = dst[off].addingProduct(w, gv)
                    }
                }
            }
        }
        if g.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return gx
    }

    /// Whether a contiguous (N, C, ...) tensor also counts as channels-last contiguous in
    /// c10's sense (size-1 dimensions' strides are ignored), which picks ATen's kernel.
    static func channelsLastContiguous(_ sizes: [Int]) -> Bool {
        guard sizes.count == 4 || sizes.count == 5 else { return false }
        var strides = [Int](repeating: 1, count: sizes.count)
        for d in stride(from: sizes.count - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * sizes[d + 1] }
        let order = sizes.count == 4 ? [1, 3, 2, 0] : [1, 4, 3, 2, 0]
        var expected = 1
        for d in order where sizes[d] != 1 {
            if strides[d] != expected { return false }
            expected *= sizes[d]
        }
        return true
    }

    static func bicubicBackward<T: NNFloat>(_ pg: UnsafeMutablePointer<T>, _ pd: UnsafeMutablePointer<T>, planes: Int,
                                            _ inSizes: [Int], _ outSizes: [Int], alignCorners: Bool, scales: [Double?]) {
        let ih = inSizes[0], iw = inSizes[1], oh = outSizes[0], ow = outSizes[1]
        if ih == oh && iw == ow {
            for i in 0..<(planes * ih * iw) { pd[i] = pg[i] }
            return
        }
        let sh: T = scale(ih, oh, alignCorners: alignCorners, scales[0])
        let sw: T = scale(iw, ow, alignCorners: alignCorners, scales[1])
        for y in 0..<oh {
            for xo in 0..<ow {
                // `guard_index_and_lambda`, as the forward: a source index just below an
                // integer (15/26·26 = 14.999…8 in double) floors through float to that
                // integer and its negative fraction is clamped to 0.
                let (ix, tx) = guardIndex(sourceIndex(sw, xo, alignCorners: alignCorners, cubic: true, fused: false), iw)
                let (iy, ty) = guardIndex(sourceIndex(sh, y, alignCorners: alignCorners, cubic: true, fused: false), ih)
                let cx = cubicCoefficients(tx, fused: false), cy = cubicCoefficients(ty, fused: false)
                for p in 0..<planes {
                    let gv = pg[(p * oh + y) * ow + xo]
                    let dst = pd + p * ih * iw
                    for i in 0..<4 {
                        for j in 0..<4 {
                            let xx = Swift.max(Swift.min(ix - 1 + i, iw - 1), 0), yy = Swift.max(Swift.min(iy - 1 + j, ih - 1), 0)
                            dst[yy * iw + xx] += gv * cy[j] * cx[i]
                        }
                    }
                }
            }
        }
    }
}
