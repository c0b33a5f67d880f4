import Testing
@testable import Interpreter

/// A Swift value carried by instances of the native `Box` class.
final class BoxPayload {
    var value: Double
    init(_ v: Double) { value = v }
}

/// Registers `demo` (native), `demo.sub` (native) and `demo.layers` (Python source).
func makeDemoInterpreter() -> Interpreter {
    let interp = Interpreter()
    interp.registerModule(name: "demo") { i, m in
        let box = i.makeClass("Box", module: "demo")
        box.setConstructor { i, cls, args in
            let b = try args.bind(Signature("Box", ["value"], required: 1))
            return i.makeInstance(cls, payload: BoxPayload(try i.doubleArgument(b[0]!)))
        }
        func value(_ v: PyValue) -> Double? { v.payload(BoxPayload.self)?.value ?? v.asDouble }
        box.addMethod("__add__") { i, s, a in
            guard let x = value(a[0]) else { return .notImplemented }
            return i.makeInstance(i.typeOf(s), payload: BoxPayload(s.payload(BoxPayload.self)!.value + x))
        }
        box.addMethod("__radd__") { i, s, a in
            guard let x = value(a[0]) else { return .notImplemented }
            return i.makeInstance(i.typeOf(s), payload: BoxPayload(x + s.payload(BoxPayload.self)!.value))
        }
        box.addMethod("__eq__") { _, s, a in .list([.bool(s.payload(BoxPayload.self)!.value == value(a[0]))]) }
        box.addMethod("__getitem__") { i, _, a in .str(try i.repr(a[0])) }
        box.addMethod("__repr__") { _, s, _ in .str("Box(\(s.payload(BoxPayload.self)!.value))") }
        box.addProperty("value", get: { _, s in .float(s.payload(BoxPayload.self)!.value) },
                        set: { i, s, v in s.payload(BoxPayload.self)!.value = try i.doubleArgument(v) })
        box.addMethod("fail") { _, _, _ in throw PyError.runtimeError("box is broken") }
        m.add("Box", box)
        m.addFunction("double") { i, a in
            let b = try a.bind(Signature("double", ["x"], keywordOnly: ["times"], required: 1))
            return try i.binaryOp(.mul, b[0]!, b[1] ?? .int(2))
        }
    }
    interp.registerModule(name: "demo.sub") { _, m in
        m.addFunction("answer") { _, _ in .int(42) }
    }
    interp.registerSourceModule(name: "demo.layers", source: """
        from demo import Box

        class Scaled(Box):
            def __init__(self, value, scale=2):
                self.scale = scale

            def scaled(self):
                return self.value * self.scale

        def broken():
            return 1 / 0
        """, file: "<demo/layers.py>")
    return interp
}

@Suite struct HostAPITests {
    func run(_ interp: Interpreter, _ src: String) -> String {
        let r = interp.runCell(src, file: "t.md", firstLine: 10, timeout: 5)
        return r.output + (r.error.map { $0.lastLine + "\n" } ?? "")
    }

    @Test func nativeModulesClassesAndOperators() {
        let interp = makeDemoInterpreter()
        #expect(run(interp, """
            import demo
            from demo.sub import answer
            import demo.sub as s
            b = demo.Box(1.5)
            print(b + 1, 2 + b, b == 1.5, b[1:2, None, ...], b.value, type(b).__name__)
            b.value = 4
            print(b, answer(), s.answer(), demo.double(3), demo.double("ab", times=3))
            """) == "Box(2.5) Box(3.5) [True] (slice(1, 2, None), None, Ellipsis) 1.5 Box\nBox(4.0) 42 42 6 ababab\n")
    }

    @Test func pythonSubclassOfNativeClass() {
        let interp = makeDemoInterpreter()
        #expect(run(interp, """
            from demo.layers import Scaled
            from demo import Box
            s = Scaled(3.0)
            s.scale = 4
            print(s.scaled(), isinstance(s, Box), s + 1)
            """) == "12.0 True Box(4.0)\n")
    }

    @Test func nativeErrorsAreCatchableWithTheirType() {
        let interp = makeDemoInterpreter()
        #expect(run(interp, """
            import demo
            try:
                demo.Box(1).fail()
            except RuntimeError as e:
                print("caught", e)
            demo.double()
            """) == "caught box is broken\nTypeError: double() missing 1 required positional argument: 'x'\n")
    }

    @Test func errorsInSourceModulesNameTheirFile() {
        let interp = makeDemoInterpreter()
        let r = interp.runCell("from demo.layers import broken\nbroken()\n", file: "lesson.md", firstLine: 7, timeout: nil)
        #expect(r.error?.lastLine == "ZeroDivisionError: division by zero")
        #expect(r.error?.traceback == """
            Traceback (most recent call last):
              File "lesson.md", line 8, in <module>
                broken()
              File "<demo/layers.py>", line 11, in broken
                return 1 / 0
                       ~~^~~
            ZeroDivisionError: division by zero

            """)
    }

    @Test func unknownModulesRaiseModuleNotFoundError() {
        let interp = makeDemoInterpreter()
        #expect(run(interp, "import nosuchmodule\n") == "ModuleNotFoundError: No module named 'nosuchmodule'\n")
        #expect(run(interp, "import demo.nothing\n") == "ModuleNotFoundError: No module named 'demo.nothing'\n")
        #expect(run(interp, "from demo import nothing\n") == "ImportError: cannot import name 'nothing' from 'demo' (unknown location)\n")
    }

    @Test func callingBackIntoPython() throws {
        let interp = makeDemoInterpreter()
        _ = interp.runCell("def f(a, b=10):\n    return a * b\n", file: "t.md", firstLine: 1, timeout: nil)
        let f = interp.main["f"]!
        let r = try interp.call(f, [.int(3)], kwargs: [("b", .int(5))])
        #expect(try interp.repr(r) == "15")
        #expect(try interp.iterate(.list([1, 2])).count == 2)
    }
}

@Suite struct WarningTests {
    @Test func warningsGoToTheirOwnSinkWithLocation() {
        let interp = Interpreter()
        var warned = ""
        interp.warnings = { warned += $0 }
        let r = interp.runCell("import warnings\ndef f():\n    warnings.warn(\"old API\", DeprecationWarning)\nf()\nprint('done')\n",
                               file: "w.md", firstLine: 40, timeout: nil)
        #expect(r.output == "done\n")
        #expect(warned == "w.md:42: DeprecationWarning: old API\n  warnings.warn(\"old API\", DeprecationWarning)\n")
    }
}
