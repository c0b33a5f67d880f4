import Interpreter

/// The indexing, reduction, creation and BLAS-style names of the tensor-misc work,
/// registered from one place so `buildTorch` needs a single line for them.
extension TorchRuntime {
    func bindTensorMisc(_ b: Binder) {
        bindCountingAndSearching(b)
        bindWindows(b)
        bindIndexAccumulate(b)
        bindMoreScatters(b)
        bindPairedReductions(b)
        bindPlacement(b)
        bindUnfoldAndFill(b)
        bindAccumulatingProducts(b)
    }
}
