import Tensors

/// The host's side of anomaly mode: the forward stack to keep on each node made while it
/// is on, and where backward's "Error detected in ..." warning goes. The binding that knows
/// the interpreter supplies both; this layer knows nothing of Python.
public final class AnomalyReporter: @unchecked Sendable {
    let forwardStack: () -> String
    let warn: (String) -> Void

    public init(forwardStack: @escaping () -> String, warn: @escaping (String) -> Void) {
        self.forwardStack = forwardStack
        self.warn = warn
    }
}

/// Anomaly switches as one thread hands them to the next (see `GradMode.Carried`).
struct AnomalySettings: @unchecked Sendable {
    let enabled: Bool
    let checkNan: Bool
    let reporter: AnomalyReporter?
}

/// `torch.autograd.detect_anomaly` / `set_detect_anomaly`: PyTorch's AnomalyMode.
public enum AnomalyMode {
    public static var isEnabled: Bool { GradMode.current.anomalyEnabled }
    public static var checksNan: Bool { GradMode.current.anomalyCheckNan }

    /// `torch.set_anomaly_enabled(enabled, check_nan)`.
    public static func set(_ enabled: Bool, checkNan: Bool, reporter: AnomalyReporter?) {
        let s = GradMode.current
        s.anomalyEnabled = enabled
        s.anomalyCheckNan = checkNan
        if let reporter { s.anomalyReporter = reporter }
    }

    /// The stack a node made now keeps (nil when anomaly mode is off).
    @inline(__always)
    static func forwardTrace(_ state: GradMode) -> String? {
        guard state.anomalyEnabled, let r = state.anomalyReporter else { return nil }
        return r.forwardStack()
    }

    /// PyTorch's engine check after a node ran with `check_nan`: a NaN in any gradient the
    /// node returned is an error naming the node and the output.
    static func checkNan(_ node: Node, _ results: [Tensor?]) throws(TensorError) {
        for (i, g) in results.enumerated() {
            guard let g, g.dtype.isFloatingPoint else { continue }
            if case .bool(true) = try g.unary(.isnan).any().item() {
                throw .runtime("Function '\(node.name)' returned nan values in its \(i)th output.")
            }
        }
    }

    /// The warning PyTorch's engine issues when a node fails with anomaly mode on
    /// (python_anomaly_mode.cpp's print_stack), without its "Triggered internally at"
    /// build path.
    static func reportFailure(of node: Node) {
        guard let r = GradMode.current.anomalyReporter else { return }
        if let trace = node.anomalyTrace {
            var t = Substring(trace)
            while t.last == "\n" { t = t.dropLast() }
            r.warn("Error detected in \(node.name). Traceback of forward call that caused the error:\n\(t)")
        } else {
            r.warn("Error detected in \(node.name). No forward pass information available. Enable detect anomaly during forward pass for more information.")
        }
    }
}
