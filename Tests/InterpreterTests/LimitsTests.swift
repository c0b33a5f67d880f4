import Testing
@testable import Interpreter

/// Resource limits, tracebacks and syntax-error positions.
@Suite struct LimitsTests {
    @Test func infiniteLoopTimesOutAndCannotBeCaught() {
        let interp = Interpreter()
        let r = interp.runCell("""
            try:
                while True:
                    pass
            except Exception:
                print("caught")
            except BaseException:
                print("caught base")
            """, file: "lesson.md", firstLine: 20, timeout: 0.2)
        #expect(r.output == "")
        #expect(r.error?.typeName == "TimeoutError")
        #expect(r.error?.lastLine == "TimeoutError: cell exceeded its time limit of 0.2 s (lesson.md:20)")
        #expect(r.error?.line == 21)
    }

    @Test func deepRecursionRaisesRecursionError() {
        let interp = Interpreter()
        let r = interp.runCell("""
            def down(n):
                return down(n + 1)
            try:
                down(0)
            except RecursionError as e:
                print("caught:", e)
            def depth(n):
                return 0 if n == 0 else 1 + depth(n - 1)
            print(depth(900))
            """, file: "t.md", firstLine: 1, timeout: 20)
        #expect(r.error == nil)
        #expect(r.output == "caught: maximum recursion depth exceeded\n900\n")
    }

    @Test func sessionSurvivesAnErrorCell() {
        let interp = Interpreter()
        _ = interp.runCell("x = 41\n", file: "t.md", firstLine: 1, timeout: nil)
        let bad = interp.runCell("x = x + 1\nundefined\n", file: "t.md", firstLine: 5, timeout: nil)
        #expect(bad.error?.lastLine == "NameError: name 'undefined' is not defined")
        #expect(bad.error?.line == 6)
        let r = interp.runCell("x\n", file: "t.md", firstLine: 10, timeout: nil)
        #expect(r.output == "42\n")
    }

    @Test func tracebackNamesLessonLines() {
        let interp = Interpreter()
        let r = interp.runCell("""
            def inner(d):
                return d["b"]

            def outer():
                return inner({"a": 1})

            outer()
            """, file: "lessons/intro.md", firstLine: 31, timeout: nil)
        #expect(r.error?.traceback == """
            Traceback (most recent call last):
              File "lessons/intro.md", line 37, in <module>
                outer()
              File "lessons/intro.md", line 35, in outer
                return inner({"a": 1})
                       ^^^^^^^^^^^^^^^
              File "lessons/intro.md", line 32, in inner
                return d["b"]
                       ~^^^^^
            KeyError: 'b'

            """)
        #expect(r.error?.lastLine == "KeyError: 'b'")
        #expect(r.error?.message == "'b'")
        #expect(r.error?.line == 32)
    }

    @Test func syntaxErrorPointsAtLineAndColumn() {
        let interp = Interpreter()
        let r = interp.runCell("x = 1\ny = (2 +\nprint(x y)\n", file: "l.md", firstLine: 3, timeout: nil)
        #expect(r.error?.typeName == "SyntaxError")
        let r2 = interp.runCell("a = 1\nb = = 2\n", file: "l.md", firstLine: 3, timeout: nil)
        #expect(r2.error?.lastLine == "SyntaxError: invalid syntax")
        #expect(r2.error?.line == 4)
        #expect(r2.error?.column == 5)
        #expect(r2.error?.traceback == "  File \"l.md\", line 4\n    b = = 2\n        ^\nSyntaxError: invalid syntax\n")
        let r3 = interp.runCell("if True:\nprint(1)\n", file: "l.md", firstLine: 1, timeout: nil)
        #expect(r3.error?.lastLine == "IndentationError: expected an indented block after 'if' statement on line 1")
        let r4 = interp.runCell("for x in y:\n    pass\n  bad\n", file: "l.md", firstLine: 1, timeout: nil)
        #expect(r4.error?.typeName == "IndentationError")
        let r5 = interp.runCell("return 5\n", file: "l.md", firstLine: 1, timeout: nil)
        #expect(r5.error?.lastLine == "SyntaxError: 'return' outside function")
    }

    /// Ints grow past 64 bits; a power too large to hold raises MemoryError instead of
    /// exhausting the machine.
    @Test func hugeIntegerPowersRaiseMemoryError() {
        let interp = Interpreter()
        #expect(interp.runCell("2 ** 64\n", file: "t.md", firstLine: 1, timeout: nil).output == "18446744073709551616\n")
        let r = interp.runCell("3 ** (2 ** 40)\n", file: "t.md", firstLine: 1, timeout: nil)
        #expect(r.error?.lastLine == "MemoryError")
    }

    /// Without a lesson folder only the private in-memory file space exists; no network.
    @Test func noFileOrNetworkAccessBeyondTheFileSpace() {
        let interp = Interpreter()
        let r = interp.runCell("open('x.txt')\n", file: "t.md", firstLine: 1, timeout: nil)
        #expect(r.error?.lastLine == "FileNotFoundError: [Errno 2] No such file or directory: 'x.txt'")
        let r2 = interp.runCell("import socket\nsocket.socket()\n", file: "t.md", firstLine: 1, timeout: nil)
        #expect(r2.error?.lastLine == "PermissionError: [Errno 13] Permission denied: lessons have no network access")
    }

    @Test func randomMatchesCPython() {
        let interp = Interpreter()
        let r = interp.runCell("import random\nrandom.seed(0)\nprint(random.random(), random.randint(1, 10), random.choice('abc'))\nl = list(range(5)); random.shuffle(l); print(l)\n", file: "t.md", firstLine: 1, timeout: nil)
        #expect(r.output == "0.8444218515250481 7 a\n[0, 4, 1, 3, 2]\n")
    }
}

/// A finished session frees what its cells created, despite module/function cycles.
@Suite struct SessionLifetimeTests {
    final class Token { }

    /// Without a suspended generator, dropping the interpreter is enough.
    @Test func droppedSessionReleasesItsObjects() {
        weak var seen: Token?
        do {
            let interp = Interpreter()
            interp.registerModule(name: "probe") { i, m in
                let cls = i.makeClass("Probe", module: "probe")
                cls.setConstructor { i, c, _ in
                    let t = Token()
                    seen = t
                    return i.makeInstance(c, payload: t)
                }
                m.add("Probe", cls)
            }
            let r = interp.runCell("from probe import Probe\nclass H:\n    def __init__(self):\n        self.p = Probe()\n    def get(self):\n        return self.p\nh = H()\nh.get()\n", file: "t.md", firstLine: 1, timeout: nil)
            #expect(r.error == nil)
            #expect(seen != nil)
        }
        #expect(seen == nil)
    }

    /// A suspended generator needs `shutdown()`; its `finally` runs then.
    @Test func endedSessionReleasesItsObjects() {
        weak var seen: Token?
        do {
            let interp = Interpreter()
            interp.registerModule(name: "probe") { i, m in
                let cls = i.makeClass("Probe", module: "probe")
                cls.setConstructor { i, c, _ in
                    let t = Token()
                    seen = t
                    return i.makeInstance(c, payload: t)
                }
                m.add("Probe", cls)
            }
            let r = interp.runCell("""
                from probe import Probe
                def keep():
                    return p
                class Holder:
                    def __init__(self):
                        self.p = Probe()
                h = Holder()
                p = h.p
                def counter():
                    n = 0
                    while True:
                        yield n
                        n += 1
                c = counter()
                next(c)
                """, file: "t.md", firstLine: 1, timeout: nil)
            #expect(r.error == nil)
            #expect(seen != nil)
            interp.shutdown()
        }
        #expect(seen == nil)
    }
}

@Suite struct TimeoutInBuiltinsTests {
    @Test func longComprehensionTimesOut() {
        let interp = Interpreter()
        // Terms that cannot overflow: a fast (release) build reached the Int64 limit of a sum
        // of squares, an OverflowError, within the 0.3 s.
        let r = interp.runCell("total = sum(x % 7 for x in range(10 ** 12))\n", file: "t.md", firstLine: 3, timeout: 0.3)
        #expect(r.error?.typeName == "TimeoutError")
        #expect(r.error?.line == 3)
    }
}
