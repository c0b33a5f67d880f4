import Foundation
import Testing

/// One lesson's worker crashing or hanging must not touch the others.
@Suite struct IsolationTests {
    private let lessons = ["l/a.md": "# A\n", "l/b.md": "# B\n\n```python\n#| skip: true\nx = 1\n```\n", "l/c.md": "# C\n"]

    @Test func crashedWorkerFailsOnlyItsLesson() throws {
        let scratch = try Scratch(lessons)
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "l"], in: scratch.url, environment: ["GRADBOOK_TEST_WORKER_FAULT": "crash:b"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("PASS  l/a.md  "))
        #expect(lines[1].hasPrefix("FAIL  l/b.md  (0/0 cells, "))
        #expect(lines[1].hasSuffix(", crashed: signal 4 (Fatal error: injected crash))"))
        #expect(lines[2].hasPrefix("PASS  l/c.md  "))
    }

    @Test func hungWorkerIsKilled() throws {
        let scratch = try Scratch(["l/a.md": "# A\n", "l/b.md": "---\ntimeout: 0.5\n---\n\n```python\nx = 1\n```\n"])
        defer { scratch.remove() }
        let start = Date()
        let result = try GradbookProcess.run(["check", "--jobs", "2", "l"], in: scratch.url,
                                             environment: ["GRADBOOK_TEST_WORKER_FAULT": "hang:b", "GRADBOOK_TEST_WORKER_MARGIN": "1"])
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("PASS  l/a.md  "))
        #expect(lines[1].hasPrefix("FAIL  l/b.md  (0/0 cells, "))
        #expect(lines[1].hasSuffix(", killed after 2s time limit)"))
    }

    @Test func crashedLessonStillGetsAHandout() throws {
        let scratch = try Scratch(lessons)
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["run", "l", "--out", "out"], in: scratch.url, environment: ["GRADBOOK_TEST_WORKER_FAULT": "crash:b"])
        #expect(result.status == 1)
        #expect(try scratch.read("out/b.html").contains("This lesson could not be run to the end (crashed: signal 4 (Fatal error: injected crash))."))
        #expect(try scratch.read("out/index.html").contains("failed (crashed: signal 4 (Fatal error: injected crash))"))
    }
}
