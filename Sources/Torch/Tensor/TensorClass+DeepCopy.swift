import Autograd
import Interpreter
import Tensors

/// `Tensor.__deepcopy__` (and so `Parameter`'s): `copy.deepcopy` of a leaf tensor is a new
/// tensor with a copy of the data, the same `requires_grad`, a copy of `.grad`, and the
/// same class, as in PyTorch (attributes set on the tensor object are not copied). Without it `copy.deepcopy(module)` (TransformerEncoder's
/// layer clones) would share storage and gradient accumulation with the original.
extension TorchRuntime {
    func addTensorDeepCopy(_ cls: PyClass) {
        cls.addMethod("__deepcopy__") { [unowned self] interp, s, _ in
            guard case .object(let o) = s, let inst = o as? PyInstance, let t = inst.payload as? Tensor else {
                throw PyError.typeError("__deepcopy__() requires a Tensor")
            }
            if !t.isLeaf {
                throw PyError.runtimeError("Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment.  If you were attempting to deepcopy a module, this may be because of a torch.nn.utils.weight_norm usage, see https://github.com/pytorch/pytorch/pull/103001")
            }
            // A conjugate/negative view copies as the values it reads as (PyTorch's copy has no bit).
            let copy = try bridged { try t.resolvedMathBits().detach().clone() }
            if t.requiresGrad { _ = try bridged { try copy.requiresGrad_(true) } }
            if let g = t.grad { try bridged { try copy.setGrad(try g.detach().clone()) } }
            return adopt(copy, as: inst.cls)
        }
    }
}
