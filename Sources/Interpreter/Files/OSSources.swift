/// `os`, `os.path` and the refusals (`subprocess`, `socket`), written in the cell language
/// over `_filespace`. `os.path` follows CPython's `posixpath`.
let osSource = #"""
import _filespace
from os import path

name = "posix"
sep = "/"
altsep = None
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
linesep = "\n"
devnull = "/dev/null"
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

# No environment variables reach a lesson (CI secrets stay invisible).
environ = {}


class PathLike:
    pass


class terminal_size(tuple):
    """A terminal's size, (columns, lines); a lesson's output is never a terminal."""

    n_fields = 2
    n_sequence_fields = 2
    n_unnamed_fields = 0

    def __new__(cls, sequence, dict=None):
        items = tuple(sequence)
        if len(items) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence (%d-sequence given)" % len(items))
        return tuple.__new__(cls, items)

    @property
    def columns(self):
        return self[0]

    @property
    def lines(self):
        return self[1]

    def __repr__(self):
        return "os.terminal_size(columns=%r, lines=%r)" % (self[0], self[1])


def get_terminal_size(fd=1):
    raise OSError(25, "Inappropriate ioctl for device")


def fspath(p):
    return _filespace.fspath(p)


def getenv(key, default=None):
    return environ.get(key, default)


def getcwd():
    return _filespace.getcwd()


def listdir(path="."):
    return _filespace.listdir(path)


def mkdir(path, mode=0o777, *, dir_fd=None):
    _filespace.mkdir(path)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def remove(path, *, dir_fd=None):
    _filespace.remove(path)


unlink = remove


def rmdir(path, *, dir_fd=None):
    _filespace.rmdir(path)


def rename(src, dst):
    _filespace.rename(src, dst)


replace = rename


def walk(top, topdown=True, onerror=None, followlinks=False):
    try:
        names = listdir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs = []
    nondirs = []
    for n in names:
        if path.isdir(path.join(top, n)):
            dirs.append(n)
        else:
            nondirs.append(n)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
    else:
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
        yield top, dirs, nondirs


def _refused(what):
    def refuse(*args, **kwargs):
        raise PermissionError("[Errno 13] Permission denied: lessons cannot " + what)
    return refuse


system = _refused("start processes (os.system)")
popen = _refused("start processes (os.popen)")
execv = _refused("start processes (os.execv)")
execvp = _refused("start processes (os.execvp)")
fork = _refused("start processes (os.fork)")
kill = _refused("signal processes (os.kill)")
chdir = _refused("change the working directory (os.chdir)")
putenv = _refused("set environment variables (os.putenv)")
"""#

let osPathSource = #"""
import _filespace

sep = "/"
curdir = "."
pardir = ".."
extsep = "."


def _fs(p):
    return _filespace.fspath(p)


def isabs(s):
    return _fs(s).startswith("/")


def join(a, *p):
    a = _fs(a)
    path = a
    for b in p:
        b = _fs(b)
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    p = _fs(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    p = _fs(p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    p = _fs(p)
    i = p.rfind("/") + 1
    head = p[:i]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def splitext(p):
    p = _fs(p)
    sep_index = p.rfind("/")
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def normpath(path):
    path = _fs(path)
    if path == "":
        return "."
    initial_slashes = 1 if path.startswith("/") else 0
    if initial_slashes and path.startswith("//") and not path.startswith("///"):
        initial_slashes = 2
    comps = path.split("/")
    new_comps = []
    for comp in comps:
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == ".."):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = "/".join(new_comps)
    if initial_slashes:
        path = "/" * initial_slashes + path
    return path or "."


def abspath(path):
    path = _fs(path)
    if not isabs(path):
        path = join(_filespace.getcwd(), path)
    return normpath(path)


realpath = abspath


def relpath(path, start=None):
    path = _fs(path)
    if not path:
        raise ValueError("no path specified")
    start = curdir if start is None else _fs(start)
    start_list = [x for x in abspath(start).split("/") if x]
    path_list = [x for x in abspath(path).split("/") if x]
    i = 0
    while i < min(len(start_list), len(path_list)) and start_list[i] == path_list[i]:
        i += 1
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def exists(path):
    try:
        return _filespace.kind(path) is not None
    except (OSError, ValueError):
        return False


def isfile(path):
    try:
        return _filespace.kind(path) == "file"
    except (OSError, ValueError):
        return False


def isdir(s):
    try:
        return _filespace.kind(s) == "dir"
    except (OSError, ValueError):
        return False


def islink(path):
    return False


def getsize(filename):
    return _filespace.size(filename)


def expanduser(path):
    return _fs(path)


def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1
"""#

let subprocessSource = #"""
class CalledProcessError(Exception):
    pass


def _refuse(*args, **kwargs):
    raise PermissionError("[Errno 13] Permission denied: lessons cannot start processes")


run = call = check_call = check_output = Popen = getoutput = getstatusoutput = _refuse
PIPE = -1
STDOUT = -2
DEVNULL = -3
"""#

let socketSource = #"""
AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2


class error(OSError):
    pass


def _refuse(*args, **kwargs):
    raise PermissionError("[Errno 13] Permission denied: lessons have no network access")


socket = create_connection = create_server = getaddrinfo = gethostbyname = _refuse


def gethostname():
    return "localhost"
"""#
