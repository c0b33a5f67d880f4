import ArgumentParser
import Foundation
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

    /// Finds and parses the lessons; every problem is printed, then the command stops with status 2.
    func load(shard: Shard? = nil) throws -> [Lesson] {
        let files: [LessonFile]
        do {
            files = try LessonFiles.find(paths.isEmpty ? ["Lessons"] : paths)
        } catch {
            StandardError.write("gradbook: \(error)\n")
            throw ExitCode.couldNotRun
        }
        var lessons: [Lesson] = []
        var failed = false
        for file in shard?.select(files) ?? files {
            do {
                lessons.append(try LessonParser.load(file.url, path: file.path))
            } catch {
                let place = error.line > 0 ? "\(error.file):\(error.line):\(error.column)" : error.file
                StandardError.write("\(place): error: \(error.message)\n")
                failed = true
            }
        }
        if failed { throw ExitCode.couldNotRun }
        return lessons
    }
}

