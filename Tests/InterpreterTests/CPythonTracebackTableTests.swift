import Testing
@testable import Interpreter

/// Full tracebacks and outputs as CPython 3.11.7 printed them for the same programs
/// (made by running `/usr/bin/python3 t.py`): the `~~~^^^` / `^^^^` position markers of
/// each kind of failing expression, and `except*` with exception groups (the `| ` boxes,
/// re-raised parts, new exceptions raised in handlers, notes, chaining).
@Suite struct CPythonTracebackTableTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let source: String
        let output: String
        let traceback: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "assert", source: #"""
assert 1 == 2, 'no'

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    assert 1 == 2, 'no'
           ^^^^^^
AssertionError: no

"""#),
        Case(name: "attr", source: #"""
x = None
y = x.foo

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    y = x.foo
        ^^^^^
AttributeError: 'NoneType' object has no attribute 'foo'

"""#),
        Case(name: "attr_call_arg", source: #"""
x = len(5)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = len(5)
        ^^^^^^
TypeError: object of type 'int' has no len()

"""#),
        Case(name: "attr_store", source: #"""
x = 5
x.y = 3

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x.y = 3
    ^^^
AttributeError: 'int' object has no attribute 'y'

"""#),
        Case(name: "aug", source: #"""
x = 1
x += 'a'

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x += 'a'
TypeError: unsupported operand type(s) for +=: 'int' and 'str'

"""#),
        Case(name: "aug_attr", source: #"""
class A: pass
a = A()
a.n += 1

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    a.n += 1
    ^^^
AttributeError: 'A' object has no attribute 'n'

"""#),
        Case(name: "aug_sub", source: #"""
d = {}
d['k'] += 1

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    d['k'] += 1
    ~^^^^^
KeyError: 'k'

"""#),
        Case(name: "binop_div", source: #"""
x = 1
y = 0
z = x / y + 2

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    z = x / y + 2
        ~~^~~
ZeroDivisionError: division by zero

"""#),
        Case(name: "binop_paren", source: #"""
x = (1 +
  'a')

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = (1 +
         ^^^
TypeError: unsupported operand type(s) for +: 'int' and 'str'

"""#),
        Case(name: "bool_op", source: #"""
x = 1 and 1/0

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = 1 and 1/0
              ~^~
ZeroDivisionError: division by zero

"""#),
        Case(name: "call_attr", source: #"""
class A: pass
A().missing(1)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    A().missing(1)
    ^^^^^^^^^^^
AttributeError: 'A' object has no attribute 'missing'

"""#),
        Case(name: "call_chain", source: #"""
def f():
    return None
x = f()()

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    x = f()()
        ^^^^^
TypeError: 'NoneType' object is not callable

"""#),
        Case(name: "call_in_binop", source: #"""
def f(): return 'a'
x = 1 + f()

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = 1 + f()
        ~~^~~~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'

"""#),
        Case(name: "call_kw_only", source: #"""
def f(*, a): pass
f(1)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    f(1)
TypeError: f() takes 0 positional arguments but 1 was given

"""#),
        Case(name: "call_multiline", source: #"""
def f(a, b):
    return a + b
x = f(1,
      'a')

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    x = f(1,
        ^^^^
  File "t.py", line 2, in f
    return a + b
           ~~^~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'

"""#),
        Case(name: "chained_call_sub", source: #"""
def f(): return {}
x = f()['k']

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = f()['k']
        ~~~^^^^^
KeyError: 'k'

"""#),
        Case(name: "cmp_chain", source: #"""
a, b, c = 1, 2, 'x'
d = a < b < c

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    d = a < b < c
        ^^^^^^^^^
TypeError: '<' not supported between instances of 'int' and 'str'

"""#),
        Case(name: "cmp_in", source: #"""
x = 3 in 5

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = 3 in 5
        ^^^^^^
TypeError: argument of type 'int' is not iterable

"""#),
        Case(name: "cmp_is_not", source: #"""
x = [] < {}

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = [] < {}
        ^^^^^^^
TypeError: '<' not supported between instances of 'list' and 'dict'

"""#),
        Case(name: "cmp_lt", source: #"""
a = 1
b = 'x'
c = a < b

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    c = a < b
        ^^^^^
TypeError: '<' not supported between instances of 'int' and 'str'

"""#),
        Case(name: "del_attr", source: #"""
class A: pass
a = A()
del a.zz

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    del a.zz
        ^^^^
AttributeError: 'A' object has no attribute 'zz'

"""#),
        Case(name: "del_sub", source: #"""
d = {}
del d['k']

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    del d['k']
        ~^^^^^
KeyError: 'k'

"""#),
        Case(name: "dict_key_call", source: #"""
d = {}
x = d[str(1)]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = d[str(1)]
        ~^^^^^^^^
KeyError: '1'

"""#),
        Case(name: "exceptstar_naked", source: #"""
try:
    raise ValueError(5)
except* ValueError:
    raise KeyError(1)

"""#,
             output: #"""

"""#,
             traceback: #"""
  | ExceptionGroup:  (1 sub-exception)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   File "t.py", line 2, in <module>
    |     raise ValueError(5)
    | ValueError: 5
    +------------------------------------

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "t.py", line 4, in <module>
    raise KeyError(1)
KeyError: 1

"""#),
        Case(name: "exceptstar_nested", source: #"""
def inner():
    raise ExceptionGroup("inner", [ValueError(1), TypeError(2)])
try:
    try:
        inner()
    except* ValueError as e:
        print("handled", repr(e))
except* TypeError as e:
    print("outer", repr(e))
    e.add_note("seen by outer")
    raise

"""#,
             output: #"""
handled ExceptionGroup('inner', [ValueError(1)])
outer ExceptionGroup('inner', [TypeError(2)])

"""#,
             traceback: #"""
  + Exception Group Traceback (most recent call last):
  |   File "t.py", line 5, in <module>
  |     inner()
  |   File "t.py", line 2, in inner
  |     raise ExceptionGroup("inner", [ValueError(1), TypeError(2)])
  | ExceptionGroup: inner (1 sub-exception)
  +-+---------------- 1 ----------------
    | TypeError: 2
    +------------------------------------

"""#),
        Case(name: "exceptstar_notes_cause", source: #"""
try:
    raise ExceptionGroup("g", [KeyError("k"), ValueError("v")])
except* KeyError as e:
    raise RuntimeError("from group") from e

"""#,
             output: #"""

"""#,
             traceback: #"""
  | ExceptionGroup:  (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | Exception Group Traceback (most recent call last):
    |   File "t.py", line 2, in <module>
    |     raise ExceptionGroup("g", [KeyError("k"), ValueError("v")])
    | ExceptionGroup: g (1 sub-exception)
    +-+---------------- 1 ----------------
      | KeyError: 'k'
      +------------------------------------
    | 
    | The above exception was the direct cause of the following exception:
    | 
    | Traceback (most recent call last):
    |   File "t.py", line 4, in <module>
    |     raise RuntimeError("from group") from e
    | RuntimeError: from group
    +---------------- 2 ----------------
    | Exception Group Traceback (most recent call last):
    |   File "t.py", line 2, in <module>
    |     raise ExceptionGroup("g", [KeyError("k"), ValueError("v")])
    | ExceptionGroup: g (1 sub-exception)
    +-+---------------- 1 ----------------
      | ValueError: v
      +------------------------------------

"""#),
        Case(name: "exceptstar_raise_in_handler", source: #"""
def g():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        e.add_note("note here")
        raise RuntimeError("new")
g()

"""#,
             output: #"""

"""#,
             traceback: #"""
  + Exception Group Traceback (most recent call last):
  |   File "t.py", line 7, in <module>
  |     g()
  | ExceptionGroup:  (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | Exception Group Traceback (most recent call last):
    |   File "t.py", line 3, in g
    |     raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    | ExceptionGroup: g (1 sub-exception)
    | note here
    +-+---------------- 1 ----------------
      | ValueError: 1
      +------------------------------------
    | 
    | During handling of the above exception, another exception occurred:
    | 
    | Traceback (most recent call last):
    |   File "t.py", line 6, in g
    |     raise RuntimeError("new")
    | RuntimeError: new
    +---------------- 2 ----------------
    | Exception Group Traceback (most recent call last):
    |   File "t.py", line 3, in g
    |     raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    | ExceptionGroup: g (1 sub-exception)
    +-+---------------- 1 ----------------
      | TypeError: 2
      +------------------------------------

"""#),
        Case(name: "exceptstar_reraise", source: #"""
def f():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
try:
    f()
except* ValueError as eg:
    print("caught", repr(eg))
except* TypeError:
    print("type")
    raise

"""#,
             output: #"""
caught ExceptionGroup('eg', [ValueError(1)])
type

"""#,
             traceback: #"""
  + Exception Group Traceback (most recent call last):
  |   File "t.py", line 4, in <module>
  |     f()
  |   File "t.py", line 2, in f
  |     raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
  | ExceptionGroup: eg (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | TypeError: 2
    +---------------- 2 ----------------
    | KeyError: 3
    +------------------------------------

"""#),
        Case(name: "for_iter", source: #"""
for x in 5:
    pass

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    for x in 5:
TypeError: 'int' object is not iterable

"""#),
        Case(name: "for_target", source: #"""
for a, b in [1, 2]:
    pass

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    for a, b in [1, 2]:
        ^^^^
TypeError: cannot unpack non-iterable int object

"""#),
        Case(name: "getattr_call", source: #"""
x = getattr(5, 'nope')

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = getattr(5, 'nope')
        ^^^^^^^^^^^^^^^^^^
AttributeError: 'int' object has no attribute 'nope'

"""#),
        Case(name: "if_cmp", source: #"""
a = 1
if a < 'x':
    pass

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    if a < 'x':
       ^^^^^^^
TypeError: '<' not supported between instances of 'int' and 'str'

"""#),
        Case(name: "index_in_call", source: #"""
x = [1]
print(x[5], 2)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    print(x[5], 2)
          ~^^^
IndexError: list index out of range

"""#),
        Case(name: "int_conv", source: #"""
x = int('abc')

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = int('abc')
        ^^^^^^^^^^
ValueError: invalid literal for int() with base 10: 'abc'

"""#),
        Case(name: "invert", source: #"""
x = ~1.5

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = ~1.5
        ^^^^
TypeError: bad operand type for unary ~: 'float'

"""#),
        Case(name: "iter_unpack_star", source: #"""
a, *b, c = [1]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    a, *b, c = [1]
    ^^^^^^^^
ValueError: not enough values to unpack (expected at least 2, got 1)

"""#),
        Case(name: "kwcall", source: #"""
def f(a): pass
f(b=1)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    f(b=1)
TypeError: f() got an unexpected keyword argument 'b'

"""#),
        Case(name: "lambda", source: #"""
f = lambda: 1/0
f()

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    f()
  File "t.py", line 1, in <lambda>
    f = lambda: 1/0
                ~^~
ZeroDivisionError: division by zero

"""#),
        Case(name: "lambda_call", source: #"""
f = lambda x: x['k']
f({})

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    f({})
  File "t.py", line 1, in <lambda>
    f = lambda x: x['k']
                  ~^^^^^
KeyError: 'k'

"""#),
        Case(name: "matmul_mod", source: #"""
x = 'a' % (1, 2)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = 'a' % (1, 2)
        ~~~~^~~~~~~~
TypeError: not all arguments converted during string formatting

"""#),
        Case(name: "method_chain", source: #"""
s = 'a'
t = s.upper().nope()

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    t = s.upper().nope()
        ^^^^^^^^^^^^^^
AttributeError: 'str' object has no attribute 'nope'

"""#),
        Case(name: "method_missing_mid", source: #"""
import math
x = math.nope.sqrt(2)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = math.nope.sqrt(2)
        ^^^^^^^^^
AttributeError: module 'math' has no attribute 'nope'

"""#),
        Case(name: "name_error", source: #"""
x = undefined_name + 1

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = undefined_name + 1
        ^^^^^^^^^^^^^^
NameError: name 'undefined_name' is not defined

"""#),
        Case(name: "nested_binop", source: #"""
x = 1 + 2 * 'a' - 3

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = 1 + 2 * 'a' - 3
        ~~^~~~~~~~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'

"""#),
        Case(name: "nested_store", source: #"""
x = [[1]]
x[0][5] = 3

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x[0][5] = 3
    ~~~~^^^
IndexError: list assignment index out of range

"""#),
        Case(name: "not_op", source: #"""
class A:
    def __bool__(self): raise ValueError('b')
x = not A()

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    x = not A()
        ^^^^^^^
  File "t.py", line 2, in __bool__
    def __bool__(self): raise ValueError('b')
                        ^^^^^^^^^^^^^^^^^^^^^
ValueError: b

"""#),
        Case(name: "paren_binop", source: #"""
a = 1
b = 'x'
c = (a + b) * 2

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    c = (a + b) * 2
         ~~^~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'

"""#),
        Case(name: "pow", source: #"""
x = 2 ** 'a'

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = 2 ** 'a'
        ~~^^~~~~
TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'

"""#),
        Case(name: "return_cmp", source: #"""
def f(a, b):
    return a < b
f(1, 'x')

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f(1, 'x')
  File "t.py", line 2, in f
    return a < b
           ^^^^^
TypeError: '<' not supported between instances of 'int' and 'str'

"""#),
        Case(name: "slice", source: #"""
x = 5
y = x[1:2]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    y = x[1:2]
        ~^^^^^
TypeError: 'int' object is not subscriptable

"""#),
        Case(name: "starcall", source: #"""
def f(a): pass
args = (1, 2)
f(*args)

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f(*args)
TypeError: f() takes 1 positional argument but 2 were given

"""#),
        Case(name: "sub_call", source: #"""
def g():
    return []
x = g()[3]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 3, in <module>
    x = g()[3]
        ~~~^^^
IndexError: list index out of range

"""#),
        Case(name: "sub_nested", source: #"""
d = {'a': {}}
x = d['a']['b']

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x = d['a']['b']
        ~~~~~~^^^^^
KeyError: 'b'

"""#),
        Case(name: "sub_slice_obj", source: #"""
x = None
y = x[1:2]

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    y = x[1:2]
        ~^^^^^
TypeError: 'NoneType' object is not subscriptable

"""#),
        Case(name: "sub_store", source: #"""
t = (1, 2)
t[0] = 5

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    t[0] = 5
    ~^^^
TypeError: 'tuple' object does not support item assignment

"""#),
        Case(name: "ternary", source: #"""
x = 1/0 if True else 2

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = 1/0 if True else 2
        ~^~
ZeroDivisionError: division by zero

"""#),
        Case(name: "unary", source: #"""
x = -'a'

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    x = -'a'
        ^^^^
TypeError: bad operand type for unary -: 'str'

"""#),
        Case(name: "unpack", source: #"""
a, b = 1, 2, 3

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    a, b = 1, 2, 3
    ^^^^
ValueError: too many values to unpack (expected 2)

"""#),
        Case(name: "while_cmp", source: #"""
a = 1
while a < None:
    pass

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 2, in <module>
    while a < None:
          ^^^^^^^^
TypeError: '<' not supported between instances of 'int' and 'NoneType'

"""#),
        Case(name: "with_nonctx", source: #"""
with 5 as f:
    pass

"""#,
             output: #"""

"""#,
             traceback: #"""
Traceback (most recent call last):
  File "t.py", line 1, in <module>
    with 5 as f:
TypeError: 'int' object does not support the context manager protocol

"""#),
    ]

    @Test(arguments: cases) func tracebackMatchesCPython(_ c: Case) {
        let interp = Interpreter()
        let r = interp.runScript(c.source, file: "t.py")
        #expect(r.output == c.output)
        #expect(r.error?.traceback == c.traceback)
    }
}
