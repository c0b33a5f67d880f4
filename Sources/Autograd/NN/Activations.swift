import Foundation
import Tensors

/// GELU, SiLU and leaky ReLU: the activations PyTorch computes natively, with derivatives.
public enum Activation {
    /// Applies `f` to every element, computing in Double and rounding to the input's dtype.
    static func map(_ t: Tensor, op: String, _ f: (Double) -> Double) throws(TensorError) -> Tensor {
        try requireFloat(t.dtype, op: op)
        let x = try t.contiguous().elementsAsDouble()
        return try Tensor(values: x.map(f), shape: t.sizes, dtype: t.dtype, device: t.device)
    }

    /// grad · f'(x), elementwise.
    static func chain(_ grad: Tensor, _ t: Tensor, op: String, _ derivative: (Double) -> Double) throws(TensorError) -> Tensor {
        try map(t, op: op, derivative).mul(grad)
    }

    static let sqrt2 = 2.0.squareRoot()
    static let sqrt2OverPi = (2.0 / Double.pi).squareRoot()

    /// x·Φ(x) ("none") or its tanh approximation ("tanh").
    public static func gelu(_ x: Tensor, approximate: String) throws(TensorError) -> Tensor {
        if approximate == "tanh" {
            return try map(x, op: "GeluKernelImpl") { v in
                0.5 * v * (1 + Foundation.tanh(sqrt2OverPi * (v + 0.044715 * v * v * v)))
            }
        }
        if approximate != "none" { throw .runtime("approximate argument must be either none or tanh.") }
        return try map(x, op: "GeluKernelImpl") { v in 0.5 * v * (1 + Foundation.erf(v / sqrt2)) }
    }

    public static func geluBackward(_ grad: Tensor, _ x: Tensor, approximate: String) throws(TensorError) -> Tensor {
        if approximate == "tanh" {
            return try chain(grad, x, op: "GeluBackward") { v in
                let inner = sqrt2OverPi * (v + 0.044715 * v * v * v)
                let th = Foundation.tanh(inner)
                let dInner = sqrt2OverPi * (1 + 3 * 0.044715 * v * v)
                return 0.5 * (1 + th) + 0.5 * v * (1 - th * th) * dInner
            }
        }
        return try chain(grad, x, op: "GeluBackward") { v in
            0.5 * (1 + Foundation.erf(v / sqrt2)) + v * Foundation.exp(-0.5 * v * v) / (2 * Double.pi).squareRoot()
        }
    }

    /// x·sigmoid(x).
    public static func silu(_ x: Tensor) throws(TensorError) -> Tensor {
        try map(x, op: "silu") { v in v / (1 + Foundation.exp(-v)) }
    }

    public static func siluBackward(_ grad: Tensor, _ x: Tensor) throws(TensorError) -> Tensor {
        try chain(grad, x, op: "silu_backward") { v in
            let s = 1 / (1 + Foundation.exp(-v))
            return s * (1 + v * (1 - s))
        }
    }

    /// x for x > 0, slope·x otherwise.
    public static func leakyRelu(_ x: Tensor, negativeSlope: Double) throws(TensorError) -> Tensor {
        try map(x, op: "leaky_relu") { v in v > 0 ? v : v * negativeSlope }
    }

    /// The derivative looks at the output for the in-place form, which has the same sign.
    public static func leakyReluBackward(_ grad: Tensor, _ x: Tensor, negativeSlope: Double) throws(TensorError) -> Tensor {
        try chain(grad, x, op: "leaky_relu_backward") { v in v > 0 ? 1 : negativeSlope }
    }
}
