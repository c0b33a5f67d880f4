#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Antialiased bilinear, bicubic and lanczos resizing of (N, C, H, W) (`_upsample_bilinear2d_aa`,
/// `_upsample_bicubic2d_aa`, `_upsample_lanczos2d_aa`) as ATen's CPU kernels compute it (UpSampleKernel.cpp).
///
/// When shrinking, the filter is stretched by the scale so every output pixel averages all
/// the input pixels it covers (as PIL does); its weights are normalised to sum to one. The
/// forward pass is separable: the width is resized first, then the height. The backward
/// pass is not: it scatters each output gradient over its whole 2-D footprint.
public enum AntialiasUpsampling {
    /// One output position's taps: the first input index, how many, and their weights.
    struct Span<T: NNFloat> {
        var start: Int
        var weights: [T]
    }

    /// The resampling filter (`HelperInterpLinear`, `HelperInterpCubic`, lanczos).
    public enum Filter: Sendable {
        case linear, cubic, lanczos
        /// Taps at scale 1 (`interp_size`).
        var size: Double { self == .linear ? 2 : self == .cubic ? 4 : 6 }
    }

    /// sin(πx)/(πx) in the element type; πx is a double product rounded to the element type.
    /// (float64 matches PyTorch bit for bit; float32 to a few units in the last place.)
    static func sinc<T: NNFloat>(_ x: T) -> T {
        if x == 0 { return 1 }
        let y = T(Double(x) * Double.pi)
        return T.self == Float.self ? T(sinf(Float(y))) / y : T(sin(Double(y))) / y
    }

    /// The filter over |x|: a triangle for bilinear, Keys' cubic with A = −0.5 (PIL's) for
    /// bicubic, every multiply-add fused as in ATen's build; lanczos: sinc(x)·sinc(x/3).
    static func filter<T: NNFloat>(_ v: T, _ kind: Filter) -> T {
        if kind == .lanczos {
            return (-3 <= v && v < 3) ? sinc(v) * sinc(v / 3) : 0
        }
        let x = v.magnitude
        if kind == .linear { return x < 1 ? 1 - x : 0 }
        let a: T = -0.5
        if x < 1 { return T(1).addingProduct((-(a + 3)).addingProduct(a + 2, x) * x, x) }
        if x < 2 { return (-4 * a).addingProduct((8 * a).addingProduct((-5 * a).addingProduct(a, x), x), x) }
        return 0
    }

    /// The filter's half-width in input pixels and the most taps any output position uses.
    static func support<T: NNFloat>(_ scale: T, _ kind: Filter) -> (T, Int) {
        let size = kind.size
        let s: T = scale >= 1 ? T(size * 0.5 * Double(scale)) : T(size * 0.5)
        return (s, Int(s.rounded(.up)) * 2 + 1)
    }

    /// `_compute_indices_min_size_weights_aa`, with ATen's mix of scalar-type and double
    /// arithmetic.
    static func span<T: NNFloat>(_ i: Int, inSize: Int, scale: T, support: T, maxTaps: Int, _ kind: Filter) -> Span<T> {
        let center = T(Double(scale) * (Double(i) + 0.5))
        let invscale: T = scale >= 1 ? T(1.0 / Double(scale)) : 1
        let lo = Swift.max(Int((Double(center - support) + 0.5).rounded(.towardZero)), 0)
        let hi = Swift.min(Int((Double(center + support) + 0.5).rounded(.towardZero)), inSize)
        let count = Swift.min(Swift.max(hi - lo, 0), maxTaps)
        var w = [T](repeating: 0, count: count)
        var total: T = 0
        for j in 0..<count {
            let d = (Double(T(j + lo) - center) + 0.5) * Double(invscale)
            w[j] = filter(T(d), kind)
            total += w[j]
        }
        if total != 0 { for j in 0..<count { w[j] /= total } }
        return Span(start: lo, weights: w)
    }

    static func spans<T: NNFloat>(_ inSize: Int, _ outSize: Int, alignCorners: Bool, scale given: Double?, _ kind: Filter) -> [Span<T>] {
        let s: T = InterpolationUpsampling.scale(inSize, outSize, alignCorners: alignCorners, given)
        let (sup, maxTaps) = support(s, kind)
        return (0..<outSize).map { span($0, inSize: inSize, scale: s, support: sup, maxTaps: maxTaps, kind) }
    }

    /// `interpolate_aa_single_dim`: t₀·w₀, then the remaining taps added in order. ATen's
    /// build vectorises the products of that loop 128 bits at a time (four floats, two doubles) and adds them one by one
    /// (rounded products); the leftover taps at the end are fused multiply-adds.
    static func weightedSum<T: NNFloat>(_ src: [T], _ base: Int, _ step: Int, _ w: [T]) -> T {
        guard let w0 = w.first else { return 0 }
        var acc = src[base] * w0
        let block = T.self == Float.self ? 4 : 2  // two 128-bit lanes' worth
        let rest = w.count - 1, blocked = rest / block * block
        for j in 1..<(w.count) {
            let v = src[base + j * step]
            acc = j <= blocked ? acc + v * w[j] : acc.addingProduct(v, w[j])
        }
        return acc
    }

    /// Resizes one dimension of a contiguous (outer, size, inner) block; sums run in tap
    /// order, each product fused into the running sum.
    static func resize<T: NNFloat>(_ src: [T], outer: Int, inSize: Int, inner: Int, _ spans: [Span<T>]) -> [T] {
        var out = [T](repeating: 0, count: outer * spans.count * inner)
        for o in 0..<outer {
            for (i, sp) in spans.enumerated() {
                for k in 0..<inner {
                    let base = (o * inSize + sp.start) * inner + k
                    out[(o * spans.count + i) * inner + k] = weightedSum(src, base, inner, sp.weights)
                }
            }
        }
        return out
    }

    public static func forward(_ input: Tensor, outSizes: [Int], filter kind: Filter, alignCorners: Bool,
                               scales: [Double?]) throws(TensorError) -> Tensor {
        try InterpolationUpsampling.check(input, outSizes, kind == .linear ? "_upsample_bilinear2d_aa" : kind == .cubic ? "_upsample_bicubic2d_aa" : "_upsample_lanczos2d_aa")
        let x = try input.contiguous()
        let planes = x.sizes[0] * x.sizes[1], h = x.sizes[2], w = x.sizes[3], oh = outSizes[0], ow = outSizes[1]
        if oh == h && ow == w { return try x.clone() }
        let out = try Tensor(empty: [x.sizes[0], x.sizes[1], oh, ow], dtype: x.dtype, device: x.device)
        func run<T: NNFloat>(_: T.Type) {
            let px = NNBuffer.pointer(x, as: T.self), po = NNBuffer.pointer(out, as: T.self)
            var data = Array(UnsafeBufferPointer(start: px, count: planes * h * w))
            if ow != w {
                data = resize(data, outer: planes * h, inSize: w, inner: 1,
                              spans(w, ow, alignCorners: alignCorners, scale: scales[1], kind))
            }
            if oh != h {
                data = resize(data, outer: planes, inSize: h, inner: ow,
                              spans(h, oh, alignCorners: alignCorners, scale: scales[0], kind))
            }
            for i in data.indices { po[i] = data[i] }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }

    /// `cpu_upsample_genNd_backward_aa`: output positions row by row, each gradient spread
    /// over its footprint as (wx·wy)·g fused into the running input gradient.
    public static func backward(_ gradOutput: Tensor, inputSizes: [Int], filter kind: Filter, alignCorners: Bool,
                                scales: [Double?]) throws(TensorError) -> Tensor {
        let g = try gradOutput.contiguous()
        let gx = try NNBuffer.zeros(inputSizes, like: g)
        let planes = inputSizes[0] * inputSizes[1], h = inputSizes[2], w = inputSizes[3]
        let oh = g.sizes[2], ow = g.sizes[3]
        func run<T: NNFloat>(_: T.Type) {
            let pg = NNBuffer.pointer(g, as: T.self), pd = NNBuffer.pointer(gx, as: T.self)
            let ys: [Span<T>] = spans(h, oh, alignCorners: alignCorners, scale: scales[0], kind)
            let xs: [Span<T>] = spans(w, ow, alignCorners: alignCorners, scale: scales[1], kind)
            for (i, sy) in ys.enumerated() {
                for (j, sx) in xs.enumerated() {
                    for c in 0..<planes {
                        let v = pg[(c * oh + i) * ow + j]
                        for (yy, wy) in sy.weights.enumerated() {
                            for (xx, wx) in sx.weights.enumerated() {
                                let o = (c * h + sy.start + yy) * w + sx.start + xx
                                pd[o] = pd[o].addingProduct(wx * wy, v)
                            }
                        }
                    }
                }
            }
        }
        if g.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return gx
    }
}
