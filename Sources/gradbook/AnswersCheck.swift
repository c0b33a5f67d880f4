import ArgumentParser
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
import Lessons
import Reports

/// `gradbook check LESSON --answers STUDENT.md`: runs the lesson with its solution cells'
/// code taken from the student's filled-in copy, so that the lesson's own exercise checks
/// judge the student's answers. It runs in this process (one lesson, one session).
enum AnswersCheck {
    static func run(_ entries: [LessonEntry], answers: String) throws {
        guard entries.count == 1, case .parsed(let lesson) = entries[0] else {
            if entries.count == 1, case .malformed(let result) = entries[0] {
                StandardOutput.write(CheckReport.lessonLine(result) + CheckReport.failures(result) + CheckReport.totals([result]))
                throw ExitCode.lessonFailed
            }
            StandardError.write("gradbook: --answers needs exactly one lesson file to check the answers against (got \(entries.count))\n")
            throw ExitCode.couldNotRun
        }
        let url = URL(fileURLWithPath: answers)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            StandardError.write("gradbook: cannot read \(answers)\n")
            throw ExitCode.couldNotRun
        }
        let result: LessonResult
        do {
            let merged = try LessonAnswers.merge(lesson, answers: try LessonParser.load(url, path: answers))
            let run = InterpreterSession.onLargeStack { LessonExecutor.run(merged, in: InterpreterSession(lesson: merged)) }
            result = LessonResult(lesson: merged, run: run)
        } catch {
            result = .malformed(error, text: lesson.source.text)
        }
        StandardOutput.write(CheckReport.lessonLine(result) + CheckReport.failures(result) + CheckReport.totals([result]))
        if !result.passed { throw ExitCode.lessonFailed }
    }
}
