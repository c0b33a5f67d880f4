#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Tensors
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole files so that readers see either the old bytes or the new ones, never half,
/// and so that no write can be turned against the user:
/// - the temporary file is created with `O_CREAT | O_EXCL | O_NOFOLLOW` under a random name
///   in the target's folder, so a planted file or symlink there is never written through;
/// - it is removed when anything fails, and on SIGINT/SIGTERM while it exists;
/// - a symlinked target is written at the file the link points to (the link stays a link);
/// - the target's permission bits are kept;
/// - a target with several hard links is rewritten in place, so every link sees the new text.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
        var localizedDescription: String { description }
    }

    static func write(_ text: String, to url: URL) throws {
        let target = resolvedTarget(url.path)
        var info = stat()
        let exists = lstat(target, &info) == 0
        if exists, info.st_mode & S_IFMT != S_IFREG {
            throw WriteError(path: url.path, reason: "not a regular file")
        }
        if exists, info.st_nlink > 1 {
            try writeInPlace(text, to: target)
            return
        }
        let mode = exists ? info.st_mode & 0o7777 : 0o644
        let temporary = try TemporaryFile(near: target, mode: mode_t(mode))
        do {
            try temporary.write(Array(text.utf8))
            if exists { fchmod(temporary.descriptor, mode) }
            try temporary.close()
            if rename(temporary.path, target) != 0 { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
            temporary.renamed()
        } catch {
            temporary.discard()
            throw error
        }
    }

    /// The file a symlink chain ends at (relative links resolved against their folder).
    private static func resolvedTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else {
                let folder = folderOf(current)
                current = folder.isEmpty ? link : folder + "/" + link
            }
        }
        return current
    }

    private static func writeInPlace(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try TemporaryFile.writeAll(Array(text.utf8), to: descriptor, path: path)
    }
}

/// A temporary file made exclusively beside its target; remembered so that a signal that
/// ends the process removes it.
final class TemporaryFile {
    let path: String
    private(set) var descriptor: Int32
    private var pending = true

    init(near target: String, mode: mode_t) throws {
        let folder = folderOf(target)
        let base = String(target.split(separator: "/").last ?? "")
        var made: (String, Int32)?
        for _ in 0..<16 {
            let candidate = (folder.isEmpty ? "" : folder + "/") + ".\(base).gradbook-\(UInt64.random(in: 0...UInt64.max) & 0xFFFF_FFFF_FFFF)"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { made = (candidate, fd); break }
            if errno != EEXIST { throw AtomicFile.WriteError(path: target, reason: String(cString: strerror(errno))) }
        }
        guard let (path, fd) = made else { throw AtomicFile.WriteError(path: target, reason: "no temporary name free") }
        self.path = path
        descriptor = fd
        TemporaryFiles.shared.add(path)
    }

    func write(_ bytes: [UInt8]) throws { try Self.writeAll(bytes, to: descriptor, path: path) }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    func close() throws {
        let result = fsync(descriptor) == 0 ? Glibc.close(descriptor) : -1
        descriptor = -1
        if result != 0 { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// The file now has its final name: nothing to clean up.
    func renamed() {
        pending = false
        TemporaryFiles.shared.remove(path)
    }

    /// Removes the file after a failure.
    func discard() {
        if descriptor >= 0 { Glibc.close(descriptor); descriptor = -1 }
        if pending { unlink(path); pending = false }
        TemporaryFiles.shared.remove(path)
    }
}

/// Temporary files that exist right now, removed by a SIGINT or SIGTERM handler before the
/// process ends (a killed update must not leave `.x.md.gradbook-…` files behind).
final class TemporaryFiles: @unchecked Sendable {
    static let shared = TemporaryFiles()
    private let lock = SpinLock()
    private var paths: [String] = []
    /// C strings kept for the signal handler, which may not allocate.
    private var cPaths: [UnsafeMutablePointer<CChar>] = []
    private var installed = false

    func add(_ path: String) {
        lock.withLock { addLocked(path) }
    }

    private func addLocked(_ path: String) {
        paths.append(path)
        cPaths.append(strdup(path))
        publish()
        if !installed {
            installed = true
            signal(SIGINT, temporaryFilesSignalHandler)
            signal(SIGTERM, temporaryFilesSignalHandler)
        }
    }

    func remove(_ path: String) {
        lock.withLock { removeLocked(path) }
    }

    private func removeLocked(_ path: String) {
        guard let index = paths.firstIndex(of: path) else { return }
        paths.remove(at: index)
        free(cPaths.remove(at: index))
        publish()
    }

    private func publish() {
        // The handler reads a fixed array; at most 64 temporary files are tracked at once.
        for i in 0..<64 { signalPaths[i] = i < cPaths.count ? UnsafePointer(cPaths[i]) : nil }
    }
}

nonisolated(unsafe) private var signalPaths = [UnsafePointer<CChar>?](repeating: nil, count: 64)

private func temporaryFilesSignalHandler(_ signal: Int32) {
    signalPaths.withUnsafeBufferPointer { paths in
        for path in paths { if let path { unlink(path) } }
    }
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}

/// The folder part of a path (`a/b.md` → `a`, `b.md` → ``), as `dirname` without its `.`.
private func folderOf(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}
