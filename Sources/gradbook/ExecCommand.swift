import Dispatch
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

    @Option(help: "Seconds the script may run: TimeoutError in Python code, exit 124 if native code overruns it by 5 s.")
    var timeout: Double?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= Lesson.maxCellTimeout) {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most \(Int(Lesson.maxCellTimeout))")
        }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            StandardError.write("gradbook: cannot read \(file)\n")
            throw ExitCode.couldNotRun
        }
        guard let source = String(data: data, encoding: .utf8) else {
            StandardError.write("gradbook: \(file) is not valid UTF-8\n")
            throw ExitCode.couldNotRun
        }
        let file = self.file, timeout = self.timeout
        ScriptFault.install(file: file)
        if let timeout { ScriptFault.watch(file: file, seconds: timeout + 5) }
        let outcome = InterpreterSession.onLargeStack { InterpreterSession.runScript(source, file: file, timeout: timeout) }
        StandardOutput.write(outcome.output)
        if !outcome.warnings.isEmpty { StandardError.write(outcome.warnings) }
        if let exception = outcome.exception {
            StandardError.write(exception.traceback.hasSuffix("\n") ? exception.traceback : exception.traceback + "\n")
            throw ExitCode.lessonFailed
        }
    }
}

/// What `exec` says when the script cannot finish normally: a crash of native code (the
/// signal, named, instead of a silent 132/139) or a hang past its time limit.
enum ScriptFault {
    /// Installs handlers that write one line naming the script and the signal, then die of it.
    static func install(file: String) {
        let message = { (name: String) in strdup("gradbook: \(file) crashed (\(name)) in native code\n")! }
        crashMessages = [SIGSEGV: message("SIGSEGV"), SIGBUS: message("SIGBUS"), SIGILL: message("SIGILL"),
                         SIGTRAP: message("SIGTRAP"), SIGFPE: message("SIGFPE"), SIGABRT: message("SIGABRT")]
        for signal in crashMessages.keys.sorted() { Glibc.signal(signal, scriptCrashHandler) }
        for (index, signal) in crashMessages.keys.sorted().enumerated() where index < handledSignals.count {
            handledSignals[index] = (signal, UnsafePointer(crashMessages[signal]!))
        }
    }

    /// Ends the process with status 124 (as `timeout(1)`) when native code outlives `seconds`.
    static func watch(file: String, seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: DispatchTime.now() + seconds) {
            StandardError.write("gradbook: \(file) did not finish within its time limit (native code); stopped\n")
            exit(124)
        }
    }

    nonisolated(unsafe) static var crashMessages: [Int32: UnsafeMutablePointer<CChar>] = [:]
}

nonisolated(unsafe) private var handledSignals = [(Int32, UnsafePointer<CChar>?)](repeating: (0, nil), count: 8)

private func scriptCrashHandler(_ signal: Int32) {
    handledSignals.withUnsafeBufferPointer { entries in
        for (number, text) in entries where number == signal {
            if let text { _ = write(2, text, strlen(text)) }
        }
    }
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
