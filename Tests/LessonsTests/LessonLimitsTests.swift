import Testing
@testable import Lessons

/// Limits on what a lesson and its outputs may hold (issue 18).
@Suite struct LessonLimitsTests {
    @Test func nulByteIsALocatedError() {
        let text = "# T\n\n```python\nprint('a\u{0}b')\n```\n"
        #expect(throws: LessonError(file: "t.md", line: 4, column: 9,
                                    message: "lesson contains a NUL byte (U+0000): write it as '\\x00' in Python and as '␀' in output blocks")) {
            _ = try LessonParser.parse(text, path: "t.md")
        }
    }

    @Test func diffOfARunawayOutputIsCut() {
        let actual = (0..<100_000).map { "line \($0)" }
        let diff = UnifiedDiff.make(expected: ["a", "b"], actual: actual)
        let lines = diff.split(separator: "\n")
        #expect(lines.count == UnifiedDiff.maxLines + 1)
        #expect(lines.last == "[diff truncated: \(100_000 + 2 + 1 - UnifiedDiff.maxLines) more lines]")
    }

    @Test func longCommonHeadAndTailNeedNoTable() {
        let head = (0..<5000).map { "h\($0)" }, tail = (0..<5000).map { "t\($0)" }
        let diff = UnifiedDiff.make(expected: head + ["old"] + tail, actual: head + ["new"] + tail)
        #expect(diff == "@@ -4998,7 +4998,7 @@\n h4997\n h4998\n h4999\n-old\n+new\n t0\n t1\n t2\n")
    }
}
