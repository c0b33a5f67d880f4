import Foundation
import Testing

/// Killing `gradbook` must not leave its workers running (issue 18): a worker stuck in native
/// code, where no time limit reaches, notices that its parent died and ends itself.
@Suite struct OrphanedWorkerTests {
    @Test func workersEndWhenGradbookIsKilled() throws {
        let scratch = try Scratch(["h.md": "# H\n\n```python\n#| timeout: 60\nimport torch\nprint(torch.zeros(1).expand(2**62).sum())\n```\n"])
        defer { scratch.remove() }
        let process = Process()
        process.executableURL = GradbookProcess.executable
        process.arguments = ["check", "h.md"]
        process.currentDirectoryURL = scratch.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var children: [Int32] = []
        for _ in 0..<100 where children.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            children = Self.children(of: process.processIdentifier)
        }
        #expect(!children.isEmpty)
        Thread.sleep(forTimeInterval: 1)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var alive = children
        for _ in 0..<50 where !alive.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            alive = alive.filter { FileManager.default.fileExists(atPath: "/proc/\($0)") && !Self.isZombie($0) }
        }
        for pid in alive { kill(pid, SIGKILL) }
        #expect(alive.isEmpty, "workers still running after gradbook was killed: \(alive)")
    }

    private static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task -> [Int32] in
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
            return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }

    private static func isZombie(_ pid: Int32) -> Bool {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = status.lastIndex(of: ")") else { return true }
        return status[status.index(close, offsetBy: 2)...].hasPrefix("Z")
    }
}
