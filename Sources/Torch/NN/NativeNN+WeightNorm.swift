import Autograd
import Interpreter
import Tensors

/// `torch._nn.weight_norm_first_dim(v, g)`: `torch._weight_norm(v, g, 0)`, PyTorch's fused
/// `_weight_norm_interface` kernel (the `nn.utils.weight_norm` hook with its default dim).
extension TorchRuntime {
    func addNativeWeightNorm(_ m: PyModule) {
        m.addFunction("weight_norm_first_dim") { [unowned self] _, args in
            let a = args.positional
            do {
                let v = try tensor(a[0], "_weight_norm", "v"), g = try tensor(a[1], "_weight_norm", "g")
                return wrap(try Differentiable.weightNormFirstDim(v, g))
            } catch let e as TensorError { throw e.python }
        }
    }
}
