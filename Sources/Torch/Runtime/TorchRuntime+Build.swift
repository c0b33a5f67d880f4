import Interpreter
import Tensors

/// Assembles the `torch` module the first time a cell imports it.
extension TorchRuntime {
    func buildTorch(_ interp: Interpreter, _ m: PyModule) throws {
        torchModule = m
        buildDTypes(interp, m)
        buildSize(interp, m)
        buildDevice(interp, m)
        buildReturnTypeClasses(interp)
        let defaultGenerator = buildGeneratorClass(interp, m)
        buildNodeClass(interp)
        let b = buildTensorClass(interp, m)
        bindProperties(b)
        bindArithmetic(b)
        try bindNumPyBridge(interp, m)
        bindMath(b)
        bindReductions(b)
        bindShape(b)
        bindIndexing(b)
        bindConversion(b)
        bindAutograd(b)
        bindCreation(b)
        bindRandom(b, defaultGenerator: defaultGenerator)
        bindUtilities(b)
        bindStatistics(b)
        bindInPlaceViews(b)
        bindSmallOps(b)
        bindRealDTypeIdentities(b)
        bindInPlaceTwins(b)
        bindGlobalFlags(b)
        bindTensorSplit(b)
        bindTensorMisc(b)
        bindTensorMisc2(b)
        bindLinalg(b)
        bindDistributionSamplers(b)
        bindSpecialFunctions(b)
        bindNNAliases(b)
        buildNumericInfo(interp, m)
        bindSaving(interp, m)
        bindGradModes(interp, m)
        m.add("__version__", .str(TorchVersion.matched))
        m.add("pi", .float(Double.pi))
        m.add("e", .float(2.718281828459045))
        m.add("inf", .float(.infinity))
        m.add("nan", .float(.nan))
    }
}
