import Foundation
import Testing

/// `gradbook run` on a course: the index and previous/next links follow `course.yml`, then
/// front-matter `order`, then file names; unsupported TeX is a warning naming its line.
@Suite struct RunCourseTests {
    private let lessons = [
        "course/course.yml": "lessons:\n  - intro\n  - basics\n",
        "course/basics.md": "---\ntitle: Basics\nsummary: The basics, with $x^2$.\n---\n# Basics\n",
        "course/intro.md": "# Intro\n\nFirst words. More words.\n\nA formula $\\frac{1}{2}$ and $\\foo$.\n",
        "course/zeta.md": "---\norder: 1\n---\n# Zeta\n",
        "course/alpha.md": "# Alpha\n",
    ]

    @Test func indexAndNavigationFollowTheCourseOrder() throws {
        let scratch = try Scratch(lessons)
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["run", "course", "--out", "site"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "course/intro.md:5: warning: unsupported TeX command \\foo in $\\foo$\n")
        let index = try scratch.read("site/index.html")
        let order = ["intro.html", "basics.html", "zeta.html", "alpha.html"].map { index.range(of: "href=\"\($0)\"")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(index.contains("<p class=\"summary\">The basics, with <math><msup><mi>x</mi><mn>2</mn></msup></math>.</p>"))
        #expect(index.contains("<p class=\"summary\">First words.</p>"))
        let basics = try scratch.read("site/basics.html")
        #expect(basics.contains("<a class=\"up\" href=\"index.html\">All lessons</a>\n<a class=\"previous\" rel=\"prev\" href=\"intro.html\"><span aria-hidden=\"true\">← </span>Intro</a>\n<a class=\"next\" rel=\"next\" href=\"zeta.html\">Zeta<span aria-hidden=\"true\"> →</span></a>"))
        let intro = try scratch.read("site/intro.html")
        #expect(intro.contains("A formula <math><mfrac><mn>1</mn><mn>2</mn></mfrac></math> and <math><merror><mtext>\\foo</mtext></merror></math>."))
        #expect(!intro.contains("rel=\"prev\""))
        #expect(try scratch.read("site/intro.md") == lessons["course/intro.md"])
    }

    @Test func runningTwiceGivesTheSameBytes() throws {
        let scratch = try Scratch(lessons)
        defer { scratch.remove() }
        for out in ["one", "two"] {
            #expect(try GradbookProcess.run(["run", "course", "--out", out, "--jobs", "2"], in: scratch.url).status == 0)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("one").path).sorted()
        #expect(files.count == 9)
        for file in files {
            #expect(try scratch.read("one/\(file)") == (try scratch.read("two/\(file)")), "\(file)")
        }
    }
}
