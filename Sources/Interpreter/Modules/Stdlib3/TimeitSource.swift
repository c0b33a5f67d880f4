/// `timeit`: CPython 3.11's `Timer`, `timeit`, `repeat`, `autorange` and `default_timer`.
/// A string statement and setup are compiled into one timing function (through `exec`, as
/// CPython does), so `timeit.timeit("x @ w", globals=globals(), number=100)` works as in a
/// notebook. The times themselves vary from run to run: print them rounded, or mark the
/// cell's output unchecked.
let timeitSource = #"""
"""Time small pieces of code: Timer, timeit, repeat, default_timer."""
import itertools
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals


def _indented(src, spaces):
    return src.replace("\n", "\n" + " " * spaces)


class Timer:
    """Times a statement (a string of code, or a callable) after its setup."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = {} if globals is None else globals
        init = ''
        if isinstance(setup, str):
            compile(setup, dummy_src_name, "exec")
            stmtprefix = setup + '\n'
            setup = _indented(setup, 4)
        elif callable(setup):
            local_ns['_setup'] = setup
            init += ', _setup=_setup'
            stmtprefix = ''
            setup = '_setup()'
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            compile(stmtprefix + stmt, dummy_src_name, "exec")
            stmt = _indented(stmt, 8)
        elif callable(stmt):
            local_ns['_stmt'] = stmt
            init += ', _stmt=_stmt'
            stmt = '_stmt()'
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = ("def inner(_it, _timer%s):\n"
               "    %s\n"
               "    _t0 = _timer()\n"
               "    for _i in _it:\n"
               "        %s\n"
               "        pass\n"
               "    _t1 = _timer()\n"
               "    return _t1 - _t0\n") % (init, setup, stmt)
        self.src = src
        code = compile(src, dummy_src_name, "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """The seconds `number` runs of the statement take (the setup runs once)."""
        it = itertools.repeat(None, number)
        return self.inner(it, self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of `repeat` results of timeit(number)."""
        r = []
        for i in range(repeat):
            r.append(self.timeit(number))
        return r

    def autorange(self, callback=None):
        """Finds a number of loops (1, 2, 5, 10, 20, 50, ...) that takes at least 0.2 s."""
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    """Convenience function to create Timer object and call timeit method."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Convenience function to create Timer object and call repeat method."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
"""#

/// What `compile()` returns: the checked source, its file name and mode, which `exec` and
/// `eval` run.
let dynamicCodeSource = #"""
class code:
    __slots__ = ("_source", "co_filename", "_mode")

    def __init__(self, source, filename, mode):
        self._source = source
        self.co_filename = filename
        self._mode = mode

    @property
    def co_name(self):
        return "<module>"

    @property
    def co_firstlineno(self):
        return 1

    def __repr__(self):
        return '<code object <module> at %#x, file "%s", line 1>' % (id(self), self.co_filename)
"""#
