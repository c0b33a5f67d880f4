import Interpreter

/// `torch.distributions` and its submodules: embedded Python sources (folder `Python/`)
/// written as PyTorch writes torch/distributions, loaded at first import (or first use of
/// `torch.distributions` as an attribute).
enum DistributionSources {
    static let moduleNames = ["torch.distributions", "torch.distributions.constraints", "torch.distributions.utils",
                              "torch.distributions.transforms", "torch.distributions.kl"]

    static func register(into interp: Interpreter) {
        for name in moduleNames {
            guard let text = NNSources.source(of: name) else {
                preconditionFailure("EmbeddedPython.swift lacks the Python source of \(name) (run `make embed`)")
            }
            interp.registerSourceModule(name: name, source: text, file: "<\(name.replacing(".", with: "/")).py>")
        }
    }
}
