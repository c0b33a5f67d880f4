import Foundation

/// Runs the built `gradbook` executable, as a user would, and captures what it did.
struct GradbookProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `gradbook` sits next to the test bundle in the build folder (`make test` builds it first).
    static var executable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("gradbook")
    }

    /// The line `check` writes first on standard error where MKL or SLEEF is missing.
    static let withoutMKLNotice =
        "gradbook: MKL or SLEEF not loaded (run scripts/install-mkl): results may differ from PyTorch in the last digits, see docs/mkl.md\n"

    /// `keepNotice: false` drops `withoutMKLNotice`, so that tests of other messages read
    /// the same on machines with and without MKL.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
                    keepNotice: Bool = false) throws -> Result {
        let process = Process()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = ErrorData(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var stderr = String(decoding: errorData.value, as: UTF8.self)
        if !keepNotice, stderr.hasPrefix(withoutMKLNotice) { stderr.removeFirst(withoutMKLNotice.count) }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: stderr)
    }
}

/// Standard error read on another thread, so neither pipe can fill up and block the process.
private final class ErrorData: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    var value: Data {
        done.wait()
        return data
    }
}

/// A fresh temporary folder holding the given files, removed by `remove()`.
struct Scratch {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gradbook-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: url.appendingPathComponent(path)), as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
