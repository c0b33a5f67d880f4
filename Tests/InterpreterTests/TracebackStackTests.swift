import Testing
@testable import Interpreter

/// `raise e.with_traceback(tb)` continues `tb`, and the stack functions list the running
/// frames. Expected text: CPython 3.11 running the program as a script named `t.md`
/// (`python3 t.md`, its absolute path shortened to the cell's name).
@Suite struct TracebackStackTests {
    static let program = """
        import sys, traceback
        def load(key):
            return {"a": 1}[key]
        try:
            load("b")
        except KeyError as e:
            saved, tb = e, e.__traceback__
        def rethrow():
            raise saved.with_traceback(tb)
        try:
            rethrow()
        except KeyError:
            traceback.print_exc(file=sys.stdout)
        def inner():
            return traceback.format_stack()
        def outer():
            return inner()
        print("".join(outer()), end="")
        def show():
            traceback.print_stack(file=sys.stdout)
        show()
        stack = traceback.extract_stack()
        print(len(stack), stack[-1].name, stack[-1].lineno, stack[-1].line, type(stack).__name__)
        print(traceback.format_stack(limit=1))
        try:
            try:
                load("c")
            except KeyError as e:
                raise e
        except KeyError as e:
            print("".join(traceback.format_tb(e.__traceback__)), end="")
            print(e.__context__)
        e = ValueError("no tb").with_traceback(None)
        print(e.__traceback__)
        """

    @Test func withTracebackAndStackFunctionsMatchCPython() {
        let interp = Interpreter()
        let r = interp.runCell(Self.program, file: "t.md", firstLine: 1, timeout: 20)
        #expect(r.error == nil)
        #expect(r.output == """
            Traceback (most recent call last):
              File "t.md", line 11, in <module>
                rethrow()
              File "t.md", line 9, in rethrow
                raise saved.with_traceback(tb)
              File "t.md", line 5, in <module>
                load("b")
              File "t.md", line 3, in load
                return {"a": 1}[key]
                       ~~~~~~~~^^^^^
            KeyError: 'b'
              File "t.md", line 18, in <module>
                print("".join(outer()), end="")
              File "t.md", line 17, in outer
                return inner()
              File "t.md", line 15, in inner
                return traceback.format_stack()
              File "t.md", line 21, in <module>
                show()
              File "t.md", line 20, in show
                traceback.print_stack(file=sys.stdout)
            1 <module> 22 stack = traceback.extract_stack() StackSummary
            ['  File "t.md", line 24, in <module>\\n    print(traceback.format_stack(limit=1))\\n']
              File "t.md", line 29, in <module>
                raise e
              File "t.md", line 27, in <module>
                load("c")
              File "t.md", line 3, in load
                return {"a": 1}[key]
                       ~~~~~~~~^^^^^
            None
            None

            """)
    }
}
