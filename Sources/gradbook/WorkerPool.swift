import Foundation
import Lessons

/// Runs lessons in worker processes (`gradbook __worker`), `jobs` at a time, so that a
/// crash, hang or runaway allocation in one lesson cannot touch another. A worker that
/// outlives its lesson's time budget is killed.
final class WorkerPool: @unchecked Sendable {
    private let executable: URL
    private let jobs: Int
    private let lock = NSLock()
    /// Index of the next lesson to hand to a worker thread; guarded by `lock`.
    private var next = 0
    /// Cores each worker may use for its kernels and BLAS: the machine's, shared among the
    /// workers that run at once. Two workers on two cores that each woke a thread per core
    /// (OpenBLAS's threads spin-yield after every call) spent a third of their CPU time
    /// fighting over the cores.
    private var threadsPerWorker = 1

    init(jobs: Int) {
        // This very binary runs the workers (`Bundle.main` reads /proc/self/exe on Linux).
        self.executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        self.jobs = max(1, jobs)
    }

    /// Runs every lesson; `completed` is called (serialised, in any order) as each finishes.
    func run(_ lessons: [Lesson], completed: @escaping @Sendable (Int, LessonResult) -> Void) {
        next = 0
        threadsPerWorker = max(1, ProcessInfo.processInfo.activeProcessorCount / min(jobs, max(1, lessons.count)))
        let group = DispatchGroup()
        for _ in 0..<min(jobs, lessons.count) {
            group.enter()
            Thread.detachNewThread { [self] in
                while true {
                    lock.lock()
                    let index = next
                    next += 1
                    lock.unlock()
                    guard index < lessons.count else { break }
                    let result = runInWorker(lessons[index])
                    lock.lock()
                    completed(index, result)
                    lock.unlock()
                }
                group.leave()
            }
        }
        group.wait()
    }

    /// The time after which a worker is killed: every cell's own limit, plus start-up margin.
    static func budget(for lesson: Lesson) -> Double {
        let margin = WorkerFault.budgetMargin ?? 10
        let cells = lesson.cells.filter { !$0.options.skip }.reduce(0) { $0 + lesson.timeout(for: $1) + 1 }
        return margin + min(cells, Lesson.maxLessonSeconds)
    }

    private func runInWorker(_ lesson: Lesson) -> LessonResult {
        let start = Date()
        let process = Process()
        process.executableURL = executable
        process.arguments = [WorkerCommand.configuration.commandName!, lesson.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        // A crash should end the worker at once: the pool reports it, a backtrace would only cost seconds.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        for name in ["GRADBOOK_THREADS", "OPENBLAS_NUM_THREADS"] where environment[name] == nil {
            environment[name] = String(threadsPerWorker)
        }
        process.environment = environment
        do {
            try process.run()
        } catch {
            return LessonResult(lesson: lesson, run: .brokenDown(lesson, reason: "worker did not start: \(error.localizedDescription)", seconds: 0))
        }
        let killed = KilledFlag()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.budget(for: lesson)) {
            if process.isRunning {
                killed.set()
                kill(pid, SIGKILL)
            }
        }
        let errorText = ErrorCollector(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        if process.terminationReason == .exit, process.terminationStatus == 0,
           let run = try? JSONDecoder().decode(LessonRun.self, from: data), run.cells.count == lesson.cells.count {
            return LessonResult(lesson: lesson, run: run)
        }
        let reason: String
        if killed.isSet {
            reason = "killed after \(Int(Self.budget(for: lesson)))s time limit"
        } else if process.terminationReason == .uncaughtSignal {
            reason = "crashed: signal \(process.terminationStatus)" + errorText.lastLine.map { " (\($0))" }.orEmpty
        } else {
            reason = "worker exited with status \(process.terminationStatus)" + errorText.lastLine.map { " (\($0))" }.orEmpty
        }
        return LessonResult(lesson: lesson, run: .brokenDown(lesson, reason: reason, seconds: seconds))
    }
}

/// Whether the pool killed a worker (set from the timer, read after the worker ended).
private final class KilledFlag: @unchecked Sendable {
    private let lock = NSLock()
    /// Index of the next lesson to hand to a worker thread; guarded by `lock`.
    private var next = 0
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// Drains a worker's standard error on another thread (so a chatty worker never blocks) and
/// keeps what names a Swift runtime trap.
private final class ErrorCollector: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// The Swift runtime's `Fatal error: ...` message if there is one, else the last line.
    var lastLine: String? {
        done.wait()
        done.signal()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        if let fatal = lines.first(where: { $0.contains("Fatal error") }), let start = fatal.range(of: "Fatal error") {
            return String(fatal[start.lowerBound...].prefix(300))
        }
        return lines.last.map { String($0.prefix(300)) }
    }
}

private extension Optional where Wrapped == String {
    var orEmpty: String { self ?? "" }
}
