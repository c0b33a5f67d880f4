import ArgumentParser
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lessons

/// `gradbook __worker`: reads lesson paths from standard input, one a line, runs each in a
/// fresh interpreter session in this process and answers with its `LessonRun` as one line of
/// JSON on standard output, after a progress line as each cell starts and ends
/// (`WorkerProgress`). Only the worker pool calls it (`WorkerProcess`).
struct WorkerCommand: ParsableCommand {
    static let commandName = "__worker"
    static let configuration = CommandConfiguration(commandName: commandName, shouldDisplay: false)

    func run() throws {
        Self.exitWhenOrphaned()
        // Whatever the runs themselves write to standard output goes to standard error, so that
        // standard output carries nothing but the answers.
        let answers = dup(1)
        dup2(2, 1)
        let encoder = JSONEncoder()
        while let path = readLine() {
            let lesson: Lesson
            do {
                lesson = try LessonParser.load(URL(fileURLWithPath: path), path: path)
            } catch {
                StandardError.write("\(error)\n")
                throw ExitCode.couldNotRun
            }
            WorkerFault.inject(for: lesson)
            let run = InterpreterSession.onLargeStack {
                let session = InterpreterSession(lesson: lesson)
                defer { session.close() }
                return LessonExecutor.run(lesson, in: session) { progress in
                    _ = FileDescriptor.writeAll(answers, WorkerProgress.line(progress, encoder: encoder))
                    if case .started(let cell) = progress { WorkerFault.inject(for: lesson, cell: cell) }
                }
            }
            guard FileDescriptor.writeAll(answers, Array(try encoder.encode(run)) + [UInt8(ascii: "\n")]) else {
                throw ExitCode.couldNotRun
            }
        }
    }

    /// A worker must not outlive a killed `gradbook` (its lesson may hang in native code, where
    /// no time limit reaches): once a second it checks that its parent is still the process
    /// that started it, and ends itself when not.
    static func exitWhenOrphaned() {
        let parent = getppid()
        DispatchQueue.global().async {
            while true {
                sleep(1)
                if getppid() != parent { _exit(1) }
            }
        }
    }
}
