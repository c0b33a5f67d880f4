import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Lessons
import Tensors
import Reports

/// `gradbook run`: runs lessons and writes their handouts and an index.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run lessons and write HTML handouts, executed Markdown copies and an index.")

    @OptionGroup var selection: LessonSelection

    @Option(help: "Folder for the handouts.")
    var out = "Output"

    func run() throws {
        let lessons = try selection.load()
        var names: [String: String] = [:]
        for lesson in lessons.map(\.lesson) {
            if let other = names[lesson.name] {
                StandardError.write("gradbook: \(other) and \(lesson.path) would both write \(lesson.name).html\n")
                throw ExitCode.couldNotRun
            }
            names[lesson.name] = lesson.path
        }
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            StandardError.write("gradbook: cannot create \(out): \(FileErrorMessage.text(for: error))\n")
            throw ExitCode.couldNotRun
        }
        let failures = WriteFailures()
        let results = LessonBatch.run(lessons, jobs: selection.workerCount) { result in
            do {
                try AtomicFile.write(HTMLHandout.render(result), to: folder.appendingPathComponent("\(result.lesson.name).html"))
                try AtomicFile.write(ExecutedMarkdown.render(result), to: folder.appendingPathComponent("\(result.lesson.name).md"))
            } catch {
                failures.add("gradbook: cannot write the handout of \(result.lesson.path): \(FileErrorMessage.text(for: error))\n")
            }
            StandardOutput.write(CheckReport.lessonLine(result) + CheckReport.failures(result))
        }
        do {
            try AtomicFile.write(IndexPage.render(results), to: folder.appendingPathComponent("index.html"))
        } catch {
            failures.add("gradbook: cannot write the index: \(FileErrorMessage.text(for: error))\n")
        }
        StandardOutput.write(CheckReport.totals(results))
        if !failures.messages.isEmpty {
            failures.messages.forEach(StandardError.write)
            throw ExitCode.couldNotRun
        }
        if results.contains(where: { !$0.passed }) { throw ExitCode.lessonFailed }
    }
}

/// Files that could not be written, collected from the workers' completion callbacks.
private final class WriteFailures: @unchecked Sendable {
    private let lock = SpinLock()
    private var list: [String] = []
    func add(_ message: String) { lock.withLock { list.append(message) } }
    var messages: [String] { lock.withLock { list } }
}
