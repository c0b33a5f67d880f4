import Lessons
import Testing

/// Front-matter keys for courses: `order` places a lesson, `summary` describes it.
@Suite struct FrontMatterCourseTests {
    @Test func orderAndSummaryAreRead() throws {
        let lesson = try LessonParser.parse("---\norder: 2.5\nsummary: \"Tensors: the basics\"\n---\n# T\n", path: "t.md")
        #expect(lesson.frontMatter.order == 2.5)
        #expect(lesson.frontMatter.summary == "Tensors: the basics")
    }

    @Test func orderMustBeANumber() {
        #expect(throws: LessonError(file: "t.md", line: 2, message: "front matter 'order' must be a number, not 'first'")) {
            try LessonParser.parse("---\norder: first\n---\n", path: "t.md")
        }
    }
}
