import Testing
@testable import Interpreter

/// Chained tracebacks as CPython 3.11 prints them (expected texts made by running the same
/// source as a file named t.md with python3).
@Suite struct ChainedTracebackTests {
    private func traceback(_ source: String) -> (output: String, traceback: String?) {
        let r = Interpreter().runScript(source, file: "t.md")
        return (r.output, r.error?.traceback)
    }

    @Test func implicitContextIsShownBeforeTheNewException() {
        let r = traceback("def parse(s):\n    try:\n        return int(s)\n    except ValueError as e:\n        raise RuntimeError(\"bad input\") from e\ntry:\n    parse(\"x\")\nexcept RuntimeError as e:\n    print(type(e.__cause__).__name__, e.__suppress_context__)\nd = {}\ntry:\n    d[\"k\"]\nexcept KeyError:\n    x = 1 / 0\n")
        #expect(r.output == "ValueError True\n")
        #expect(r.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 12, in <module>\n    d[\"k\"]\n    ~^^^^^\nKeyError: 'k'\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"t.md\", line 14, in <module>\n    x = 1 / 0\n        ~~^~~\nZeroDivisionError: division by zero\n")
    }

    @Test func explicitCauseAndNotes() {
        let r = traceback("def f():\n    raise ValueError(\"inner\")\ndef g():\n    try:\n        f()\n    except ValueError as e:\n        e.add_note(\"while running g\")\n        raise TypeError(\"outer\") from e\ng()\n")
        #expect(r.output == "")
        #expect(r.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 5, in g\n    f()\n  File \"t.md\", line 2, in f\n    raise ValueError(\"inner\")\nValueError: inner\nwhile running g\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"t.md\", line 9, in <module>\n    g()\n  File \"t.md\", line 8, in g\n    raise TypeError(\"outer\") from e\nTypeError: outer\n")
    }

    @Test func bareRaiseKeepsTheOriginalLineAndNotes() {
        let r = traceback("try:\n    {}[\"x\"]\nexcept KeyError as e:\n    e.add_note(\"note 1\")\n    e.add_note(\"note 2\")\n    raise\n")
        #expect(r.output == "")
        #expect(r.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 2, in <module>\n    {}[\"x\"]\nKeyError: 'x'\nnote 1\nnote 2\n")
    }

    @Test func raiseFromNoneHidesTheContext() {
        let r = traceback("try:\n    raise KeyError('a')\nexcept KeyError:\n    raise ValueError('b') from None\n")
        #expect(r.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 4, in <module>\n    raise ValueError('b') from None\nValueError: b\n")
    }

    @Test func aCauseThatWasNeverRaisedHasNoTraceback() {
        let r = traceback("raise RuntimeError('b') from ValueError('a')\n")
        #expect(r.traceback == "ValueError: a\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"t.md\", line 1, in <module>\n    raise RuntimeError('b') from ValueError('a')\nRuntimeError: b\n")
    }
}
