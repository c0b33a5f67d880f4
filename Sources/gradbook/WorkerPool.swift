#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Lessons

/// Runs lessons in worker processes (`gradbook __worker`), `jobs` at a time, so that a
/// crash, hang or runaway allocation in one lesson cannot touch another. Each worker runs
/// lesson after lesson (each in a fresh interpreter), so a lesson does not pay for starting
/// a process; a worker that crashes or outlives its lesson's time budget (and is killed)
/// fails that lesson only and is replaced for the next.
final class WorkerPool: @unchecked Sendable {
    private let executable: String
    private let jobs: Int
    /// Guards `next` and the `completed` calls.
    private let lock = DispatchQueue(label: "gradbook.worker-pool")
    /// Index of the next lesson to hand to a worker; guarded by `lock`.
    private var next = 0

    init(jobs: Int) {
        self.executable = Self.thisExecutable
        self.jobs = max(1, jobs)
    }

    /// This very binary runs the workers.
    private static var thisExecutable: String {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 { return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #elseif canImport(Darwin)
        var size: UInt32 = 4096
        var buffer = [CChar](repeating: 0, count: Int(size))
        if _NSGetExecutablePath(&buffer, &size) == 0 { return String(cString: buffer) }
        #endif
        return CommandLine.arguments[0]
    }

    /// Runs every lesson; `completed` is called (serialised, in any order) as each finishes.
    func run(_ lessons: [Lesson], completed: @escaping @Sendable (Int, LessonResult) -> Void) {
        next = 0
        // A worker writing to a worker that died must see EPIPE, not die of the signal.
        signal(SIGPIPE, SIG_IGN)
        let workers = min(jobs, lessons.count)
        let environment = Self.workerEnvironment(workers: workers)
        let group = DispatchGroup()
        for slot in 0..<workers {
            DispatchQueue(label: "gradbook.worker-\(slot)").async(group: group) { [self] in
                var worker: WorkerProcess?
                while let index = takeNext(lessons.count) {
                    if worker == nil || worker!.ended {
                        switch WorkerProcess.start(executable: executable, environment: environment) {
                        case .success(let started): worker = started
                        case .failure(let failure):
                            worker = nil
                            finished(index, LessonResult(lesson: lessons[index], run: .brokenDown(
                                lessons[index], reason: "worker did not start: \(failure.description)", seconds: 0)), completed)
                            continue
                        }
                    }
                    let result = Self.run(lessons[index], in: worker!)
                    finished(index, result, completed)
                }
                worker?.finish()
            }
        }
        group.wait()
    }

    private func takeNext(_ count: Int) -> Int? {
        lock.sync {
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    private func finished(_ index: Int, _ result: LessonResult, _ completed: (Int, LessonResult) -> Void) {
        lock.sync { completed(index, result) }
    }

    /// The workers' environment: a crash ends a worker at once (the pool reports it; a
    /// backtrace would only cost seconds), and the cores are shared among the workers that
    /// run at once. Two workers on two cores that each woke a thread per core (OpenBLAS's
    /// threads spin-yield after every call) spent a third of their CPU time fighting over them.
    static func workerEnvironment(workers: Int) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let threads = String(max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, workers)))
        for name in ["GRADBOOK_THREADS", "OPENBLAS_NUM_THREADS"] where environment[name] == nil {
            environment[name] = threads
        }
        return environment
    }

    /// Seconds past its own time limit after which a cell stuck in native code (where the
    /// limit is not polled) has its worker killed. `GRADBOOK_CELL_MARGIN` overrides it (tests).
    static let cellMargin = WorkerFault.cellMargin ?? 5

    /// The time after which a worker is killed: every cell's own limit, plus a margin.
    static func budget(for lesson: Lesson) -> Double {
        let margin = WorkerFault.budgetMargin ?? 10
        let cells = lesson.cells.filter { !$0.options.skip }.reduce(0) { $0 + lesson.timeout(for: $1) + 1 }
        return margin + min(cells, Lesson.maxLessonSeconds)
    }

    private static func run(_ lesson: Lesson, in worker: WorkerProcess) -> LessonResult {
        let start = ContinuousClock.now
        let cellLimits = lesson.cells.map { lesson.timeout(for: $0) + cellMargin }
        let answer = worker.run(lesson.path, budget: budget(for: lesson), cellLimits: cellLimits)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        switch answer {
        case .line(let line):
            if let run = try? JSONDecoder().decode(LessonRun.self, from: Data(line)), run.cells.count == lesson.cells.count {
                return LessonResult(lesson: lesson, run: run)
            }
            // The worker and the pool disagree about the lesson: do not trust that worker again.
            worker.finish()
            return LessonResult(lesson: lesson, run: .brokenDown(lesson, reason: "worker gave an unreadable result", seconds: seconds))
        case .ended(let reason, let progress):
            // Name the cell that was running, by the line its time limit and errors name.
            var located = reason
            if let cell = progress.running, cell < lesson.cells.count {
                let c = lesson.cells[cell]
                located += " in the cell at \(c.answerFile ?? lesson.path):\(c.firstSourceLine)"
            }
            return LessonResult(lesson: lesson, run: progress.partialRun(lesson, reason: located, seconds: seconds))
        }
    }
}
