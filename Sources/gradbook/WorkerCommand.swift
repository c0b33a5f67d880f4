import ArgumentParser
import Foundation
import Lessons

/// `gradbook __worker LESSON`: runs one lesson in this process and writes its `LessonRun`
/// as JSON to standard output. Only the worker pool calls it.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "__worker", shouldDisplay: false)

    @Argument var path: String

    func run() throws {
        // Whatever the run itself writes to standard output goes to standard error, so that
        // standard output carries nothing but the JSON result.
        let result = dup(1)
        dup2(2, 1)
        let lesson: Lesson
        do {
            lesson = try LessonParser.load(URL(fileURLWithPath: path), path: path)
        } catch {
            StandardError.write("\(error)\n")
            throw ExitCode.couldNotRun
        }
        WorkerFault.inject(for: lesson)
        let run = InterpreterSession.onLargeStack {
            LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson))
        }
        let encoder = JSONEncoder()
        let data = try encoder.encode(run)
        FileHandle(fileDescriptor: result, closeOnDealloc: true).write(data)
    }
}
