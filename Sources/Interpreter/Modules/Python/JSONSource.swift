/// `json` (dumps/loads), written in the cell language with CPython's output format.
let jsonSource = #"""
class JSONDecodeError(ValueError):
    pass


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7E):
            n = ord(ch)
            if n > 0xFFFF:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
            else:
                out.append("\\u%04x" % n)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _encode_float(f):
    if f != f:
        return "NaN"
    if f == float("inf"):
        return "Infinity"
    if f == -float("inf"):
        return "-Infinity"
    return repr(f)


def _key(k):
    if isinstance(k, str):
        return k
    if k is True:
        return "true"
    if k is False:
        return "false"
    if k is None:
        return "null"
    if isinstance(k, float):
        return _encode_float(k)
    if isinstance(k, int):
        return str(k)
    raise TypeError("keys must be str, int, float, bool or None, not " + type(k).__name__)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False):
    if isinstance(indent, int):
        indent = " " * indent
    if separators is None:
        item_sep, key_sep = (", ", ": ") if indent is None else (",", ": ")
    else:
        item_sep, key_sep = separators

    def enc(o, level):
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, str):
            return _encode_str(o, ensure_ascii)
        if isinstance(o, int):
            return str(o)
        if isinstance(o, float):
            return _encode_float(o)
        if isinstance(o, (list, tuple)):
            if not o:
                return "[]"
            parts = [enc(v, level + 1) for v in o]
            if indent is None:
                return "[" + item_sep.join(parts) + "]"
            inner = "\n" + indent * (level + 1)
            return "[" + inner + (item_sep + inner).join(parts) + "\n" + indent * level + "]"
        if isinstance(o, dict):
            if not o:
                return "{}"
            items = list(o.items())
            if sort_keys:
                items = sorted(items, key=lambda kv: kv[0])
            parts = []
            for k, v in items:
                if not isinstance(k, (str, int, float, bool)) and k is not None:
                    if skipkeys:
                        continue
                parts.append(_encode_str(_key(k), ensure_ascii) + key_sep + enc(v, level + 1))
            if indent is None:
                return "{" + item_sep.join(parts) + "}"
            inner = "\n" + indent * (level + 1)
            return "{" + inner + (item_sep + inner).join(parts) + "\n" + indent * level + "}"
        if default is not None:
            return enc(default(o), level)
        raise TypeError("Object of type " + type(o).__name__ + " is not JSON serializable")

    return enc(obj, 0)


class _Parser:
    def __init__(self, s):
        self.s = s
        self.i = 0

    def fail(self, msg):
        line = self.s.count("\n", 0, self.i) + 1
        col = self.i - (self.s.rfind("\n", 0, self.i) + 1) + 1
        raise JSONDecodeError(msg + ": line " + str(line) + " column " + str(col) + " (char " + str(self.i) + ")")

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t\n\r":
            self.i += 1

    def value(self):
        self.ws()
        if self.i >= len(self.s):
            self.fail("Expecting value")
        c = self.s[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        for word, v in (("true", True), ("false", False), ("null", None), ("NaN", float("nan")),
                        ("Infinity", float("inf")), ("-Infinity", -float("inf"))):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return v
        return self.number()

    def number(self):
        start = self.i
        while self.i < len(self.s) and self.s[self.i] in "+-0123456789.eE":
            self.i += 1
        text = self.s[start:self.i]
        if not text:
            self.fail("Expecting value")
        if "." in text or "e" in text or "E" in text:
            return float(text)
        return int(text)

    def string(self):
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.s):
                self.fail("Unterminated string starting at")
            c = self.s[self.i]
            if c == '"':
                self.i += 1
                return "".join(out)
            if c == "\\":
                e = self.s[self.i + 1]
                if e == "u":
                    out.append(chr(int(self.s[self.i + 2:self.i + 6], 16)))
                    self.i += 6
                    continue
                out.append({"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/"}.get(e, e))
                self.i += 2
                continue
            out.append(c)
            self.i += 1

    def obj(self):
        self.i += 1
        result = {}
        self.ws()
        if self.s[self.i:self.i + 1] == "}":
            self.i += 1
            return result
        while True:
            self.ws()
            if self.s[self.i:self.i + 1] != '"':
                self.fail("Expecting property name enclosed in double quotes")
            k = self.string()
            self.ws()
            if self.s[self.i:self.i + 1] != ":":
                self.fail("Expecting ':' delimiter")
            self.i += 1
            result[k] = self.value()
            self.ws()
            c = self.s[self.i:self.i + 1]
            self.i += 1
            if c == "}":
                return result
            if c != ",":
                self.i -= 1
                self.fail("Expecting ',' delimiter")

    def arr(self):
        self.i += 1
        result = []
        self.ws()
        if self.s[self.i:self.i + 1] == "]":
            self.i += 1
            return result
        while True:
            result.append(self.value())
            self.ws()
            c = self.s[self.i:self.i + 1]
            self.i += 1
            if c == "]":
                return result
            if c != ",":
                self.i -= 1
                self.fail("Expecting ',' delimiter")


def dump(obj, fp, **kwargs):
    """`dumps` written to a file object, as CPython's (in pieces there; one write here)."""
    fp.write(dumps(obj, **kwargs))


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)


def loads(s, **kwargs):
    p = _Parser(s)
    v = p.value()
    p.ws()
    if p.i != len(s):
        p.fail("Extra data")
    return v
"""#
