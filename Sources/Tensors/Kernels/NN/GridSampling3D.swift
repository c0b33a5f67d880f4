#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `grid_sampler_3d` as ATen computes it on the CPU (GridSampler.cpp, scalar code built
/// without fused multiply-adds): trilinear or nearest sampling of (N, C, D, H, W) at the
/// (x, y, z) positions of an (N, D_out, H_out, W_out, 3) grid. Every sum runs in ATen's
/// order: the eight corners tnw … bse, point by point, channel by channel. Bicubic:
/// GridSampling3DBicubic.swift.
public enum GridSampling3D {
    /// `grid_sampler_compute_source_index(_set_grad)` for one coordinate.
    static func locate<T: NNFloat>(_ g: T, _ size: Int, _ padding: GridSampling.Padding, _ align: Bool) -> (T, T) {
        var x: T, mult: T
        if align { x = ((g + 1) / 2) * T(size - 1); mult = T(size - 1) / 2 } else { x = ((g + 1) * T(size) - 1) / 2; mult = T(size) / 2 }
        func clip(_ v: T) -> (T, T) {
            if v <= 0 { return (0, 0) }
            let top = T(size - 1)
            return v >= top ? (top, 0) : (v, 1)
        }
        switch padding {
        case .zeros: break
        case .border:
            let (c, gc) = clip(x); x = c; mult = mult * gc
        case .reflection:
            let twiceLow = align ? 0 : -1, twiceHigh = align ? 2 * (size - 1) : 2 * size - 1
            var gr: T = 0
            if twiceLow == twiceHigh {
                x = 0
            } else {
                let low = T(twiceLow) / 2, span = T(twiceHigh - twiceLow) / 2
                var v = x - low
                var sign: T = 1
                if v < 0 { sign = -1; v = -v }
                let extra = v.truncatingRemainder(dividingBy: span)
                let flips = Int((v / span).rounded(.down))
                if flips % 2 == 0 { x = extra + low; gr = sign } else { x = span - extra + low; gr = -sign }
            }
            let (c, gc) = clip(x); x = c; mult = mult * gr * gc
        }
        // `safe_downgrade_to_int_range`: coordinates outside int range become −100.
        if !x.isFinite || x.magnitude > T(Int32.max - 1) { x = -100 }
        return (x, mult)
    }

    struct Cell<T: NNFloat> {
        let ix: Int, iy: Int, iz: Int
        /// (ix, iy, iz) minus the floor corner and the far corner minus (ix, iy, iz).
        let dx0: T, dx1: T, dy0: T, dy1: T, dz0: T, dz1: T
        init(_ x: T, _ y: T, _ z: T) {
            ix = Int(x.rounded(.down)); iy = Int(y.rounded(.down)); iz = Int(z.rounded(.down))
            dx0 = x - T(ix); dx1 = T(ix + 1) - x
            dy0 = y - T(iy); dy1 = T(iy + 1) - y
            dz0 = z - T(iz); dz1 = T(iz + 1) - z
        }
        /// Corners in ATen's order tnw, tne, tsw, tse, bnw, bne, bsw, bse: (dz, dy, dx) offsets and weights.
        var corners: [(Int, Int, Int, T)] {
            [(0, 0, 0, dx1 * dy1 * dz1), (0, 0, 1, dx0 * dy1 * dz1), (0, 1, 0, dx1 * dy0 * dz1), (0, 1, 1, dx0 * dy0 * dz1),
             (1, 0, 0, dx1 * dy1 * dz0), (1, 0, 1, dx0 * dy1 * dz0), (1, 1, 0, dx1 * dy0 * dz0), (1, 1, 1, dx0 * dy0 * dz0)]
        }
    }

    public static func forward(_ input: Tensor, _ grid: Tensor, mode: GridSampling.Mode, padding: GridSampling.Padding,
                               alignCorners: Bool) throws(TensorError) -> Tensor {
        if input.dtype != grid.dtype || input.rank != 5 || grid.rank != 5 || grid.sizes[4] != 3 || input.sizes[0] != grid.sizes[0] {
            throw .runtime("grid_sampler(): expected 5D input and grid of the same dtype and batch size, but got input with sizes \(shapeText(input.sizes)) and grid with sizes \(shapeText(grid.sizes))")
        }
        try requireFloat(input.dtype, op: "grid_sampler_3d_cpu")
        let x = try input.contiguous(), gr = try grid.contiguous()
        let n = x.sizes[0], c = x.sizes[1], d = x.sizes[2], h = x.sizes[3], w = x.sizes[4]
        let points = gr.sizes[1] * gr.sizes[2] * gr.sizes[3]
        let out = try NNBuffer.zeros([n, c] + Array(gr.sizes[1...3]), like: x)
        func run<T: NNFloat>(_: T.Type) {
            let px = NNBuffer.pointer(x, as: T.self), pg = NNBuffer.pointer(gr, as: T.self), po = NNBuffer.pointer(out, as: T.self)
            if mode == .bicubic {
                return bicubicForward(px, pg, po, n: n, c: c, d: d, h: h, w: w, points: points, padding, alignCorners)
            }
            for b in 0..<n {
                for p in 0..<points {
                    let base = (b * points + p) * 3
                    let sx = locate(pg[base], w, padding, alignCorners).0, sy = locate(pg[base + 1], h, padding, alignCorners).0
                    let sz = locate(pg[base + 2], d, padding, alignCorners).0
                    for ch in 0..<c {
                        let vol = px + (b * c + ch) * d * h * w
                        var r: T = 0
                        if mode == .nearest {
                            let xx = Int(sx.rounded(.toNearestOrEven)), yy = Int(sy.rounded(.toNearestOrEven)), zz = Int(sz.rounded(.toNearestOrEven))
                            if zz >= 0 && zz < d && yy >= 0 && yy < h && xx >= 0 && xx < w { r = vol[(zz * h + yy) * w + xx] }
                        } else {
                            let cell = Cell(sx, sy, sz)
                            for (oz, oy, ox, wt) in cell.corners {
                                let zz = cell.iz + oz, yy = cell.iy + oy, xx = cell.ix + ox
                                if zz >= 0 && zz < d && yy >= 0 && yy < h && xx >= 0 && xx < w { r += vol[(zz * h + yy) * w + xx] * wt }
                            }
                        }
                        po[(b * c + ch) * points + p] = r
                    }
                }
            }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }

    public static func backward(_ gradOutput: Tensor, _ input: Tensor, _ grid: Tensor, mode: GridSampling.Mode, padding: GridSampling.Padding,
                                alignCorners: Bool, needInput: Bool) throws(TensorError) -> (input: Tensor?, grid: Tensor) {
        let g = try gradOutput.contiguous(), x = try input.contiguous(), gr = try grid.contiguous()
        let n = x.sizes[0], c = x.sizes[1], d = x.sizes[2], h = x.sizes[3], w = x.sizes[4]
        let points = gr.sizes[1] * gr.sizes[2] * gr.sizes[3]
        let gInput = try NNBuffer.zeros(x.sizes, like: x), gGrid = try NNBuffer.zeros(gr.sizes, like: gr)
        func run<T: NNFloat>(_: T.Type) {
            let pgo = NNBuffer.pointer(g, as: T.self), px = NNBuffer.pointer(x, as: T.self), pg = NNBuffer.pointer(gr, as: T.self)
            let pgi = NNBuffer.pointer(gInput, as: T.self), pgg = NNBuffer.pointer(gGrid, as: T.self)
            if mode == .bicubic {
                return bicubicBackward(pgo, px, pg, pgi, pgg, needInput: needInput, n: n, c: c, d: d, h: h, w: w,
                                       points: points, padding, alignCorners)
            }
            for b in 0..<n {
                for p in 0..<points {
                    let base = (b * points + p) * 3
                    let (sx, mx) = locate(pg[base], w, padding, alignCorners), (sy, my) = locate(pg[base + 1], h, padding, alignCorners)
                    let (sz, mz) = locate(pg[base + 2], d, padding, alignCorners)
                    func inside(_ zz: Int, _ yy: Int, _ xx: Int) -> Bool { zz >= 0 && zz < d && yy >= 0 && yy < h && xx >= 0 && xx < w }
                    if mode == .nearest {
                        let xx = Int(sx.rounded(.toNearestOrEven)), yy = Int(sy.rounded(.toNearestOrEven)), zz = Int(sz.rounded(.toNearestOrEven))
                        if needInput && inside(zz, yy, xx) {
                            for ch in 0..<c { pgi[(b * c + ch) * d * h * w + (zz * h + yy) * w + xx] += pgo[(b * c + ch) * points + p] }
                        }
                        continue
                    }
                    let cell = Cell(sx, sy, sz)
                    let corners = cell.corners
                    // The grid gradient adds ±value·(two distances)·gOut per corner, as ATen writes it.
                    var gix: T = 0, giy: T = 0, giz: T = 0
                    for ch in 0..<c {
                        let vol = px + (b * c + ch) * d * h * w, gvol = pgi + (b * c + ch) * d * h * w
                        let gOut = pgo[(b * c + ch) * points + p]
                        if needInput {
                            for (oz, oy, ox, wt) in corners where inside(cell.iz + oz, cell.iy + oy, cell.ix + ox) {
                                gvol[((cell.iz + oz) * h + cell.iy + oy) * w + cell.ix + ox] += wt * gOut
                            }
                        }
                        for (oz, oy, ox, _) in corners where inside(cell.iz + oz, cell.iy + oy, cell.ix + ox) {
                            let v = vol[((cell.iz + oz) * h + cell.iy + oy) * w + cell.ix + ox]
                            let ax = ox == 0 ? cell.dx1 : cell.dx0, ay = oy == 0 ? cell.dy1 : cell.dy0, az = oz == 0 ? cell.dz1 : cell.dz0
                            let tx = v * ay * az * gOut, ty = v * ax * az * gOut, tz = v * ax * ay * gOut
                            if ox == 0 { gix -= tx } else { gix += tx }
                            if oy == 0 { giy -= ty } else { giy += ty }
                            if oz == 0 { giz -= tz } else { giz += tz }
                        }
                    }
                    pgg[base] = mx * gix; pgg[base + 1] = my * giy; pgg[base + 2] = mz * giz
                }
            }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (needInput ? gInput : nil, gGrid)
    }
}
