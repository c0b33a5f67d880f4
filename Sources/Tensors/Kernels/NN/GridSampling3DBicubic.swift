/// Bicubic (tricubic) `grid_sampler_3d`, which PyTorch 2.15 computes on 5-d input: Keys'
/// cubic with A = −0.75 along x, y and z (64 taps), the position only unnormalised and the
/// padding applied to each tap, as the 2-d bicubic kernel does.
///
/// The values and both gradients agree with PyTorch 2.15 to a few units in the last place
/// but not bit for bit: the order in which ATen's 2.15 kernel accumulates the 64 taps (and
/// which products it fuses) is not pinned down yet. Here each x row is summed, then the
/// rows along y, then the planes along z.
extension GridSampling3D {
    struct CubicPoint<T: NNFloat> {
        let cx: [T], cy: [T], cz: [T], sx: [T], sy: [T], sz: [T]
        /// Plane offsets of the 4×4×4 taps (z, y, x order), nil outside with zeros padding.
        let taps: [Int?]
    }

    static func cubicPoint<T: NNFloat>(_ g: UnsafeMutablePointer<T>, d: Int, h: Int, w: Int, _ padding: GridSampling.Padding,
                                       _ align: Bool) -> CubicPoint<T> {
        let ax = GridSampling.Axis<T>(size: w, align: align, padding: padding)
        let ay = GridSampling.Axis<T>(size: h, align: align, padding: padding)
        let az = GridSampling.Axis<T>(size: d, align: align, padding: padding)
        let x = ax.unnormalize(g[0]), y = ay.unnormalize(g[1]), z = az.unnormalize(g[2])
        let fx = x.rounded(.down), fy = y.rounded(.down), fz = z.rounded(.down)
        var taps = [Int?]()
        taps.reserveCapacity(64)
        for k in 0..<4 {
            let iz = GridSampling.index(az.pad(fz + T(k - 1), 0).0)
            for j in 0..<4 {
                let iy = GridSampling.index(ay.pad(fy + T(j - 1), 0).0)
                for i in 0..<4 {
                    let ix = GridSampling.index(ax.pad(fx + T(i - 1), 0).0)
                    let inside = ix >= 0 && ix < w && iy >= 0 && iy < h && iz >= 0 && iz < d
                    taps.append(inside ? (iz * h + iy) * w + ix : nil)
                }
            }
        }
        return CubicPoint(cx: GridSampling.cubicWeights(x - fx), cy: GridSampling.cubicWeights(y - fy),
                          cz: GridSampling.cubicWeights(z - fz), sx: GridSampling.cubicWeightSlopes(x - fx),
                          sy: GridSampling.cubicWeightSlopes(y - fy), sz: GridSampling.cubicWeightSlopes(z - fz), taps: taps)
    }

    static func bicubicForward<T: NNFloat>(_ px: UnsafeMutablePointer<T>, _ pg: UnsafeMutablePointer<T>, _ po: UnsafeMutablePointer<T>,
                                           n: Int, c: Int, d: Int, h: Int, w: Int, points: Int,
                                           _ padding: GridSampling.Padding, _ align: Bool) {
        for b in 0..<n {
            for p in 0..<points {
                let q: CubicPoint<T> = cubicPoint(pg + (b * points + p) * 3, d: d, h: h, w: w, padding, align)
                for ch in 0..<c {
                    let vol = px + (b * c + ch) * d * h * w
                    var total: T = 0
                    for k in 0..<4 {
                        var plane: T = 0
                        for j in 0..<4 {
                            var row: T = 0
                            for i in 0..<4 { row += (q.taps[(k * 4 + j) * 4 + i].map { vol[$0] } ?? 0) * q.cx[i] }
                            plane += row * q.cy[j]
                        }
                        total += plane * q.cz[k]
                    }
                    po[(b * c + ch) * points + p] = total
                }
            }
        }
    }

    static func bicubicBackward<T: NNFloat>(_ pgo: UnsafeMutablePointer<T>, _ px: UnsafeMutablePointer<T>, _ pg: UnsafeMutablePointer<T>,
                                            _ pgi: UnsafeMutablePointer<T>, _ pgg: UnsafeMutablePointer<T>, needInput: Bool,
                                            n: Int, c: Int, d: Int, h: Int, w: Int, points: Int,
                                            _ padding: GridSampling.Padding, _ align: Bool) {
        let scale = { (size: Int) -> T in align ? T(size - 1) / 2 : T(size) / 2 }
        for b in 0..<n {
            for p in 0..<points {
                let q: CubicPoint<T> = cubicPoint(pg + (b * points + p) * 3, d: d, h: h, w: w, padding, align)
                var gx: T = 0, gy: T = 0, gz: T = 0
                for ch in 0..<c {
                    let vol = px + (b * c + ch) * d * h * w, gvol = pgi + (b * c + ch) * d * h * w
                    let gOut = pgo[(b * c + ch) * points + p]
                    for k in 0..<4 {
                        for j in 0..<4 {
                            for i in 0..<4 {
                                let tap = q.taps[(k * 4 + j) * 4 + i]
                                if needInput, let o = tap { gvol[o] += gOut * q.cx[i] * q.cy[j] * q.cz[k] }
                                let v = (tap.map { vol[$0] } ?? 0) * gOut
                                gx -= v * q.sx[i] * q.cy[j] * q.cz[k]
                                gy -= v * q.cx[i] * q.sy[j] * q.cz[k]
                                gz -= v * q.cx[i] * q.cy[j] * q.sz[k]
                            }
                        }
                    }
                }
                let base = (b * points + p) * 3
                pgg[base] = gx * scale(w); pgg[base + 1] = gy * scale(h); pgg[base + 2] = gz * scale(d)
            }
        }
    }
}
