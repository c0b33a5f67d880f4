/// `struct`: `pack`, `unpack`, `calcsize`, `pack_into`, `unpack_from`, `iter_unpack` and
/// `Struct`, in every byte order with native alignment for `@`, and CPython 3.11's
/// `struct.error` texts (which differ between its native and big-endian packers). The
/// float codes go through `_struct_floats` (StructNative.swift).
let structSource = #"""
import _struct_floats

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


# Sizes of the codes in native mode ('@', aligned) and in the standard modes ('=<>!').
_NATIVE = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
           'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1, 'P': 8}
_STANDARD = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 4, 'L': 4,
             'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
_SIGNED = 'bhilqn'
_SMALL_NAMES = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}


def _layout(fmt):
    """(little-endian?, native?, [(code, count, offset)], size) of a format."""
    if isinstance(fmt, (bytes, bytearray)):
        fmt = bytes(fmt).decode('latin-1')
    elif not isinstance(fmt, str):
        raise TypeError('Struct() argument 1 must be a str or bytes object, not %s' % type(fmt).__name__)
    order = '@'
    body = fmt
    if fmt[:1] in ('@', '=', '<', '>', '!'):
        order, body = fmt[0], fmt[1:]
    native = order == '@'
    sizes = _NATIVE if native else _STANDARD
    items = []
    offset = 0
    k = 0
    while k < len(body):
        code = body[k]
        if code.isspace():
            k += 1
            continue
        count = 1
        if '0' <= code <= '9':
            start = k
            while k < len(body) and '0' <= body[k] <= '9':
                k += 1
            count = int(body[start:k])
            if k == len(body):
                raise error('repeat count given without format specifier')
            code = body[k]
        k += 1
        if code not in sizes:
            raise error('bad char in struct format')
        size = sizes[code]
        if native and size > 1:
            offset = (offset + size - 1) // size * size
        if code in 'sp':
            items.append((code, count, offset))
            offset += count
        elif code == 'x':
            offset += count
        else:
            for _ in range(count):
                items.append((code, size, offset))
                offset += size
    return order not in '>!', native, items, offset


def _integer(value):
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise error('required argument is not an integer')
    return index(value)


def _pack_int(code, size, value, little, native):
    """The bytes of an integer code, refusing values out of range with CPython's texts,
    which differ between its native packers (used for '@', and for '<' and '=' where the
    standard size is the native one) and its big-endian ones."""
    v = _integer(value)
    signed = code in _SIGNED
    lo, hi = (-2 ** (8 * size - 1), 2 ** (8 * size - 1) - 1) if signed else (0, 2 ** (8 * size) - 1)
    if code in 'bB' or (little and (native or code not in 'lL')):
        if signed or code in 'BH':
            if not -2 ** 63 <= v < 2 ** 63:
                raise error('argument out of range')
        elif not 0 <= v < 2 ** 64:
            raise error('argument out of range')
        if size < 8 and not lo <= v <= hi:
            name = _SMALL_NAMES.get(code) or "'%s'" % code
            raise error('%s format requires %d <= number <= %d' % (name, lo, hi))
    elif code in 'qQ':
        if not lo <= v <= hi:
            raise error('int too large to convert')
    else:
        if not (-2 ** 63 <= v < 2 ** 63 if signed else 0 <= v < 2 ** 64):
            raise error('argument out of range')
        if not lo <= v <= hi:
            raise error("'%s' format requires %d <= number <= %d" % (code, lo, hi))
    return v.to_bytes(size, 'little' if little else 'big', signed=signed)


def _buffer(data):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


class Struct:
    """Compiled struct object (`struct.Struct(format)`)."""

    def __init__(self, format):
        self._little, self._native, self._items, self.size = _layout(format)
        self.format = format.decode('latin-1') if isinstance(format, (bytes, bytearray)) else format

    def _encode(self, values):
        if len(values) != len(self._items):
            raise error('pack expected %d items for packing (got %d)' % (len(self._items), len(values)))
        out = []
        end = 0
        for (code, n, offset), v in zip(self._items, values):
            if code == 's' or code == 'p':
                if not isinstance(v, (bytes, bytearray)):
                    raise error("argument for '%s' must be a bytes object" % code)
                if code == 's':
                    piece = bytes(v[:n])
                elif n == 0:
                    piece = b''
                else:
                    text = bytes(v[:n - 1])
                    piece = bytes([min(len(text), 255)]) + text
            elif code == 'c':
                if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
                    raise error('char format requires a bytes object of length 1')
                piece = bytes(v)
            elif code == '?':
                piece = b'\x01' if v else b'\x00'
            elif code in 'efd':
                if not isinstance(v, (int, float)) and getattr(type(v), '__float__', None) is None \
                        and getattr(type(v), '__index__', None) is None:
                    raise error('required argument is not a float')
                piece = _struct_floats.pack(v, n, self._little)
            else:
                piece = _pack_int(code, n, v, self._little, self._native)
            out.append(bytes(offset - end) + piece)
            end = offset + len(piece)
        out.append(bytes(self.size - end))
        return b''.join(out)

    def pack(self, *values):
        return self._encode(values)

    def pack_into(self, buffer, offset, *values):
        data = self._encode(values)
        size = len(buffer)
        if offset < 0:
            if offset + size < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, size))
            offset += size
        if size - offset < self.size:
            raise error('pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d '
                        '(actual buffer size is %d)' % (self.size + offset, self.size, offset, size))
        for k in range(self.size):
            buffer[offset + k] = data[k]

    def _decode(self, data):
        values = []
        for code, n, offset in self._items:
            if code == 's':
                values.append(data[offset:offset + n])
            elif code == 'p':
                if n == 0:
                    values.append(b'')
                else:
                    values.append(data[offset + 1:offset + 1 + min(data[offset], n - 1)])
            elif code == 'c':
                values.append(data[offset:offset + 1])
            elif code == '?':
                values.append(data[offset] != 0)
            elif code in 'efd':
                values.append(_struct_floats.unpack(data[offset:offset + n], self._little))
            else:
                values.append(int.from_bytes(data[offset:offset + n], 'little' if self._little else 'big',
                                             signed=code in _SIGNED))
        return tuple(values)

    def unpack(self, buffer):
        data = _buffer(buffer)
        if len(data) != self.size:
            raise error('unpack requires a buffer of %d bytes' % self.size)
        return self._decode(data)

    def unpack_from(self, buffer, offset=0):
        data = _buffer(buffer)
        size = len(data)
        if offset < 0:
            if offset + size < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, size))
            offset += size
        if size - offset < self.size:
            raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d '
                        '(actual buffer size is %d)' % (self.size + offset, self.size, offset, size))
        return self._decode(data[offset:offset + self.size])

    def iter_unpack(self, buffer):
        data = _buffer(buffer)
        if self.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(data) % self.size:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % self.size)
        return unpack_iterator(self, data)


class unpack_iterator:
    def __init__(self, struct, data):
        self._struct = struct
        self._data = data
        self._offset = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._offset >= len(self._data):
            raise StopIteration
        start = self._offset
        self._offset += self._struct.size
        return self._struct._decode(self._data[start:self._offset])

    def __length_hint__(self):
        return (len(self._data) - self._offset) // self._struct.size


Struct.__module__ = '_struct'
unpack_iterator.__module__ = '_struct'
_cache = {}


def _compiled(fmt):
    s = _cache.get(fmt) if isinstance(fmt, (str, bytes)) else None
    if s is None:
        s = Struct(fmt)
        if len(_cache) < 100 and isinstance(fmt, (str, bytes)):
            _cache[fmt] = s
    return s


def calcsize(format):
    return _compiled(format).size


def pack(format, /, *values):
    return _compiled(format).pack(*values)


def pack_into(format, buffer, offset, /, *values):
    return _compiled(format).pack_into(buffer, offset, *values)


def unpack(format, buffer, /):
    return _compiled(format).unpack(buffer)


def unpack_from(format, /, buffer, offset=0):
    return _compiled(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer, /):
    return _compiled(format).iter_unpack(buffer)
"""#
