import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Lessons

/// The lessons a command works on, and how many run at once.
struct LessonSelection: ParsableArguments {
    @Argument(help: "Lesson files, or folders searched for *.md (default: Lessons).")
    var paths: [String] = []

    @Option(help: "How many lessons run at once (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    var workerCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Finds and parses the lessons. An unreadable path stops the command with status 2; a
    /// lesson file that cannot be parsed becomes a failed entry naming its error, and the
    /// others still run.
    func load(shard: Shard? = nil) throws -> [LessonEntry] {
        let files: [LessonFile]
        do {
            files = try LessonFiles.find(paths.isEmpty ? ["Lessons"] : paths)
        } catch {
            StandardError.write("gradbook: \(error)\n")
            throw ExitCode.couldNotRun
        }
        if files.isEmpty {
            // Checking nothing must not look like success in CI.
            StandardError.write("gradbook: no lessons (*.md) in \((paths.isEmpty ? ["Lessons"] : paths).joined(separator: ", "))\n")
            throw ExitCode.couldNotRun
        }
        var entries: [LessonEntry] = []
        for file in shard?.select(files) ?? files {
            do {
                let lesson = try LessonParser.load(file.url, path: file.path)
                try lesson.checkDeviceAvailable()
                entries.append(.parsed(lesson))
            } catch {
                let text = String(decoding: (try? Data(contentsOf: file.url)) ?? Data(), as: UTF8.self)
                entries.append(.malformed(.malformed(error, text: text)))
            }
        }
        return entries
    }
}

/// One selected lesson file: parsed and ready to run, or already failed because it is malformed.
enum LessonEntry {
    case parsed(Lesson)
    case malformed(LessonResult)

    var lesson: Lesson {
        switch self {
        case .parsed(let lesson): lesson
        case .malformed(let result): result.lesson
        }
    }
}
