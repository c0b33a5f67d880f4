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
import Tensors

/// `gradbook`: runs Markdown lessons, checks their outputs, writes handouts.
@main
struct Gradbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradbook",
        abstract: "Run tensor and autograd lessons written in Markdown; check and publish their outputs.",
        version: GradbookVersion.description,
        subcommands: [RunCommand.self, CheckCommand.self, ExecCommand.self, ImportCommand.self, ExportCommand.self,
                      InfoCommand.self, WorkerCommand.self])

    /// Exit statuses: 0 all good, 1 a lesson failed, 2 the command could not run. Argument
    /// errors are 2 here, not ArgumentParser's 64.
    static func main() {
        BLASRuntime.parkThreads()
        let code: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            code = 0
        } catch let exit as ExitCode {
            code = exit.rawValue
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                code = 0
            } else {
                StandardError.write(fullMessage(for: error) + "\n")
                code = 2
            }
        }
        #if canImport(Glibc)
        Glibc.exit(code)
        #else
        Darwin.exit(code)
        #endif
    }
}

/// Writing to standard output unbuffered, so lines from worker callbacks and the totals
/// keep their order.
enum StandardOutput {
    static func write(_ text: String) {
        FileDescriptor.writeAll(1, Array(text.utf8))
    }
}

/// Writing to standard error unbuffered.
enum StandardError {
    static func write(_ text: String) {
        FileDescriptor.writeAll(2, Array(text.utf8))
    }
}

extension ExitCode {
    /// A lesson failed.
    static let lessonFailed = ExitCode(1)
    /// The command could not run: bad arguments or unreadable paths (a malformed lesson is a failed lesson).
    static let couldNotRun = ExitCode(2)
}
