#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `grid_sampler_2d` as ATen's vectorised CPU kernel computes it (GridSamplerKernel.cpp):
/// bilinear, nearest and bicubic (GridSamplingBicubic.swift) sampling of (N, C, H, W) at the (x, y) positions of an
/// (N, H_out, W_out, 2) grid, with zeros, border or reflection padding.
///
/// The kernel works on AVX2 vectors of grid points (8 floats or 4 doubles): the input
/// gradient is scattered chunk by chunk, channel by channel, corner by corner, and that
/// order decides how coincident contributions round, so it is kept here. Where ATen's
/// build fuses a multiply and an add is noted at each step (checked against PyTorch 2.15).
public enum GridSampling {
    public enum Mode: Int, Sendable { case bilinear = 0, nearest = 1, bicubic = 2 }
    public enum Padding: Int, Sendable { case zeros = 0, border = 1, reflection = 2 }

    /// Source coordinate along one axis of `size` pixels, and its derivative with respect
    /// to the grid value (`apply_get_grad`).
    struct Axis<T: NNFloat> {
        let size: Int, align: Bool, padding: Padding

        var scale: T { align ? T(size - 1) / 2 : T(size) / 2 }

        /// `unnormalize`: the align_corners=False form is one fused multiply-add.
        func unnormalize(_ g: T) -> T { align ? (g + 1) * scale : T(-0.5).addingProduct(g + 1, scale) }

        /// `unnormalize` then `compute_coordinates`.
        func locate(_ g: T) -> (T, T) { pad(unnormalize(g), scale) }

        /// `compute_coordinates` (clipping or reflection of a source coordinate) and the
        /// multiplier it puts on the gradient (0 where the clip is active).
        func pad(_ x: T, _ given: T) -> (T, T) {
            var mult = given
            switch padding {
            case .zeros:
                return (x, mult)
            case .border:
                return clip(x, mult)
            case .reflection:
                let low: T = align ? 0 : -0.5
                if align && size <= 1 { return (0, 0) }
                let twice: T = align ? T(size - 1) * 2 : T(size) * 2
                let shifted = x - low
                let flips = (shifted.magnitude / twice).rounded(.towardZero)
                let extra = shifted.magnitude - flips * twice
                let reflected = twice - extra
                let more = extra > reflected
                let r = (more ? reflected : extra) + low
                if more != (shifted < 0) { mult = -mult }
                return clip(r, mult)
            }
        }

        func clip(_ x: T, _ mult: T) -> (T, T) {
            let lo = Swift.max(x, 0)
            let r = Swift.min(lo, T(size - 1))
            return (r, lo != 0 && r != T(size - 1) ? mult : 0)
        }
    }

    /// An integral coordinate as an index; NaN, infinite or huge ones land out of range
    /// (ATen's int conversion gives INT_MIN there).
    static func index<T: NNFloat>(_ v: T) -> Int { v.isFinite && v.magnitude < 1e15 ? Int(v) : -2 }

    static func vectorWidth<T>(_: T.Type) -> Int { T.self == Float.self ? 8 : 4 }

    public static func forward(_ input: Tensor, _ grid: Tensor, mode: Mode, padding: Padding, alignCorners: Bool) throws(TensorError) -> Tensor {
        if input.dtype != grid.dtype || input.rank != 4 || grid.rank != 4 || grid.sizes[3] != 2 || input.sizes[0] != grid.sizes[0] {
            throw .runtime("grid_sampler(): expected 4D input and grid of the same dtype and batch size, but got input with sizes \(shapeText(input.sizes)) and grid with sizes \(shapeText(grid.sizes))")
        }
        try requireFloat(input.dtype, op: "grid_sampler_2d_cpu")
        let x = try input.contiguous(), gr = try grid.contiguous()
        let n = x.sizes[0], c = x.sizes[1], h = x.sizes[2], w = x.sizes[3]
        let oh = gr.sizes[1], ow = gr.sizes[2], points = oh * ow
        let out = try NNBuffer.zeros([n, c, oh, ow], like: x)
        func run<T: NNFloat>(_: T.Type) {
            let px = NNBuffer.pointer(x, as: T.self), pg = NNBuffer.pointer(gr, as: T.self), po = NNBuffer.pointer(out, as: T.self)
            let ax = Axis<T>(size: w, align: alignCorners, padding: padding), ay = Axis<T>(size: h, align: alignCorners, padding: padding)
            if mode == .bicubic { return bicubicForward(px, pg, po, n: n, c: c, h: h, w: w, points: points, ax, ay) }
            for b in 0..<n {
                for p in 0..<points {
                    let (sx, _) = ax.locate(pg[(b * points + p) * 2]), (sy, _) = ay.locate(pg[(b * points + p) * 2 + 1])
                    for ch in 0..<c {
                        let plane = px + (b * c + ch) * h * w
                        func at(_ yy: Int, _ xx: Int) -> T { yy >= 0 && yy < h && xx >= 0 && xx < w ? plane[yy * w + xx] : 0 }
                        let value: T
                        if mode == .nearest {
                            value = at(index(sy.rounded(.toNearestOrEven)), index(sx.rounded(.toNearestOrEven)))
                        } else {
                            let c4 = Corners(sx, sy)
                            let ix = c4.ix, iy = c4.iy
                            // (nw·v + ne·v) + sw·v + se·v, each addition fused with the next product.
                            value = (at(iy, ix) * c4.nw).addingProduct(at(iy, ix + 1), c4.ne)
                                .addingProduct(at(iy + 1, ix), c4.sw).addingProduct(at(iy + 1, ix + 1), c4.se)
                        }
                        po[(b * c + ch) * points + p] = value
                    }
                }
            }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }

    /// Bilinear corner weights from the distances to the four sides.
    struct Corners<T: NNFloat> {
        let ix: Int, iy: Int, w: T, e: T, n: T, s: T, nw: T, ne: T, sw: T, se: T
        init(_ x: T, _ y: T) {
            let xw = x.rounded(.down), yn = y.rounded(.down)
            ix = index(xw); iy = index(yn)
            w = x - xw; e = 1 - w; n = y - yn; s = 1 - n
            nw = s * e; ne = s * w; sw = n * e; se = n * w
        }
    }

    /// Gradients for the input (nil when not needed) and the grid.
    public static func backward(_ gradOutput: Tensor, _ input: Tensor, _ grid: Tensor, mode: Mode, padding: Padding, alignCorners: Bool,
                                needInput: Bool) throws(TensorError) -> (input: Tensor?, grid: Tensor) {
        let g = try gradOutput.contiguous(), x = try input.contiguous(), gr = try grid.contiguous()
        let n = x.sizes[0], c = x.sizes[1], h = x.sizes[2], w = x.sizes[3]
        let points = gr.sizes[1] * gr.sizes[2]
        let gInput = try NNBuffer.zeros(x.sizes, like: x), gGrid = try NNBuffer.zeros(gr.sizes, like: gr)
        func run<T: NNFloat>(_: T.Type) {
            let pgo = NNBuffer.pointer(g, as: T.self), px = NNBuffer.pointer(x, as: T.self), pg = NNBuffer.pointer(gr, as: T.self)
            let pgi = NNBuffer.pointer(gInput, as: T.self), pgg = NNBuffer.pointer(gGrid, as: T.self)
            let ax = Axis<T>(size: w, align: alignCorners, padding: padding), ay = Axis<T>(size: h, align: alignCorners, padding: padding)
            if mode == .bicubic {
                return bicubicBackward(pgo, px, pg, pgi, pgg, needInput: needInput, n: n, c: c, h: h, w: w, points: points, ax, ay)
            }
            let step = vectorWidth(T.self)
            for b in 0..<n {
                var start = 0
                while start < points {
                    let chunk = start..<Swift.min(points, start + step)
                    let located = chunk.map { p in
                        (ax.locate(pg[(b * points + p) * 2]), ay.locate(pg[(b * points + p) * 2 + 1]))
                    }
                    var gx = [T](repeating: 0, count: chunk.count), gy = gx
                    for ch in 0..<c {
                        let plane = px + (b * c + ch) * h * w, gplane = pgi + (b * c + ch) * h * w
                        let gout = pgo + (b * c + ch) * points
                        func inside(_ yy: Int, _ xx: Int) -> Bool { yy >= 0 && yy < h && xx >= 0 && xx < w }
                        if mode == .nearest {
                            for (i, p) in chunk.enumerated() {
                                let xx = index(located[i].0.0.rounded(.toNearestOrEven)), yy = index(located[i].1.0.rounded(.toNearestOrEven))
                                if needInput && inside(yy, xx) { gplane[yy * w + xx] += gout[p] }
                            }
                            continue
                        }
                        let corners = located.map { Corners($0.0.0, $0.1.0) }
                        if needInput {
                            for k in 0..<4 {
                                for (i, p) in chunk.enumerated() {
                                    let q = corners[i]
                                    let yy = q.iy + k / 2, xx = q.ix + k % 2
                                    if inside(yy, xx) { gplane[yy * w + xx] += [q.nw, q.ne, q.sw, q.se][k] * gout[p] }
                                }
                            }
                        }
                        for (i, p) in chunk.enumerated() {
                            let q = corners[i]
                            func at(_ yy: Int, _ xx: Int) -> T { inside(yy, xx) ? plane[yy * w + xx] : 0 }
                            let vnw = at(q.iy, q.ix), vne = at(q.iy, q.ix + 1), vsw = at(q.iy + 1, q.ix), vse = at(q.iy + 1, q.ix + 1)
                            let dx = ((vne - vnw) * q.s).addingProduct(vse - vsw, q.n)
                            let dy = ((vsw - vnw) * q.e).addingProduct(vse - vne, q.w)
                            gx[i] = gx[i].addingProduct(dx, gout[p])
                            gy[i] = gy[i].addingProduct(dy, gout[p])
                        }
                    }
                    if mode == .bilinear {
                        for (i, p) in chunk.enumerated() {
                            pgg[(b * points + p) * 2] = gx[i] * located[i].0.1
                            pgg[(b * points + p) * 2 + 1] = gy[i] * located[i].1.1
                        }
                    }
                    start += step
                }
            }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (needInput ? gInput : nil, gGrid)
    }
}
