import Testing
@testable import Interpreter

/// Tracebacks as CPython 3.11 prints them, with its `~~~^^^` position markers.
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
                                 ^^^^^^
              File "t.md", line 1, in r
                def r(n): return r(n+1)
                                 ^^^^^^
              File "t.md", line 1, in r
                def r(n): return r(n+1)
                                 ^^^^^^
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
                       ^^^^^^
              File "t.md", line 3, in f
                return f(n-1)
                       ^^^^^^
              File "t.md", line 3, in f
                return f(n-1)
                       ^^^^^^
              [Previous line repeated 1 more time]
              File "t.md", line 2, in f
                if n == 0: raise ValueError("x")
                           ^^^^^^^^^^^^^^^^^^^^^
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

    /// CPython 3.11's markers: `~` for operands and `^` for the operator or subscript,
    /// always drawn for those; `^^^` under a call, attribute or name only when it does not
    /// cover the whole line; a span over several lines is marked to the end of its first.
    /// (Expected texts: `python3 t.md` with CPython 3.11.7.)
    @Test func positionMarkersAsCPython() {
        func traceback(_ source: String) -> String? {
            Interpreter().runCell(source, file: "t.md", firstLine: 1, timeout: nil).error?.traceback
        }
        #expect(traceback("def f(d):\n    return d[\"b\"] + 1\nx = 1\nz = (x + 2) * f({})\n") == """
            Traceback (most recent call last):
              File "t.md", line 4, in <module>
                z = (x + 2) * f({})
                              ^^^^^
              File "t.md", line 2, in f
                return d["b"] + 1
                       ~^^^^^
            KeyError: 'b'

            """)
        #expect(traceback("1/0\n") == "Traceback (most recent call last):\n  File \"t.md\", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n")
        #expect(traceback("def g(x):\n    return x.missing\nresult = g(3)\n") == """
            Traceback (most recent call last):
              File "t.md", line 3, in <module>
                result = g(3)
                         ^^^^
              File "t.md", line 2, in g
                return x.missing
                       ^^^^^^^^^
            AttributeError: 'int' object has no attribute 'missing'

            """)
        #expect(traceback("x = undefined_name + 1\n") == """
            Traceback (most recent call last):
              File "t.md", line 1, in <module>
                x = undefined_name + 1
                    ^^^^^^^^^^^^^^
            NameError: name 'undefined_name' is not defined

            """)
        #expect(traceback("print(1 +\n  \"a\")\n") == """
            Traceback (most recent call last):
              File "t.md", line 1, in <module>
                print(1 +
                      ^^^
            TypeError: unsupported operand type(s) for +: 'int' and 'str'

            """)
        #expect(traceback("import math\nmath.sqrt(-1)\n") == """
            Traceback (most recent call last):
              File "t.md", line 2, in <module>
                math.sqrt(-1)
            ValueError: math domain error

            """)
        #expect(traceback("x = 2 ** \"a\"\n")?.contains("    x = 2 ** \"a\"\n        ~~^^~~~~\n") == true)
    }
}

/// Exception groups as CPython 3.11 prints them (`python3 t.md`).
@Suite struct ExceptionGroupTracebackTests {
    @Test func groupsFrameTheirMembers() {
        let r = Interpreter().runCell("def f():\n    raise ExceptionGroup(\"two\", [ValueError(1), TypeError(2)])\nf()\n",
                                      file: "t.md", firstLine: 1, timeout: nil)
        #expect(r.error?.traceback == """
              + Exception Group Traceback (most recent call last):
              |   File "t.md", line 3, in <module>
              |     f()
              |   File "t.md", line 2, in f
              |     raise ExceptionGroup("two", [ValueError(1), TypeError(2)])
              | ExceptionGroup: two (2 sub-exceptions)
              +-+---------------- 1 ----------------
                | ValueError: 1
                +---------------- 2 ----------------
                | TypeError: 2
                +------------------------------------

            """)
    }

    @Test func nestedGroupsAndRaisedMembers() {
        let source = "def v():\n    raise ValueError(\"inner\")\ntry:\n    v()\nexcept ValueError as e:\n    err = e\n"
            + "raise ExceptionGroup(\"outer\", [err, ExceptionGroup(\"nested\", [KeyError(\"k\")])])\n"
        let r = Interpreter().runCell(source, file: "t2.md", firstLine: 1, timeout: nil)
        #expect(r.error?.traceback == """
              + Exception Group Traceback (most recent call last):
              |   File "t2.md", line 7, in <module>
              |     raise ExceptionGroup("outer", [err, ExceptionGroup("nested", [KeyError("k")])])
              | ExceptionGroup: outer (2 sub-exceptions)
              +-+---------------- 1 ----------------
                | Traceback (most recent call last):
                |   File "t2.md", line 4, in <module>
                |     v()
                |   File "t2.md", line 2, in v
                |     raise ValueError("inner")
                | ValueError: inner
                +---------------- 2 ----------------
                | ExceptionGroup: nested (1 sub-exception)
                +-+---------------- 1 ----------------
                  | KeyError: 'k'
                  +------------------------------------

            """)
    }
}
