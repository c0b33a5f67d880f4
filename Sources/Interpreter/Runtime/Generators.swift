import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a generator function's body on its own thread, handing control back and forth at
/// each `yield`, so the tree-walking evaluator can suspend anywhere. Only one side runs at
/// a time.
final class GeneratorRunner: @unchecked Sendable {
    let frame: Frame
    private let toGenerator = DispatchSemaphore(value: 0)
    private let toCaller = DispatchSemaphore(value: 0)
    private(set) var started = false
    private(set) var finished = false
    private(set) var running = false
    private var sent: PyValue = .none
    private var yielded: PyValue = .none
    private var thrownIn: PyError?
    private var failure: Error?
    private var closing = false
    /// The exceptions the suspended body is handling (it yielded inside `except`): they
    /// are its own, not the caller's, so they leave with it and come back when it resumes.
    private var ownHandling: [PyError] = []
    /// The iterator a `yield from` in the body is delegating to (`gi_yieldfrom`).
    var delegate: PyValue?

    /// Whether the session still exists; a suspended body cannot be unwound after it is gone.
    private let life: SessionLife

    init(frame: Frame) {
        self.frame = frame
        life = frame.interp.life
    }

    /// Resumes the body; returns the next yielded value, nil when the body returned.
    func resume(send: PyValue, throwing: PyError? = nil) throws -> PyValue? {
        if finished { return nil }
        if running { throw PyError.valueError("generator already executing") }
        sent = send
        thrownIn = throwing
        running = true
        let interp = frame.interp
        let savedDepth = interp.depth
        let savedFrame = interp.currentFrame
        let callerHandling = interp.handling
        interp.handling = callerHandling + ownHandling
        defer {
            interp.currentFrame = savedFrame
            ownHandling = interp.handling.count > callerHandling.count ? Array(interp.handling[callerHandling.count...]) : []
            interp.handling = callerHandling
        }
        // One logical Python thread runs on two OS threads: the host's per-thread state
        // (grad mode) goes with whichever side runs, as it would stay with the one thread
        // in CPython (`with torch.no_grad():` around a loop covers the generator's body).
        interp.leaveThread()
        if !started {
            started = true
            interp.track(self)
            let me = self
            GeneratorThreads.shared.run { me.body() }
        } else {
            toGenerator.signal()
        }
        toCaller.wait()
        interp.enterThread()
        interp.depth = savedDepth
        running = false
        if let e = failure { failure = nil; throw e }
        if finished { return nil }
        return yielded
    }

    private func body() {
        frame.interp.enterThread()
        do {
            if let t = thrownIn { thrownIn = nil; throw t }
            try frame.interp.runFrame(frame)
        } catch let e as PyError where !closing && frame.interp.errorIs(e, "StopIteration") {
            // PEP 479: a StopIteration leaving a generator's body becomes a RuntimeError.
            let interp = frame.interp
            let stop = interp.materialize(e)
            stop.traceback = e.traceback
            let r = PyError.runtimeError("generator raised StopIteration")
            let inst = interp.materialize(r)
            inst.attributes.set(N.__cause__, .object(stop))
            inst.attributes.set(N.__context__, .object(stop))
            inst.attributes.set(N.__suppress_context__, .true)
            failure = r
        } catch {
            if !closing { failure = error }
        }
        finished = true
        frame.generator = nil
        frame.interp.leaveThread()
        toCaller.signal()
    }

    /// Called on the generator's thread by `yield`.
    func yield(_ v: PyValue) throws -> PyValue {
        yielded = v
        frame.interp.leaveThread()
        toCaller.signal()
        toGenerator.wait()
        frame.interp.enterThread()
        if closing { throw PyError(type: "GeneratorExit", args: []) }
        if let t = thrownIn { thrownIn = nil; throw t }
        return sent
    }

    /// Ends a suspended body (its `finally` blocks run) so its thread exits. A body being
    /// closed can release its own generator object while it unwinds (its frame holds it),
    /// whose `deinit` closes it again on its own thread: that second call must not wait.
    /// True when the body caught `GeneratorExit` and yielded again (CPython's `close()`
    /// then raises `RuntimeError: generator ignored GeneratorExit`); it stays suspended.
    @discardableResult
    func close() -> Bool {
        // Closing one that never started ends it: `gi_frame` is None, `next` stops.
        if !started && !running { finished = true; return false }
        guard started, !finished, !closing, life.alive else { return false }
        closing = true
        let interp = frame.interp
        // As in `resume`: the body's frame, unwinding, sets `currentFrame` back to the frame that
        // first resumed it, which may be gone by now (a generator left suspended in an earlier
        // lesson cell and released in a later one); the closer's own frame and depth must stay.
        unowned(unsafe) let savedFrame = interp.currentFrame
        let savedDepth = interp.depth
        let callerHandling = interp.handling
        interp.handling = callerHandling + ownHandling
        interp.leaveThread()
        toGenerator.signal()
        toCaller.wait()
        interp.enterThread()
        interp.currentFrame = savedFrame
        interp.depth = savedDepth
        ownHandling = interp.handling.count > callerHandling.count ? Array(interp.handling[callerHandling.count...]) : []
        interp.handling = callerHandling
        if !finished { closing = false; return true }
        return false
    }
}

/// A generator object returned by calling a generator function.
final class PyGenerator: PyIteratorObject {
    let runner: GeneratorRunner
    let name: String
    /// The function's qualname, which the repr shows (`<generator object A.gen at 0x…>`).
    let qualname: String
    init(frame: Frame, name: String, qualname: String) {
        runner = GeneratorRunner(frame: frame)
        frame.generator = runner
        self.name = name
        self.qualname = qualname
    }
    override func next(_ interp: Interpreter) throws -> PyValue? { try runner.resume(send: .none) }
    override func pyClass(_ t: BuiltinTypes) -> PyClass { t.generator }
    override var lengthHint: Int? { nil }

    /// `gen.send(v)`: resumes with a value; StopIteration carries the return value.
    func send(_ v: PyValue, throwing: PyError? = nil) throws -> PyValue {
        if !runner.started && !v.isNone && throwing == nil {
            throw PyError.typeError("can't send non-None value to a just-started generator")
        }
        if let y = try runner.resume(send: v, throwing: throwing) { return y }
        throw PyError(type: "StopIteration", args: runner.frame.returnValue.isNone ? [] : [runner.frame.returnValue])
    }
    deinit { runner.close() }
}

/// Set to false when an interpreter is deinitialized.
final class SessionLife: @unchecked Sendable {
    var alive = true
}

/// A weak reference to a generator's runner.
struct WeakRunner {
    weak var runner: GeneratorRunner?
    init(_ r: GeneratorRunner) { runner = r }
}

/// Threads that generator bodies run on, kept for the next body once one finishes. A thread
/// per generator (with its 64 MiB stack mapped and unmapped) made `model.parameters()`, which
/// nests one generator per submodule, cost more in the kernel than the lesson's tensor work.
final class GeneratorThreads: @unchecked Sendable {
    static let shared = GeneratorThreads()

    private let lock = PThreadLock()
    private var idle: [Worker] = []

    /// Runs `body` on an idle thread, or on a new one when all are busy (or suspended).
    func run(_ body: @escaping () -> Void) {
        lock.lock()
        let worker = idle.popLast()
        lock.unlock()
        if let worker {
            worker.give(body)
            return
        }
        let fresh = Worker()
        fresh.give(body)
        startThread(stackSize: 64 << 20) { [self] in fresh.loop(returning: { self.park($0) }) }
    }

    private func park(_ worker: Worker) {
        lock.lock()
        idle.append(worker)
        lock.unlock()
    }

    /// One pooled thread: waits for a body, runs it, offers itself again.
    private final class Worker: @unchecked Sendable {
        private let ready = DispatchSemaphore(value: 0)
        private var body: (() -> Void)?

        func give(_ body: @escaping () -> Void) {
            self.body = body
            ready.signal()
        }

        func loop(returning park: (Worker) -> Void) {
            while true {
                ready.wait()
                let work = body
                body = nil
                work?()
                park(self)
            }
        }
    }
}
