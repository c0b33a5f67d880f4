import Autograd
import Interpreter
import Tensors

/// `torch._nn.weight_norm_first_dim(v, g)` and `weight_norm_last_dim(v, g)`:
/// `torch._weight_norm(v, g, dim)` for dim 0 and for the last dim, PyTorch's fused
/// `_weight_norm_interface` kernels (the `nn.utils.weight_norm` hook and the
/// `parametrizations.weight_norm` parametrization take them for those dims).
extension TorchRuntime {
    func addNativeWeightNorm(_ m: PyModule) {
        for (name, lastDim) in [("weight_norm_first_dim", false), ("weight_norm_last_dim", true)] {
            m.addFunction(name) { [unowned self] _, args in
                let a = args.positional
                do {
                    let v = try tensor(a[0], "_weight_norm", "v"), g = try tensor(a[1], "_weight_norm", "g")
                    return wrap(try Differentiable.weightNormInterface(v, g, lastDim: lastDim))
                } catch let e as TensorError { throw e.python }
            }
        }
    }
}
