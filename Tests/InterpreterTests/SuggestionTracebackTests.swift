import Testing
@testable import Interpreter

/// CPython 3.11 adds "Did you mean" to an uncaught NameError/AttributeError (not to the
/// `traceback` module's texts), and runs a `with` block's `__exit__` while its exception is
/// handled. Expected texts: the same source run as a file named t.md with python3.
@Suite struct SuggestionTracebackTests {
    private func run(_ source: String) -> (output: String, traceback: String?) {
        let r = Interpreter().runScript(source, file: "t.md")
        return (r.output, r.error?.traceback)
    }

    @Test func nameErrorSuggestsALocalThenAGlobalThenABuiltin() {
        let r = run("learning_rate = 0.1\ndef step(weights):\n    for w in weights:\n        print(w * learnin_rate)\n    return wieghts\ntry:\n    step([1])\nexcept NameError as e:\n    print(e)\nprnt('x')\n")
        #expect(r.output == "name 'learnin_rate' is not defined\n")
        #expect(r.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 10, in <module>\n    prnt('x')\n    ^^^^\nNameError: name 'prnt' is not defined. Did you mean: 'print'?\n")
    }

    @Test func nameErrorInAFunctionSuggestsItsLocal() {
        let r = run("def train(model):\n    for epoch in range(3):\n        loss = modle(epoch)\ntrain(None)\n")
        #expect(r.output == "")
        #expect(r.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 4, in <module>\n    train(None)\n  File \"t.md\", line 3, in train\n    loss = modle(epoch)\n           ^^^^^\nNameError: name 'modle' is not defined. Did you mean: 'model'?\n")
    }

    @Test func attributeErrorSuggestsFromDir() {
        let r = run("class Value:\n    def __init__(self, data):\n        self.data = data\n        self.grad = 0\nv = Value(1)\nprint(v.gard)\n")
        #expect(r.output == "")
        #expect(r.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 6, in <module>\n    print(v.gard)\n          ^^^^^^\nAttributeError: 'Value' object has no attribute 'gard'\n")
    }

    @Test func attributeErrorOnModuleAndBuiltinType() {
        let r = run("import math\ntry:\n    math.sqr(2)\nexcept AttributeError as e:\n    print(e, e.name, e.obj is math)\n[1].apend(2)\n")
        #expect(r.output == "module 'math' has no attribute 'sqr' sqr True\n")
        #expect(r.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 6, in <module>\n    [1].apend(2)\n    ^^^^^^^^^\nAttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?\n")
    }

    @Test func noSuggestionWhenNothingIsClose() {
        let r = run("zzqx\n")
        #expect(r.output == "")
        #expect(r.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 1, in <module>\n    zzqx\nNameError: name 'zzqx' is not defined\n")
    }

    @Test func exitRaisingWhileHandlingChainsTheBodyException() {
        let r = run("class Resource:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n        raise OSError('close failed')\nwith Resource():\n    1 / 0\n")
        #expect(r.output == "")
        #expect(r.traceback == "Traceback (most recent call last):\n  File \"t.md\", line 7, in <module>\n    1 / 0\n    ~~^~~\nZeroDivisionError: division by zero\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"t.md\", line 6, in <module>\n    with Resource():\n  File \"t.md\", line 5, in __exit__\n    raise OSError('close failed')\nOSError: close failed\n")
    }
}
