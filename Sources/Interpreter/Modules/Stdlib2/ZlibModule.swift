#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's zlib, found at run time (`dlopen`), so no target links it: raw deflate for
/// `zipfile`, and `zlib.compress`/`decompress`/`crc32`/`adler32`. Where no zlib can be
/// loaded, `crc32` still works (computed here) and compression raises `zlib.error`.
enum SystemZlib {
    typealias InitDeflate = @convention(c) (UnsafeMutableRawPointer, Int32, Int32, Int32, Int32, Int32, UnsafePointer<CChar>, Int32) -> Int32
    typealias InitInflate = @convention(c) (UnsafeMutableRawPointer, Int32, UnsafePointer<CChar>, Int32) -> Int32
    typealias Step = @convention(c) (UnsafeMutableRawPointer, Int32) -> Int32
    typealias End = @convention(c) (UnsafeMutableRawPointer) -> Int32
    typealias Version = @convention(c) () -> UnsafePointer<CChar>

    struct Functions {
        let deflateInit2: InitDeflate, deflate: Step, deflateEnd: End
        let inflateInit2: InitInflate, inflate: Step, inflateEnd: End
        let version: UnsafePointer<CChar>
    }

    nonisolated(unsafe) static let functions: Functions? = {
        guard let h = dlopen("libz.so.1", RTLD_NOW) ?? dlopen("libz.so", RTLD_NOW) ?? dlopen("libz.dylib", RTLD_NOW) else { return nil }
        func sym<T>(_ n: String, _ t: T.Type) -> T? { dlsym(h, n).map { unsafeBitCast($0, to: t) } }
        guard let di = sym("deflateInit2_", InitDeflate.self), let d = sym("deflate", Step.self), let de = sym("deflateEnd", End.self),
              let ii = sym("inflateInit2_", InitInflate.self), let inf = sym("inflate", Step.self), let ie = sym("inflateEnd", End.self),
              let v = sym("zlibVersion", Version.self) else { return nil }
        return Functions(deflateInit2: di, deflate: d, deflateEnd: de, inflateInit2: ii, inflate: inf, inflateEnd: ie, version: v())
    }()

    /// z_stream on LP64: next_in 0, avail_in 8, total_in 16, next_out 24, avail_out 32,
    /// total_out 40, msg 48, state 56, zalloc 64, zfree 72, opaque 80, data_type 88,
    /// adler 96, reserved 104; 112 bytes.
    static let streamSize = 112

    /// Deflate with `wbits` as zlib's windowBits (-15 raw, 15 zlib, 31 gzip).
    static func compress(_ input: [UInt8], level: Int32, wbits: Int32) throws -> [UInt8] {
        guard let z = functions else { throw PyError(type: "zlib.error", message: "zlib is not available") }
        let strm = UnsafeMutableRawPointer.allocate(byteCount: streamSize, alignment: 8)
        defer { strm.deallocate() }
        strm.initializeMemory(as: UInt8.self, repeating: 0, count: streamSize)
        guard z.deflateInit2(strm, level, 8, wbits, 8, 0, z.version, Int32(streamSize)) == 0 else {
            throw PyError(type: "zlib.error", message: "Bad compression level")
        }
        defer { _ = z.deflateEnd(strm) }
        var out: [UInt8] = []
        var inp = input
        var chunk = [UInt8](repeating: 0, count: 65536)
        try inp.withUnsafeMutableBufferPointer { ib in
            strm.storeBytes(of: UnsafeMutableRawPointer(ib.baseAddress), toByteOffset: 0, as: UnsafeMutableRawPointer?.self)
            strm.storeBytes(of: UInt32(ib.count), toByteOffset: 8, as: UInt32.self)
            while true {
                let r: Int32 = chunk.withUnsafeMutableBufferPointer { cb in
                    strm.storeBytes(of: UnsafeMutableRawPointer(cb.baseAddress), toByteOffset: 24, as: UnsafeMutableRawPointer?.self)
                    strm.storeBytes(of: UInt32(cb.count), toByteOffset: 32, as: UInt32.self)
                    return z.deflate(strm, 4)
                }
                let left = Int(strm.load(fromByteOffset: 32, as: UInt32.self))
                out.append(contentsOf: chunk[0..<(chunk.count - left)])
                if r == 1 { break }
                if r != 0 { throw PyError(type: "zlib.error", message: "Error \(r) while compressing data") }
            }
        }
        return out
    }

    /// Inflate; `wbits` as zlib's (-15 raw, 15 zlib, 47 auto-detect zlib/gzip).
    static func decompress(_ input: [UInt8], wbits: Int32) throws -> [UInt8] {
        guard let z = functions else { throw PyError(type: "zlib.error", message: "zlib is not available") }
        let strm = UnsafeMutableRawPointer.allocate(byteCount: streamSize, alignment: 8)
        defer { strm.deallocate() }
        strm.initializeMemory(as: UInt8.self, repeating: 0, count: streamSize)
        guard z.inflateInit2(strm, wbits, z.version, Int32(streamSize)) == 0 else {
            throw PyError(type: "zlib.error", message: "Error while preparing to decompress data")
        }
        defer { _ = z.inflateEnd(strm) }
        var out: [UInt8] = []
        var inp = input
        var chunk = [UInt8](repeating: 0, count: 65536)
        try inp.withUnsafeMutableBufferPointer { ib in
            strm.storeBytes(of: UnsafeMutableRawPointer(ib.baseAddress), toByteOffset: 0, as: UnsafeMutableRawPointer?.self)
            strm.storeBytes(of: UInt32(ib.count), toByteOffset: 8, as: UInt32.self)
            while true {
                let r: Int32 = chunk.withUnsafeMutableBufferPointer { cb in
                    strm.storeBytes(of: UnsafeMutableRawPointer(cb.baseAddress), toByteOffset: 24, as: UnsafeMutableRawPointer?.self)
                    strm.storeBytes(of: UInt32(cb.count), toByteOffset: 32, as: UInt32.self)
                    return z.inflate(strm, 0)
                }
                let left = Int(strm.load(fromByteOffset: 32, as: UInt32.self))
                let produced = chunk.count - left
                out.append(contentsOf: chunk[0..<produced])
                if r == 1 { break }
                if r != 0 && !(r == -5 && produced > 0) {
                    if r == -5 { throw PyError(type: "zlib.error", message: "Error -5 while decompressing data: incomplete or truncated stream") }
                    // CPython's text: zlib's own message (z_stream.msg) when it gives one.
                    if let msg = strm.load(fromByteOffset: 48, as: UnsafePointer<CChar>?.self) {
                        throw PyError(type: "zlib.error", message: "Error \(r) while decompressing data: \(String(cString: msg))")
                    }
                    throw PyError(type: "zlib.error", message: "Error \(r) while decompressing data")
                }
            }
        }
        return out
    }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8], _ start: UInt32) -> UInt32 {
        var c = ~start
        for b in data { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return ~c
    }

    static func adler32(_ data: [UInt8], _ start: UInt32) -> UInt32 {
        var a = start & 0xFFFF, b = start >> 16
        for x in data { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        return (b << 16) | a
    }
}

extension Interpreter {
    /// `_zlib`: the native half of `zlib` (the module source adds `error` and the names).
    func buildZlibNative(_ m: PyModule) {
        func data(_ v: PyValue) throws -> [UInt8] {
            guard let b = v.payload(ByteStorage.self) else {
                throw PyError.typeError("a bytes-like object is required, not '\(typeName(v))'")
            }
            return b.bytes
        }
        m.addFunction("compress") { i, a in
            try a.check("compress", 3)
            return i.makeBytes(try SystemZlib.compress(try data(a[0]), level: Int32(try i.intArgument(a[1])), wbits: Int32(try i.intArgument(a[2]))))
        }
        m.addFunction("decompress") { i, a in
            try a.check("decompress", 2)
            return i.makeBytes(try SystemZlib.decompress(try data(a[0]), wbits: Int32(try i.intArgument(a[1]))))
        }
        m.addFunction("crc32") { i, a in
            try a.check("crc32", 2)
            return .int(Int(SystemZlib.crc32(try data(a[0]), UInt32(truncatingIfNeeded: try i.intArgument(a[1])))))
        }
        m.addFunction("adler32") { i, a in
            try a.check("adler32", 2)
            return .int(Int(SystemZlib.adler32(try data(a[0]), UInt32(truncatingIfNeeded: try i.intArgument(a[1])))))
        }
        m.add("error", .object(exceptionClassNamed("zlib.error")))
        m.add("available", .bool(SystemZlib.functions != nil))
        m.add("version", .str(SystemZlib.functions.map { String(cString: $0.version) } ?? ""))
    }
}
