import Foundation
import Testing

/// One lesson per hazard, run together: each fails alone with its error and place, the good
/// lesson still passes, and `run` leaves complete handouts and no temporary files.
@Suite struct RobustnessTests {
    static let lessons = [
        "l/1-syntax.md": "# Syntax\n\n```python\ndef f(:\n    pass\n```\n",
        "l/2-loop.md": "---\ntimeout: 1\n---\n# Loop\n\n```python\nwhile True:\n    pass\n```\n",
        "l/3-huge.md": "# Huge\n\n```python\nimport torch\nx = torch.zeros(100000, 100000, 10)\n```\n",
        "l/4-empty.md": "# Empty\n\n```python\nimport torch\nx = torch.empty(10**12)\n```\n",
        "l/5-deep.md": "# Deep\n\n```python\ndef r(n): return r(n+1)\nr(0)\n```\n",
        "l/6-option.md": "# Option\n\n```python\n#| bogus: 1\nx = 1\n```\n",
        "l/8-good.md": "# Good\n\n```python\nprint(1 + 1)\n```\n\n```output\n2\n```\n",
    ]

    /// A lesson file that is not valid UTF-8 (a lone 0xFF byte).
    static func scratch() throws -> Scratch {
        let scratch = try Scratch(lessons)
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: scratch.url.appendingPathComponent("l/7-binary.md"))
        return scratch
    }

    static func expectReports(_ result: GradbookProcess.Result) {
        #expect(result.status == 1)
        let out = result.stdout
        let lines = out.split(separator: "\n").map(String.init)
        let verdicts = lines.filter { $0.hasPrefix("PASS  ") || $0.hasPrefix("FAIL  ") }
        #expect(verdicts.map { String($0.prefix(20)) } == [
            "FAIL  l/1-syntax.md ", "FAIL  l/2-loop.md  (", "FAIL  l/3-huge.md  (", "FAIL  l/4-empty.md  ",
            "FAIL  l/5-deep.md  (", "FAIL  l/6-option.md ", "FAIL  l/7-binary.md ", "PASS  l/8-good.md  (",
        ])
        #expect(out.contains("l/1-syntax.md:4: raised SyntaxError: "))
        #expect(out.contains("  File \"l/1-syntax.md\", line "))
        #expect(out.contains("l/2-loop.md:7: raised TimeoutError: cell exceeded its time limit of 1 s (l/2-loop.md:7)\n"))
        #expect(out.contains("l/3-huge.md:4: raised RuntimeError: [enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate 400000000000 bytes. Error code 12 (Cannot allocate memory)\n"))
        #expect(out.contains("  File \"l/3-huge.md\", line 5, in <module>\n"))
        #expect(out.contains("l/4-empty.md:4: raised RuntimeError: [enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate 4000000000000 bytes. Error code 12 (Cannot allocate memory)\n"))
        #expect(out.contains("l/5-deep.md:4: raised RecursionError: maximum recursion depth exceeded\n"))
        #expect(out.contains("    def r(n): return r(n+1)\n                     ^^^^^^\n  [Previous line repeated "))
        #expect(verdicts[5].hasPrefix("FAIL  l/6-option.md  (0/0 cells, 0.00s, l/6-option.md:4:1: error: unknown cell option 'bogus' (known: "))
        #expect(verdicts[6].hasSuffix(", l/7-binary.md: error: lesson is not valid UTF-8)"))
        #expect(verdicts[7].hasPrefix("PASS  l/8-good.md  (1/1 cells, "))
        #expect(lines.last == "1 passed, 7 failed")
    }

    @Test(arguments: [1, 2]) func checkReportsEveryHazardAndRunsTheGoodLesson(jobs: Int) throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "--jobs", "\(jobs)", "l"], in: scratch.url)
        Self.expectReports(result)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test(arguments: [1, 2]) func runWritesEveryHandoutCompletely(jobs: Int) throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["run", "--jobs", "\(jobs)", "l", "--out", "out"], in: scratch.url)
        Self.expectReports(result)
        let names = ["1-syntax", "2-loop", "3-huge", "4-empty", "5-deep", "6-option", "7-binary", "8-good"]
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out").path).sorted()
        #expect(files == (["index.html"] + names.flatMap { ["\($0).html", "\($0).md"] }).sorted())
        for name in names {
            #expect(try scratch.read("out/\(name).html").hasSuffix("</html>\n"), "\(name)")
        }
        let index = try scratch.read("out/index.html")
        #expect(index.contains("l/6-option.md:4:1: error: unknown cell option"))
        #expect(index.contains("l/7-binary.md: error: lesson is not valid UTF-8"))
        #expect(try scratch.read("out/8-good.md") == Self.lessons["l/8-good.md"])
    }
}
