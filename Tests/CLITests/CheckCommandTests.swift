import Foundation
import FoundationXML
import Testing

/// `gradbook check` and `exec` end to end, with cells the interpreter really runs.
@Suite struct CheckCommandTests {
    private let good = "# Good\n\n```python\nprint(1 + 1)\n```\n\n```output\n2\n```\n"
    private let bad = "# Bad\n\n```python\nfor i in range(3):\n    print(i * i)\n```\n\n```output\n0\n1\n5\n```\n\n```python\n#| raises: ValueError\nint('x')\n```\n"

    @Test func passingLessonsExitZero() throws {
        let scratch = try Scratch(["l/good.md": good])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "l"], in: scratch.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("PASS  l/good.md  (1/1 cells, "))
        #expect(result.stdout.hasSuffix("\n1 passed, 0 failed\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test func mismatchPrintsADiffHeadedFileLineAndExitsOne() throws {
        let scratch = try Scratch(["l/bad.md": bad, "l/good.md": good])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "l", "--junit", "report.xml"], in: scratch.url)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("FAIL  l/bad.md  (1/2 cells, "))
        #expect(Array(lines[1...7]) == [
            "l/bad.md:8: output differs",
            "--- expected",
            "+++ actual",
            "@@ -1,3 +1,3 @@",
            " 0",
            " 1",
            "-5",
        ])
        #expect(lines[8] == "+4")
        #expect(lines[9].hasPrefix("PASS  l/good.md  (1/1 cells, "))
        #expect(lines[10] == "2 passed, 1 failed")
        let xml = try XMLDocument(contentsOf: scratch.url.appendingPathComponent("report.xml"), options: [])
        #expect(try xml.nodes(forXPath: "//testcase").count == 3)
        #expect(try xml.nodes(forXPath: "//testcase/failure").count == 1)
    }

    @Test func updateFixesOutputBlocksAtomicallyAndOnce() throws {
        let scratch = try Scratch(["l/bad.md": bad])
        defer { scratch.remove() }
        let first = try GradbookProcess.run(["check", "--update", "l"], in: scratch.url)
        #expect(first.status == 0, "\(first.stdout)")
        let updated = try scratch.read("l/bad.md")
        #expect(updated == bad.replacingOccurrences(of: "0\n1\n5\n", with: "0\n1\n4\n")
            .replacingOccurrences(of: "int('x')\n```\n", with: "int('x')\n```\n\n```output\nValueError: invalid literal for int() with base 10: 'x'\n```\n"))
        let second = try GradbookProcess.run(["check", "--update", "l"], in: scratch.url)
        #expect(second.status == 0)
        #expect(try scratch.read("l/bad.md") == updated)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("l").path)
        #expect(leftovers == ["bad.md"])
        #expect(try GradbookProcess.run(["check", "l"], in: scratch.url).status == 0)
    }

    @Test func execRunsAScriptLikePython() throws {
        let scratch = try Scratch(["ok.py": "def f(n):\n    return n * 2\nprint(f(21))\nf(1)\n", "fail.py": "print('start')\nx = {}\nx['missing']\n"])
        defer { scratch.remove() }
        let ok = try GradbookProcess.run(["exec", "ok.py"], in: scratch.url)
        #expect(ok.status == 0)
        #expect(ok.stdout == "42\n")
        let fail = try GradbookProcess.run(["exec", "fail.py"], in: scratch.url)
        #expect(fail.status == 1)
        #expect(fail.stdout == "start\n")
        #expect(fail.stderr.hasPrefix("Traceback (most recent call last):\n  File \"fail.py\", line 3, in <module>\n    x['missing']\n"))
        #expect(fail.stderr.hasSuffix("\nKeyError: 'missing'\n"))
    }
}

/// JUnit names every lesson that broke down (issue 18): a crashed or malformed lesson is an
/// `<error>` testcase, never a suite of zero tests.
@Suite struct JUnitBreakdownTests {
    @Test func crashedAndMalformedLessonsAreErrors() throws {
        let scratch = try Scratch([
            "l/a.md": "# A\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n",
            "l/b.md": "# B\n\n```python\nprint(2)\n```\n\n```output\n2\n```\n",
            "l/c.md": "# C\n\n```python\n#| bogus: 1\nprint(3)\n```\n",
        ])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "l", "--junit", "report.xml"], in: scratch.url,
                                             environment: ["GRADBOOK_TEST_WORKER_FAULT": "crash:b"])
        #expect(result.status == 1)
        let xml = try XMLDocument(contentsOf: scratch.url.appendingPathComponent("report.xml"), options: [])
        let root = try #require(try xml.nodes(forXPath: "/testsuites").first as? XMLElement)
        #expect(root.attribute(forName: "errors")?.stringValue == "2")
        let errors = try xml.nodes(forXPath: "//testcase[@name='lesson']/error")
        #expect(errors.count == 2)
        for suite in try xml.nodes(forXPath: "//testsuite") {
            #expect((suite as? XMLElement)?.attribute(forName: "tests")?.stringValue != "0")
        }
    }
}
