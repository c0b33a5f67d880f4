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

    @Flag(help: "Write the student copy: solution cells show their stubs (see docs/teaching-visuals.md).")
    var student = false

    func run() throws {
        let lessons = try selection.load()
        try OutputFolder.refuseNameClashes(lessons.map(\.lesson), fileExtension: "html")
        if let clash = lessons.map(\.lesson).first(where: { $0.name == "index" }) {
            StandardError.write("gradbook: \(clash.path) would write index.html, the index of the handouts; rename the lesson\n")
            throw ExitCode.couldNotRun
        }
        let folder = URL(fileURLWithPath: out)
        // `--out` at the lessons' own folder would overwrite them with their executed copies.
        for lesson in lessons.map(\.lesson) {
            let written = folder.appendingPathComponent("\(lesson.name).md").standardizedFileURL.resolvingSymlinksInPath()
            if written.path == URL(fileURLWithPath: lesson.path).standardizedFileURL.resolvingSymlinksInPath().path {
                StandardError.write("gradbook: --out \(out) would overwrite the lesson \(lesson.path); choose another folder\n")
                throw ExitCode.couldNotRun
            }
        }
        _ = try OutputFolder.create(out)
        let course = CourseOrder.sorted(lessons.map(\.lesson), course: courseList())
        let navigation = HandoutNavigation.course(course.map { (name: $0.name, title: $0.title) })
        let failures = WriteFailures()
        let student = self.student
        let results = LessonBatch.run(lessons, jobs: selection.workerCount) { run in
            let result = student ? StudentCopy.make(run) : run
            do {
                let page = HTMLHandout.page(result, navigation: navigation[result.lesson.name])
                page.warnings.forEach { StandardError.write($0 + "\n") }
                try AtomicFile.write(page.html, to: folder.appendingPathComponent("\(result.lesson.name).html"))
                try AtomicFile.write(ExecutedMarkdown.render(result), to: folder.appendingPathComponent("\(result.lesson.name).md"))
                try FigureFolder.write(LessonFigures.files(result), into: folder.appendingPathComponent(result.lesson.name))
            } catch {
                failures.add("gradbook: cannot write the handout of \(result.lesson.path): \(FileErrorMessage.text(for: error))\n")
            }
            StandardOutput.write(CheckReport.lessonLine(result) + CheckReport.failures(result))
        }
        do {
            let position = Dictionary(uniqueKeysWithValues: course.enumerated().map { ($1.path, $0) })
            let ordered = results.sorted { (position[$0.lesson.path] ?? 0) < (position[$1.lesson.path] ?? 0) }
            try AtomicFile.write(IndexPage.render(ordered), to: folder.appendingPathComponent("index.html"))
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

    /// The lesson names of the `course.yml` in each folder given (or in `Lessons`).
    private func courseList() -> [String] {
        (selection.paths.isEmpty ? ["Lessons"] : selection.paths).flatMap { path -> [String] in
            let file = URL(fileURLWithPath: path).appendingPathComponent("course.yml")
            guard let data = try? Data(contentsOf: file) else { return [] }
            return CourseOrder.names(courseFile: String(decoding: data, as: UTF8.self))
        }
    }
}

/// Files that could not be written, collected from the workers' completion callbacks.
private final class WriteFailures: @unchecked Sendable {
    private let lock = SpinLock()
    private var list: [String] = []
    func add(_ message: String) { lock.withLock { list.append(message) } }
    var messages: [String] { lock.withLock { list } }
}
