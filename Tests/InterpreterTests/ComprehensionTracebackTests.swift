import Testing
@testable import Interpreter

/// Tracebacks as CPython 3.11.7 printed them (`/usr/bin/python3 t.py`) for what the first
/// table does not cover: the frames of comprehensions and generator expressions
/// (`<listcomp>`, `<genexpr>`, `<dictcomp>`, `<setcomp>`) and lambdas, markers of
/// expressions inside f-strings, and operators after a parenthesised operand
/// (`(a + b) * c` anchors on the `)`).
@Suite struct ComprehensionTracebackTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let source: String
        let output: String
        let traceback: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "listcomp", source: #"""
def f(xs):
    return [1 / x for x in xs]
f([1, 0])

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f([1, 0])
  File "t.py", line 2, in f
    return [1 / x for x in xs]
           ^^^^^^^^^^^^^^^^^^^
  File "t.py", line 2, in <listcomp>
    return [1 / x for x in xs]
            ~~^~~
ZeroDivisionError: division by zero

"""#),
        Case(name: "listcomp_module", source: #"""
xs = [1, 0]
ys = [10 // x for x in xs]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    ys = [10 // x for x in xs]
         ^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 2, in <listcomp>
    ys = [10 // x for x in xs]
          ~~~^^~~
ZeroDivisionError: integer division or modulo by zero

"""#),
        Case(name: "genexpr", source: #"""
total = sum(1 / x for x in [2, 0])

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    total = sum(1 / x for x in [2, 0])
            ^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 1, in <genexpr>
    total = sum(1 / x for x in [2, 0])
                ~~^~~
ZeroDivisionError: division by zero

"""#),
        Case(name: "genexpr_nested_call", source: #"""
def g(x):
    return x["k"]
r = list(g(d) for d in [{"k": 1}, {}])

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    r = list(g(d) for d in [{"k": 1}, {}])
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 3, in <genexpr>
    r = list(g(d) for d in [{"k": 1}, {}])
             ^^^^
  File "t.py", line 2, in g
    return x["k"]
           ~^^^^^
KeyError: 'k'

"""#),
        Case(name: "dictcomp", source: #"""
d = {k: 1 / k for k in range(-1, 2)}

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    d = {k: 1 / k for k in range(-1, 2)}
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 1, in <dictcomp>
    d = {k: 1 / k for k in range(-1, 2)}
            ~~^~~
ZeroDivisionError: division by zero

"""#),
        Case(name: "setcomp", source: #"""
s = {int(c) for c in "12a"}

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    s = {int(c) for c in "12a"}
        ^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 1, in <setcomp>
    s = {int(c) for c in "12a"}
         ^^^^^^
ValueError: invalid literal for int() with base 10: 'a'

"""#),
        Case(name: "lambda", source: #"""
f = lambda x: x + "s"
print(f(1))

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    print(f(1))
          ^^^^
  File "t.py", line 1, in <lambda>
    f = lambda x: x + "s"
                  ~~^~~~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'

"""#),
        Case(name: "lambda_sorted", source: #"""
data = [3, "a"]
sorted(data, key=lambda v: v * 2 + 1)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    sorted(data, key=lambda v: v * 2 + 1)
  File "t.py", line 2, in <lambda>
    sorted(data, key=lambda v: v * 2 + 1)
                               ~~~~~~^~~
TypeError: can only concatenate str (not "int") to str

"""#),
        Case(name: "nested_listcomp", source: #"""
m = [[1 / (i - j) for j in range(3)] for i in range(3)]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    m = [[1 / (i - j) for j in range(3)] for i in range(3)]
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 1, in <listcomp>
    m = [[1 / (i - j) for j in range(3)] for i in range(3)]
         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 1, in <listcomp>
    m = [[1 / (i - j) for j in range(3)] for i in range(3)]
          ~~^~~~~~~~~
ZeroDivisionError: division by zero

"""#),
        Case(name: "listcomp_multiline", source: #"""
vals = [
    int(s)
    for s in ["1", "x"]
]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    vals = [
           ^
  File "t.py", line 2, in <listcomp>
    int(s)
ValueError: invalid literal for int() with base 10: 'x'

"""#),
        Case(name: "fstring_binop", source: #"""
x = 1
print(f"value: {x + 'a'}")

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    print(f"value: {x + 'a'}")
                    ~~^~~~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'

"""#),
        Case(name: "fstring_call", source: #"""
name = None
msg = f"hello {name.upper()} there"

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    msg = f"hello {name.upper()} there"
                   ^^^^^^^^^^
AttributeError: 'NoneType' object has no attribute 'upper'

"""#),
        Case(name: "fstring_subscript", source: #"""
d = {}
print(f"{d['missing']}")

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    print(f"{d['missing']}")
             ~^^^^^^^^^^^
KeyError: 'missing'

"""#),
        Case(name: "fstring_div", source: #"""
a, b = 1, 0
s = f"{a} / {b} = {a / b:.2f}"

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    s = f"{a} / {b} = {a / b:.2f}"
                       ~~^~~
ZeroDivisionError: division by zero

"""#),
        Case(name: "paren_left", source: #"""
a, b, c = 1, 2, None
x = (a + b) * c

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = (a + b) * c
        ~~~~~~^~~~~
TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'

"""#),
        Case(name: "paren_right", source: #"""
a, b, c = 1, None, 2
x = c * (a + b)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = c * (a + b)
             ~~^~~
TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'

"""#),
        Case(name: "paren_both", source: #"""
a, b, c, d = 1, 2, 3, None
x = (a + b) / (c * d)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = (a + b) / (c * d)
                   ~~^~~
TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'

"""#),
        Case(name: "paren_inner_fail", source: #"""
a, b, c = 1, 0, 2
x = (a / b) * c

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = (a / b) * c
         ~~^~~
ZeroDivisionError: division by zero

"""#),
        Case(name: "paren_nested", source: #"""
a = 1
y = ((a + 2)) - "s"

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    y = ((a + 2)) - "s"
        ~~~~~~~^^~~~~~~
TypeError: unsupported operand type(s) for -: 'int' and 'str'

"""#),
        Case(name: "paren_call_result", source: #"""
def f(): return 1
y = (f()) + "x"

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    y = (f()) + "x"
        ~~~~^~~~~~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'

"""#),
        Case(name: "genexpr_in_function", source: #"""
def total(xs):
    return sum(x * 2 for x in xs)
total([1, None])

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    total([1, None])
  File "t.py", line 2, in total
    return sum(x * 2 for x in xs)
           ^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 2, in <genexpr>
    return sum(x * 2 for x in xs)
               ~~^~~
TypeError: unsupported operand type(s) for *: 'NoneType' and 'int'

"""#),
        Case(name: "listcomp_condition", source: #"""
xs = [1, None]
ys = [x for x in xs if x > 0]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    ys = [x for x in xs if x > 0]
         ^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 2, in <listcomp>
    ys = [x for x in xs if x > 0]
                           ^^^^^
TypeError: '>' not supported between instances of 'NoneType' and 'int'

"""#),
        Case(name: "listcomp_not_iterable", source: #"""
ys = [x for x in 5]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    ys = [x for x in 5]
         ^^^^^^^^^^^^^^
TypeError: 'int' object is not iterable

"""#),
        Case(name: "listcomp_nested_iter", source: #"""
ys = [y for x in [1, 2] for y in x]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    ys = [y for x in [1, 2] for y in x]
         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 1, in <listcomp>
    ys = [y for x in [1, 2] for y in x]
         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
TypeError: 'int' object is not iterable

"""#),
        Case(name: "paren_nospace", source: #"""
a, b, c = 1, 2, None
x = (a+b)*c

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = (a+b)*c
        ~~~~^^~
TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'

"""#),
        Case(name: "paren_pow", source: #"""
a = None
x = (a) ** 2

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = (a) ** 2
        ~~^~~~~~
TypeError: unsupported operand type(s) for ** or pow(): 'NoneType' and 'int'

"""#),
        Case(name: "reraise_listcomp", source: #"""
def f(xs):
    try:
        return [10 // x for x in xs]
    except ZeroDivisionError:
        raise ValueError("bad input")
f([0])

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in f
    return [10 // x for x in xs]
           ^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 3, in <listcomp>
    return [10 // x for x in xs]
            ~~~^^~~
ZeroDivisionError: integer division or modulo by zero

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "t.py", line 6, in <module>
    f([0])
  File "t.py", line 5, in f
    raise ValueError("bad input")
ValueError: bad input

"""#),
        Case(name: "method_listcomp", source: #"""
class M:
    def run(self, xs):
        return {x: x.upper() for x in xs}
M().run(["a", 1])

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 4, in <module>
    M().run(["a", 1])
  File "t.py", line 3, in run
    return {x: x.upper() for x in xs}
           ^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 3, in <dictcomp>
    return {x: x.upper() for x in xs}
               ^^^^^^^
AttributeError: 'int' object has no attribute 'upper'

"""#),
        Case(name: "lambda_in_listcomp", source: #"""
fs = [lambda: 1 / 0 for _ in range(2)]
fs[0]()

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    fs[0]()
  File "t.py", line 1, in <lambda>
    fs = [lambda: 1 / 0 for _ in range(2)]
                  ~~^~~
ZeroDivisionError: division by zero

"""#),
        Case(name: "fstring_multi", source: #"""
x = None
s = (f"first {1}"
     f" second {x.y}")

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f" second {x.y}")
               ^^^
AttributeError: 'NoneType' object has no attribute 'y'

"""#),
        Case(name: "fstring_nested_spec", source: #"""
w = "a"
s = f"{3.14159:{w}}"

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    s = f"{3.14159:{w}}"
        ^^^^^^^^^^^^^^^^
ValueError: Unknown format code 'a' for object of type 'float'

"""#),
        Case(name: "genexpr_gen_func", source: #"""
def gen():
    yield 1
    raise KeyError("g")
total = sum(x for x in gen())

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 4, in <module>
    total = sum(x for x in gen())
            ^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 4, in <genexpr>
    total = sum(x for x in gen())
               ^^^^^^^^^^^^^^^^^^
  File "t.py", line 3, in gen
    raise KeyError("g")
KeyError: 'g'

"""#),
        Case(name: "listcomp_caught", source: #"""
try:
    [1 / x for x in [0]]
except ZeroDivisionError as e:
    print("caught", e)
print([x for x in range(3)])

"""#,
             output: #"""
caught division by zero
[0, 1, 2]

"""#,
             traceback: #"""

"""#),
        Case(name: "any_genexpr", source: #"""
items = ["1", "x"]
ok = any(int(s) > 0 for s in items)

"""#,
             output: #"""

"""#,
             traceback: #"""

"""#),
        Case(name: "setcomp_in_func", source: #"""
def uniq(xs):
    return {hash(x) for x in xs}
uniq([1, [2]])

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    uniq([1, [2]])
  File "t.py", line 2, in uniq
    return {hash(x) for x in xs}
           ^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 2, in <setcomp>
    return {hash(x) for x in xs}
            ^^^^^^^
TypeError: unhashable type: 'list'

"""#),
        Case(name: "dictcomp_value", source: #"""
d = {k: v for k, v in [(1, 2), (3,)]}

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    d = {k: v for k, v in [(1, 2), (3,)]}
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "t.py", line 1, in <dictcomp>
    d = {k: v for k, v in [(1, 2), (3,)]}
                  ^^^^
ValueError: not enough values to unpack (expected 2, got 1)

"""#),
    ]

    @Test(arguments: cases) func tracebackMatchesCPython(_ c: Case) {
        let interp = Interpreter()
        let r = interp.runScript(c.source, file: "t.py")
        #expect(r.output == c.output)
        #expect((r.error?.traceback ?? "") == c.traceback)
    }
}
