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
import Lessons
import Reports

/// Runs a set of lessons in the worker pool and reports each one, in lesson order, as soon
/// as it and all before it are done. Progress is shown only when standard error is a terminal.
enum LessonBatch {
    /// `finish` turns each worker's result into the one reported and returned (e.g. after
    /// `--update` rewrote the file); it runs as each lesson completes. Malformed lessons are
    /// not run: their failed results are reported in their turn.
    static func run(_ entries: [LessonEntry], jobs: Int,
                    finish: @escaping @Sendable (LessonResult) -> LessonResult = { $0 },
                    report: @escaping @Sendable (LessonResult) -> Void) -> [LessonResult] {
        let state = BatchState(count: entries.count, report: report)
        var runnable: [(index: Int, lesson: Lesson)] = []
        for (index, entry) in entries.enumerated() {
            switch entry {
            case .parsed(let lesson): runnable.append((index, lesson))
            case .malformed(let result): state.finished(index, result)
            }
        }
        let indices = runnable.map(\.index)
        WorkerPool(jobs: jobs).run(runnable.map(\.lesson)) { position, result in
            state.finished(indices[position], finish(result))
        }
        state.clearProgress()
        return state.results
    }
}

/// Results so far, and which have been reported. Only touched under the pool's lock.
private final class BatchState: @unchecked Sendable {
    private var slots: [LessonResult?]
    private var reported = 0
    private var done = 0
    private let report: @Sendable (LessonResult) -> Void
    private let showsProgress = isatty(2) == 1

    init(count: Int, report: @escaping @Sendable (LessonResult) -> Void) {
        slots = Array(repeating: nil, count: count)
        self.report = report
    }

    var results: [LessonResult] { slots.map { $0! } }

    func finished(_ index: Int, _ result: LessonResult) {
        slots[index] = result
        done += 1
        clearProgress()
        while reported < slots.count, let next = slots[reported] {
            report(next)
            reported += 1
        }
        if showsProgress, done < slots.count {
            StandardError.write("[\(done)/\(slots.count) lessons]")
        }
    }

    func clearProgress() {
        if showsProgress { StandardError.write("\r\u{1B}[K") }
    }
}
