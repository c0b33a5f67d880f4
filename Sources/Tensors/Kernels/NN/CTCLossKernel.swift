#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The connectionist temporal classification loss as ATen's CPU kernel computes it
/// (LossCTC.cpp): log-space α over the blank-extended target (eq. 6–8 of Graves et al.),
/// and for the gradient log-space β, the per-character log-sum of α·β (eq. 16), then
/// `(exp(lp) − exp(lab + nll − lp)) · grad`. Everything is in the element type, with the
/// same three-term log-sum-exp, so values and gradients match bit for bit.
public enum CTCLossKernel {
    /// Where each batch item's targets are: a flat list of class ids, a start offset per
    /// item and the step between consecutive targets.
    public struct Targets: Sendable {
        public var values: [Int]
        public var offsets: [Int]
        public var stride: Int
        public init(values: [Int], offsets: [Int], stride: Int) {
            self.values = values; self.offsets = offsets; self.stride = stride
        }
    }

    /// What the backward pass needs from the forward pass.
    public struct Saved: @unchecked Sendable {
        public let nll: Tensor
        let logAlpha: Tensor
        let maxTarget: Int
    }

    static func prime(_ t: Targets, _ b: Int, _ s: Int, _ blank: Int) -> Int {
        s % 2 == 0 ? blank : t.values[t.offsets[b] + t.stride * (s / 2)]
    }

    /// `log_probs` (T, B, C) contiguous float32/float64 → negative log likelihood per item (B).
    public static func forward(_ logProbs: Tensor, targets: Targets, inputLengths: [Int], targetLengths: [Int],
                               blank: Int) throws(TensorError) -> Saved {
        let lp = try logProbs.contiguous()
        let tMax = lp.sizes[0], batch = lp.sizes[1], classes = lp.sizes[2]
        let maxTarget = targetLengths.max() ?? 0
        let width = 2 * maxTarget + 1
        let alpha = try Tensor.full([batch, tMax, width], .float(-Double.infinity), dtype: lp.dtype, device: lp.device)
        let nll = try Tensor(empty: [batch], dtype: lp.dtype, device: lp.device)
        func run<T: NNFloat & LibmExpLog>(_: T.Type) {
            let p = NNBuffer.pointer(lp, as: T.self), la = NNBuffer.pointer(alpha, as: T.self), out = NNBuffer.pointer(nll, as: T.self)
            let neginf = -T.infinity
            for b in 0..<batch {
                let inLen = inputLengths[b], tgLen = targetLengths[b]
                func lpAt(_ t: Int, _ c: Int) -> T { p[(t * batch + b) * classes + c] }
                let a = la + b * tMax * width
                if inLen == 0 {
                    out[b] = tgLen == 0 ? 0 : T.infinity
                    continue
                }
                a[0] = lpAt(0, blank)
                if tgLen > 0 { a[1] = lpAt(0, prime(targets, b, 1, blank)) }
                for t in 1..<Swift.max(inLen, 1) {
                    for s in 0..<(2 * tgLen + 1) {
                        let cur = prime(targets, b, s, blank)
                        let la1 = a[(t - 1) * width + s]
                        var lamax = la1
                        var la2 = neginf, la3 = neginf
                        if s > 0 { la2 = a[(t - 1) * width + s - 1]; if la2 > lamax { lamax = la2 } }
                        if s > 1 && prime(targets, b, s - 2, blank) != cur {
                            la3 = a[(t - 1) * width + s - 2]; if la3 > lamax { lamax = la3 }
                        }
                        if lamax == neginf { lamax = 0 }
                        a[t * width + s] = T.libmLog(T.libmExp(la1 - lamax) + T.libmExp(la2 - lamax) + T.libmExp(la3 - lamax)) + lamax + lpAt(t, cur)
                    }
                }
                if tgLen == 0 {
                    out[b] = -a[(inLen - 1) * width]
                } else {
                    let l1 = a[(inLen - 1) * width + tgLen * 2], l2 = a[(inLen - 1) * width + tgLen * 2 - 1]
                    var m = Swift.max(l1, l2)
                    m = m == neginf ? 0 : m
                    out[b] = -(T.libmLog(T.libmExp(l1 - m) + T.libmExp(l2 - m)) + m)
                }
            }
        }
        if lp.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return Saved(nll: nll, logAlpha: alpha, maxTarget: maxTarget)
    }

    /// The gradient with respect to `log_probs` given the gradient of each item's loss.
    public static func backward(_ gradOut: Tensor, _ logProbs: Tensor, targets: Targets, inputLengths: [Int], targetLengths: [Int],
                                blank: Int, zeroInfinity: Bool, saved: Saved) throws(TensorError) -> Tensor {
        let lp = try logProbs.contiguous(), go = try gradOut.contiguous()
        let tMax = lp.sizes[0], batch = lp.sizes[1], classes = lp.sizes[2]
        let width = 2 * saved.maxTarget + 1
        let grad = try Tensor.full(lp.sizes, .float(-Double.infinity), dtype: lp.dtype, device: lp.device)
        let beta = try Tensor.full([batch, tMax, width], .float(-Double.infinity), dtype: lp.dtype, device: lp.device)
        func run<T: NNFloat & LibmExpLog>(_: T.Type) {
            let p = NNBuffer.pointer(lp, as: T.self), g = NNBuffer.pointer(grad, as: T.self)
            let la = NNBuffer.pointer(saved.logAlpha, as: T.self), lb = NNBuffer.pointer(beta, as: T.self)
            let nllP = NNBuffer.pointer(saved.nll, as: T.self), gop = NNBuffer.pointer(go, as: T.self)
            let neginf = -T.infinity
            for b in 0..<batch {
                let nll = nllP[b]
                func idx(_ t: Int, _ c: Int) -> Int { (t * batch + b) * classes + c }
                if zeroInfinity && nll == T.infinity {
                    for t in 0..<tMax { for c in 0..<classes { g[idx(t, c)] = 0 } }
                    continue
                }
                let inLen = inputLengths[b], tgLen = targetLengths[b]
                let a = la + b * tMax * width, be = lb + b * tMax * width
                if inLen > 0 {
                    let last = (inLen - 1) * width
                    be[last + 2 * tgLen] = p[idx(inLen - 1, blank)]
                    g[idx(inLen - 1, blank)] = a[last + 2 * tgLen] + be[last + 2 * tgLen]
                    if tgLen > 0 {
                        let cur = prime(targets, b, 2 * tgLen - 1, blank)
                        be[last + 2 * tgLen - 1] = p[idx(inLen - 1, cur)]
                        g[idx(inLen - 1, cur)] = a[last + 2 * tgLen - 1] + be[last + 2 * tgLen - 1]
                    }
                }
                var t = inLen - 2
                while t >= 0 {
                    for s in stride(from: 2 * tgLen, through: 0, by: -1) {
                        let cur = prime(targets, b, s, blank)
                        let lb1 = be[(t + 1) * width + s]
                        var lbmax = lb1
                        var lb2 = neginf, lb3 = neginf
                        if s < 2 * tgLen { lb2 = be[(t + 1) * width + s + 1]; if lb2 > lbmax { lbmax = lb2 } }
                        if s < 2 * tgLen - 1 && prime(targets, b, s + 2, blank) != cur {
                            lb3 = be[(t + 1) * width + s + 2]; if lb3 > lbmax { lbmax = lb3 }
                        }
                        if lbmax == neginf { lbmax = 0 }
                        be[t * width + s] = T.libmLog(T.libmExp(lb1 - lbmax) + T.libmExp(lb2 - lbmax) + T.libmExp(lb3 - lbmax)) + lbmax + p[idx(t, cur)]
                        let lab = a[t * width + s] + be[t * width + s]
                        let lcab = g[idx(t, cur)]
                        if lcab == neginf {
                            g[idx(t, cur)] = lab
                        } else {
                            let mx = Swift.max(lcab, lab)
                            g[idx(t, cur)] = T.libmLog(T.libmExp(lcab - mx) + T.libmExp(lab - mx)) + mx
                        }
                    }
                    t -= 1
                }
                let gr = gop[b]
                for t in 0..<inLen {
                    for c in 0..<classes {
                        let lpv = p[idx(t, c)]
                        g[idx(t, c)] = (T.libmExp(lpv) - T.libmExp(g[idx(t, c)] + nll - lpv)) * gr
                    }
                }
                for t in inLen..<Swift.max(inLen, tMax) { for c in 0..<classes { g[idx(t, c)] = 0 } }
            }
        }
        if lp.dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return grad
    }
}

/// `exp` and `log` through the C library (as ATen's `std::exp`/`std::log` call them).
protocol LibmExpLog {
    static func libmExp(_ x: Self) -> Self
    static func libmLog(_ x: Self) -> Self
}

extension Float: LibmExpLog {
    static func libmExp(_ x: Float) -> Float { expf(x) }
    static func libmLog(_ x: Float) -> Float { logf(x) }
}

extension Double: LibmExpLog {
    static func libmExp(_ x: Double) -> Double { Glibc.exp(x) }
    static func libmLog(_ x: Double) -> Double { Glibc.log(x) }
}
