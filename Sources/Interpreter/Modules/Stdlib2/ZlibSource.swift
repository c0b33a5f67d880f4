/// `zlib`: compress/decompress/crc32/adler32 and compressobj/decompressobj over the system's
/// zlib (ZlibModule.swift).
let zlibSource = #"""
"""zlib over the system's library (loaded at run time)."""
import _zlib

error = _zlib.error
MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_DEFAULT_STRATEGY = 0
Z_FINISH = 4
Z_NO_FLUSH = 0
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
ZLIB_VERSION = _zlib.version
ZLIB_RUNTIME_VERSION = _zlib.version


def _data(data):
    if isinstance(data, bytearray):
        return bytes(data)
    return data


def compress(data, /, level=-1, wbits=MAX_WBITS):
    return _zlib.compress(_data(data), level, wbits)


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    return _zlib.decompress(_data(data), wbits)


def crc32(data, value=0, /):
    return _zlib.crc32(_data(data), value)


def adler32(data, value=1, /):
    return _zlib.adler32(_data(data), value)


def _concat(parts):
    out = b''
    for p in parts:
        out += p
    return out


class _Compress:
    def __init__(self, level, wbits):
        self._level = level
        self._wbits = wbits
        self._parts = []

    def compress(self, data):
        self._parts.append(bytes(data))
        return b''

    def flush(self, mode=Z_FINISH):
        out = _zlib.compress(_concat(self._parts), self._level, self._wbits)
        self._parts = []
        return out


class _Decompress:
    def __init__(self, wbits):
        self._wbits = wbits
        self.unused_data = b''
        self.unconsumed_tail = b''
        self.eof = False
        self._parts = []

    def decompress(self, data, max_length=0):
        self._parts.append(bytes(data))
        try:
            out = _zlib.decompress(_concat(self._parts), self._wbits)
        except error:
            return b''
        self._parts = []
        self.eof = True
        return out

    def flush(self, length=DEF_BUF_SIZE):
        return b''


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,
                strategy=Z_DEFAULT_STRATEGY, zdict=None):
    return _Compress(level, wbits)


def decompressobj(wbits=MAX_WBITS, zdict=b''):
    return _Decompress(wbits)
"""#
