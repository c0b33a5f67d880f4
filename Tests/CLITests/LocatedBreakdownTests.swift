import Foundation
import Testing

/// A worker that crashes or hangs in native code in the middle of a lesson: the report names
/// the cell that was running (file:line) and the cells before it keep their results.
@Suite struct LocatedBreakdownTests {
    private let lesson = """
        # L

        ```python
        print("one")
        ```

        ```output
        one
        ```

        ```python
        #| timeout: 1
        print("two")
        ```

        ```python
        print("three")
        ```

        """

    @Test func crashNamesTheRunningCell() throws {
        let scratch = try Scratch(["l/c.md": lesson])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "l"], in: scratch.url, environment: ["GRADBOOK_TEST_WORKER_FAULT": "crash:c:1"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("FAIL  l/c.md  (1/1 cells, ") == true)
        #expect(lines.first?.hasSuffix(", crashed: signal 4 (Fatal error: injected crash) in the cell at l/c.md:12)") == true)
    }

    @Test func nativeHangIsKilledAtTheCellsLimit() throws {
        let scratch = try Scratch(["l/c.md": lesson])
        defer { scratch.remove() }
        let start = Date()
        let result = try GradbookProcess.run(["check", "l"], in: scratch.url,
                                             environment: ["GRADBOOK_TEST_WORKER_FAULT": "hang:c:1", "GRADBOOK_TEST_CELL_MARGIN": "1"])
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.status == 1)
        let first = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("FAIL  l/c.md  (1/1 cells, "))
        #expect(first.hasSuffix(", killed: stuck in native code past its time limit in the cell at l/c.md:12)"))
    }

    @Test func junitKeepsTheFinishedCells() throws {
        let scratch = try Scratch(["l/c.md": lesson])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "--junit", "r.xml", "l"], in: scratch.url,
                                             environment: ["GRADBOOK_TEST_WORKER_FAULT": "crash:c:1"])
        #expect(result.status == 1)
        let xml = try scratch.read("r.xml")
        #expect(xml.contains("in the cell at l/c.md:12"))
    }
}
