/// The terms of `grid_sampler_2d`'s second derivative that come from a gradient flowing
/// back into the grid gradient (`ggGrid`), for bilinear sampling.
///
/// The bilinear output is Σ over four corners of value · weight(sx, sy), with source
/// coordinates sx, sy (after unnormalisation and padding, whose multipliers mx, my are the
/// derivatives `apply_get_grad` gives). Moving the grid by ggGrid moves the source by
/// (mx·ggx, my·ggy); so
///
/// - `gradOutput` receives Σ value · (∂w/∂sx · mx·ggx + ∂w/∂sy · my·ggy) (the output's
///   directional derivative),
/// - `input` receives gradOutput · (∂w/∂sx · mx·ggx + ∂w/∂sy · my·ggy) at each corner,
/// - `grid` receives the mixed second derivative: ∂²w/∂sx∂sy is ±1, the pure ones are 0
///   (the padding multipliers are piecewise constant).
extension GridSampling {
    public static func bilinearGridTerms(_ gradOutput: Tensor, _ input: Tensor, _ grid: Tensor, _ ggGrid: Tensor, padding: Padding,
                                         alignCorners: Bool) throws(TensorError) -> (gradOutput: Tensor, input: Tensor, grid: Tensor) {
        let g = try gradOutput.contiguous(), x = try input.contiguous(), gr = try grid.contiguous(), gg = try ggGrid.contiguous()
        let n = x.sizes[0], c = x.sizes[1], h = x.sizes[2], w = x.sizes[3]
        let points = gr.sizes[1] * gr.sizes[2]
        let ggO = try NNBuffer.zeros(g.sizes, like: x), gInput = try NNBuffer.zeros(x.sizes, like: x)
        let gGrid = try NNBuffer.zeros(gr.sizes, like: gr)
        func run<T: NNFloat>(_: T.Type) {
            let pgo = NNBuffer.pointer(g, as: T.self), px = NNBuffer.pointer(x, as: T.self), pg = NNBuffer.pointer(gr, as: T.self)
            let pgg = NNBuffer.pointer(gg, as: T.self), pout = NNBuffer.pointer(ggO, as: T.self)
            let pgi = NNBuffer.pointer(gInput, as: T.self), pgrid = NNBuffer.pointer(gGrid, as: T.self)
            let ax = Axis<T>(size: w, align: alignCorners, padding: padding), ay = Axis<T>(size: h, align: alignCorners, padding: padding)
            func inside(_ yy: Int, _ xx: Int) -> Bool { yy >= 0 && yy < h && xx >= 0 && xx < w }
            for b in 0..<n {
                for p in 0..<points {
                    let at = (b * points + p) * 2
                    let (sx, mx) = ax.locate(pg[at]), (sy, my) = ay.locate(pg[at + 1])
                    let dx = mx * pgg[at], dy = my * pgg[at + 1]
                    let q = Corners(sx, sy)
                    // corner order nw, ne, sw, se: ∂w/∂sx, ∂w/∂sy, ∂²w/∂sx∂sy
                    let wx: [T] = [-q.s, q.s, -q.n, q.n], wy: [T] = [-q.e, -q.w, q.e, q.w], wxy: [T] = [1, -1, -1, 1]
                    var cross: T = 0
                    for ch in 0..<c {
                        let plane = px + (b * c + ch) * h * w, gplane = pgi + (b * c + ch) * h * w
                        let go = pgo[(b * c + ch) * points + p]
                        var moved: T = 0, mixed: T = 0
                        for k in 0..<4 {
                            let yy = q.iy + k / 2, xx = q.ix + k % 2
                            guard inside(yy, xx) else { continue }
                            let slope = wx[k] * dx + wy[k] * dy
                            moved += plane[yy * w + xx] * slope
                            mixed += plane[yy * w + xx] * wxy[k]
                            gplane[yy * w + xx] += go * slope
                        }
                        pout[(b * c + ch) * points + p] = moved
                        cross += go * mixed
                    }
                    pgrid[at] = mx * cross * dy
                    pgrid[at + 1] = my * cross * dx
                }
            }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (ggO, gInput, gGrid)
    }
}

/// The same terms for bicubic sampling: the 4×4 tap weights are products cx(tx)·cy(ty) of
/// Keys' cubic (A = −0.75) in the fractional offsets, so their first and second derivatives
/// in the source position are products of the cubic's first and second derivatives; the
/// position is only unnormalised (padding applies to the taps), so its multipliers are the
/// unnormalisation scales.
extension GridSampling {
    /// Second derivatives of the tap weights at −1, 0, 1, 2 with respect to the offset t.
    static func cubicWeightCurvatures<T: NNFloat>(_ t: T) -> [T] {
        let a = T(cubicA)
        func outer(_ x: T) -> T { 6 * a * x - 10 * a }
        func inner(_ x: T) -> T { 6 * (a + 2) * x - 2 * (a + 3) }
        return [outer(t + 1), inner(t), inner(1 - t), outer(2 - t)]
    }

    public static func bicubicGridTerms(_ gradOutput: Tensor, _ input: Tensor, _ grid: Tensor, _ ggGrid: Tensor, padding: Padding,
                                        alignCorners: Bool) throws(TensorError) -> (gradOutput: Tensor, input: Tensor, grid: Tensor) {
        let g = try gradOutput.contiguous(), x = try input.contiguous(), gr = try grid.contiguous(), gg = try ggGrid.contiguous()
        let n = x.sizes[0], c = x.sizes[1], h = x.sizes[2], w = x.sizes[3]
        let points = gr.sizes[1] * gr.sizes[2]
        let ggO = try NNBuffer.zeros(g.sizes, like: x), gInput = try NNBuffer.zeros(x.sizes, like: x)
        let gGrid = try NNBuffer.zeros(gr.sizes, like: gr)
        func run<T: NNFloat>(_: T.Type) {
            let pgo = NNBuffer.pointer(g, as: T.self), px = NNBuffer.pointer(x, as: T.self), pg = NNBuffer.pointer(gr, as: T.self)
            let pgg = NNBuffer.pointer(gg, as: T.self), pout = NNBuffer.pointer(ggO, as: T.self)
            let pgi = NNBuffer.pointer(gInput, as: T.self), pgrid = NNBuffer.pointer(gGrid, as: T.self)
            let ax = Axis<T>(size: w, align: alignCorners, padding: padding), ay = Axis<T>(size: h, align: alignCorners, padding: padding)
            for b in 0..<n {
                for p in 0..<points {
                    let at = (b * points + p) * 2
                    let sx = ax.unnormalize(pg[at]), sy = ay.unnormalize(pg[at + 1])
                    let fx = sx.rounded(.down), fy = sy.rounded(.down)
                    let tx = sx - fx, ty = sy - fy
                    let cx = cubicWeights(tx), cy = cubicWeights(ty)
                    let dcx = cubicWeightSlopes(tx).map { -$0 }, dcy = cubicWeightSlopes(ty).map { -$0 }
                    let ddcx = cubicWeightCurvatures(tx), ddcy = cubicWeightCurvatures(ty)
                    let dx = ax.scale * pgg[at], dy = ay.scale * pgg[at + 1]
                    let taps = (0..<4).map { i in (0..<4).map { j in tap(fx + T(i - 1), fy + T(j - 1), ax, ay) } }
                    var gridX: T = 0, gridY: T = 0
                    for ch in 0..<c {
                        let plane = px + (b * c + ch) * h * w, gplane = pgi + (b * c + ch) * h * w
                        let go = pgo[(b * c + ch) * points + p]
                        var moved: T = 0, curveX: T = 0, curveY: T = 0
                        for i in 0..<4 {
                            for j in 0..<4 {
                                guard let o = taps[i][j] else { continue }
                                let slope = dcx[i] * cy[j] * dx + cx[i] * dcy[j] * dy
                                let v = plane[o]
                                moved += v * slope
                                curveX += v * (ddcx[i] * cy[j] * dx + dcx[i] * dcy[j] * dy)
                                curveY += v * (dcx[i] * dcy[j] * dx + cx[i] * ddcy[j] * dy)
                                gplane[o] += go * slope
                            }
                        }
                        pout[(b * c + ch) * points + p] = moved
                        gridX += go * curveX
                        gridY += go * curveY
                    }
                    pgrid[at] = ax.scale * gridX
                    pgrid[at + 1] = ay.scale * gridY
                }
            }
        }
        if x.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return (ggO, gInput, gGrid)
    }
}
