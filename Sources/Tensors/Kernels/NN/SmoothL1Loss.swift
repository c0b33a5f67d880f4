#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Smooth L1 (Huber-like) loss, which PyTorch computes natively. Unreduced here: the
/// caller reduces and scales the gradient (the Autograd layer owns `LossReduction`, NLL, MSE
/// and binary cross-entropy).
public enum ElementwiseLoss {
    /// Applies `f(x, t)` to each pair, in the input's float type.
    static func map(_ a: Tensor, _ b: Tensor, op: String, _ f: (Double, Double) -> Double) throws(TensorError) -> Tensor {
        try requireFloat(a.dtype, op: op)
        let x = try a.contiguous().elementsAsDouble(), t = try b.to(a.dtype).contiguous().elementsAsDouble()
        var out = [Double](repeating: 0, count: x.count)
        for i in 0..<x.count { out[i] = f(x[i], t[i]) }
        return try Tensor(values: out, shape: a.sizes, dtype: a.dtype, device: a.device)
    }

    // MARK: smooth L1

    /// ½z²/β below β, z − ½β above, with z = |x − t|; input and target broadcast.
    public static func smoothL1(_ input: Tensor, _ target: Tensor, beta: Double) throws(TensorError) -> Tensor {
        if let exact = try Tensor.smoothL1Values(input, target, beta: beta) { return exact }
        let (a, b) = try broadcastPair(input, target)
        return try map(a, b, op: "smooth_l1_loss") { x, t in
            let z = Swift.abs(x - t)
            return z < beta ? 0.5 * z * z / beta : z - 0.5 * beta
        }
    }

    /// d loss / d input times `grad` (broadcast), times `scale` (1/numel for a mean).
    public static func smoothL1Backward(_ grad: Tensor, _ input: Tensor, _ target: Tensor, beta: Double, scale: Double) throws(TensorError) -> Tensor {
        if let exact = try Tensor.smoothL1BackwardValues(grad, input, target, beta: beta, scale: scale) { return exact }
        let (a, b) = try broadcastPair(input, target)
        var g = try map(a, b, op: "smooth_l1_loss_backward") { x, t in
            let d = x - t
            return d < -beta ? -1 : (d > beta ? 1 : d / beta)
        }
        g = try g.mul(try grad.expand(a.sizes))
        if scale != 1 { g = try g.mul(.float(scale)) }
        return g
    }

    public static func broadcastPair(_ a: Tensor, _ b: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        if a.sizes == b.sizes { return (a, b) }
        let shape = try a.add(b).sizes
        return (try a.expand(shape), try b.expand(shape))
    }
}
