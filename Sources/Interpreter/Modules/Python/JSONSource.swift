/// `json`, written in the cell language with the behaviour of CPython 3.11's default path
/// (the C scanner and encoder of `_json`, the Python encoder when `indent` is given): the
/// same number grammar, escapes, surrogate pairs, error messages and positions, hooks and
/// encoder options.
let jsonSource = #"""
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_WS = " \t\n\r"
_SHORT = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX = "0123456789abcdefABCDEF"
_CONSTANTS = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}


def _skip(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, i, bad_at):
    if any(c not in _HEX for c in s[i:i + 4]):
        raise JSONDecodeError("Invalid \\uXXXX escape", s, bad_at)
    return int(s[i:i + 4], 16)


def _scanstring(s, end, strict=True):
    # end is just past the opening quote.
    begin = end - 1
    n = len(s)
    chunks = []
    while True:
        nxt = end
        c = None
        while nxt < n:
            c = s[nxt]
            if c == '"' or c == "\\":
                break
            if strict and ord(c) <= 0x1F:
                raise JSONDecodeError("Invalid control character at", s, nxt)
            nxt += 1
        else:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        chunks.append(s[end:nxt])
        if c == '"':
            return "".join(chunks), nxt + 1
        nxt += 1
        if nxt == n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        c = s[nxt]
        if c != "u":
            if c not in _SHORT:
                raise JSONDecodeError("Invalid \\escape", s, nxt - 1)
            chunks.append(_SHORT[c])
            end = nxt + 1
            continue
        nxt += 1
        end = nxt + 4
        if end >= n:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, nxt - 1)
        code = _hex4(s, nxt, end - 5)
        if 0xD800 <= code <= 0xDBFF and end + 6 < n and s[end] == "\\" and s[end + 1] == "u":
            low = _hex4(s, end + 2, end + 1)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                end += 6
        # A lone surrogate cannot be held by this interpreter's strings.
        chunks.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd")


class _Scanner:
    def __init__(self, d):
        self.strict = d.strict
        self.object_hook = d.object_hook
        self.object_pairs_hook = d.object_pairs_hook
        self.parse_float = d.parse_float
        self.parse_int = d.parse_int
        self.parse_constant = d.parse_constant

    def __call__(self, s, idx):
        if idx < 0:
            raise ValueError("idx cannot be negative")
        return self.scan(s, idx)

    def scan(self, s, idx):
        n = len(s)
        if idx >= n:
            raise StopIteration(idx)
        c = s[idx]
        if c == '"':
            return _scanstring(s, idx + 1, self.strict)
        if c == "{":
            return self.object(s, idx + 1)
        if c == "[":
            return self.array(s, idx + 1)
        if c == "n" and s[idx:idx + 4] == "null":
            return None, idx + 4
        if c == "t" and s[idx:idx + 4] == "true":
            return True, idx + 4
        if c == "f" and s[idx:idx + 5] == "false":
            return False, idx + 5
        for name in ("NaN", "Infinity", "-Infinity"):
            if c == name[0] and s[idx:idx + len(name)] == name:
                return self.parse_constant(name), idx + len(name)
        return self.number(s, idx)

    def number(self, s, idx):
        start = idx
        last = len(s) - 1
        if s[idx] == "-":
            idx += 1
            if idx > last:
                raise StopIteration(start)
        if "1" <= s[idx] <= "9":
            idx += 1
            while idx <= last and "0" <= s[idx] <= "9":
                idx += 1
        elif s[idx] == "0":
            idx += 1
        else:
            raise StopIteration(start)
        is_float = False
        if idx < last and s[idx] == "." and "0" <= s[idx + 1] <= "9":
            is_float = True
            idx += 2
            while idx <= last and "0" <= s[idx] <= "9":
                idx += 1
        if idx < last and s[idx] in "eE":
            e_start = idx
            idx += 1
            if idx < last and s[idx] in "-+":
                idx += 1
            while idx <= last and "0" <= s[idx] <= "9":
                idx += 1
            if "0" <= s[idx - 1] <= "9":
                is_float = True
            else:
                idx = e_start
        text = s[start:idx]
        return (self.parse_float(text) if is_float else self.parse_int(text)), idx

    def object(self, s, idx):
        last = len(s) - 1
        pairs = []
        idx = _skip(s, idx)
        if idx > last or s[idx] != "}":
            while True:
                if idx > last or s[idx] != '"':
                    raise JSONDecodeError("Expecting property name enclosed in double quotes", s, idx)
                key, idx = _scanstring(s, idx + 1, self.strict)
                idx = _skip(s, idx)
                if idx > last or s[idx] != ":":
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx = _skip(s, idx + 1)
                value, idx = self.scan(s, idx)
                pairs.append((key, value))
                idx = _skip(s, idx)
                if idx <= last and s[idx] == "}":
                    break
                if idx > last or s[idx] != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip(s, idx + 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), idx + 1
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, idx + 1

    def array(self, s, idx):
        last = len(s) - 1
        values = []
        idx = _skip(s, idx)
        if idx > last or s[idx] != "]":
            while True:
                value, idx = self.scan(s, idx)
                values.append(value)
                idx = _skip(s, idx)
                if idx <= last and s[idx] == "]":
                    break
                if idx > last or s[idx] != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip(s, idx + 1)
        return values, idx + 1


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self)

    def decode(self, s):
        obj, end = self.raw_decode(s, idx=_skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        e = _ESCAPES.get(ch)
        if e is not None:
            out.append(e)
            continue
        n = ord(ch)
        if n < 0x20 or (ensure_ascii and n > 0x7E):
            if n > 0xFFFF:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
            else:
                out.append("\\u%04x" % n)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class JSONEncoder:
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        return "".join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        markers = {} if self.check_circular else None
        # The C encoder (no indent) reports a bad float without its repr.
        bad_float = "Out of range float values are not JSON compliant"
        if indent is not None:
            bad_float += ": "
        item_sep, key_sep = self.item_separator, self.key_separator
        ensure_ascii, allow_nan = self.ensure_ascii, self.allow_nan

        def floatstr(f):
            if f != f:
                text = "NaN"
            elif f == float("inf"):
                text = "Infinity"
            elif f == float("-inf"):
                text = "-Infinity"
            else:
                return float.__repr__(f)
            if not allow_nan:
                raise ValueError(bad_float + (repr(f) if indent is not None else ""))
            return text

        def enter(o):
            if markers is not None:
                if id(o) in markers:
                    raise ValueError("Circular reference detected")
                markers[id(o)] = o

        def leave(o):
            if markers is not None:
                del markers[id(o)]

        def enc(o, level):
            if isinstance(o, str):
                return _encode_str(o, ensure_ascii)
            if o is None:
                return "null"
            if o is True:
                return "true"
            if o is False:
                return "false"
            if isinstance(o, int):
                return int.__repr__(o)
            if isinstance(o, float):
                return floatstr(o)
            if isinstance(o, (list, tuple)):
                if not o:
                    return "[]"
                enter(o)
                if indent is None:
                    body = "[" + item_sep.join([enc(v, level + 1) for v in o]) + "]"
                else:
                    inner = "\n" + indent * (level + 1)
                    body = ("[" + inner + (item_sep + inner).join([enc(v, level + 1) for v in o])
                            + "\n" + indent * level + "]")
                leave(o)
                return body
            if isinstance(o, dict):
                if not o:
                    return "{}"
                enter(o)
                items = sorted(o.items()) if self.sort_keys else list(o.items())
                parts = []
                for key, value in items:
                    if isinstance(key, str):
                        pass
                    elif isinstance(key, float):
                        key = floatstr(key)
                    elif key is True:
                        key = "true"
                    elif key is False:
                        key = "false"
                    elif key is None:
                        key = "null"
                    elif isinstance(key, int):
                        key = int.__repr__(key)
                    elif self.skipkeys:
                        continue
                    else:
                        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
                    parts.append(_encode_str(key, ensure_ascii) + key_sep + enc(value, level + 1))
                if indent is None:
                    body = "{" + item_sep.join(parts) + "}"
                else:
                    inner = "\n" + indent * (level + 1)
                    body = "{" + inner + (item_sep + inner).join(parts) + "\n" + indent * level + "}"
                leave(o)
                return body
            enter(o)
            body = enc(self.default(o), level)
            leave(o)
            return body

        yield enc(o, 0)


_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kwargs):
    """`dumps` written to a file object, as CPython's (in pieces there; one write here)."""
    fp.write(dumps(obj, **kwargs))


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f"the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}")
        s = bytes(s).decode("utf-8-sig" if bytes(s[:3]) == b"\xef\xbb\xbf" else "utf-8")
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw["object_hook"] = object_hook
    if object_pairs_hook is not None:
        kw["object_pairs_hook"] = object_pairs_hook
    if parse_float is not None:
        kw["parse_float"] = parse_float
    if parse_int is not None:
        kw["parse_int"] = parse_int
    if parse_constant is not None:
        kw["parse_constant"] = parse_constant
    return cls(**kw).decode(s)


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)
"""#
