#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Compiled PTX on disk, one file per (source, architecture, NVRTC version):
/// `$GRADBOOK_CUDA_CACHE` or `~/.cache/gradbook/cuda/<fnv64>.ptx`. A kernel is compiled by
/// NVRTC once per machine; later processes load the file. Writes go to a temporary name and
/// are renamed into place, so concurrent workers never read half a file.
struct PTXCache {
    let directory: String

    static var defaultDirectory: String {
        if let v = getenv("GRADBOOK_CUDA_CACHE") { return String(cString: v) }
        let home = getenv("HOME").map { String(cString: $0) } ?? "/tmp"
        return home + "/.cache/gradbook/cuda"
    }

    /// FNV-1a, 64 bits, over the key's UTF-8 bytes, as 16 hex digits.
    static func key(source: String, architecture: String, compilerVersion: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (architecture + "\n" + compilerVersion + "\n" + source).utf8 {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    func path(for key: String) -> String { directory + "/" + key + ".ptx" }

    func read(_ key: String) -> [CChar]? {
        guard let f = fopen(path(for: key), "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [CChar] = []
        var buffer = [CChar](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        if bytes.last != 0 { bytes.append(0) }
        return bytes
    }

    func write(_ key: String, _ ptx: [CChar]) {
        makeDirectories(directory)
        let temporary = path(for: key) + ".\(getpid()).tmp"
        guard let f = fopen(temporary, "wb") else { return }
        _ = ptx.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
        fclose(f)
        rename(temporary, path(for: key))
    }

    /// `mkdir -p`: creates each missing folder along `path`.
    private func makeDirectories(_ path: String) {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += "/" + part
            mkdir(path.hasPrefix("/") ? prefix : String(prefix.dropFirst()), 0o755)
        }
    }
}
