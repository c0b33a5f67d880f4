#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Bicubic `grid_sampler_2d` as ATen's vectorised CPU kernel computes it
/// (`ApplyGridSample<…, Bicubic, …>` in GridSamplerKernel.cpp).
///
/// Unlike bilinear sampling, the source position is only unnormalised; padding is applied to
/// each of the 4×4 taps (`get_value_bounded`), so border and reflection padding repeat edge
/// pixels rather than clamping the position. Keys' cubic convolution uses A = −0.75. Which
/// multiply-adds ATen's AVX2 build fuses is noted at each step; values and both gradients
/// agree with PyTorch 2.15 bit for bit in float32 and float64 (`grid_sample_bicubic` goldens).
extension GridSampling {
    /// One grid point's tap weights, their slopes and padded tap offsets (x tap outer).
    struct CubicLane<T: NNFloat> { var cx: [T], cy: [T], sx: [T], sy: [T], taps: [[Int?]] }

    static let cubicA = -0.75

    /// Weights of the taps at −1, 0, 1, 2 for a fractional offset `t` in [0, 1).
    ///
    /// ATen's AVX2 build fuses only some of the multiply-adds GCC could fuse: in the outer
    /// taps' `((A·x − 5A)·x + 8A)·x − 4A` it fuses the exact constant products (5A, 8A, 4A),
    /// which leaves every step rounded as written; in the inner taps'
    /// `((A+2)·x − (A+3))·x·x + 1` both steps are fused (checked against PyTorch 2.15).
    ///
    /// `fusedOuter`: the float32 build of the backward kernel for a grid gradient alone
    /// (`input_requires_grad` false) fuses every step of the outer taps' polynomial instead.
    static func cubicWeights<T: NNFloat>(_ t: T, fusedOuter: Bool = false) -> [T] {
        let a = T(cubicA)
        func outer(_ x: T) -> T {
            if fusedOuter { return (-4 * a).addingProduct((8 * a).addingProduct((-5 * a).addingProduct(a, x), x), x) }
            return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a
        }
        func inner(_ x: T) -> T { T(1).addingProduct((-(a + 3)).addingProduct(a + 2, x) * x, x) }
        return [outer(t + 1), inner(t), inner(1 - t), outer(2 - t)]
    }

    /// Derivatives of the weights with respect to the tap distance (`get_cubic_coefficients_grad`);
    /// here too GCC fused only the exact constant products, so every step rounds as written.
    /// `fused`: the float32 grid-gradient-only build (`input_requires_grad` false) fuses
    /// every multiply-add of these polynomials (checked against PyTorch 2.15).
    static func cubicWeightSlopes<T: NNFloat>(_ t: T, fused: Bool = false) -> [T] {
        let a = T(cubicA)
        let x0 = -1 - t, x1 = 0 - t, x2 = 1 - t, x3 = 2 - t
        if fused {
            return [(-8 * a).addingProduct((-10 * a).addingProduct(-3 * a, x0), x0),
                    (-2 * (a + 3)).addingProduct(-3 * (a + 2), x1) * x1,
                    (-2 * (a + 3)).addingProduct(3 * (a + 2), x2) * x2,
                    (8 * a).addingProduct((-10 * a).addingProduct(3 * a, x3), x3)]
        }
        return [((-3 * a) * x0 - 10 * a) * x0 - 8 * a,
                ((-3 * (a + 2)) * x1 - 2 * (a + 3)) * x1,
                ((3 * (a + 2)) * x2 - 2 * (a + 3)) * x2,
                ((3 * a) * x3 - 10 * a) * x3 + 8 * a]
    }

    /// One row of four taps, `c₀·v₀ + c₁·v₁ + c₂·v₂ + c₃·v₃` as ATen's build evaluates it: the
    /// first product fused into the first addition, the other two rounded and added.
    static func rowSum<T: NNFloat>(_ c: [T], _ v: (Int) -> T) -> T {
        (c[1] * v(1)).addingProduct(c[0], v(0)) + c[2] * v(2) + c[3] * v(3)
    }

    /// The four rows combined: `c₀·r₀` rounded, then each later product fused into the sum.
    static func columnSum<T: NNFloat>(_ c: [T], _ r: [T]) -> T {
        (c[0] * r[0]).addingProduct(c[1], r[1]).addingProduct(c[2], r[2]).addingProduct(c[3], r[3])
    }

    /// The element offset of tap (x, y) within one plane after padding, or nil when it falls
    /// outside (zeros padding only).
    static func tap<T: NNFloat>(_ x: T, _ y: T, _ ax: Axis<T>, _ ay: Axis<T>) -> Int? {
        let ix = index(ax.pad(x, 0).0), iy = index(ay.pad(y, 0).0)
        return ix >= 0 && ix < ax.size && iy >= 0 && iy < ay.size ? iy * ax.size + ix : nil
    }

    static func bicubicForward<T: NNFloat>(_ px: UnsafeMutablePointer<T>, _ pg: UnsafeMutablePointer<T>, _ po: UnsafeMutablePointer<T>,
                                           n: Int, c: Int, h: Int, w: Int, points: Int, _ ax: Axis<T>, _ ay: Axis<T>) {
        for b in 0..<n {
            for p in 0..<points {
                let x = ax.unnormalize(pg[(b * points + p) * 2]), y = ay.unnormalize(pg[(b * points + p) * 2 + 1])
                let fx = x.rounded(.down), fy = y.rounded(.down)
                let cx = cubicWeights(x - fx), cy = cubicWeights(y - fy)
                let taps = (0..<4).map { j in (0..<4).map { i in tap(fx + T(i - 1), fy + T(j - 1), ax, ay) } }
                for ch in 0..<c {
                    let plane = px + (b * c + ch) * h * w
                    func value(_ o: Int?) -> T { o.map { plane[$0] } ?? 0 }
                    let rows = (0..<4).map { j in rowSum(cx) { value(taps[j][$0]) } }
                    po[(b * c + ch) * points + p] = columnSum(cy, rows)
                }
            }
        }
    }

    /// Input gradient scattered chunk by chunk (AVX2 vectors of grid points), channel by
    /// channel, x tap outer and y tap inner, lane by lane; grid gradient accumulated per lane.
    static func bicubicBackward<T: NNFloat>(_ pgo: UnsafeMutablePointer<T>, _ px: UnsafeMutablePointer<T>, _ pg: UnsafeMutablePointer<T>,
                                            _ pgi: UnsafeMutablePointer<T>, _ pgg: UnsafeMutablePointer<T>, needInput: Bool,
                                            n: Int, c: Int, h: Int, w: Int, points: Int, _ ax: Axis<T>, _ ay: Axis<T>) {
        let step = vectorWidth(T.self)
        for b in 0..<n {
            var start = 0
            while start < points {
                let chunk = Array(start..<Swift.min(points, start + step))
                let lanes = chunk.map { p -> CubicLane<T> in
                    let x = ax.unnormalize(pg[(b * points + p) * 2]), y = ay.unnormalize(pg[(b * points + p) * 2 + 1])
                    let fx = x.rounded(.down), fy = y.rounded(.down)
                    let taps = (0..<4).map { i in (0..<4).map { j in tap(fx + T(i - 1), fy + T(j - 1), ax, ay) } }
                    // ATen's float32 builds of this kernel with and without the input
                    // gradient round the tap polynomials differently (float64's do not).
                    let fused = !needInput && T.self == Float.self
                    return CubicLane(cx: cubicWeights(x - fx, fusedOuter: fused), cy: cubicWeights(y - fy, fusedOuter: fused),
                                     sx: cubicWeightSlopes(x - fx, fused: fused), sy: cubicWeightSlopes(y - fy, fused: fused), taps: taps)
                }
                var gx = [T](repeating: 0, count: chunk.count), gy = gx
                for ch in 0..<c {
                    let plane = px + (b * c + ch) * h * w, gplane = pgi + (b * c + ch) * h * w
                    let gout = pgo + (b * c + ch) * points
                    for i in 0..<4 {
                        for j in 0..<4 {
                            if needInput {
                                for (k, p) in chunk.enumerated() {
                                    if let o = lanes[k].taps[i][j] { gplane[o] += gout[p] * lanes[k].cx[i] * lanes[k].cy[j] }
                                }
                            }
                            for (k, p) in chunk.enumerated() {
                                let q = lanes[k]
                                let v = q.taps[i][j].map { plane[$0] } ?? 0
                                let vg = v * gout[p]
                                gx[k] = gx[k].addingProduct(-(vg * q.sx[i]), q.cy[j])
                                gy[k] = gy[k].addingProduct(-(vg * q.sy[j]), q.cx[i])
                            }
                        }
                    }
                }
                for (k, p) in chunk.enumerated() {
                    pgg[(b * points + p) * 2] = gx[k] * ax.scale
                    pgg[(b * points + p) * 2 + 1] = gy[k] * ay.scale
                }
                start += step
            }
        }
    }
}
