/// `pathlib`, written in the cell language over `os` (so over the lesson's file space).
/// `Path(...)` makes a `PosixPath`, as on CPython under Linux.
let pathlibSource = #"""
import os
import _filespace


def _match_name(name, pattern):
    # fnmatch without case folding: *, ? and [...] classes.
    if not pattern:
        return not name
    p = pattern[0]
    if p == "*":
        for k in range(len(name) + 1):
            if _match_name(name[k:], pattern[1:]):
                return True
        return False
    if not name:
        return False
    if p == "?":
        return _match_name(name[1:], pattern[1:])
    if p == "[":
        end = pattern.find("]", 2)
        if end != -1:
            body = pattern[1:end]
            negate = body.startswith("!")
            if negate:
                body = body[1:]
            hit = False
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == "-":
                    if body[k] <= name[0] <= body[k + 2]:
                        hit = True
                    k += 3
                else:
                    if body[k] == name[0]:
                        hit = True
                    k += 1
            if hit == negate:
                return False
            return _match_name(name[1:], pattern[end + 1:])
    if p != name[0]:
        return False
    return _match_name(name[1:], pattern[1:])


class PurePath:
    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        parts = []
        for a in args:
            if isinstance(a, PurePath):
                a = a._text
            else:
                a = os.fspath(a)
                if not isinstance(a, str):
                    raise TypeError("argument should be a str or an os.PathLike object where __fspath__ returns a str, not " + repr(type(a).__name__))
            parts.append(a)
        text = os.path.join(*parts) if parts else ""
        self._text = self._normalise(text)

    @staticmethod
    def _normalise(text):
        if text == "":
            return "."
        root = ""
        if text.startswith("/"):
            root = "//" if text.startswith("//") and not text.startswith("///") else "/"
        names = [n for n in text.split("/") if n and n != "."]
        body = "/".join(names)
        return (root + body) or "."

    def _make(self, text):
        return type(self)(text)

    def __str__(self):
        return self._text

    def __fspath__(self):
        return self._text

    def as_posix(self):
        return self._text

    def __repr__(self):
        return type(self).__name__ + "(" + repr(self._text) + ")"

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._text == other._text

    def __hash__(self):
        return hash(self._text)

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts <= other.parts

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts > other.parts

    def __truediv__(self, key):
        try:
            return self._make(os.path.join(self._text, os.fspath(key)))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._make(os.path.join(os.fspath(key), self._text))
        except TypeError:
            return NotImplemented

    def joinpath(self, *others):
        result = self
        for o in others:
            result = result / o
        return result

    @property
    def parts(self):
        if self._text == ".":
            return ()
        names = [n for n in self._text.split("/") if n]
        if self._text.startswith("/"):
            return tuple(["/"] + names)
        return tuple(names)

    @property
    def name(self):
        if self._text in (".", "/"):
            return ""
        return self._text.rsplit("/", 1)[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        text = self._text
        if text in (".", "/"):
            return self
        head = text.rsplit("/", 1)[0] if "/" in text else "."
        if head == "" and text.startswith("/"):
            head = "/"
        return self._make(head)

    @property
    def parents(self):
        result = []
        p = self
        while True:
            q = p.parent
            if q == p:
                break
            result.append(q)
            p = q
        return tuple(result)

    @property
    def anchor(self):
        return "/" if self._text.startswith("/") else ""

    def is_absolute(self):
        return self._text.startswith("/")

    def with_name(self, name):
        if not self.name:
            raise ValueError(repr(self) + " has an empty name")
        return self.parent / name

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if suffix and (not suffix.startswith(".") or suffix == "."):
            raise ValueError("Invalid suffix " + repr(suffix))
        if not self.name:
            raise ValueError(repr(self) + " has an empty name")
        return self.with_name(self.stem + suffix)

    def relative_to(self, other):
        other = other if isinstance(other, PurePath) else PurePath(other)
        mine = self.parts
        theirs = other.parts
        if mine[:len(theirs)] != theirs or (not theirs and self.is_absolute()):
            raise ValueError(repr(str(self)) + " is not in the subpath of " + repr(str(other)) + " OR one path is relative and the other is absolute.")
        return self._make("/".join(mine[len(theirs):]) or ".")

    def match(self, pattern):
        pat = [p for p in pattern.split("/") if p]
        mine = [p for p in self.parts]
        if len(pat) > len(mine):
            return False
        for a, b in zip(reversed(mine), reversed(pat)):
            if not _match_name(a, b):
                return False
        return True


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.getcwd())

    def absolute(self):
        if self.is_absolute():
            return self
        return self._make(os.path.join(os.getcwd(), self._text))

    def resolve(self, strict=False):
        return self._make(os.path.abspath(self._text))

    def exists(self):
        return os.path.exists(self._text)

    def is_file(self):
        return os.path.isfile(self._text)

    def is_dir(self):
        return os.path.isdir(self._text)

    def is_symlink(self):
        return False

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(self._text, mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with open(self._text, "r", encoding=encoding) as f:
            return f.read()

    def read_bytes(self):
        with open(self._text, "rb") as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not " + type(data).__name__)
        with open(self._text, "w", encoding=encoding, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        with open(self._text, "wb") as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError("[Errno 17] File exists: " + repr(self._text))
            return
        open(self._text, "wb").close()

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self._text)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def unlink(self, missing_ok=False):
        try:
            os.remove(self._text)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self._text)

    def rename(self, target):
        os.rename(self._text, os.fspath(target))
        return self._make(os.fspath(target))

    replace = rename

    def iterdir(self):
        for name in os.listdir(self._text):
            yield self / name

    def stat(self):
        return _StatResult(os.path.getsize(self._text))

    def _walk_glob(self, parts):
        if not parts:
            yield self
            return
        head = parts[0]
        rest = parts[1:]
        if head == "**":
            yield from self._walk_glob(rest)
            for name in os.listdir(self._text):
                child = self / name
                if child.is_dir():
                    yield from child._walk_glob(parts)
            return
        if not any(c in head for c in "*?["):
            child = self / head
            if child.exists():
                yield from child._walk_glob(rest)
            return
        for name in os.listdir(self._text):
            if name.startswith(".") and not head.startswith("."):
                continue
            if _match_name(name, head):
                child = self / name
                if rest and not child.is_dir():
                    continue
                yield from child._walk_glob(rest)

    def glob(self, pattern):
        if not pattern:
            raise ValueError("Unacceptable pattern: " + repr(pattern))
        if pattern.startswith("/"):
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = [p for p in pattern.split("/") if p]
        seen = set()
        for p in self._walk_glob(parts):
            if p._text not in seen:
                seen.add(p._text)
                yield p

    def rglob(self, pattern):
        return self.glob("**/" + pattern)


class PosixPath(Path):
    pass


class _StatResult:
    def __init__(self, size):
        self.st_size = size
"""#
