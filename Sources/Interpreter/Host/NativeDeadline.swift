import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The running cell's time limit as the interpreter's own long native loops see it:
/// big-int arithmetic and conversion, and string building (`'a' * 2**31`, `str.join`,
/// `center`, format widths).
///
/// The evaluator checks the deadline between Python operations (`Interpreter.tick`); one
/// native operation (`10**10**7`, `x * x` of million-digit ints) would otherwise run past it
/// until the worker's watchdog kills the lesson. Code without an interpreter at hand
/// (`BigInt`'s magnitude loops) polls `poll()` once per chunk of work and, when the time is
/// up, stops early with an unusable result and leaves the state `tripped`; the interpreter
/// operation that called it then throws the cell's `TimeoutError` (`throwIfTripped`).
/// Code that can throw calls `check()` directly.
///
/// Per thread, like the tensor kernels' `CellDeadline`: several interpreters may run at
/// once (the test suites do), and a generator's body runs on its own thread, which takes
/// the deadline over when it runs (`Interpreter.enterThread`).
enum NativeDeadline {
    final class State {
        var deadline: UInt64 = .max
        var description = ""
        var tripped = false
    }

    /// Units of work (limb products, bytes copied) between two clock reads.
    static let chunk = 1 << 20

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

    @inline(__always) private static var state: State? {
        guard let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<State>.fromOpaque(p).takeUnretainedValue()
    }

    /// Starts enforcing `deadline` (DispatchTime uptime nanoseconds, `.max` for none).
    static func begin(_ deadline: UInt64, description: String) {
        if deadline == .max && state == nil { return }
        let s: State
        if let existing = state { s = existing } else {
            s = State()
            pthread_setspecific(key, Unmanaged.passRetained(s).toOpaque())
        }
        s.deadline = deadline
        s.description = description
        s.tripped = false
    }

    /// Stops enforcing a deadline on this thread.
    static func end() {
        guard let s = state else { return }
        s.deadline = .max
        s.tripped = false
    }

    /// True (and remembered) once this thread's deadline has passed.
    static func poll() -> Bool {
        guard let s = state, s.deadline != .max else { return false }
        if s.tripped { return true }
        if DispatchTime.now().uptimeNanoseconds > s.deadline { s.tripped = true }
        return s.tripped
    }

    /// Throws the cell's `TimeoutError` when the deadline has passed (reads the clock).
    static func check() throws {
        if poll() { throw PyError.cellTimeout(state?.description ?? "") }
    }

    /// Throws the cell's `TimeoutError` when a loop stopped early for the deadline: its
    /// result is incomplete and must not reach Python. Reads no clock.
    @inline(__always) static func throwIfTripped() throws {
        if let s = state, s.tripped { throw PyError.cellTimeout(s.description) }
    }

    /// Counts `work` units and polls once a chunk's worth has accumulated; true when the
    /// deadline has passed (the caller stops early).
    @inline(__always) static func spend(_ work: Int, _ budget: inout Int) -> Bool {
        budget -= work
        if budget > 0 { return false }
        budget = chunk
        return poll()
    }
}

extension Interpreter {
    /// This thread now runs the session's Python code: it takes over the cell's deadline
    /// for native loops, and the host's per-thread state (`threadEntered`).
    func enterThread() {
        if deadline != .max { NativeDeadline.begin(deadline, description: deadlineDescription) }
        threadEntered?()
    }

    /// This thread gives the session's Python code up.
    func leaveThread() {
        threadLeaving?()
        NativeDeadline.end()
    }
}
