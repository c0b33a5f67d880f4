import Interpreter

/// `torch.special`, `torch.random` and `torch._misc2` (TensorMisc2's composites): embedded Python sources (folder `Python/`, read as
/// `NNSources` reads its own) over the native `torch` functions, loaded at first import.
enum TensorSideSources {
    static let moduleNames = ["torch.special", "torch.random", "torch._misc2", "torch.fft", "torch._stft", "torch._gradient", "torch._deprecated_norms", "torch._creation_extras", "torch._control_flow", "torch._lowrank", "torch._lobpcg", "torch.amp", "torch.cpu", "torch.cpu.amp", "torch.cuda.amp"]

    static let texts: [String: String] = {
        var texts: [String: String] = [:]
        for name in moduleNames { texts[name] = NNSources.source(of: name) }
        return texts
    }()

    static func register(into interp: Interpreter) {
        for name in moduleNames {
            guard let text = texts[name] else {
                preconditionFailure("Torch resource bundle lacks the Python source of \(name)")
            }
            interp.registerSourceModule(name: name, source: text, file: "<\(name.replacing(".", with: "/")).py>")
        }
    }
}
