/// `zipfile`: ZipFile read/write/append (stored and deflated members), ZipInfo with CPython's
/// reprs and errors, extract/extractall into the lesson file space. Members written get
/// the 1980-01-01 timestamp (lessons have no clock-dependent output).
let zipfileSource = #"""
"""Read and write ZIP files in the lesson file space (stored and deflated members)."""
import io
import os
import zlib
import warnings

__all__ = ["BadZipFile", "BadZipfile", "error", "ZIP_STORED", "ZIP_DEFLATED", "ZIP_BZIP2", "ZIP_LZMA",
           "is_zipfile", "ZipInfo", "ZipFile", "LargeZipFile"]


class BadZipFile(Exception):
    pass


class LargeZipFile(Exception):
    """Raised when writing a zipfile, the zipfile requires ZIP64 extensions and those extensions are disabled."""


error = BadZipfile = BadZipFile

ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14
DEFAULT_VERSION = 20
compressor_names = {0: 'store', 1: 'shrink', 2: 'reduce', 3: 'reduce', 4: 'reduce', 5: 'reduce', 6: 'implode',
                    7: 'tokenize', 8: 'deflate', 9: 'deflate64', 10: 'implode', 12: 'bzip2', 14: 'lzma',
                    18: 'terse', 19: 'lz77', 97: 'wavpack', 98: 'ppmd'}


def _filemode(mode):
    kinds = {0o040000: 'd', 0o100000: '-', 0o120000: 'l'}
    s = kinds.get(mode & 0o170000, '?')
    for shift in (6, 3, 0):
        bits = (mode >> shift) & 7
        s += ('r' if bits & 4 else '-') + ('w' if bits & 2 else '-') + ('x' if bits & 1 else '-')
    return s


def _u16(b, i):
    return b[i] | (b[i + 1] << 8)


def _u32(b, i):
    return b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)


def _p16(v):
    return bytes([v & 0xFF, (v >> 8) & 0xFF])


def _p32(v):
    return bytes([v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >> 24) & 0xFF])


class ZipInfo(object):
    """Class with attributes describing each file in the ZIP archive."""

    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        null_byte = filename.find(chr(0))
        if null_byte >= 0:
            filename = filename[0:null_byte]
        if os.sep != "/" and os.sep in filename:
            filename = filename.replace(os.sep, "/")
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError('ZIP does not support timestamps before 1980')
        self.compress_type = ZIP_STORED
        self.compress_level = None
        self.comment = b""
        self.extra = b""
        self.create_system = 3
        self.create_version = DEFAULT_VERSION
        self.extract_version = DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.compress_size = 0
        self.file_size = 0
        self.CRC = 0
        self.header_offset = 0

    def __repr__(self):
        result = ['<%s filename=%r' % (self.__class__.__name__, self.filename)]
        if self.compress_type != ZIP_STORED:
            result.append(' compress_type=%s' % compressor_names.get(self.compress_type, self.compress_type))
        hi = self.external_attr >> 16
        lo = self.external_attr & 0xFFFF
        if hi:
            result.append(' filemode=%r' % _filemode(hi))
        if lo:
            result.append(' external_attr=%#x' % lo)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            result.append(' file_size=%r' % self.file_size)
        if ((not isdir or self.compress_size) and
                (self.compress_type != ZIP_STORED or self.file_size != self.compress_size)):
            result.append(' compress_size=%r' % self.compress_size)
        result.append('>')
        return ''.join(result)

    def is_dir(self):
        """Return True if this archive member is a directory."""
        return self.filename[-1:] == '/'

    def _dos_time(self):
        dt = self.date_time
        dosdate = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
        dostime = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
        return dostime, dosdate

    def _encoded_name(self):
        try:
            return self.filename.encode('ascii'), self.flag_bits
        except UnicodeEncodeError:
            return self.filename.encode('utf-8'), self.flag_bits | 0x800

    def _local_header(self):
        name, flags = self._encoded_name()
        dostime, dosdate = self._dos_time()
        return (_p32(0x04034b50) + _p16(self.extract_version) + _p16(flags) + _p16(self.compress_type) +
                _p16(dostime) + _p16(dosdate) + _p32(self.CRC) + _p32(self.compress_size) + _p32(self.file_size) +
                _p16(len(name)) + _p16(len(self.extra)) + name + self.extra)

    def _central_header(self):
        name, flags = self._encoded_name()
        dostime, dosdate = self._dos_time()
        return (_p32(0x02014b50) + _p16(self.create_version | (self.create_system << 8)) +
                _p16(self.extract_version) + _p16(flags) + _p16(self.compress_type) + _p16(dostime) +
                _p16(dosdate) + _p32(self.CRC) + _p32(self.compress_size) + _p32(self.file_size) +
                _p16(len(name)) + _p16(len(self.extra)) + _p16(len(self.comment)) + _p16(0) +
                _p16(self.internal_attr) + _p32(self.external_attr) + _p32(self.header_offset) + name +
                self.extra + self.comment)


def _now():
    """The current time as (year, month, day, hour, minute, second), in UTC."""
    import time
    t = int(time.time())
    days, rem = divmod(t, 86400)
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    y = yoe + era * 400 + (1 if m <= 2 else 0)
    return (y, m, d, rem // 3600, rem // 60 % 60, rem % 60)


def _ensure_bytes(data):
    if isinstance(data, str):
        return data.encode('utf-8')
    return bytes(data)


def _archive_bytes(file):
    if isinstance(file, (str, os.PathLike)) or hasattr(file, '__fspath__'):
        with open(os.fspath(file), 'rb') as f:
            return f.read()
    pos = file.tell() if hasattr(file, 'tell') else 0
    if hasattr(file, 'seek'):
        file.seek(0)
    data = file.read()
    if hasattr(file, 'seek'):
        file.seek(pos)
    return data


def _parse(data):
    """The members of an archive: ZipInfo objects with their data offsets."""
    end = -1
    i = len(data) - 22
    stop = max(-1, len(data) - 22 - 65536)
    while i > stop:
        if data[i] == 0x50 and data[i + 1] == 0x4b and data[i + 2] == 5 and data[i + 3] == 6:
            end = i
            break
        i -= 1
    if end < 0:
        raise BadZipFile("File is not a zip file")
    count = _u16(data, end + 10)
    cd_size = _u32(data, end + 12)
    cd_offset = _u32(data, end + 16)
    comment_len = _u16(data, end + 20)
    comment = bytes(data[end + 22:end + 22 + comment_len])
    concat = end - cd_size - cd_offset
    pos = cd_offset + concat
    infos = []
    for _ in range(count):
        if _u32(data, pos) != 0x02014b50:
            raise BadZipFile("Bad magic number for central directory")
        flags = _u16(data, pos + 8)
        name_len = _u16(data, pos + 28)
        extra_len = _u16(data, pos + 30)
        comment_len2 = _u16(data, pos + 32)
        raw_name = bytes(data[pos + 46:pos + 46 + name_len])
        name = raw_name.decode('utf-8' if flags & 0x800 else 'cp437' if False else 'latin-1') if not (flags & 0x800) else raw_name.decode('utf-8')
        zi = ZipInfo.__new__(ZipInfo)
        ZipInfo.__init__(zi, name)
        zi.create_version = data[pos + 4]
        zi.create_system = data[pos + 5]
        zi.extract_version = _u16(data, pos + 6)
        zi.flag_bits = flags
        zi.compress_type = _u16(data, pos + 10)
        t = _u16(data, pos + 12)
        d = _u16(data, pos + 14)
        zi.date_time = ((d >> 9) + 1980, (d >> 5) & 0xF, d & 0x1F, t >> 11, (t >> 5) & 0x3F, (t & 0x1F) * 2)
        zi.CRC = _u32(data, pos + 16)
        zi.compress_size = _u32(data, pos + 20)
        zi.file_size = _u32(data, pos + 24)
        zi.internal_attr = _u16(data, pos + 36)
        zi.external_attr = _u32(data, pos + 38)
        zi.header_offset = _u32(data, pos + 42) + concat
        zi.extra = bytes(data[pos + 46 + name_len:pos + 46 + name_len + extra_len])
        zi.comment = bytes(data[pos + 46 + name_len + extra_len:pos + 46 + name_len + extra_len + comment_len2])
        infos.append(zi)
        pos += 46 + name_len + extra_len + comment_len2
    return infos, comment


class _ZipWriteFile(io.BytesIO):
    pass


class ZipFile:
    """Class with methods to open, read, write, close, list zip files."""

    fp = None

    def __init__(self, file, mode="r", compression=ZIP_STORED, allowZip64=True, compresslevel=None, *,
                 strict_timestamps=True, metadata_encoding=None):
        if mode not in ('r', 'w', 'x', 'a'):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        if compression not in (ZIP_STORED, ZIP_DEFLATED):
            if compression in (ZIP_BZIP2, ZIP_LZMA):
                raise RuntimeError("Compression requires the (missing) %s module" %
                                   ('bz2' if compression == ZIP_BZIP2 else 'lzma'))
            raise NotImplementedError("That compression method is not supported")
        self.mode = mode
        self.compression = compression
        self.compresslevel = compresslevel
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.comment = b''
        self._data = {}
        self._closed = False
        self._file = file
        if isinstance(file, (str, os.PathLike)) or hasattr(file, '__fspath__'):
            self.filename = os.fspath(file)
            self._path = self.filename
        else:
            self.filename = getattr(file, 'name', None)
            self._path = None
        self.fp = file
        if mode == 'x' and self._path is not None and os.path.exists(self._path):
            raise FileExistsError(17, 'File exists')
        if mode == 'r' or mode == 'a':
            if mode == 'a' and self._path is not None and not os.path.exists(self._path):
                return
            raw = _archive_bytes(file)
            if mode == 'a':
                try:
                    infos, self.comment = _parse(raw)
                except BadZipFile:
                    infos = []
            else:
                infos, self.comment = _parse(raw)
            self._raw = raw
            for zi in infos:
                self.filelist.append(zi)
                self.NameToInfo[zi.filename] = zi
                if mode == 'a':
                    self._data[zi.filename] = self._member_bytes(zi)
        elif self._path is not None:
            with open(self._path, 'wb'):
                pass

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __repr__(self):
        result = ['<%s.%s' % (self.__class__.__module__, self.__class__.__qualname__)]
        if not self._closed:
            if self.filename is not None:
                result.append(' filename=%r' % self.filename)
            result.append(' mode=%r' % self.mode)
        else:
            result.append(' [closed]')
        result.append('>')
        return ''.join(result)

    def _check_open(self):
        if self._closed:
            raise ValueError('Attempt to use ZIP archive that was already closed')

    def namelist(self):
        """Return a list of file names in the archive."""
        return [data.filename for data in self.filelist]

    def infolist(self):
        """Return a list of class ZipInfo instances for files in the archive."""
        return self.filelist

    def printdir(self, file=None):
        """Print a table of contents for the zip file."""
        print("%-46s %19s %12s" % ("File Name", "Modified    ", "Size"), file=file)
        for zinfo in self.filelist:
            date = "%d-%02d-%02d %02d:%02d:%02d" % zinfo.date_time[:6]
            print("%-46s %s %12d" % (zinfo.filename, date, zinfo.file_size), file=file)

    def testzip(self):
        """Read all the files and check the CRC."""
        for zinfo in self.filelist:
            try:
                self.read(zinfo.filename)
            except BadZipFile:
                return zinfo.filename
        return None

    def getinfo(self, name):
        """Return the instance of ZipInfo given 'name'."""
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError('There is no item named %r in the archive' % name)
        return info

    def setpassword(self, pwd):
        pass

    def _member_bytes(self, zinfo):
        raw = self._raw
        pos = zinfo.header_offset
        if _u32(raw, pos) != 0x04034b50:
            raise BadZipFile("Bad magic number for file header")
        name_len = _u16(raw, pos + 26)
        extra_len = _u16(raw, pos + 28)
        start = pos + 30 + name_len + extra_len
        comp = bytes(raw[start:start + zinfo.compress_size])
        if zinfo.flag_bits & 0x1:
            raise NotImplementedError("That compression method is not supported")
        if zinfo.compress_type == ZIP_STORED:
            data = comp
        elif zinfo.compress_type == ZIP_DEFLATED:
            data = zlib.decompress(comp, -15)
        else:
            name = compressor_names.get(zinfo.compress_type)
            if name:
                raise NotImplementedError("compression type %d (%s)" % (zinfo.compress_type, name))
            raise NotImplementedError("compression type %d" % (zinfo.compress_type, ))
        if zlib.crc32(data) != zinfo.CRC:
            raise BadZipFile("Bad CRC-32 for file %r" % zinfo.filename)
        return data

    def read(self, name, pwd=None):
        """Return file bytes for name."""
        self._check_open()
        zinfo = name if isinstance(name, ZipInfo) else self.getinfo(name)
        if zinfo.filename in self._data:
            return self._data[zinfo.filename]
        return self._member_bytes(zinfo)

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        """Return file-like object for 'name'."""
        if mode not in {"r", "w"}:
            raise ValueError('open() requires mode "r" or "w"')
        self._check_open()
        if mode == "w":
            zf = self
            if isinstance(name, ZipInfo):
                zinfo = name
            else:
                zinfo = ZipInfo(name)
                zinfo.compress_type = self.compression
                zinfo.compress_level = self.compresslevel

            class _Writer(io.BytesIO):
                def close(w):
                    if not w.closed:
                        zf.writestr(zinfo, w.getvalue())
                    io.BytesIO.close(w)

                def __exit__(w, *args):
                    w.close()
            return _Writer()
        return io.BytesIO(self.read(name))

    def _writecheck(self, zinfo):
        if self._closed:
            raise ValueError('Attempt to write to ZIP archive that was already closed')
        if self.mode not in ('w', 'x', 'a'):
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if zinfo.filename in self.NameToInfo:
            warnings.warn('Duplicate name: %r' % zinfo.filename, UserWarning)

    def _add(self, zinfo, data):
        data = _ensure_bytes(data)
        zinfo.file_size = len(data)
        zinfo.CRC = zlib.crc32(data)
        if zinfo.compress_type == ZIP_DEFLATED:
            level = zinfo.compress_level if zinfo.compress_level is not None else -1
            comp = zlib.compress(data, level, -15)
        else:
            comp = data
        zinfo.compress_size = len(comp)
        if zinfo.compress_type == ZIP_DEFLATED:
            zinfo.extract_version = max(zinfo.extract_version, 20)
        self._data[zinfo.filename] = data
        self._comp = getattr(self, '_comp', {})
        self._comp[zinfo.filename] = comp
        self.filelist.append(zinfo)
        self.NameToInfo[zinfo.filename] = zinfo

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        """Put the bytes from filename into the archive under the name arcname."""
        if self._closed:
            raise ValueError('Attempt to write to ZIP archive that was already closed')
        if self.mode == 'r':
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        isdir = os.path.isdir(filename)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(arcname)
        while arcname and arcname[0] == '/':
            arcname = arcname[1:]
        if isdir:
            arcname += '/'
        zinfo = ZipInfo(arcname, _now())
        if isdir:
            zinfo.external_attr = (0o40755 << 16) | 0x10
            zinfo.file_size = 0
            self._writecheck(zinfo)
            self._add(zinfo, b'')
            return
        zinfo.external_attr = 0o100644 << 16
        zinfo.compress_type = compress_type if compress_type is not None else self.compression
        zinfo.compress_level = compresslevel if compresslevel is not None else self.compresslevel
        with open(filename, 'rb') as f:
            data = f.read()
        self._writecheck(zinfo)
        self._add(zinfo, data)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        """Write a file into the archive. The contents is 'data', which may be either a 'str' or a 'bytes' instance."""
        if isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = zinfo_or_arcname
        else:
            zinfo = ZipInfo(filename=zinfo_or_arcname, date_time=_now())
            zinfo.compress_type = self.compression
            zinfo.compress_level = self.compresslevel
            if zinfo.filename[-1] == '/':
                zinfo.external_attr = 0o40775 << 16
                zinfo.external_attr |= 0x10
            else:
                zinfo.external_attr = 0o600 << 16
        if self._closed:
            raise ValueError('Attempt to write to ZIP archive that was already closed')
        if compress_type is not None:
            zinfo.compress_type = compress_type
        if compresslevel is not None:
            zinfo.compress_level = compresslevel
        self._writecheck(zinfo)
        self._add(zinfo, data)

    def mkdir(self, zinfo_or_directory_name, mode=511):
        name = zinfo_or_directory_name
        if not name.endswith('/'):
            name += '/'
        zinfo = ZipInfo(name, _now())
        zinfo.external_attr = ((0o40000 | mode) & 0xFFFF) << 16 | 0x10
        self._writecheck(zinfo)
        self._add(zinfo, b'')

    def extract(self, member, path=None, pwd=None):
        """Extract a member from the archive to the current working directory; return its full path."""
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        return self._extract_member(member, path)

    def extractall(self, path=None, members=None, pwd=None):
        """Extract all members from the archive to the current working directory."""
        if members is None:
            members = self.namelist()
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        for zipinfo in members:
            self._extract_member(zipinfo, path)

    def _extract_member(self, member, targetpath):
        if not isinstance(member, ZipInfo):
            member = self.getinfo(member)
        arcname = member.filename.replace('/', os.path.sep)
        arcname = os.path.splitdrive(arcname)[1] if hasattr(os.path, 'splitdrive') else arcname
        invalid_path_parts = ('', os.path.curdir, os.path.pardir)
        arcname = os.path.sep.join(x for x in arcname.split(os.path.sep) if x not in invalid_path_parts)
        targetpath = os.path.join(targetpath, arcname)
        targetpath = os.path.normpath(targetpath)
        upperdirs = os.path.dirname(targetpath)
        if upperdirs and not os.path.exists(upperdirs):
            os.makedirs(upperdirs)
        if member.is_dir():
            if not os.path.isdir(targetpath):
                os.mkdir(targetpath)
            return targetpath
        with open(targetpath, "wb") as target:
            target.write(self.read(member))
        return targetpath

    def close(self):
        """Close the file, and for mode 'w', 'x' and 'a' write the ending records."""
        if self._closed:
            return
        if self.mode in ('w', 'x', 'a'):
            out = bytearray()
            comp = getattr(self, '_comp', {})
            for zinfo in self.filelist:
                zinfo.header_offset = len(out)
                out += zinfo._local_header()
                if zinfo.filename in comp:
                    out += comp[zinfo.filename]
                else:
                    data = self._data[zinfo.filename]
                    out += zlib.compress(data, -1, -15) if zinfo.compress_type == ZIP_DEFLATED else data
            cd_start = len(out)
            for zinfo in self.filelist:
                out += zinfo._central_header()
            cd_size = len(out) - cd_start
            n = len(self.filelist)
            out += (_p32(0x06054b50) + _p16(0) + _p16(0) + _p16(n) + _p16(n) + _p32(cd_size) + _p32(cd_start) +
                    _p16(len(self.comment)) + self.comment)
            if self._path is not None:
                with open(self._path, 'wb') as f:
                    f.write(bytes(out))
            else:
                self._file.write(bytes(out))
        self._closed = True
        self.fp = None


def is_zipfile(filename):
    """Quickly see if a file is a ZIP file by checking the magic number."""
    try:
        _parse(_archive_bytes(filename))
        return True
    except (OSError, BadZipFile, IndexError):
        return False
"""#
