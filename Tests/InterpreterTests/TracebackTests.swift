import Testing
@testable import Interpreter

/// Tracebacks as CPython 3.11 prints them (without its `^^^` position markers).
@Suite struct TracebackTests {
    /// CPython shows three identical frames, then counts the rest (`python3 -c` with
    /// `def r(n): return r(n+1)` then `r(0)` prints the same lines).
    @Test func recursionErrorCollapsesRepeatedFrames() {
        let interp = Interpreter()
        let r = interp.runCell("def r(n): return r(n+1)\nr(0)\n", file: "t.md", firstLine: 1, timeout: 20)
        #expect(r.error?.traceback == """
            Traceback (most recent call last):
              File "t.md", line 2, in <module>
                r(0)
              File "t.md", line 1, in r
                def r(n): return r(n+1)
              File "t.md", line 1, in r
                def r(n): return r(n+1)
              File "t.md", line 1, in r
                def r(n): return r(n+1)
              [Previous line repeated 996 more times]
            RecursionError: maximum recursion depth exceeded

            """)
    }

    /// One frame past the three shown says "time", and frames after the run are shown again.
    @Test func shortRepeatSaysOneMoreTime() {
        let interp = Interpreter()
        let r = interp.runCell("def f(n):\n    if n == 0: raise ValueError(\"x\")\n    return f(n-1)\nf(4)\n",
                               file: "t.md", firstLine: 1, timeout: nil)
        #expect(r.error?.traceback == """
            Traceback (most recent call last):
              File "t.md", line 4, in <module>
                f(4)
              File "t.md", line 3, in f
                return f(n-1)
              File "t.md", line 3, in f
                return f(n-1)
              File "t.md", line 3, in f
                return f(n-1)
              [Previous line repeated 1 more time]
              File "t.md", line 2, in f
                if n == 0: raise ValueError("x")
            ValueError: x

            """)
    }

    /// Exactly three identical frames: nothing is collapsed.
    @Test func threeRepeatsAreAllShown() {
        let interp = Interpreter()
        let r = interp.runCell("def f(n):\n    if n == 0: raise ValueError(\"x\")\n    return f(n-1)\nf(3)\n",
                               file: "t.md", firstLine: 1, timeout: nil)
        #expect(r.error?.traceback.contains("Previous line") == false)
        #expect(r.error?.traceback.components(separatedBy: "in f\n").count == 5)
    }
}
