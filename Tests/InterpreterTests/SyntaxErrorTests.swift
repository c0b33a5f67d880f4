import Testing
@testable import Interpreter

/// Syntax errors as CPython 3.11 reports them: message, line and caret. Each expected text
/// is what `python3.11 FILE.py` printed for the same source, with the file name changed.
@Suite struct SyntaxErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let source: String
        let expected: String
        var testDescription: String { source }
    }

    static let cases: [Case] = [
        Case(source: "def f(:\n    pass\n", expected: """
              File "s.py", line 1
                def f(:
                      ^
            SyntaxError: invalid syntax
            """),
        Case(source: "x = (1,\ny = 2\n", expected: """
              File "s.py", line 1
                x = (1,
                    ^
            SyntaxError: '(' was never closed
            """),
        Case(source: "foo(1, 2\n", expected: """
              File "s.py", line 1
                foo(1, 2
                   ^
            SyntaxError: '(' was never closed
            """),
        Case(source: "x = [1, 2\n", expected: """
              File "s.py", line 1
                x = [1, 2
                    ^
            SyntaxError: '[' was never closed
            """),
        Case(source: "x = 1)\n", expected: """
              File "s.py", line 1
                x = 1)
                     ^
            SyntaxError: unmatched ')'
            """),
        Case(source: "def f():\nreturn 1\n", expected: """
              File "s.py", line 2
                return 1
                ^
            IndentationError: expected an indented block after function definition on line 1
            """),
        Case(source: "if True:\nprint(1)\n", expected: """
              File "s.py", line 2
                print(1)
                ^
            IndentationError: expected an indented block after 'if' statement on line 1
            """),
        Case(source: "class A:\nx=1\n", expected: """
              File "s.py", line 2
                x=1
                ^
            IndentationError: expected an indented block after class definition on line 1
            """),
        Case(source: "try:\n    pass\nexcept ValueError:\npass\n", expected: """
              File "s.py", line 4
                pass
                ^
            IndentationError: expected an indented block after 'except' statement on line 3
            """),
        Case(source: "if x:\n    pass\nelse:\npass\n", expected: """
              File "s.py", line 4
                pass
                ^
            IndentationError: expected an indented block after 'else' statement on line 3
            """),
        Case(source: "for x in y:\npass\n", expected: """
              File "s.py", line 2
                pass
                ^
            IndentationError: expected an indented block after 'for' statement on line 1
            """),
        Case(source: "if True:\n        x = 1\n    y = 2\n", expected: """
              File "s.py", line 3
                y = 2
                     ^
            IndentationError: unindent does not match any outer indentation level
            """),
        Case(source: "if x\n    pass\n", expected: """
              File "s.py", line 1
                if x
                    ^
            SyntaxError: expected ':'
            """),
        Case(source: "for x in range(3)\n    pass\n", expected: """
              File "s.py", line 1
                for x in range(3)
                                 ^
            SyntaxError: expected ':'
            """),
        Case(source: "print \"x\"\n", expected: """
              File "s.py", line 1
                print "x"
                ^^^^^^^^^
            SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
            """),
        Case(source: "while True print(1)\n", expected: """
              File "s.py", line 1
                while True print(1)
                           ^^^^^
            SyntaxError: invalid syntax
            """),
        Case(source: "a = 1\nb = = 2\n", expected: """
              File "s.py", line 2
                b = = 2
                    ^
            SyntaxError: invalid syntax
            """),
        Case(source: "1 = x\n", expected: """
              File "s.py", line 1
                1 = x
                ^
            SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?
            """),
    ]

    @Test(arguments: cases) func matchesCPython(_ example: Case) {
        let r = Interpreter().runCell(example.source, file: "s.py", firstLine: 1, timeout: nil)
        #expect(r.error?.traceback == example.expected + "\n")
    }
}
