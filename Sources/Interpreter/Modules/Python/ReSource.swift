/// `re`, written in the cell language around the native matcher `_sre`
/// (Modules/Regex): CPython's API, reprs and error texts.
let reSource = #"""
import _sre


class RegexFlag:
    """The flags of a pattern. CPython's is an int subclass (an enum.IntFlag); this one
    behaves as an int in arithmetic, comparisons, hashing and int()."""
    _names = [(256, "ASCII"), (4, "LOCALE"), (32, "UNICODE"), (2, "IGNORECASE"), (8, "MULTILINE"),
              (16, "DOTALL"), (64, "VERBOSE"), (1, "TEMPLATE"), (128, "DEBUG")]

    def __init__(self, value=0):
        self._value_ = int(value)

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        v = self._value_
        if v == 0:
            return "re.NOFLAG"
        parts = []
        for bit, name in sorted(RegexFlag._names):
            if v & bit:
                parts.append("re." + name)
                v &= ~bit
        if v:
            parts.append(hex(v))
        return "|".join(parts)

    __str__ = __repr__

    def __int__(self):
        return self._value_

    __index__ = __int__

    def __bool__(self):
        return self._value_ != 0

    def __eq__(self, other):
        if isinstance(other, RegexFlag):
            return self._value_ == other._value_
        if isinstance(other, int):
            return self._value_ == other
        return NotImplemented

    def __hash__(self):
        return hash(self._value_)

    def __or__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value_ | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value_ & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value_ ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~self._value_ & 511)


RegexFlag.__module__ = "re"


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            if isinstance(pattern, str):
                newline = "\n"
            else:
                newline = b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
PatternError = error


def _check_string(string):
    if not isinstance(string, str):
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


class Pattern:
    def __init__(self, pattern, flags):
        if not isinstance(pattern, str):
            if isinstance(pattern, (bytes, bytearray)):
                raise TypeError("bytes patterns are not supported here")
            raise TypeError("first argument must be string or compiled pattern")
        r = _sre.compile(pattern, int(flags))
        if r[0] is None:
            pos = r[2]
            if pos < 0:
                raise error(r[1])
            raise error(r[1], pattern, pos)
        self._program = r[0]
        self.pattern = pattern
        self.flags = r[3]
        self.groups = r[1]
        self.groupindex = r[2]

    def __repr__(self):
        flags = self.flags & ~32
        text = repr(self.pattern)[:200]
        if flags:
            return "re.compile(%s, %r)" % (text, RegexFlag(flags))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode):
        _check_string(string)
        if endpos is None:
            endpos = len(string)
        found = _sre.scan(self._program, string, pos, endpos, mode, 1, -1)
        if not found:
            return None
        return Match(self, string, pos, endpos, found[0])

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def _all(self, string, pos=0, endpos=None, limit=0):
        _check_string(string)
        if endpos is None:
            endpos = len(string)
        return _sre.scan(self._program, string, pos, endpos, 3, limit, -1)

    def finditer(self, string, pos=0, endpos=None):
        if endpos is None and isinstance(string, str):
            endpos = len(string)
        for found in self._all(string, pos, endpos):
            yield Match(self, string, pos, endpos, found)

    def findall(self, string, pos=0, endpos=None):
        found = self._all(string, pos, endpos)
        bounds = []
        if self.groups == 0:
            for spans, _ in found:
                bounds.append(spans[0])
                bounds.append(spans[1])
            return _sre.slices(string, bounds)
        for spans, _ in found:
            for g in range(1, self.groups + 1):
                if spans[2 * g] >= 0:
                    bounds.append(spans[2 * g])
                    bounds.append(spans[2 * g + 1])
                else:
                    bounds.append(0)
                    bounds.append(0)
        pieces = _sre.slices(string, bounds)
        if self.groups == 1:
            return pieces
        n = self.groups
        return [tuple(pieces[k:k + n]) for k in range(0, len(pieces), n)]

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        _check_string(string)
        bounds = []
        last = 0
        for spans, _ in self._all(string, 0, None, maxsplit):
            bounds.append(last)
            bounds.append(spans[0])
            for g in range(1, self.groups + 1):
                bounds.append(spans[2 * g])
                bounds.append(spans[2 * g + 1])
            last = spans[1]
        bounds.append(last)
        bounds.append(len(string))
        return _sre.slices(string, bounds)

    def subn(self, repl, string, count=0):
        _check_string(string)
        if callable(repl):
            template = None
        else:
            if not isinstance(repl, str):
                raise TypeError("expected str instance, %s found" % type(repl).__name__)
            template = _parse_template(repl, self)
        if count < 0:
            return (string, 0)
        found = self._all(string, 0, None, count)
        # The pieces of the result: ints are index pairs into the string, strs are literal.
        bounds = []
        parts = []
        last = 0
        for item in found:
            spans = item[0]
            bounds.append(last)
            bounds.append(spans[0])
            parts.append(None)
            if template is None:
                piece = repl(Match(self, string, 0, len(string), item))
                if not isinstance(piece, str):
                    raise TypeError("expected str instance, %s found" % type(piece).__name__)
                parts.append(piece)
            elif isinstance(template, str):
                parts.append(template)
            else:
                for t in template:
                    if isinstance(t, str):
                        parts.append(t)
                    elif spans[2 * t] >= 0:
                        bounds.append(spans[2 * t])
                        bounds.append(spans[2 * t + 1])
                        parts.append(None)
            last = spans[1]
        if not found:
            return (string, 0)
        bounds.append(last)
        bounds.append(len(string))
        parts.append(None)
        pieces = _sre.slices(string, bounds)
        out = []
        k = 0
        for p in parts:
            if p is None:
                out.append(pieces[k])
                k += 1
            else:
                out.append(p)
        return ("".join(out), len(found))

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("Pattern.scanner is not supported")

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Pattern.__module__ = "re"


class Match:
    def __init__(self, pattern, string, pos, endpos, found):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = found[0]
        self.lastindex = found[1]

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, index in self.re.groupindex.items():
            if index == self.lastindex:
                return name
        return None

    @property
    def regs(self):
        s = self._spans
        return tuple((s[2 * g], s[2 * g + 1]) for g in range(self.re.groups + 1))

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or type(g) is bool:
            if 0 <= g <= self.re.groups:
                return int(g)
            raise IndexError("no such group")
        if isinstance(g, str):
            index = self.re.groupindex.get(g)
            if index is not None:
                return index
        raise IndexError("no such group")

    def _get(self, g, default=None):
        g = self._index(g)
        a = self._spans[2 * g]
        if a < 0:
            return default
        return self.string[a:self._spans[2 * g + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(groups[0])
        return tuple(self._get(g) for g in groups)

    def __getitem__(self, g):
        return self._get(g)

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def span(self, group=0):
        g = self._index(group)
        return (self._spans[2 * g], self._spans[2 * g + 1])

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def expand(self, template):
        items = _parse_template(template, self.re)
        if isinstance(items, str):
            return items
        out = []
        for item in items:
            if isinstance(item, str):
                out.append(item)
            else:
                out.append(self._get(item, ""))
        return "".join(out)

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (self._spans[0], self._spans[1], self.group(0))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Match.__module__ = "re"

_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def _parse_template(repl, pattern):
    if "\\" not in repl:
        return repl
    items = []
    literal = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", repl, start)
        c = repl[i]
        i += 1
        if c == "g":
            if i >= n or repl[i] != "<":
                raise error("missing <", repl, i)
            j = repl.find(">", i + 1)
            if j < 0:
                raise error("missing >, unterminated name", repl, i + 1)
            name = repl[i + 1:j]
            if not name:
                raise error("missing group name", repl, i + 1)
            if all(ch in "0123456789" for ch in name):
                index = int(name)
                if index > pattern.groups:
                    raise error("invalid group reference %d" % index, repl, i + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                index = pattern.groupindex[name]
            else:
                raise error("bad character in group name '%s'" % name, repl, i + 1)
            i = j + 1
        elif c == "0":
            value = 0
            k = 0
            while k < 2 and i < n and repl[i] in "01234567":
                value = value * 8 + int(repl[i])
                i += 1
                k += 1
            literal.append(chr(value))
            continue
        elif c in "123456789":
            if i + 1 < n and c in "01234567" and repl[i] in "01234567" and repl[i + 1] in "01234567":
                value = int(c + repl[i:i + 2], 8)
                if value > 0o377:
                    raise error("octal escape value \\%s outside of range 0-0o377" % (c + repl[i:i + 2]), repl, start)
                literal.append(chr(value))
                i += 2
                continue
            digits = c
            if i < n and repl[i] in "0123456789":
                digits += repl[i]
                i += 1
            index = int(digits)
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, repl, start + 1)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
            continue
        elif c in _ASCII_ALNUM:
            raise error("bad escape \\%s" % c, repl, start)
        else:
            literal.append("\\" + c)
            continue
        if literal:
            items.append("".join(literal))
            literal = []
        items.append(index)
    if literal:
        items.append("".join(literal))
    if all(isinstance(x, str) for x in items):
        return "".join(items)
    return items


_cache = {}


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, int(flags))
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= 512:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


_special = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _special else c for c in pattern)
    raise TypeError("escape() needs a str here")


__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile",
           "purge", "template", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X",
           "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE",
           "NOFLAG", "RegexFlag"]
"""#
