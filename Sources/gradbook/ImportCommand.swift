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
import Notebooks

/// `gradbook import`: turns Jupyter notebooks and `# %%` scripts into lessons.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a lesson from a Jupyter notebook (.ipynb) or a percent-format script (.py with # %% cells).")

    @Argument(help: "Notebooks (.ipynb) or percent-format scripts (.py).")
    var files: [String]

    @Option(help: "Folder for the lessons (default: beside each notebook).")
    var out: String?

    @Flag(help: "Overwrite a lesson that already exists.")
    var force = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one notebook to import") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let url = URL(fileURLWithPath: file)
            guard let data = FileManager.default.contents(atPath: file) else {
                StandardError.write("gradbook: cannot read \(file)\n")
                throw ExitCode.couldNotRun
            }
            let name = url.deletingPathExtension().lastPathComponent
            let folder = out.map { URL(fileURLWithPath: $0) } ?? url.deletingLastPathComponent()
            let lessonURL = folder.appendingPathComponent(name + ".md")
            let lessonPath = out.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + name + ".md" }
                ?? (file.contains("/") ? String(file[...file.lastIndex(of: "/")!]) : "") + name + ".md"
            do {
                let notebook: Notebook
                if url.pathExtension == "py" {
                    guard let text = String(data: data, encoding: .utf8) else {
                        throw NotebookError(file: file, position: nil, location: "", message: "the script is not valid UTF-8")
                    }
                    notebook = PercentScript.notebook(from: text)
                } else {
                    notebook = try NotebookReader.parse(Array(data), path: file)
                }
                let result = try NotebookImporter.lesson(from: notebook, name: name, file: file,
                                                         keepingRecord: url.pathExtension != "py")
                if !force, FileManager.default.fileExists(atPath: lessonURL.path) {
                    StandardError.write("gradbook: \(lessonPath) already exists (use --force to overwrite it)\n")
                    failed = true
                    continue
                }
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for (path, bytes) in result.attachments {
                    let target = folder.appendingPathComponent(path)
                    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try bytes.write(to: target)
                }
                try AtomicFile.write(result.lesson, to: lessonURL)
                for warning in result.warnings {
                    StandardError.write("gradbook: warning: \(file): \(warning)\n")
                }
                StandardOutput.write("\(file) -> \(lessonPath)\n")
            } catch let error as NotebookError {
                StandardError.write(error.report + "\n")
                failed = true
            } catch {
                StandardError.write("gradbook: cannot write \(lessonPath): \("\(error)")\n")
                throw ExitCode.couldNotRun
            }
        }
        if failed { throw ExitCode.lessonFailed }
    }
}
