#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `gradbook __worker` process, which runs lesson after lesson: the pool writes a lesson's
/// path as a line on its standard input, and it answers with the lesson's `LessonRun` as one
/// line of JSON on its standard output. A worker that crashes, exits or outlives a lesson's
/// time budget is done for; the pool starts a fresh one for the next lesson.
final class WorkerProcess {
    /// How a lesson sent to the worker ended.
    enum Answer {
        /// The worker answered with this line (without its newline).
        case line([UInt8])
        /// The worker crashed or exited, or was killed after the budget or a cell's limit: why,
        /// in words, and how far the lesson got.
        case ended(String, WorkerProgress)
    }

    private let pid: pid_t
    /// Our ends of the worker's standard input, output and error.
    private let input: Int32, output: Int32, errors: Int32
    /// Bytes the worker wrote after its last complete answer.
    private var pending: [UInt8] = []
    /// What the worker wrote to standard error since the current lesson was sent (the tail).
    private var errorText: [UInt8] = []
    private var errorsOpen = true
    /// Whether the worker has ended (and was reaped).
    private(set) var ended = false

    /// Pipes are made and the worker spawned under one lock, so that no other worker inherits
    /// ends of this one's pipes (which would keep them open after this worker ends).
    private static let spawning = DispatchQueue(label: "gradbook.worker-spawn")

    /// Starts `executable __worker` with `environment`; nil (with errno's text) when it cannot.
    static func start(executable: String, environment: [String: String]) -> Result<WorkerProcess, WorkerStartFailure> {
        spawning.sync {
            var pipes: [Int32] = []
            for _ in 0..<3 {
                var ends: [Int32] = [-1, -1]
                guard pipe(&ends) == 0 else {
                    let failure = WorkerStartFailure(code: errno)
                    pipes.forEach { _ = close($0) }
                    return .failure(failure)
                }
                for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
                pipes += ends
            }
            // pipes: [stdin read, stdin write, stdout read, stdout write, stderr read, stderr write]
            #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
            #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
            #endif
            posix_spawn_file_actions_init(&actions)
            posix_spawn_file_actions_adddup2(&actions, pipes[0], 0)
            posix_spawn_file_actions_adddup2(&actions, pipes[3], 1)
            posix_spawn_file_actions_adddup2(&actions, pipes[5], 2)
            // The pool ignores SIGPIPE (a dead worker's input); the worker gets the default back.
            posix_spawnattr_init(&attributes)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            sigaddset(&defaults, SIGPIPE)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
            let arguments: [UnsafeMutablePointer<CChar>?] = ([executable, WorkerCommand.commandName] as [String]).map { strdup($0) } + [nil]
            let variables: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            var pid: pid_t = 0
            let status = posix_spawn(&pid, executable, &actions, &attributes, arguments, variables)
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
            for child in [pipes[0], pipes[3], pipes[5]] { _ = close(child) }
            guard status == 0 else {
                for ours in [pipes[1], pipes[2], pipes[4]] { _ = close(ours) }
                return .failure(WorkerStartFailure(code: status))
            }
            return .success(WorkerProcess(pid: pid, input: pipes[1], output: pipes[2], errors: pipes[4]))
        }
    }

    private init(pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
        self.errors = errors
    }

    deinit {
        for fd in [input, output, errors] { _ = close(fd) }
    }

    /// Sends the lesson at `path` and waits for the answer, at most `budget` seconds, and at
    /// most `cellLimits[i]` seconds for cell i once it started (its own time limit plus a
    /// margin: a cell stuck in native code where no time limit reaches).
    func run(_ path: String, budget: Double, cellLimits: [Double] = []) -> Answer {
        precondition(!ended, "a worker that ended runs no more lessons")
        errorText.removeAll()
        var progress = WorkerProgress()
        let deadline = ContinuousClock.now + .milliseconds(Int64(budget * 1000))
        guard FileDescriptor.writeAll(input, Array((path + "\n").utf8)) else { return end(progress) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if WorkerProgress.isAnswer(line) || !progress.read(line) { return .line(line) }
                continue
            }
            var left = deadline - ContinuousClock.now
            var cellLeft: Duration?
            if let cell = progress.running, let since = progress.runningSince, cell < cellLimits.count {
                cellLeft = since + .milliseconds(Int64(cellLimits[cell] * 1000)) - ContinuousClock.now
                left = min(left, cellLeft!)
            }
            guard left > .zero else {
                kill(pid, SIGKILL)
                _ = reap()
                if let cellLeft, cellLeft <= .zero {
                    return .ended("killed: stuck in native code past its time limit", progress)
                }
                return .ended("killed after \(Int(budget))s time limit", progress)
            }
            let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errorsOpen ? errors : -1, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 2, Int32(clamping: milliseconds)) >= 0 || errno == EINTR else { return end(progress) }
            if fds[1].revents != 0 { readErrors(into: &buffer) }
            if fds[0].revents != 0 {
                let count = read(output, &buffer, buffer.count)
                if count > 0 {
                    pending += buffer[..<count]
                } else if count == 0 || errno != EINTR {
                    return end(progress)
                }
            }
        }
    }

    /// Closes the worker's input, so that it exits, and reaps it.
    func finish() {
        guard !ended else { return }
        _ = close(input)
        _ = reap()
    }

    /// The worker closed its output or its input broke: it is ending. Reads the rest of its
    /// standard error and says how it ended.
    private func end(_ progress: WorkerProgress) -> Answer {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while errorsOpen { readErrors(into: &buffer) }
        let status = reap()
        let said = lastErrorLine.map { " (\($0))" } ?? ""
        if status & 0x7f != 0 {
            return .ended("crashed: signal \(status & 0x7f)" + said, progress)
        }
        return .ended("worker exited with status \((status >> 8) & 0xff)" + said, progress)
    }

    private func readErrors(into buffer: inout [UInt8]) {
        let count = read(errors, &buffer, buffer.count)
        if count > 0 {
            errorText += buffer[..<count]
            if errorText.count > 1 << 16 { errorText.removeFirst(errorText.count - (1 << 16)) }
        } else if count == 0 || errno != EINTR {
            errorsOpen = false
        }
    }

    /// Waits for the worker to end; its raw wait status.
    private func reap() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        ended = true
        return status
    }

    /// The Swift runtime's `Fatal error: ...` message if the worker wrote one, else its last line.
    private var lastErrorLine: String? {
        let lines = String(decoding: errorText, as: UTF8.self).split(separator: "\n")
        if let fatal = lines.first(where: { $0.contains("Fatal error") }), let start = fatal.firstRange(of: "Fatal error") {
            return String(fatal[start.lowerBound...].prefix(300))
        }
        return lines.last.map { String($0.prefix(300)) }
    }
}

/// Why a worker could not be started: errno's code.
struct WorkerStartFailure: Error {
    let code: Int32
    var description: String { String(cString: strerror(code)) }
}
