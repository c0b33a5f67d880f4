import Interpreter

/// The zip container of `torch.save`, written as PyTorch's `PyTorchStreamWriter` (miniz)
/// writes it: stored records under `ARCHIVE/`, each record's data aligned to 64 bytes by an
/// `FB` extra field of `Z`s, a data descriptor after each record, zeroed times, then a
/// central directory, a zip64 end record and locator, and the end record. Reading accepts
/// any stored (uncompressed) zip, which is what PyTorch writes.
struct PyTorchArchiveWriter {
    private(set) var bytes: [UInt8] = []
    private var entries: [(name: [UInt8], crc: UInt32, size: Int, offset: Int)] = []
    let prefix: String

    init(archiveName: String) { prefix = archiveName + "/" }

    private mutating func u16(_ v: Int) { bytes += [UInt8(v & 0xff), UInt8((v >> 8) & 0xff)] }
    private mutating func u32(_ v: Int) { for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    private mutating func u64(_ v: Int) { for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }

    mutating func add(_ name: String, _ data: [UInt8]) {
        let fullName = Array((prefix + name).utf8)
        let offset = bytes.count
        let crc = CRC32.checksum(data)
        u32(0x0403_4b50)
        u16(0); u16(0x0808); u16(0); u16(0); u16(0)
        u32(0); u32(0); u32(0)
        u16(fullName.count)
        let unpadded = offset + 30 + fullName.count + 4
        let padding = (64 - unpadded % 64) % 64
        u16(4 + padding)
        bytes += fullName
        bytes += [0x46, 0x42]
        u16(padding)
        bytes += [UInt8](repeating: 0x5a, count: padding)
        bytes += data
        u32(0x0807_4b50)
        u32(Int(crc)); u32(data.count); u32(data.count)
        entries.append((fullName, crc, data.count, offset))
    }

    mutating func finish() -> [UInt8] {
        let directoryStart = bytes.count
        for e in entries {
            u32(0x0201_4b50)
            u16(0); u16(0); u16(0x0808); u16(0); u16(0); u16(0)
            u32(Int(e.crc)); u32(e.size); u32(e.size)
            u16(e.name.count); u16(0); u16(0); u16(0); u16(0)
            u32(0); u32(e.offset)
            bytes += e.name
        }
        let directorySize = bytes.count - directoryStart
        let zip64End = bytes.count
        u32(0x0606_4b50); u64(44); u16(0x031e); u16(0x2d); u32(0); u32(0)
        u64(entries.count); u64(entries.count); u64(directorySize); u64(directoryStart)
        u32(0x0706_4b50); u32(0); u64(zip64End); u32(1)
        u32(0x0605_4b50); u16(0); u16(0); u16(entries.count); u16(entries.count)
        u32(directorySize); u32(directoryStart); u16(0)
        return bytes
    }
}

/// The records of a PyTorch zip archive, by name without the archive's folder.
struct PyTorchArchiveReader {
    let bytes: [UInt8]
    private(set) var records: [String: Range<Int>] = [:]

    private static func u16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ at: Int) -> Int { u16(b, at) | u16(b, at + 2) << 16 }
    private static func u64(_ b: [UInt8], _ at: Int) -> Int { u32(b, at) | u32(b, at + 4) << 32 }

    static func isZip(_ b: [UInt8]) -> Bool { b.count >= 4 && b[0] == 0x50 && b[1] == 0x4b && b[2] == 3 && b[3] == 4 }

    init(_ b: [UInt8]) throws {
        bytes = b
        let broken = PyError.runtimeError("PytorchStreamReader failed reading zip archive: failed finding central directory")
        guard b.count >= 22 else { throw broken }
        var end = b.count - 22
        while end >= 0 && !(b[end] == 0x50 && b[end + 1] == 0x4b && b[end + 2] == 5 && b[end + 3] == 6) { end -= 1 }
        guard end >= 0 else { throw broken }
        var count = Self.u16(b, end + 10)
        var at = Self.u32(b, end + 16)
        if (count == 0xffff || at == 0xffff_ffff), end >= 20, Self.u32(b, end - 20) == 0x0706_4b50 {
            let z = Self.u64(b, end - 20 + 8)
            guard z + 56 <= b.count else { throw broken }
            count = Self.u64(b, z + 32)
            at = Self.u64(b, z + 48)
        }
        var names: [String] = []
        for _ in 0..<count {
            guard at + 46 <= b.count, Self.u32(b, at) == 0x0201_4b50 else { throw broken }
            let method = Self.u16(b, at + 10)
            var size = Self.u32(b, at + 20)
            let nameLength = Self.u16(b, at + 28), extraLength = Self.u16(b, at + 30), commentLength = Self.u16(b, at + 32)
            var local = Self.u32(b, at + 42)
            guard at + 46 + nameLength <= b.count else { throw broken }
            let name = String(decoding: b[at + 46..<at + 46 + nameLength], as: UTF8.self)
            var e = at + 46 + nameLength
            while e + 4 <= at + 46 + nameLength + extraLength {
                let id = Self.u16(b, e), n = Self.u16(b, e + 2)
                if id == 1 {
                    var f = e + 4
                    if size == 0xffff_ffff { size = Self.u64(b, f); f += 8; f += 8 }
                    if local == 0xffff_ffff { local = Self.u64(b, f) }
                }
                e += 4 + n
            }
            guard method == 0 else {
                throw PyError.runtimeError("PytorchStreamReader failed reading zip archive: unsupported compression method \(method) for \(name)")
            }
            guard local + 30 <= b.count else { throw broken }
            let start = local + 30 + Self.u16(b, local + 26) + Self.u16(b, local + 28)
            guard start + size <= b.count else { throw broken }
            names.append(name)
            records[name] = start..<start + size
            at += 46 + nameLength + extraLength + commentLength
        }
        // Records are named ARCHIVE/...; PyTorch finds the folder from the first record.
        if let first = names.first, let slash = first.firstIndex(of: "/") {
            let folder = first[...slash]
            var stripped: [String: Range<Int>] = [:]
            for (name, range) in records where name.hasPrefix(folder) { stripped[String(name.dropFirst(folder.count))] = range }
            records = stripped
        }
    }

    func record(_ name: String) -> [UInt8]? { records[name].map { Array(bytes[$0]) } }
}

/// CRC-32 (the zip polynomial), for the records' checksums.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xff)] ^ (c >> 8) }
        return c ^ 0xffff_ffff
    }
}
