import Testing
@testable import Interpreter

/// Tracebacks through `exec`/`eval` as CPython 3.11 prints them: "<string>" frames have no
/// source line (expected texts made by running the same source as a file named t.md).
@Suite struct DynamicCodeTracebackTests {
    @Test func execFramesShowNoSourceLine() {
        let r = Interpreter().runScript("exec(\"def h():\\n    raise ValueError('x')\\nh()\")\n", file: "t.md")
        #expect(r.error?.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 1, in <module>\n    exec(\"def h():\\n    raise ValueError('x')\\nh()\")\n  File \"<string>\", line 3, in <module>\n  File \"<string>\", line 2, in h\nValueError: x\n")
    }

    @Test func evalSyntaxErrorNamesTheStringAndLine() {
        let r = Interpreter().runScript("try:\n    eval('1 +')\nexcept SyntaxError as e:\n    print(e.filename, e.lineno, e.msg)\n", file: "t.md")
        #expect(r.output == "<string> 1 invalid syntax\n")
    }
}
