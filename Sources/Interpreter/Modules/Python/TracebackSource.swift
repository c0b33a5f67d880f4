/// `traceback`: CPython 3.11's formatting functions over the frames the interpreter recorded
/// (`_traceback`, native). Texts come from the renderer a cell's own error uses, so
/// `traceback.print_exc()` prints what an uncaught error would (source lines, `^^^` marks).
let tracebackSource = #"""
import sys
import _traceback

__all__ = ["extract_tb", "format_exc", "format_exception", "format_exception_only",
           "format_list", "format_tb", "print_exc", "print_exception", "print_tb",
           "FrameSummary", "StackSummary", "walk_tb", "extract_stack", "format_stack",
           "print_stack", "print_list", "walk_stack", "clear_frames"]

_sentinel = object()


class FrameSummary:
    __slots__ = ("filename", "lineno", "name", "_line", "_text", "locals", "end_lineno", "colno", "end_colno")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self._text = None
        self.locals = None
        self.end_lineno = lineno
        self.colno = None
        self.end_colno = None

    @property
    def line(self):
        return self._line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


def _frame_text(f):
    if isinstance(f, FrameSummary) and f._text is not None:
        return f._text
    filename, lineno, name, line = f
    row = '  File "{}", line {}, in {}\n'.format(filename, lineno, name)
    if line:
        row += "    {}\n".format(line.strip())
    return row


class StackSummary:
    # CPython's is a list subclass; this one holds its list and answers as one.
    def __init__(self, frames=()):
        self._frames = list(frames)

    def append(self, frame):
        self._frames.append(frame)

    def __iter__(self):
        return iter(self._frames)

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return StackSummary(self._frames[k])
        return self._frames[k]

    def __eq__(self, other):
        return list(self) == list(other)

    def __repr__(self):
        return repr(self._frames)

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format(self):
        return [_frame_text(f) for f in self]


def _summaries(tb, limit):
    frames = []
    for filename, lineno, name, line, text in _traceback.frames(tb):
        f = FrameSummary(filename, lineno, name, line=line)
        f._text = text
        frames.append(f)
    if limit is not None:
        frames = frames[:limit] if limit >= 0 else frames[limit:]
    return StackSummary(frames)


def _stack(skip, limit):
    # The running frames minus this module's own `skip` innermost; `limit` keeps the
    # innermost frames (the outermost for a negative limit), as CPython's StackSummary.
    frames = []
    for filename, lineno, name, line, text in _traceback.stack(skip + 1):
        f = FrameSummary(filename, lineno, name, line=line)
        f._text = text
        frames.append(f)
    if limit is not None:
        frames = frames[len(frames) - limit:] if limit >= 0 else frames[:-limit]
        if limit == 0:
            frames = []
    return StackSummary(frames)


def extract_stack(f=None, limit=None):
    return _stack(1, limit)


def format_stack(f=None, limit=None):
    return _stack(1, limit).format()


def print_stack(f=None, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for item in _stack(1, limit).format():
        print(item, file=file, end="")


def walk_stack(f):
    raise NotImplementedError("traceback.walk_stack() needs frame objects, which this interpreter does not expose")


def clear_frames(tb):
    pass


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def extract_tb(tb, limit=None):
    return _summaries(tb, limit)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in format_list(extracted_list):
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def _exception_of(exc, value):
    if value is _sentinel:
        return exc
    return value


def _split(text):
    # One string per frame (its File line with its source and marker lines), one per
    # other line, and the chaining sentences with their blank lines, as CPython's list.
    out = []
    lines = text.split("\n")[:-1]
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.startswith("  File ") and out is not None:
            chunk = line + "\n"
            k += 1
            while k < len(lines) and lines[k].startswith("    "):
                chunk += lines[k] + "\n"
                k += 1
            out.append(chunk)
            continue
        if line == "" and k + 2 < len(lines) and lines[k + 2] == "" and (
                lines[k + 1].startswith("The above exception") or lines[k + 1].startswith("During handling")):
            out.append("\n" + lines[k + 1] + "\n\n")
            k += 3
            continue
        out.append(line + "\n")
        k += 1
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value = _exception_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    if tb is not _sentinel and tb is not value.__traceback__:
        value.__traceback__ = tb
    return _split(_traceback.exception_text(value, limit, chain))


def format_exception_only(exc, /, value=_sentinel):
    value = _exception_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    lines = [_traceback.exception_only(value) + "\n"]
    notes = getattr(value, "__notes__", None)
    if notes is not None:
        for note in notes:
            lines.append(str(note) + "\n")
    return lines


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(_traceback.current(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_traceback.current(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    raise ValueError("no last exception")
"""#
