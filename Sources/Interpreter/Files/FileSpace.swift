#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The files a lesson run sees: its own folder, read-only, under a private writable space
/// that lives in memory as long as the run. Writes land in memory (shadowing a lesson file
/// of the same name); nothing on disk is ever written, and nothing outside the lesson's
/// folder is read, even through `..` or a symbolic link: such paths are missing to readers
/// and forbidden to writers, with CPython's `OSError` texts.
public final class FileSpace {
    /// The lesson's folder (links resolved), or nil: only the in-memory space exists.
    let root: URL?
    /// What `os.getcwd()` answers: a fixed name, so outputs never show a machine's paths.
    public static let workingDirectory = "/lesson"

    private var files: [String: [UInt8]] = [:]
    private var directories: Set<String> = [""]
    /// Lesson files or folders the run removed or renamed away (they stay on disk).
    private var hidden: Set<String> = []

    public init(lessonFolder: URL?) {
        root = lessonFolder?.standardizedFileURL.resolvingSymlinksInPath()
    }

    enum Kind { case file, directory }

    /// A path made relative to the lesson's folder ("" is the folder itself), or nil when
    /// it lies outside (an absolute path elsewhere, a `..` above the folder).
    func resolve(_ path: String) -> String? {
        var parts: [Substring] = []
        var rest = Substring(path)
        if path.hasPrefix("/") {
            let cwd = Self.workingDirectory
            if path == cwd { return "" }
            guard path.hasPrefix(cwd + "/") else { return nil }
            rest = path.dropFirst(cwd.count + 1)
        }
        for p in rest.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
                continue
            }
            parts.append(p)
        }
        return parts.joined(separator: "/")
    }

    static func parent(_ rel: String) -> String {
        guard let slash = rel.lastIndex(of: "/") else { return "" }
        return String(rel[..<slash])
    }

    private func isHidden(_ rel: String) -> Bool {
        if hidden.isEmpty { return false }
        var r = rel
        while !r.isEmpty {
            if hidden.contains(r) { return true }
            r = Self.parent(r)
        }
        return false
    }

    /// The lesson-folder URL of `rel`, if it exists on disk inside the folder.
    private func diskURL(_ rel: String) -> URL? {
        guard let root else { return nil }
        if rel.isEmpty { return root }
        let url = root.appendingPathComponent(rel).resolvingSymlinksInPath()
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return url.path.hasPrefix(rootPath) ? url : nil
    }

    private func diskKind(_ rel: String) -> Kind? {
        if isHidden(rel) { return nil }
        guard let url = diskURL(rel) else { return nil }
        var dir = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &dir) else { return nil }
        return dir ? .directory : .file
    }

    func kind(_ rel: String) -> Kind? {
        if files[rel] != nil { return .file }
        if directories.contains(rel) { return .directory }
        return diskKind(rel)
    }

    // MARK: - Operations, each with CPython's error for `shown` (the path as the lesson wrote it)

    func read(_ path: String) throws -> [UInt8] {
        guard let rel = resolve(path) else { throw Self.notFound(path) }
        if let b = files[rel] { return b }
        switch kind(rel) {
        case .directory: throw Self.isDirectory(path)
        case .file:
            guard let url = diskURL(rel), let data = FileManager.default.contents(atPath: url.path) else {
                throw Self.denied(path)
            }
            return [UInt8](data)
        case nil: throw Self.notFound(path)
        }
    }

    /// Checks that `path` can be created or replaced as a file.
    func checkWritable(_ path: String) throws -> String {
        guard let rel = resolve(path), !rel.isEmpty || kind("") == nil else {
            if resolve(path) == "" { throw Self.isDirectory(path) }
            throw Self.denied(path)
        }
        if kind(rel) == .directory { throw Self.isDirectory(path) }
        switch kind(Self.parent(rel)) {
        case .directory: return rel
        case .file: throw Self.notADirectory(path)
        case nil: throw Self.notFound(path)
        }
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let rel = try checkWritable(path)
        files[rel] = bytes
        hidden.remove(rel)
    }

    func listDirectory(_ path: String) throws -> [String] {
        guard let rel = resolve(path) else { throw Self.notFound(path) }
        switch kind(rel) {
        case nil: throw Self.notFound(path)
        case .file: throw Self.notADirectory(path)
        case .directory: break
        }
        var names = Set<String>()
        if diskKind(rel) == .directory, let url = diskURL(rel),
           let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path) {
            for e in entries where diskKind(rel.isEmpty ? e : rel + "/" + e) != nil { names.insert(e) }
        }
        for key in files.keys where Self.parent(key) == rel && !key.isEmpty { names.insert(Self.name(key)) }
        for key in directories where Self.parent(key) == rel && !key.isEmpty { names.insert(Self.name(key)) }
        return names.sorted()
    }

    static func name(_ rel: String) -> String {
        guard let slash = rel.lastIndex(of: "/") else { return rel }
        return String(rel[rel.index(after: slash)...])
    }

    func makeDirectory(_ path: String) throws {
        guard let rel = resolve(path) else { throw Self.denied(path) }
        if kind(rel) != nil { throw PyError(type: "FileExistsError", message: "[Errno 17] File exists: \(pathRepr(path))") }
        switch kind(Self.parent(rel)) {
        case .directory: break
        case .file: throw Self.notADirectory(path)
        case nil: throw Self.notFound(path)
        }
        directories.insert(rel)
        hidden.remove(rel)
    }

    func remove(_ path: String) throws {
        guard let rel = resolve(path) else { throw Self.notFound(path) }
        switch kind(rel) {
        case nil: throw Self.notFound(path)
        case .directory: throw Self.isDirectory(path)
        case .file:
            files[rel] = nil
            if diskKind(rel) != nil { hidden.insert(rel) }
        }
    }

    func removeDirectory(_ path: String) throws {
        guard let rel = resolve(path), !rel.isEmpty else { throw Self.denied(path) }
        switch kind(rel) {
        case nil: throw Self.notFound(path)
        case .file: throw Self.notADirectory(path)
        case .directory:
            if !(try listDirectory(path)).isEmpty {
                throw PyError(type: "OSError", message: "[Errno 39] Directory not empty: \(pathRepr(path))")
            }
            directories.remove(rel)
            if diskKind(rel) != nil { hidden.insert(rel) }
        }
    }

    func rename(_ source: String, _ target: String) throws {
        guard let from = resolve(source), kind(from) != nil else { throw Self.notFound(source, target) }
        guard kind(from) == .file else { throw Self.denied(source, target) }
        let bytes = try read(source)
        let to = try checkWritable(target)
        files[to] = bytes
        hidden.remove(to)
        try remove(source)
    }

    func size(_ path: String) throws -> Int { try read(path).count }

    /// The bytes of a file (for hosts: torch.load), with CPython's errors.
    public func readFile(_ path: String) throws -> [UInt8] { try read(path) }
    /// Creates or replaces a file of the private space (for hosts: torch.save).
    public func writeFile(_ path: String, _ bytes: [UInt8]) throws { try write(path, bytes) }

    // MARK: - CPython's texts

    static func notFound(_ path: String, _ target: String? = nil) -> PyError {
        PyError(type: "FileNotFoundError", message: "[Errno 2] No such file or directory: \(pathRepr(path))" + (target.map { " -> \(pathRepr($0))" } ?? ""))
    }
    static func denied(_ path: String, _ target: String? = nil) -> PyError {
        PyError(type: "PermissionError", message: "[Errno 13] Permission denied: \(pathRepr(path))" + (target.map { " -> \(pathRepr($0))" } ?? ""))
    }
    static func isDirectory(_ path: String) -> PyError {
        PyError(type: "IsADirectoryError", message: "[Errno 21] Is a directory: \(pathRepr(path))")
    }
    static func notADirectory(_ path: String) -> PyError {
        PyError(type: "NotADirectoryError", message: "[Errno 20] Not a directory: \(pathRepr(path))")
    }
}

/// A path as `repr` shows it in an `OSError` message.
func pathRepr(_ s: String) -> String {
    s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replacing("'", with: "\\'") + "'"
}
