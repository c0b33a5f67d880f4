import Testing
@testable import Interpreter

/// The `traceback` module prints what the interpreter's own tracebacks print, and what
/// CPython 3.11 prints for the same program (expected text made by running it in CPython
/// with `exec(compile(source, "t.md", "exec"))`, so the file name is the cell's).
@Suite struct TracebackModuleTests {
    static let program = """
        import traceback, sys
        def load(path):
            return {"a": 1}[path]
        def run():
            try:
                load("b")
            except KeyError as e:
                raise ValueError("bad path") from e
        try:
            run()
        except ValueError:
            traceback.print_exc(file=sys.stdout)
            print(repr(traceback.format_exc().splitlines()[0]))
        try:
            load("c")
        except KeyError as e:
            print(traceback.format_exception(e))
            print("".join(traceback.format_tb(e.__traceback__)), end="")
            traceback.print_exception(e, file=sys.stdout)
        """

    @Test func printExcFormatExceptionAndFormatTbMatchCPython() {
        let interp = Interpreter()
        let r = interp.runCell(Self.program, file: "t.md", firstLine: 1, timeout: 20)
        #expect(r.error == nil)
        #expect(r.output == """
            Traceback (most recent call last):
              File "t.md", line 6, in run
                load("b")
              File "t.md", line 3, in load
                return {"a": 1}[path]
                       ~~~~~~~~^^^^^^
            KeyError: 'b'

            The above exception was the direct cause of the following exception:

            Traceback (most recent call last):
              File "t.md", line 10, in <module>
                run()
              File "t.md", line 8, in run
                raise ValueError("bad path") from e
            ValueError: bad path
            'Traceback (most recent call last):'
            ['Traceback (most recent call last):\\n', '  File "t.md", line 15, in <module>\\n    load("c")\\n', '  File "t.md", line 3, in load\\n    return {"a": 1}[path]\\n           ~~~~~~~~^^^^^^\\n', "KeyError: 'c'\\n"]
              File "t.md", line 15, in <module>
                load("c")
              File "t.md", line 3, in load
                return {"a": 1}[path]
                       ~~~~~~~~^^^^^^
            Traceback (most recent call last):
              File "t.md", line 15, in <module>
                load("c")
              File "t.md", line 3, in load
                return {"a": 1}[path]
                       ~~~~~~~~^^^^^^
            KeyError: 'c'

            """)
    }
}
