import Foundation
import Testing

/// `gradbook run`: handouts, executed copies and the index, byte-for-byte reproducible.
@Suite struct RunCommandTests {
    private let lessons = [
        "course/intro.md": "---\ntitle: Welcome & hello\n---\n# Intro\n\nSome *prose* and a [link](other.html).\n\n```bash\nls\n```\n",
        "course/part/second.md": "# Second part\n\n> A quote.\n",
    ]

    @Test func writesHandoutsAndIndex() throws {
        let scratch = try Scratch(lessons)
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["run", "course", "--out", "site"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("0 passed, 0 failed\n"))
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("site").path).sorted()
        #expect(files == ["index.html", "intro.html", "intro.md", "second.html", "second.md"])
        let intro = try scratch.read("site/intro.html")
        #expect(intro.contains("<title>Welcome &amp; hello</title>"))
        #expect(intro.contains("<p>Some <em>prose</em> and a <a href=\"other.html\">link</a>.</p>"))
        #expect(intro.contains("<pre><code class=\"language-bash\">ls\n</code></pre>"))
        #expect(try scratch.read("site/intro.md") == lessons["course/intro.md"])
        let index = try scratch.read("site/index.html")
        #expect(index.contains("<a class=\"lesson-title\" href=\"intro.html\">Welcome &amp; hello</a>"))
        #expect(index.contains("<a class=\"lesson-title\" href=\"second.html\">Second part</a>"))
    }

    @Test func runningTwiceGivesIdenticalBytesWithoutAbsolutePaths() throws {
        let scratch = try Scratch(lessons)
        defer { scratch.remove() }
        for out in ["one", "two"] {
            let result = try GradbookProcess.run(["run", "course", "--out", out, "--jobs", "2"], in: scratch.url)
            #expect(result.status == 0)
        }
        for file in ["index.html", "intro.html", "intro.md", "second.html", "second.md"] {
            let one = try scratch.read("one/\(file)")
            #expect(one == (try scratch.read("two/\(file)")), "\(file)")
            #expect(!one.contains(scratch.url.path))
        }
    }

    @Test func twoLessonsWithTheSameNameCannotRun() throws {
        let scratch = try Scratch(["a/x.md": "# A\n", "b/x.md": "# B\n"])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["run", "a", "b"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr == "gradbook: a/x.md and b/x.md would both write x.html\n")
    }
}
