import Testing
@testable import Interpreter

/// `re` inside the cell's limits: catastrophic backtracking ends with the cell timeout.
@Suite struct RegexLimitsTests {
    @Test func catastrophicBacktrackingTimesOut() {
        let interp = Interpreter()
        let r = interp.runCell("""
            import re
            re.match(r'(a+)+$', 'a' * 40 + 'b')
            """, file: "lesson.md", firstLine: 1, timeout: 0.5)
        #expect(r.error?.typeName == "TimeoutError")
        #expect(r.error?.lastLine == "TimeoutError: cell exceeded its time limit of 0.5 s (lesson.md:1)")
    }

    /// Long subjects do not exhaust the stack: one-character repeats loop without recursion.
    @Test func longSubjectsMatch() {
        let interp = Interpreter()
        let r = interp.runCell("""
            import re
            s = 'ab' * 50000
            print(len(re.findall(r'a', s)), re.match(r'.*', s).end(), re.fullmatch(r'(?:ab)*', s) is not None)
            """, file: "t.md", firstLine: 1, timeout: 20)
        #expect(r.error == nil)
        #expect(r.output == "50000 100000 True\n")
    }
}
