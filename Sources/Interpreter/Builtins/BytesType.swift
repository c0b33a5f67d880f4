#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a `bytes` or `bytearray` object (the payload of its instance).
final class ByteStorage {
    var bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// `bytes` and `bytearray`: native classes over `ByteStorage`, with the basics course code
/// uses (literals, indexing to ints, slicing, `decode`, `hex`, `len`, `repr`, concatenation,
/// equality and hashing of `bytes`).
extension Interpreter {
    func installBytes() {
        let bytes = makeClass("bytes", module: "builtins")
        let bytearray = makeClass("bytearray", module: "builtins")
        types.bytes = bytes
        types.bytearray = bytearray
        builtins[Name("bytes")] = .object(bytes)
        builtins[Name("bytearray")] = .object(bytearray)
        for cls in [bytes, bytearray] {
            let name = cls.name
            cls.setConstructor { i, c, a in
                let b = try a.bind(Signature(name, ["source", "encoding", "errors"], required: 0))
                var out: [UInt8] = []
                if let src = b[0] {
                    switch src {
                    case .str(let s):
                        guard b[1] != nil else { throw PyError.typeError("string argument without an encoding") }
                        out = Array(s.utf8)
                    case .int, .bool:
                        let n = try i.intArgument(src)
                        if n < 0 { throw PyError.valueError("negative count") }
                        out = [UInt8](repeating: 0, count: n)
                    default:
                        out = try i.byteValues(src)
                    }
                }
                return .object(PyInstance(cls: c, payload: ByteStorage(out)))
            }
            installBytesMethods(cls)
            cls.addMethod("__len__") { i, s, _ in .int(try i.storage(s).bytes.count) }
            cls.addMethod("__repr__") { i, s, _ in
                let r = bytesRepr(try i.storage(s).bytes)
                return .str(i.isInstance(s, bytearray) ? "bytearray(\(r))" : r)
            }
            cls.addMethod("__str__") { i, s, _ in try i.callMethod(s, "__repr__") }
            cls.addMethod("__hash__") { i, s, _ in
                if i.isInstance(s, bytearray) { throw PyError.typeError("unhashable type: 'bytearray'") }
                var h = Hasher(); h.combine(try i.storage(s).bytes); return .int(h.finalize())
            }
            cls.addMethod("__eq__") { i, s, a in
                guard let other = try? i.byteStorage(a[0]) else { return .notImplemented }
                return .bool(try i.storage(s).bytes == other.bytes)
            }
            cls.addMethod("__ne__") { i, s, a in
                guard let other = try? i.byteStorage(a[0]) else { return .notImplemented }
                return .bool(try i.storage(s).bytes != other.bytes)
            }
            // Byte-wise ordering (memcmp, then length), as `bytes_richcompare`.
            for (op, holds) in [("__lt__", { (x: [UInt8], y: [UInt8]) in x.lexicographicallyPrecedes(y) }),
                                ("__le__", { (x: [UInt8], y: [UInt8]) in !y.lexicographicallyPrecedes(x) }),
                                ("__gt__", { (x: [UInt8], y: [UInt8]) in y.lexicographicallyPrecedes(x) }),
                                ("__ge__", { (x: [UInt8], y: [UInt8]) in !x.lexicographicallyPrecedes(y) })] {
                cls.addMethod(op) { i, s, a in
                    guard let other = i.bytesLikeOrNil(a[0]) else { return .notImplemented }
                    return .bool(holds(try i.storage(s).bytes, other))
                }
            }
            cls.addMethod("__getitem__") { i, s, a in
                let b = try i.storage(s).bytes
                if let sl = a[0].asSlice {
                    let (start, stop, step) = try i.sliceIndices(sl, length: b.count)
                    var out: [UInt8] = []
                    var k = start
                    while step > 0 ? k < stop : k > stop { out.append(b[k]); k += step }
                    return .object(PyInstance(cls: i.typeOf(s), payload: ByteStorage(out)))
                }
                let isArray = i.isInstance(s, bytearray)
                guard var k = try i.index(a[0]) else {
                    throw PyError.typeError("\(isArray ? "bytearray" : "byte") indices must be integers or slices, not \(i.typeName(a[0]))")
                }
                if k < 0 { k += b.count }
                guard k >= 0 && k < b.count else { throw PyError.indexError(isArray ? "bytearray index out of range" : "index out of range") }
                return .int(Int(b[k]))
            }
            cls.addMethod("__iter__") { i, s, _ in
                try i.callMethod(.list(try i.storage(s).bytes.map { .int(Int($0)) }), "__iter__")
            }
            cls.addMethod("__contains__") { i, s, a in
                let b = try i.storage(s).bytes
                // `_Py_bytes_contains`: an integer is a byte, anything else must be a buffer.
                if a[0].asObject is PyBigInt { throw PyError.valueError("byte must be in range(0, 256)") }
                if let n = try? i.index(a[0]) {
                    guard (0..<256).contains(n) else { throw PyError.valueError("byte must be in range(0, 256)") }
                    return .bool(b.contains(UInt8(n)))
                }
                guard let needle = i.bytesLikeOrNil(a[0]) else {
                    throw PyError.typeError("a bytes-like object is required, not '\(i.typeName(a[0]))'")
                }
                if needle.isEmpty { return .true }
                return .bool(b.count >= needle.count && (0...(b.count - needle.count)).contains { Array(b[$0..<($0 + needle.count)]) == needle })
            }
            cls.addMethod("__add__") { i, s, a in
                // Not a buffer: the other operand's `__radd__` runs first, then the generic
                // "can't concat" error (Arithmetic.swift).
                guard let other = i.bytesLikeOrNil(a[0]) else { return .notImplemented }
                return .object(PyInstance(cls: i.typeOf(s), payload: ByteStorage(try i.storage(s).bytes + other)))
            }
            cls.addMethod("__mul__") { i, s, a in
                guard let count = try i.index(a[0]) else { return .notImplemented }
                let n = max(0, count)
                let b = try i.storage(s).bytes
                // Empty stays empty at once; a large result is charged to the object limit
                // first (MemoryError, as CPython) instead of being allocated.
                if b.isEmpty || n == 0 { return .object(PyInstance(cls: i.typeOf(s), payload: ByteStorage([]))) }
                try i.reserveRepetition(b.count, times: n, itemBytes: 1)
                return .object(PyInstance(cls: i.typeOf(s), payload: ByteStorage(Array([[UInt8]](repeating: b, count: n).joined()))))
            }
            cls.addMethod("__rmul__") { i, s, a in
                guard let count = try i.index(a[0]) else { return .notImplemented }
                let n = max(0, count)
                let b = try i.storage(s).bytes
                // Empty stays empty at once; a large result is charged to the object limit
                // first (MemoryError, as CPython) instead of being allocated.
                if b.isEmpty || n == 0 { return .object(PyInstance(cls: i.typeOf(s), payload: ByteStorage([]))) }
                try i.reserveRepetition(b.count, times: n, itemBytes: 1)
                return .object(PyInstance(cls: i.typeOf(s), payload: ByteStorage(Array([[UInt8]](repeating: b, count: n).joined()))))
            }
            cls.addMethod("decode") { i, s, a in
                let b = try a.bind(Signature("decode", ["encoding", "errors"], required: 0))
                let enc = try b[0].map { try i.stringArgument($0, "decode() argument 'encoding'") }?.lowercased() ?? "utf-8"
                let data = try i.storage(s).bytes
                switch enc {
                case "utf-8", "utf8":
                    guard let text = String(validating: data, as: UTF8.self) else {
                        throw PyError(type: "UnicodeDecodeError", message: utf8DecodeError(data))
                    }
                    return .str(text)
                case "ascii":
                    if let k = data.firstIndex(where: { $0 >= 128 }) {
                        throw PyError(type: "UnicodeDecodeError", message: "'ascii' codec can't decode byte 0x\(String(data[k], radix: 16)) in position \(k): ordinal not in range(128)")
                    }
                    return .str(String(decoding: data, as: UTF8.self))
                case "latin-1", "latin1", "iso-8859-1":
                    return .str(String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) })))
                default:
                    throw PyError(type: "LookupError", message: "unknown encoding: \(enc)")
                }
            }
            cls.addMethod("hex") { i, s, _ in
                .str(try i.storage(s).bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
            }
            cls.addClassMethod("fromhex") { i, c, a in
                try a.check("fromhex", 1)
                let text = try i.stringArgument(a[0], "fromhex() argument").filter { !$0.isWhitespace }
                var out: [UInt8] = []
                var it = text.makeIterator()
                while let hi = it.next() {
                    guard let lo = it.next(), let h = hi.hexDigitValue, let l = lo.hexDigitValue else {
                        throw PyError.valueError("non-hexadecimal number found in fromhex() arg")
                    }
                    out.append(UInt8(h * 16 + l))
                }
                return .object(PyInstance(cls: c.asObject as! PyClass, payload: ByteStorage(out)))
            }
        }
        bytearray.addMethod("append") { i, s, a in
            let n = try i.intArgument(a[0])
            guard (0..<256).contains(n) else { throw PyError.valueError("byte must be in range(0, 256)") }
            try i.storage(s).bytes.append(UInt8(n)); return .none
        }
        bytearray.addMethod("extend") { i, s, a in try i.storage(s).bytes += i.byteValues(a[0]); return .none }
        installBytearrayMutation(bytearray)
        types.str.addMethod("encode") { i, s, a in
            let b = try a.bindClinic(ClinicSignature("encode", ["encoding", "errors"]))
            if let errors = b[1] { _ = try i.stringArgument(errors, "encode() argument 'errors'") }
            let enc = try b[0].map { try i.stringArgument($0, "encode() argument 'encoding'") }?.lowercased() ?? "utf-8"
            guard case .str(let text) = s else { return .none }
            switch enc {
            case "utf-8", "utf8": return i.makeBytes(Array(text.utf8))
            case "ascii", "latin-1", "latin1":
                let limit: UInt32 = enc == "ascii" ? 128 : 256
                var out: [UInt8] = []
                for (k, u) in text.unicodeScalars.enumerated() {
                    guard u.value < limit else {
                        throw PyError(type: "UnicodeEncodeError", message: "'\(enc == "ascii" ? "ascii" : "latin-1")' codec can't encode character '\\\(u.value < 256 ? "x" + String(u.value, radix: 16) : "u" + String(u.value, radix: 16))' in position \(k): ordinal not in range(\(limit))")
                    }
                    out.append(UInt8(u.value))
                }
                return i.makeBytes(out)
            default: throw PyError(type: "LookupError", message: "unknown encoding: \(enc)")
            }
        }
    }

    /// A new `bytes` object.
    func makeBytes(_ b: [UInt8]) -> PyValue { .object(PyInstance(cls: types.bytes, payload: ByteStorage(b))) }

    fileprivate func storage(_ v: PyValue) throws -> ByteStorage {
        guard let s = v.payload(ByteStorage.self) else { throw PyError.typeError("descriptor requires a 'bytes' object") }
        return s
    }

    func byteStorage(_ v: PyValue) throws -> ByteStorage {
        guard let s = v.payload(ByteStorage.self) else { throw PyError.typeError("a bytes-like object is required, not '\(typeName(v))'") }
        return s
    }

    /// The bytes of a bytes-like object or of an iterable of ints in range(256).
    func byteValues(_ v: PyValue) throws -> [UInt8] {
        if let s = v.payload(ByteStorage.self) { return s.bytes }
        if v.payload(MemoryViewBuffer.self) != nil { return try view(v).bytes }
        if case .str = v { throw PyError.typeError("cannot convert 'str' object to bytes") }
        return try iterate(v).map { x in
            guard case .int(let n) = x else { throw PyError.typeError("'\(typeName(x))' object cannot be interpreted as an integer") }
            guard (0..<256).contains(n) else { throw PyError.valueError("bytes must be in range(0, 256)") }
            return UInt8(n)
        }
    }
}

/// `repr(b'...')` as CPython writes it: single quotes unless the bytes hold a single quote
/// and no double quote; \t \n \r, \\ and \xNN escapes for the rest outside printable ASCII.
func bytesRepr(_ b: [UInt8]) -> String {
    let quote: UInt8 = b.contains(39) && !b.contains(34) ? 34 : 39
    var s = "b" + String(UnicodeScalar(quote))
    for c in b {
        switch c {
        case quote, 92: s += "\\" + String(UnicodeScalar(c))
        case 9: s += "\\t"
        case 10: s += "\\n"
        case 13: s += "\\r"
        case 32..<127: s += String(UnicodeScalar(c))
        default: s += "\\x" + (c < 16 ? "0" : "") + String(c, radix: 16)
        }
    }
    return s + String(UnicodeScalar(quote))
}

/// `b"..."`: a new `bytes` object of the session each time it is evaluated.
final class BytesLiteralExpr: Expr {
    let bytes: [UInt8]
    init(_ bytes: [UInt8], line: Int, col: Int) { self.bytes = bytes; super.init(line: line, col: col) }
    override func eval(_ f: Frame) throws -> PyValue { f.interp.makeBytes(bytes) }
}

/// CPython's message for the first invalid UTF-8 sequence in `b`.
func utf8DecodeError(_ b: [UInt8]) -> String {
    var k = 0
    while k < b.count {
        let c = b[k]
        let need: Int
        switch c {
        case 0..<0x80: k += 1; continue
        case 0xC2...0xDF: need = 1
        case 0xE0...0xEF: need = 2
        case 0xF0...0xF4: need = 3
        default:
            return "'utf-8' codec can't decode byte 0x\(String(c, radix: 16)) in position \(k): invalid start byte"
        }
        var j = 1
        while j <= need {
            guard k + j < b.count else {
                return "'utf-8' codec can't decode byte\(j > 1 ? "s" : "") in position \(k)\(j > 1 ? "-\(k + j - 1)" : ""): unexpected end of data"
                    .replacing("byte in", with: "byte 0x\(String(c, radix: 16)) in")
            }
            let lo: UInt8 = (j == 1 && c == 0xE0) ? 0xA0 : (j == 1 && c == 0xF0) ? 0x90 : 0x80
            let hi: UInt8 = (j == 1 && c == 0xED) ? 0x9F : (j == 1 && c == 0xF4) ? 0x8F : 0xBF
            if b[k + j] < lo || b[k + j] > hi {
                let span = j > 1 ? "bytes in position \(k)-\(k + j - 1)" : "byte 0x\(String(c, radix: 16)) in position \(k)"
                return "'utf-8' codec can't decode \(span): invalid continuation byte"
            }
            j += 1
        }
        k += need + 1
    }
    return "'utf-8' codec can't decode bytes"
}
