/// `shutil`: copyfile/copy/copy2/copytree/rmtree/move/ignore_patterns over the lesson file
/// space with CPython's errors; `which` answers None (no programs run in a lesson).
let shutilSource = #"""
"""High-level file operations over the lesson file space (copies, trees, moves)."""
import os
import fnmatch

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2", "copytree", "move", "rmtree",
           "Error", "SpecialFileError", "ExecError", "ignore_patterns", "which", "SameFileError",
           "disk_usage", "get_terminal_size"]

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    pass


class ExecError(OSError):
    pass


class ReadError(OSError):
    pass


class RegistryError(Exception):
    pass


def copyfileobj(fsrc, fdst, length=0):
    """copy data from file-like object fsrc to file-like object fdst"""
    if not length:
        length = COPY_BUFSIZE
    fsrc_read = fsrc.read
    fdst_write = fdst.write
    while True:
        buf = fsrc_read(length)
        if not buf:
            break
        fdst_write(buf)


def _samefile(src, dst):
    return os.path.normpath(os.path.abspath(src)) == os.path.normpath(os.path.abspath(dst))


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy data from src to dst; return dst."""
    if _samefile(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    with open(src, 'rb') as fsrc:
        with open(dst, 'wb') as fdst:
            fdst.write(fsrc.read())
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Lesson files carry no mode bits: checks that src exists."""
    open(src, 'rb').close()


def copystat(src, dst, *, follow_symlinks=True):
    """Lesson files carry no metadata: checks that src exists."""
    open(src, 'rb').close()


def copy(src, dst, *, follow_symlinks=True):
    """Copy data (and mode bits) from src to dst; dst may be a directory. Return the file's destination."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Copy data and metadata. Return the file's destination."""
    return copy(src, dst, follow_symlinks=follow_symlinks)


def ignore_patterns(*patterns):
    """Function that can be used as copytree() ignore parameter."""
    def _ignore_patterns(path, names):
        ignored_names = []
        for pattern in patterns:
            ignored_names.extend(fnmatch.filter(names, pattern))
        return set(ignored_names)
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2, ignore_dangling_symlinks=False,
             dirs_exist_ok=False):
    """Recursively copy a directory tree and return the destination directory."""
    names = os.listdir(src)
    if ignore is not None:
        ignored_names = ignore(os.fspath(src), names)
    else:
        ignored_names = set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for name in names:
        if name in ignored_names:
            continue
        srcname = os.path.join(src, name)
        dstname = os.path.join(dst, name)
        try:
            if os.path.isdir(srcname):
                copytree(srcname, dstname, symlinks, ignore, copy_function, dirs_exist_ok=dirs_exist_ok)
            else:
                copy_function(srcname, dstname)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    if errors:
        raise Error(errors)
    return dst


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    """Recursively delete a directory tree."""
    try:
        names = os.listdir(path)
    except OSError as err:
        if ignore_errors:
            return
        if onerror is None:
            raise
        onerror(os.listdir, path, (type(err), err, err.__traceback__))
        return
    for name in names:
        full = os.path.join(path, name)
        if os.path.isdir(full):
            rmtree(full, ignore_errors, onerror)
        else:
            try:
                os.remove(full)
            except OSError as err:
                if ignore_errors:
                    continue
                if onerror is None:
                    raise
                onerror(os.remove, full, (type(err), err, err.__traceback__))
    try:
        os.rmdir(path)
    except OSError as err:
        if ignore_errors:
            return
        if onerror is None:
            raise
        onerror(os.rmdir, path, (type(err), err, err.__traceback__))


rmtree.avoids_symlink_attacks = False


def _basename(path):
    sep = os.sep + (os.altsep or '')
    return os.path.basename(path.rstrip(sep))


def move(src, dst, copy_function=copy2):
    """Recursively move a file or directory to another location. Return the file or directory's destination."""
    real_dst = dst
    if os.path.isdir(dst):
        if _samefile(src, dst):
            os.rename(src, dst)
            return
        real_dst = os.path.join(dst, _basename(src))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    if os.path.isdir(src):
        if _destinsrc(src, dst):
            raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
        copytree(src, real_dst, symlinks=True)
        rmtree(src)
    else:
        copy_function(src, real_dst)
        os.remove(src)
    return real_dst


def _destinsrc(src, dst):
    src = os.path.abspath(src)
    dst = os.path.abspath(dst)
    if not src.endswith(os.sep):
        src += os.sep
    if not dst.endswith(os.sep):
        dst += os.sep
    return dst.startswith(src)


def which(cmd, mode=1, path=None):
    """No programs can run in a lesson: always None."""
    return None


def disk_usage(path):
    raise OSError("a lesson cannot query the disk (shutil.disk_usage)")


def get_terminal_size(fallback=(80, 24)):
    """The fallback size, as CPython answers when standard output is not a terminal (and a
    lesson's never is; COLUMNS/LINES do not reach a lesson)."""
    import os as _os
    return _os.terminal_size(fallback)
"""#
