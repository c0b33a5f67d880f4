import Interpreter

/// The embedded Python sources of `torch.nn`, `torch.nn.functional`, `torch.nn.init`,
/// `torch.optim`, `torch.optim.lr_scheduler`, `torch.utils.data` and `torch.linalg`
/// (folder `Python/`, described in its README). They are compiled into the binary as string
/// literals (`EmbeddedPython.swift`, written by `scripts/embed-python`), so a copied
/// `gradbook` needs no resource bundle beside it.
public enum NNSources {
    /// Module names, in no particular order: each is loaded lazily at its first import.
    public static let moduleNames = ["torch.nn", "torch.nn.functional", "torch.nn.init", "torch.optim",
                                     "torch.optim.lr_scheduler", "torch.utils.data", "torch.linalg",
                                     "torch.autograd.function", "torch.autograd.gradcheck",
                                     "torch.autograd.functional", "torch.autograd.forward_ad", "torch.autograd._forward_rules", "torch.autograd.anomaly_mode", "torch.autograd.grad_mode", "torch.autograd.graph", "torch.nn.utils", "torch.nn.utils.rnn", "torch.nn.utils.parametrize", "torch.nn.utils.parametrizations", "torch.optim.swa_utils", "torch.func", "torch._nn_aliases"]

    /// The text registered for `name`, or nil when there is none.
    public static func source(of name: String) -> String? { embedded[name] }

    /// Registers every module with `interp` (they load on first import). `torch.utils` is an
    /// empty package module when the host has not registered one.
    public static func register(into interp: Interpreter) {
        for name in moduleNames {
            guard let text = source(of: name) else {
                preconditionFailure("EmbeddedPython.swift lacks the Python source of \(name) (run `make embed`)")
            }
            interp.registerSourceModule(name: name, source: text, file: "<\(name.replacing(".", with: "/")).py>")
        }
    }
}
