import Tensors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-thread autograd switches (`torch.is_grad_enabled()`, `inference_mode`) and the
/// node sequence counter. Each interpreter session runs on one thread, so thread-local
/// state keeps parallel lessons from seeing each other's `no_grad`.
public final class GradMode {
    /// Whether ops record graph nodes (`torch.is_grad_enabled()`).
    public var isEnabled = true
    /// Whether `torch.inference_mode()` is active: nothing is recorded even where grad mode
    /// is switched back on, and new storage makes inference tensors (the Tensors layer's
    /// `InferenceAllocation` follows this switch).
    public var isInferenceMode = false {
        didSet { if isInferenceMode != oldValue { InferenceAllocation.isActive = isInferenceMode } }
    }

    /// Whether ops record graph nodes now: grad mode on and inference mode off.
    public var isRecording: Bool {
        @inline(__always) get { isEnabled && !isInferenceMode }
    }
    /// `torch.is_anomaly_enabled()`: nodes record the forward stack, backward checks for NaN.
    public var anomalyEnabled = false
    /// `torch.is_anomaly_check_nan_enabled()` (PyTorch's default is on).
    public var anomalyCheckNan = true
    /// How anomaly mode reaches the host language (forward stacks, warnings); set by the
    /// binding when it turns anomaly mode on.
    public var anomalyReporter: AnomalyReporter?
    /// Next node sequence number; later nodes run first in backward.
    var nextSequenceNr = 0
    /// Identifies one engine run, so per-node scratch fields can be reused without clearing.
    var engineEpoch = 0
    /// Engine runs in progress on this thread: more than one when a backward formula
    /// itself calls `torch.autograd.grad` (reentrant backward, as PyTorch allows).
    var activeEngineRuns = 0
    /// The `saved_tensors_hooks` stack; the last pair packs what nodes save.
    var savedTensorHooks: [SavedTensorHooks] = []
    /// Set by `disable_saved_tensors_hooks`: pushing hooks raises this message.
    var savedHooksDisabledMessage: String?
    /// A pack/unpack hook's host error waiting for the binding (`SavedTensorHookFailure`).
    var pendingHookError: Error?

    /// Engine runs are numbered process-wide, not per thread: a graph outlives the thread
    /// that built it (the interpreter runs each cell on a fresh thread), and a repeated
    /// number would make the engine trust a node's stale scratch fields.
    private static let epochLock = SpinLock()
    nonisolated(unsafe) private static var lastEpoch = 0
    static func nextEngineEpoch() -> Int {
        epochLock.withLock {
            lastEpoch &+= 1
            return lastEpoch
        }
    }

    init() {}

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<GradMode>.fromOpaque(pointer).release() }
        }
        precondition(rc == 0, "pthread_key_create failed")
        return key
    }()

    /// This thread's state, created on first use.
    public static var current: GradMode {
        @inline(__always) get {
            if let p = pthread_getspecific(key) {
                return Unmanaged<GradMode>.fromOpaque(p).takeUnretainedValue()
            }
            let state = GradMode()
            pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
            return state
        }
    }

    /// `torch.is_grad_enabled()`.
    public static var isEnabled: Bool {
        get { current.isEnabled }
        set { current.isEnabled = newValue }
    }

    /// Runs `body` with grad mode set to `enabled`, restoring the previous mode afterwards
    /// (`with torch.no_grad():` is `withGradMode(false) { ... }`).
    public static func withGradMode<R, E: Error>(_ enabled: Bool, _ body: () throws(E) -> R) throws(E) -> R {
        let state = current
        let saved = state.isEnabled
        state.isEnabled = enabled
        defer { state.isEnabled = saved }
        return try body()
    }

    /// Runs `body` in inference mode (grad mode off as well), or, with `enabled` false, with
    /// inference mode off and grad mode on, as c10's InferenceMode guard sets both.
    public static func withInferenceMode<R, E: Error>(_ enabled: Bool = true, _ body: () throws(E) -> R) throws(E) -> R {
        let state = current
        let saved = (state.isEnabled, state.isInferenceMode)
        state.isInferenceMode = enabled
        state.isEnabled = !enabled
        defer { (state.isEnabled, state.isInferenceMode) = saved }
        return try body()
    }

    /// Snapshot for context managers that enter and exit in separate calls.
    public struct Saved: Sendable {
        public let isEnabled: Bool
        public let isInferenceMode: Bool
    }

    /// Current switches, to hand back to `restore` on `__exit__`.
    public static func save() -> Saved {
        let s = current
        return Saved(isEnabled: s.isEnabled, isInferenceMode: s.isInferenceMode)
    }

    public static func restore(_ saved: Saved) {
        let s = current
        s.isEnabled = saved.isEnabled
        s.isInferenceMode = saved.isInferenceMode
    }

    /// What one thread hands the next when a session moves threads (each lesson cell runs
    /// on a fresh one): the switches and the node counter, so nodes made in a later cell
    /// still come after earlier ones in backward order, as on PyTorch's single thread.
    public struct Carried: Sendable {
        public let switches: Saved
        let nextSequenceNr: Int
        let anomaly: AnomalySettings
        let savedTensorHooks: [SavedTensorHooks]
        let savedHooksDisabledMessage: String?
    }

    public static func carry() -> Carried {
        let s = current
        return Carried(switches: save(), nextSequenceNr: s.nextSequenceNr,
                       anomaly: AnomalySettings(enabled: s.anomalyEnabled, checkNan: s.anomalyCheckNan, reporter: s.anomalyReporter),
                       savedTensorHooks: s.savedTensorHooks, savedHooksDisabledMessage: s.savedHooksDisabledMessage)
    }

    public static func adopt(_ carried: Carried) {
        restore(carried.switches)
        let s = current
        s.nextSequenceNr = Swift.max(s.nextSequenceNr, carried.nextSequenceNr)
        s.anomalyEnabled = carried.anomaly.enabled
        s.anomalyCheckNan = carried.anomaly.checkNan
        s.anomalyReporter = carried.anomaly.reporter
        s.savedTensorHooks = carried.savedTensorHooks
        s.savedHooksDisabledMessage = carried.savedHooksDisabledMessage
    }

    /// `torch.inference_mode(mode)` entered without a closure: inference mode set to `mode`
    /// and grad mode to its opposite, as c10's InferenceMode guard does.
    public static func setInferenceMode(_ enabled: Bool) {
        let s = current
        s.isInferenceMode = enabled
        s.isEnabled = !enabled
    }
}
