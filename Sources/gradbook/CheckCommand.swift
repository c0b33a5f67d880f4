import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Tensors
import Lessons
import Reports

/// `gradbook check`: runs lessons and compares each cell's output with its output block.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run lessons and compare what each cell prints with its output block.")

    @OptionGroup var selection: LessonSelection

    @Flag(help: "Rewrite output blocks to what the cells now print (nothing else in the files changes).")
    var update = false

    @Option(help: "Also write a JUnit XML report to this file.")
    var junit: String?

    @Option(help: "Run only the I-th of N slices of the lessons (I from 1), e.g. 2/4.")
    var shard: String?

    @Option(help: "A student's filled-in copy of the one lesson given: run its answers against the lesson's exercise checks.")
    var answers: String?

    func validate() throws {
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be I/N with 1 <= I <= N, not '\(shard)'") }
    }

    func run() throws {
        let lessons = try selection.load(shard: shard.flatMap(Shard.init))
        if !MathBackend.matchesPyTorch { StandardError.write(MathBackend.withoutMKLNotice + "\n") }
        if let answers { return try AnswersCheck.run(lessons, answers: answers) }
        let update = self.update
        let results = LessonBatch.run(lessons, jobs: selection.workerCount, finish: { update ? Self.updated($0) : $0 }) { result in
            StandardOutput.write(CheckReport.lessonLine(result) + CheckReport.failures(result))
        }
        StandardOutput.write(CheckReport.totals(results))
        if let junit {
            do {
                try AtomicFile.write(JUnitReport.render(results), to: URL(fileURLWithPath: junit))
            } catch {
                StandardError.write("gradbook: cannot write \(junit): \(FileErrorMessage.text(for: error))\n")
                throw ExitCode.couldNotRun
            }
        }
        if results.contains(where: { !$0.passed }) { throw ExitCode.lessonFailed }
    }

    /// Rewrites the lesson's output blocks, then judges the same run against the new file.
    private static func updated(_ result: LessonResult) -> LessonResult {
        guard result.breakdown == nil else { return result }
        let text = LessonRewriter.updated(result)
        guard text != result.lesson.source.text,
              let lesson = try? LessonParser.parse(text, path: result.lesson.path),
              lesson.cells.count == result.cells.count else { return result }
        // Edits made to the lesson while it ran win: the update is refused, never merged over them.
        guard let current = try? Data(contentsOf: URL(fileURLWithPath: result.lesson.path)),
              current == Data(result.lesson.source.text.utf8) else {
            StandardError.write("gradbook: \(result.lesson.path) changed while it was checked; not updated (run --update again)\n")
            return result
        }
        do {
            try AtomicFile.write(text, to: URL(fileURLWithPath: result.lesson.path))
        } catch {
            StandardError.write("gradbook: cannot update \(result.lesson.path): \(FileErrorMessage.text(for: error))\n")
            return result
        }
        let cells = result.cells.map { cell -> LessonRun.CellRun in
            if let outcome = cell.outcome { return .ran(outcome) }
            return cell.status == .skipped ? .skipped : .notRun
        }
        return LessonResult(lesson: lesson, run: LessonRun(cells: cells, seconds: result.seconds))
    }
}
