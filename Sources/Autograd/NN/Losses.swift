import Foundation
import Tensors

/// How a loss folds its per-element values (PyTorch's `reduction`).
public enum LossReduction: String, Sendable {
    case none, mean, sum

    func apply(_ loss: Tensor) throws(TensorError) -> Tensor {
        switch self {
        case .none: loss
        case .mean: try loss.mean()
        case .sum: try loss.sum()
        }
    }

    /// The factor a reduced loss's gradient carries to each element.
    func gradientScale(numel: Int) -> Double { self == .mean ? 1 / Double(numel) : 1 }
}

/// Element-wise losses PyTorch computes natively: binary cross-entropy and smooth L1.
/// (NLL and MSE come from the Autograd layer's own nodes.)
public enum ElementwiseLoss {
    static func sameShape(_ a: Tensor, _ b: Tensor) throws(TensorError) {
        if a.sizes != b.sizes {
            throw .value("Using a target size (\(shapeTextTorch(b.sizes))) that is different to the input size (\(shapeTextTorch(a.sizes))) is deprecated. Please ensure they have the same size.")
        }
    }

    /// Applies `f(x, t)` to each pair, in the input's float type.
    static func map(_ a: Tensor, _ b: Tensor, op: String, _ f: (Double, Double) throws(TensorError) -> Double) throws(TensorError) -> Tensor {
        try requireFloat(a.dtype, op: op)
        let x = try a.contiguous().elementsAsDouble(), t = try b.to(a.dtype).contiguous().elementsAsDouble()
        var out = [Double](repeating: 0, count: x.count)
        if a.dtype == .float32 {
            // Compute in float where PyTorch does, so results round as its kernel's do.
            for i in 0..<x.count { out[i] = Double(Float(try f(x[i], t[i]))) }
        } else {
            for i in 0..<x.count { out[i] = try f(x[i], t[i]) }
        }
        return try Tensor(values: out, shape: a.sizes, dtype: a.dtype, device: a.device)
    }

    // MARK: binary cross-entropy

    /// −w·(t·log(x) + (1−t)·log(1−x)), each log clamped at −100 as PyTorch does.
    public static func binaryCrossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: LossReduction) throws(TensorError) -> Tensor {
        try sameShape(input, target)
        var loss = try map(input, target, op: "binary_cross_entropy") { (x: Double, t: Double) throws(TensorError) -> Double in
            if !(x >= 0 && x <= 1) { throw .runtime("all elements of input should be between 0 and 1") }
            return (t - 1) * Swift.max(Foundation.log1p(-x), -100) - t * Swift.max(Foundation.log(x), -100)
        }
        if let weight { loss = try loss.mul(weight) }
        return try reduction.apply(loss)
    }

    /// g·(x − t) / max((1 − x)·x, 1e−12), times the weight.
    public static func binaryCrossEntropyBackward(_ grad: Tensor, _ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: LossReduction) throws(TensorError) -> Tensor {
        var g = try map(input, target, op: "binary_cross_entropy_backward") { (x: Double, t: Double) throws(TensorError) -> Double in
            (x - t) / Swift.max((1 - x) * x, 1e-12)
        }
        g = try g.mul(try grad.expand(input.sizes))
        if let weight { g = try g.mul(weight) }
        if reduction == .mean { g = try g.div(.float(Double(input.numel))) }
        return g
    }

    // MARK: smooth L1

    /// ½z²/β below β, z − ½β above, with z = |x − t|.
    public static func smoothL1(_ input: Tensor, _ target: Tensor, beta: Double, reduction: LossReduction) throws(TensorError) -> Tensor {
        let (a, b) = try broadcastPair(input, target)
        let loss = try map(a, b, op: "smooth_l1_loss") { (x: Double, t: Double) throws(TensorError) -> Double in
            let z = Swift.abs(x - t)
            return z < beta ? 0.5 * z * z / beta : z - 0.5 * beta
        }
        return try reduction.apply(loss)
    }

    public static func smoothL1Backward(_ grad: Tensor, _ input: Tensor, _ target: Tensor, beta: Double, reduction: LossReduction) throws(TensorError) -> Tensor {
        let (a, b) = try broadcastPair(input, target)
        var g = try map(a, b, op: "smooth_l1_loss_backward") { (x: Double, t: Double) throws(TensorError) -> Double in
            let d = x - t
            return d < -beta ? -1 : (d > beta ? 1 : d / beta)
        }
        g = try g.mul(try grad.expand(a.sizes))
        if reduction == .mean { g = try g.div(.float(Double(a.numel))) }
        return g
    }

    static func broadcastPair(_ a: Tensor, _ b: Tensor) throws(TensorError) -> (Tensor, Tensor) {
        if a.sizes == b.sizes { return (a, b) }
        let shape = try a.add(b).sizes
        return (try a.expand(shape), try b.expand(shape))
    }
}

/// `torch.Size([2, 3])`, as PyTorch's Python messages print sizes.
func shapeTextTorch(_ sizes: [Int]) -> String { "torch.Size(" + shapeText(sizes) + ")" }
