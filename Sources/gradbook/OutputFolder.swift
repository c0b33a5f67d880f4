import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Lessons

/// The folder `run` and `export` write into. Each lesson's files are named after the lesson,
/// so two lessons of the same name are refused before anything runs.
enum OutputFolder {
    /// Exits 2 when two lessons would write the same `<name>.<fileExtension>`.
    static func refuseNameClashes(_ lessons: [Lesson], fileExtension: String) throws {
        var names: [String: String] = [:]
        for lesson in lessons {
            if let other = names[lesson.name] {
                StandardError.write("gradbook: \(other) and \(lesson.path) would both write \(lesson.name).\(fileExtension)\n")
                throw ExitCode.couldNotRun
            }
            names[lesson.name] = lesson.path
        }
    }

    /// Creates `out` (and its parents); exits 2 when it cannot.
    static func create(_ out: String) throws -> URL {
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            StandardError.write("gradbook: cannot create \(out): \(FileErrorMessage.text(for: error))\n")
            throw ExitCode.couldNotRun
        }
        return folder
    }
}
