import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Lessons

/// `gradbook exec FILE.py`: runs a script like `python FILE.py`.
struct ExecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run a Python script: its output on stdout, a traceback on stderr, status 1 on an uncaught exception.")

    @Argument(help: "The script to run.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            StandardError.write("gradbook: cannot read \(file)\n")
            throw ExitCode.couldNotRun
        }
        guard let source = String(data: data, encoding: .utf8) else {
            StandardError.write("gradbook: \(file) is not valid UTF-8\n")
            throw ExitCode.couldNotRun
        }
        let file = self.file
        let outcome = InterpreterSession.onLargeStack { InterpreterSession.runScript(source, file: file) }
        StandardOutput.write(outcome.output)
        if !outcome.warnings.isEmpty { StandardError.write(outcome.warnings) }
        if let exception = outcome.exception {
            StandardError.write(exception.traceback.hasSuffix("\n") ? exception.traceback : exception.traceback + "\n")
            throw ExitCode.lessonFailed
        }
    }
}
