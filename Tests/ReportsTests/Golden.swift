import Foundation
import Testing

/// Compares text with a committed file in `Goldens/`, naming the first differing line.
/// `GRADBOOK_UPDATE_GOLDENS=1` rewrites the file first (then review the diff in git).
enum Golden {
    static func folder() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    }

    static func check(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder().appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GRADBOOK_UPDATE_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        if let line = (0..<min(actualLines.count, goldenLines.count)).first(where: { actualLines[$0] != goldenLines[$0] }) {
            Issue.record("\(name):\(line + 1) differs:\n  golden: \(goldenLines[line])\n  now:    \(actualLines[line])", sourceLocation: sourceLocation)
        } else if actualLines.count != goldenLines.count {
            Issue.record("\(name): \(goldenLines.count) lines in the golden, \(actualLines.count) now", sourceLocation: sourceLocation)
        }
    }
}
