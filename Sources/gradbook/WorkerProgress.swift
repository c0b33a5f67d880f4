#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Lessons

/// The progress lines a worker writes before a lesson's answer: `started N` as cell N starts
/// and `finished N {json}` when it ends. The answer itself is one line of JSON (it starts
/// with `{`). When the worker crashes or a cell hangs in native code, the pool still has
/// every finished cell's result and knows which cell was running.
struct WorkerProgress {
    var finished: [Int: LessonRun.CellRun] = [:]
    var running: Int?
    var runningSince: ContinuousClock.Instant?

    static func line(_ progress: LessonExecutor.Progress, encoder: JSONEncoder) -> [UInt8] {
        switch progress {
        case .started(let index):
            return Array("started \(index)\n".utf8)
        case .finished(let index, let cell):
            let json = (try? encoder.encode(cell)).map { Array($0) } ?? []
            return Array("finished \(index) ".utf8) + json + [UInt8(ascii: "\n")]
        }
    }

    /// Whether `line` is the lesson's answer rather than a progress line.
    static func isAnswer(_ line: [UInt8]) -> Bool { line.first == UInt8(ascii: "{") }

    /// Takes in one progress line; false when it is not one.
    mutating func read(_ line: [UInt8]) -> Bool {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return false }
        let word = String(decoding: line[..<space], as: UTF8.self)
        let rest = line[(space + 1)...]
        let numberEnd = rest.firstIndex(of: UInt8(ascii: " ")) ?? rest.endIndex
        guard let index = Int(String(decoding: rest[..<numberEnd], as: UTF8.self)) else { return false }
        switch word {
        case "started":
            running = index
            runningSince = .now
            return true
        case "finished":
            guard numberEnd < rest.endIndex,
                  let cell = try? JSONDecoder().decode(LessonRun.CellRun.self, from: Data(rest[(numberEnd + 1)...])) else { return false }
            finished[index] = cell
            if running == index { running = nil; runningSince = nil }
            return true
        default:
            return false
        }
    }

    /// The run as far as it went: finished cells keep their results, the rest are not run.
    func partialRun(_ lesson: Lesson, reason: String, seconds: Double) -> LessonRun {
        var run = LessonRun.brokenDown(lesson, reason: reason, seconds: seconds)
        for (index, cell) in finished where index < run.cells.count { run.cells[index] = cell }
        // Skipped cells before the one that was running were skipped, not "not run".
        let reached = running ?? (finished.keys.max().map { $0 + 1 } ?? 0)
        for index in 0..<min(reached, lesson.cells.count) where lesson.cells[index].options.skip {
            run.cells[index] = .skipped
        }
        return run
    }
}
