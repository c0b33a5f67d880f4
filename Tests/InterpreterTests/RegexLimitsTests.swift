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
            print(re.match(r'.*', s).end(), re.fullmatch(r'(?:ab)*', s) is not None, re.fullmatch(r'(a|b)*', s).span(1))
            print(len(re.findall(r'a', s[:4000])))
            """, file: "t.md", firstLine: 1, timeout: 60)
        #expect(r.error == nil)
        #expect(r.output == "100000 True (99999, 100000)\n2000\n")
    }

    /// Deep backtracking that cannot loop stops with an error instead of overflowing the
    /// native stack (CPython's matcher has no such limit; such patterns are rare).
    @Test func deepBacktrackingRaisesInsteadOfCrashing() {
        let interp = Interpreter()
        let r = interp.runCell("import re\nre.fullmatch(r'(?:a|bc)*', 'a' * 2000000)\n", file: "t.md", firstLine: 1, timeout: 60)
        #expect(r.error?.lastLine == "RecursionError: maximum recursion depth exceeded while matching a regular expression")
    }
}
