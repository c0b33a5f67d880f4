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
import Tensors
import Notebooks
import Reports

/// `gradbook export`: runs lessons and writes them as Jupyter notebooks with their outputs.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run lessons and write each as a Jupyter notebook (nbformat 4.5) carrying Gradbook's outputs.")

    @OptionGroup var selection: LessonSelection

    @Option(help: "Folder for the notebooks.")
    var out = "Output"

    @Flag(help: "Export the student copy: solution cells carry their stubs (see docs/teaching-visuals.md).")
    var student = false

    func run() throws {
        let lessons = try selection.load()
        try OutputFolder.refuseNameClashes(lessons.map(\.lesson), fileExtension: "ipynb")
        let folder = try OutputFolder.create(out)
        let problems = ExportProblems()
        let student = self.student
        let results = LessonBatch.run(lessons, jobs: selection.workerCount) { run in
            let result = student ? StudentCopy.make(run) : run
            StandardOutput.write(CheckReport.lessonLine(result) + CheckReport.failures(result))
            // A lesson that could not be parsed or whose run broke down has no outputs to carry.
            guard result.breakdown == nil else { return }
            let lessonFolder = URL(fileURLWithPath: result.lesson.path).deletingLastPathComponent()
            let export = NotebookExporter.notebook(from: result) { path in
                FileManager.default.contents(atPath: lessonFolder.appendingPathComponent(path).path)
            }
            for warning in export.warnings {
                StandardError.write("gradbook: warning: \(result.lesson.path): \(warning)\n")
            }
            do {
                try AtomicFile.write(NotebookWriter.write(export.notebook),
                                     to: folder.appendingPathComponent("\(result.lesson.name).ipynb"))
            } catch {
                problems.add("gradbook: cannot write the notebook of \(result.lesson.path): \("\(error)")\n")
            }
        }
        StandardOutput.write(CheckReport.totals(results))
        if !problems.messages.isEmpty {
            problems.messages.forEach(StandardError.write)
            throw ExitCode.couldNotRun
        }
        if results.contains(where: { !$0.passed }) { throw ExitCode.lessonFailed }
    }
}

/// Notebooks that could not be written, collected from the workers' completion callbacks.
private final class ExportProblems: @unchecked Sendable {
    private let lock = SpinLock()
    private var list: [String] = []
    func add(_ message: String) { lock.withLock { list.append(message) } }
    var messages: [String] { lock.withLock { list } }
}
