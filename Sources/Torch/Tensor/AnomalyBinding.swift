import Autograd
import Interpreter

/// `torch.set_anomaly_enabled`, `torch.is_anomaly_enabled`, `torch.is_anomaly_check_nan_enabled`:
/// the native switches under `torch.autograd.detect_anomaly` / `set_detect_anomaly`
/// (Python/torch.autograd.anomaly_mode.py). Turning anomaly mode on hands Autograd a
/// reporter that takes the interpreter's stack for each new node and shows backward's
/// "Error detected in ..." as a UserWarning at the line that ran backward.
extension TorchRuntime {
    func bindAnomalyMode(_ interp: Interpreter, _ m: PyModule) {
        let reporter = AnomalyReporter(
            forwardStack: { [unowned interp] in interp.stackSummary() },
            warn: { [unowned interp] message in interp.warn(message) })
        let setSig = Signature("set_anomaly_enabled", ["enabled", "check_nan"], required: 1)
        m.addFunction("set_anomaly_enabled") { [unowned self] _, args in
            let bound = try args.bind(setSig)
            let enabled = truthy(bound[0]!)
            let checkNan = bound.given(1).map { truthy($0) } ?? true
            AnomalyMode.set(enabled, checkNan: checkNan, reporter: enabled ? reporter : nil)
            return .none
        }
        m.addFunction("is_anomaly_enabled") { _, _ in .bool(AnomalyMode.isEnabled) }
        m.addFunction("is_anomaly_check_nan_enabled") { _, _ in .bool(AnomalyMode.checksNan) }
    }
}
