import Foundation
import Testing

/// Exit statuses and messages of the command line, run as a user runs it.
@Suite struct ExitCodeTests {
    @Test func helpExitsZero() throws {
        let scratch = try Scratch([:])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["--help"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: gradbook <subcommand>"))
        #expect(!result.stdout.contains("__worker"))
    }

    @Test func badArgumentsExitTwo() throws {
        let scratch = try Scratch(["a.md": "# A\n"])
        defer { scratch.remove() }
        for arguments in [["check", "--shard", "3/2", "a.md"], ["check", "--jobs", "0"], ["check", "--frobnicate"], ["frobnicate"]] {
            let result = try GradbookProcess.run(arguments, in: scratch.url)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(!result.stderr.isEmpty)
        }
    }

    @Test func missingPathExitsTwo() throws {
        let scratch = try Scratch([:])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "nowhere.md"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr == "gradbook: nowhere.md: no such file or folder\n")
    }

    @Test func malformedLessonsFailWithTheirErrorWhileTheOthersRun() throws {
        let scratch = try Scratch([
            "lessons/a.md": "# A\n\n```python\n#| skip: maybe\nx = 1\n```\n",
            "lessons/b.md": "---\ncolor: red\n---\n",
            "lessons/c.md": "# C\n\n```python\nx = 1\n#| bogus: 1\n```\n\n```python\n#| bogus: 1\nprint(x)\n```\n",
            "lessons/good.md": "# fine\n\n```python\nprint(2)\n```\n\n```output\n2\n```\n",
        ])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "lessons"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == "FAIL  lessons/a.md  (0/0 cells, 0.00s, lessons/a.md:4:1: error: cell option 'skip' must be true or false, not 'maybe')")
        #expect(lines[1] == "FAIL  lessons/b.md  (0/0 cells, 0.00s, lessons/b.md:2:1: error: unknown front matter key 'color' (known: title, seed, timeout, device, order, summary))")
        #expect(lines[2].hasPrefix("FAIL  lessons/c.md  (0/0 cells, 0.00s, lessons/c.md:9:1: error: unknown cell option 'bogus' (known: "))
        #expect(lines[3].hasPrefix("PASS  lessons/good.md  (1/1 cells, "))
        #expect(lines[4] == "1 passed, 3 failed")
    }

    @Test func malformedLessonGetsAHandoutNamingItsError() throws {
        let scratch = try Scratch(["l/bad.md": "# Bad\n\n```python\n#| bogus: 1\nx = 1\n```\n", "l/good.md": "# Good\n"])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["run", "l", "--out", "out"], in: scratch.url)
        #expect(result.status == 1)
        #expect(try scratch.read("out/bad.html").contains("This lesson could not be run to the end (l/bad.md:4:1: error: unknown cell option 'bogus'"))
        #expect(try scratch.read("out/index.html").contains("failed (l/bad.md:4:1: error: unknown cell option"))
        #expect(try scratch.read("out/good.html").contains("Good"))
    }

    @Test func lessonsWithoutCellsPass() throws {
        let scratch = try Scratch(["lessons/a.md": "# A\n", "lessons/sub/b.md": "# B\n", "lessons/README.md": "not a lesson\n"])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", "lessons"], in: scratch.url)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("PASS  lessons/a.md  (0/0 cells, "))
        #expect(lines[1].hasPrefix("PASS  lessons/sub/b.md  (0/0 cells, "))
        #expect(lines[2] == "0 passed, 0 failed")
    }

    @Test func absolutePathsUnderTheWorkingFolderAreShownRelative() throws {
        let scratch = try Scratch(["l/a.md": "# A\n"])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["check", scratch.url.path + "/l"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("PASS  l/a.md  ("))
    }

    @Test func shardsSplitTheSortedLessons() throws {
        let scratch = try Scratch(["l/1.md": "", "l/2.md": "", "l/3.md": "", "l/4.md": "", "l/5.md": ""])
        defer { scratch.remove() }
        var seen: [String] = []
        for index in 1...2 {
            let result = try GradbookProcess.run(["check", "--shard", "\(index)/2", "l"], in: scratch.url)
            #expect(result.status == 0)
            seen += result.stdout.split(separator: "\n").dropLast().map { String($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
        }
        #expect(seen == ["l/1.md", "l/3.md", "l/5.md", "l/2.md", "l/4.md"])
    }
}
