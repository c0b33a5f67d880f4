/// Padding that differs before and after (PyTorch's `padding="same"` with an even kernel,
/// `ConvolutionGeometry.samePadding`). ATen's `convolution_same` does not hand that to the
/// convolution: it pads a copy of the input by the difference at the end
/// (`constant_pad_nd`) and convolves the copy with the padding before on both sides; the
/// input's gradient is the copy's, cut back. oneDNN then sees the copy (its size decides
/// `use_mkldnn`), and the zeros of the copy are real taps (a zero product added) where
/// padding taps are skipped. The same is done here with the symmetric kernels.
extension OneDNNConvolution {
    /// Whether the padding differs before and after in some dimension.
    static func isAsymmetric(_ p: Convolution.Plan) -> Bool {
        p.g.padding.0.0 != p.g.padding.0.1 || p.g.padding.1.0 != p.g.padding.1.1
    }

    /// The convolution ATen runs instead: on the padded copy, with symmetric padding. Nil
    /// where the padding before exceeds the padding after (never from `samePadding`).
    static func symmetricPlan(_ p: Convolution.Plan) -> Convolution.Plan? {
        let ((top, bottom), (left, right)) = p.g.padding
        guard top <= bottom && left <= right else { return nil }
        var g = p.g
        g.padding = ((top, top), (left, left))
        return Convolution.Plan(n: p.n, c: p.c, h: p.h + bottom - top, w: p.w + right - left, oc: p.oc, kh: p.kh, kw: p.kw,
                                oh: p.oh, ow: p.ow, cg: p.cg, ocg: p.ocg, g: g)
    }

    /// The input copied into `q`'s larger planes, zeros at the end of each row and plane.
    static func padded(_ p: Convolution.Plan, _ q: Convolution.Plan, _ x: UnsafeMutablePointer<Float>) -> UnsafeMutablePointer<Float> {
        let out = UnsafeMutablePointer<Float>.allocate(capacity: max(1, q.n * q.c * q.h * q.w))
        out.initialize(repeating: 0, count: q.n * q.c * q.h * q.w)
        for plane in 0..<(p.n * p.c) {
            for row in 0..<p.h {
                (out + (plane * q.h + row) * q.w).update(from: x + (plane * p.h + row) * p.w, count: p.w)
            }
        }
        return out
    }

    static func forwardPadded(_ p: Convolution.Plan, _ q: Convolution.Plan, _ x: UnsafeMutablePointer<Float>,
                              _ w: UnsafeMutablePointer<Float>, _ bias: UnsafeMutablePointer<Float>?,
                              into y: UnsafeMutablePointer<Float>) {
        let xp = padded(p, q, x)
        defer { xp.deallocate() }
        forward(q, xp, w, bias, into: y)
    }

    static func gradInputPadded(_ p: Convolution.Plan, _ q: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>,
                                _ w: UnsafeMutablePointer<Float>, into gx: UnsafeMutablePointer<Float>) {
        let gp = UnsafeMutablePointer<Float>.allocate(capacity: max(1, q.n * q.c * q.h * q.w))
        defer { gp.deallocate() }
        gradInput(q, gy, w, into: gp)
        for plane in 0..<(p.n * p.c) {
            for row in 0..<p.h {
                (gx + (plane * p.h + row) * p.w).update(from: gp + (plane * q.h + row) * q.w, count: p.w)
            }
        }
    }

    static func gradWeightPadded(_ p: Convolution.Plan, _ q: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>,
                                 _ x: UnsafeMutablePointer<Float>, into gw: UnsafeMutablePointer<Float>) {
        let xp = padded(p, q, x)
        defer { xp.deallocate() }
        gradWeight(q, gy, xp, into: gw)
    }
}
