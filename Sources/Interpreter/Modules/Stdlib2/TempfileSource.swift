/// `tempfile`: mkstemp/mkdtemp/NamedTemporaryFile/TemporaryDirectory in `/lesson/.tmp`, the
/// private writable (in-memory) space.
let tempfileSource = #"""
"""Temporary files and directories, inside the lesson's private writable space.

`gettempdir()` is `/lesson/.tmp` (made on first use): like everything a lesson writes, it
lives in memory for the lesson run and never reaches the disk.
"""
import os as _os
import shutil as _shutil
import random as _random

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir",
           "gettempprefixb", "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None
_TEMPDIR = "/lesson/.tmp"


class _RandomNameSequence:
    """An endless sequence of unpredictable 8-character names."""
    characters = "abcdefghijklmnopqrstuvwxyz0123456789_"

    def __init__(self):
        self._rng = _random.Random()

    def __iter__(self):
        return self

    def __next__(self):
        return ''.join(self._rng.choice(self.characters) for _ in range(8))


_name_sequence = _RandomNameSequence()


def gettempprefix():
    return template


def gettempprefixb():
    return template.encode()


def gettempdir():
    """Returns tempfile.tempdir (made on first use)."""
    d = tempdir if tempdir is not None else _TEMPDIR
    if not _os.path.isdir(d):
        _os.makedirs(d, exist_ok=True)
    return d


def gettempdirb():
    return gettempdir().encode()


def _sanitize_params(prefix, suffix, dir):
    if suffix is None:
        suffix = ""
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return prefix, suffix, _os.fspath(dir)


def _unique_name(dir, prefix, suffix):
    for seq in range(TMP_MAX):
        name = next(_name_sequence)
        file = _os.path.join(dir, prefix + name + suffix)
        if not _os.path.exists(file):
            return file
    raise FileExistsError(17, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Creates an empty temporary file; returns (fd, absolute path). The fd is a number
    only: lessons have no file descriptors, so open the path instead."""
    prefix, suffix, dir = _sanitize_params(prefix, suffix, dir)
    file = _unique_name(dir, prefix, suffix)
    with open(file, 'wb'):
        pass
    return (3, _os.path.abspath(file))


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Creates a temporary directory; returns its absolute path."""
    prefix, suffix, dir = _sanitize_params(prefix, suffix, dir)
    file = _unique_name(dir, prefix, suffix)
    _os.mkdir(file)
    return _os.path.abspath(file)


def mktemp(suffix="", prefix=template, dir=None):
    if dir is None:
        dir = gettempdir()
    return _unique_name(dir, prefix, suffix)


class _TemporaryFileWrapper:
    """A file with a name, removed when closed (delete=True)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__['file'], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return False

    def close(self):
        if not self._closed:
            self._closed = True
            self.file.close()
            if self.delete and _os.path.exists(self.name):
                _os.remove(self.name)

    @property
    def closed(self):
        return self.file.closed

    def __iter__(self):
        return iter(self.file)

    def __repr__(self):
        return "<tempfile._TemporaryFileWrapper object at %#x>" % id(self)


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None):
    """A named temporary file, removed on close when delete is true."""
    prefix, suffix, dir = _sanitize_params(prefix, suffix, dir)
    name = _os.path.abspath(_unique_name(dir, prefix, suffix))
    if 'b' in mode:
        f = open(name, mode)
    else:
        f = open(name, mode, encoding=encoding, newline=newline)
    return _TemporaryFileWrapper(f, name, delete)


TemporaryFile = NamedTemporaryFile
SpooledTemporaryFile = NamedTemporaryFile


class TemporaryDirectory:
    """A directory removed (with its contents) by cleanup() or at the end of a with block."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if _os.path.exists(self.name):
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
"""#
