import Autograd
import Interpreter
import NumPy
import Tensors

/// The entry point for hosts (the lesson runner, `gradbook exec`): registers `torch` and
/// its submodules with an interpreter. Registration is lazy — nothing is built until a
/// cell first imports `torch`, so sessions that never use it pay nothing.
public enum TorchModule {
    /// Whether a CUDA device can run tensors here: a CUDA backend is registered with
    /// `Backends` (for the process, or for the current task in tests);
    /// `torch.cuda.is_available()` says the same.
    public static var cudaAvailable: Bool { Backends.cudaDeviceCount > 0 }

    /// Registers `torch` (and `torch.cuda`, `torch.autograd`, ...) with `interp`; the
    /// session's default generator starts seeded with `seed`. Returns the hooks the lesson
    /// runner uses for teaching visuals (and registers `torchviz`).
    @discardableResult
    public static func install(into interp: Interpreter, seed: UInt64 = 0) -> TeachingHooks {
        _ = CUDALoading.installed
        let runtime = TorchRuntime(seed: seed)
        NumPyModule.install(into: interp) { numpy in runtime.configureNumPy(numpy) }
        interp.registerModule(name: "torch") { interp, module in
            try runtime.buildTorch(interp, module)
            runtime.bindNNMethods(interp)
        }
        interp.registerModule(name: "torch.cuda") { interp, module in
            runtime.buildCuda(interp, module)
        }
        interp.registerModule(name: "torch.autograd") { interp, module in
            try runtime.buildAutograd(interp, module)
        }
        interp.registerModule(name: "torch._autograd") { interp, module in
            try runtime.buildNativeAutograd(interp, module)
        }
        interp.registerModule(name: "torch.serialization") { interp, module in
            runtime.buildSerialization(interp, module)
        }
        interp.registerModule(name: "torch.return_types") { interp, module in
            runtime.buildReturnTypes(interp, module)
        }
        // torch.nn, torch.optim, torch.utils.data (embedded sources) and their natives.
        interp.registerModule(name: "torch._nn") { interp, module in
            try runtime.buildNativeNN(interp, module)
        }
        interp.registerSourceModule(name: "torch.utils", source: "")
        NNSources.register(into: interp)
        TensorSideSources.register(into: interp)
        DistributionSources.register(into: interp)
        BackendsSources.register(into: interp)
        carryGradMode(across: interp)
        CellDeadlineBridge.install(on: interp)
        let hooks = TeachingHooks(interp: interp, runtime: runtime)
        hooks.registerTorchviz()
        return hooks
    }

    /// Grad mode and the node sequence counter are per thread and every cell runs on a
    /// fresh thread: hand what a cell leaves behind (`torch.set_grad_enabled(False)`, the
    /// count of nodes made so far) to the next cell's thread.
    private static func carryGradMode(across interp: Interpreter) {
        let carried = GradModeCarry()
        // Devices registered for the task that made the session (tests' stand-in cuda:0).
        let devices = Backends.scopedBackends
        interp.threadEntered = {
            if let saved = carried.saved { GradMode.adopt(saved) }
            Backends.adoptOnThisThread(devices)
        }
        interp.threadLeaving = { carried.saved = GradMode.carry() }
    }
}

/// The grad mode one cell's thread left for the next.
private final class GradModeCarry {
    var saved: GradMode.Carried?
}
