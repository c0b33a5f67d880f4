import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The time limit of the lesson cell running on this thread, as native loops see it.
///
/// The interpreter enforces a cell's `timeout` between Python operations; a single native
/// operation (`torch.zeros(1).expand(2**62).sum()`) would otherwise run past it for hours.
/// The host (Torch) hands the cell's deadline to the thread that runs the cell; the strided
/// loop driver polls it once per chunk of work (never per element), and a kernel whose
/// deadline passed stops early. The op then throws `TensorError.timedOut` from its backend
/// call, which the host turns into the cell's own uncatchable `TimeoutError`.
///
/// Per thread because several interpreters may run at once (the test suites do); worker
/// threads of a parallel loop poll the deadline their caller captured.
public enum CellDeadline {
    /// Elements of work between two polls: large enough that reading the clock (~25 ns) is
    /// lost in the work, small enough that the slowest kernels poll many times a second.
    static let chunk = 1 << 15

    final class State {
        var deadline: UInt64 = .max
        var description = ""
        /// Set once a poll found the deadline passed (a kernel stopped early).
        var tripped = false
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            #if canImport(Darwin)
            Unmanaged<State>.fromOpaque(pointer).release()
            #else
            if let pointer { Unmanaged<State>.fromOpaque(pointer).release() }
            #endif
        }
        return key
    }()

    @inline(__always) static var state: State? {
        guard let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<State>.fromOpaque(p).takeUnretainedValue()
    }

    private static var ownState: State {
        if let s = state { return s }
        let s = State()
        pthread_setspecific(key, Unmanaged.passRetained(s).toOpaque())
        return s
    }

    /// Starts enforcing `deadline` (DispatchTime uptime nanoseconds; `.max` for none) on this
    /// thread. `description` is the timeout's message (it names the cell's file and line).
    public static func begin(_ deadline: UInt64, description: String) {
        if deadline == .max && state == nil { return }
        let s = ownState
        s.deadline = deadline
        s.description = description
        s.tripped = false
    }

    /// Stops enforcing a deadline on this thread.
    public static func end() {
        guard let s = state else { return }
        s.deadline = .max
        s.tripped = false
    }

    /// This thread's deadline (`.max` when none), to hand to parallel workers.
    @inline(__always) static var current: UInt64 { state?.deadline ?? .max }

    /// True once `deadline` has passed.
    @inline(__always) static func passed(_ deadline: UInt64) -> Bool {
        deadline != .max && DispatchTime.now().uptimeNanoseconds > deadline
    }

    /// Polls this thread's deadline; true (and remembered) once it has passed.
    static func poll() -> Bool {
        guard let s = state, s.deadline != .max else { return false }
        if s.tripped { return true }
        if DispatchTime.now().uptimeNanoseconds > s.deadline { s.tripped = true }
        return s.tripped
    }

    /// True when a kernel on this thread stopped early for the deadline: its result is
    /// incomplete and must not be used.
    public static var tripped: Bool { state?.tripped ?? false }

    /// The message of this thread's cell timeout, while a deadline is set.
    public static var description: String? {
        guard let s = state, s.deadline != .max else { return nil }
        return s.description
    }

    /// Throws `TensorError.timedOut` when a kernel on this thread stopped for the deadline
    /// (called after kernels; reads no clock).
    @inline(__always) public static func check() throws(TensorError) {
        if let s = state, s.tripped { throw .timedOut(s.description) }
    }
}
