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

/// The folder a lesson (or script) lives in: where `import helpers` finds `helpers.py`
/// and packages. Paths inside it are written relative to it (`micrograd/engine.py`), so
/// `__file__` and tracebacks never show an absolute path; nothing outside it is ever read,
/// even through a symbolic link.
public struct ModuleFolder: Sendable {
    /// The folder, symbolic links resolved.
    public let root: URL

    public init(_ url: URL) {
        root = url.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Where a module named `name` lives inside the folder `directory` (relative to the
    /// root; "" is the root), searched as CPython's path finder does: a package directory
    /// with `__init__.py`, then `name.py`, then a directory without `__init__.py` (a
    /// namespace package).
    func find(_ name: String, in directory: String) -> FoundModule? {
        let base = Self.join(directory, name)
        if isDirectory(base) {
            let initFile = Self.join(base, "__init__.py")
            if isFile(initFile) { return FoundModule(file: initFile, packageDirectory: base) }
        }
        if isFile(base + ".py") { return FoundModule(file: base + ".py", packageDirectory: nil) }
        if isDirectory(base) { return FoundModule(file: nil, packageDirectory: base) }
        return nil
    }

    /// The text of a file inside the folder, or nil if it cannot be read or lies outside.
    func read(_ relative: String) -> String? {
        guard let url = inside(relative), let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }

    /// The URL of `relative`, provided it resolves (links followed) to a place inside the root.
    private func inside(_ relative: String) -> URL? {
        if relative.split(separator: "/").contains(where: { $0 == ".." }) { return nil }
        let url = root.appendingPathComponent(relative).resolvingSymlinksInPath()
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return url.path.hasPrefix(rootPath) ? url : nil
    }

    private func isDirectory(_ relative: String) -> Bool {
        guard let url = inside(relative) else { return false }
        var dir = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &dir) && dir
    }

    private func isFile(_ relative: String) -> Bool {
        guard let url = inside(relative) else { return false }
        var dir = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &dir) && !dir
    }
}

/// A module found in the lesson's folder: its source file (nil for a namespace package)
/// and, for a package, the directory its submodules are searched in.
struct FoundModule {
    let file: String?
    let packageDirectory: String?
}
