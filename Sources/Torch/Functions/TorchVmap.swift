import Interpreter

/// `torch.vmap`: PyTorch's top-level name for `torch.func.vmap` (the embedded `torch.func`
/// source, loaded at first use); the call is forwarded with its arguments unchanged.
extension TorchRuntime {
    func bindVmapAlias(_ b: Binder) {
        b.free("vmap") { interp, args in
            let module = try interp.importModule("torch.func")
            guard let vmap = module["vmap"] else {
                throw PyError.attributeError("module 'torch' has no attribute 'vmap'")
            }
            return try interp.call(vmap, args)
        }
    }
}
