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

/// A lesson file to run: where it is, and the path messages and reports use for it.
public struct LessonFile: Sendable, Hashable {
    public var url: URL
    /// As the user wrote it (folder argument + relative path), never made absolute.
    public var path: String

    public init(url: URL, path: String) {
        self.url = url
        self.path = path
    }
}

/// Finds the lessons named on the command line: files as given, folders searched for `*.md`
/// (hidden folders and `README.md` files skipped). Sorted by path, so runs are reproducible.
public enum LessonFiles {
    /// A path that cannot be used, with the system's reason (`no such file or folder`,
    /// `Permission denied`, `Too many levels of symbolic links`).
    public struct NotFound: Error, CustomStringConvertible {
        public var path: String
        public var reason = "no such file or folder"
        public var description: String { "\(path): \(reason)" }
    }

    /// Why `path` cannot be read as a lesson file or searched as a folder, nil when it can.
    static func unusable(_ path: String, folder: Bool) -> String? {
        var info = stat()
        if stat(path, &info) != 0 {
            return errno == ENOENT ? "no such file or folder" : String(cString: strerror(errno))
        }
        if access(path, folder ? R_OK | X_OK : R_OK) != 0 { return String(cString: strerror(errno)) }
        return nil
    }

    public static func find(_ arguments: [String]) throws(NotFound) -> [LessonFile] {
        var files: Set<LessonFile> = []
        let manager = FileManager.default
        let workingFolder = manager.currentDirectoryPath + "/"
        for given in arguments {
            // Paths under the working folder are shown relative to it: reports stay free of
            // absolute paths and the same on every machine.
            let argument = given.hasPrefix(workingFolder) && given.count > workingFolder.count
                ? String(given.dropFirst(workingFolder.count)) : given
            var isFolder = false
            let exists = manager.fileExists(atPath: argument, isDirectory: &isFolder)
            if let reason = unusable(argument, folder: exists && isFolder) {
                throw NotFound(path: given, reason: reason)
            }
            let url = URL(fileURLWithPath: argument)
            guard isFolder else {
                files.insert(LessonFile(url: url, path: argument))
                continue
            }
            let base = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
            for relative in markdownFiles(in: url) {
                let path = base + "/" + relative
                if let reason = unusable(path, folder: false) { throw NotFound(path: path, reason: reason) }
                files.insert(LessonFile(url: url.appendingPathComponent(relative), path: path))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    private static func markdownFiles(in folder: URL) -> [String] {
        return subpaths(of: folder.path).filter { relative in
            let parts = relative.split(separator: "/")
            guard let name = parts.last, name.hasSuffix(".md"), name != "README.md" else { return false }
            return !parts.contains { $0.hasPrefix(".") }
        }
    }

    /// Every path below `folder`, relative to it (folders too), as FileManager's `subpaths`
    /// gives them; symbolic links to folders are not followed.
    private static func subpaths(of folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var paths: [String] = []
        for name in names {
            paths.append(name)
            var isFolder = false
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder,
               (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil {
                paths += subpaths(of: path).map { name + "/" + $0 }
            }
        }
        return paths
    }
}

/// `--shard I/N`: the I-th of N deterministic slices of a sorted lesson list (I from 1),
/// so a course can be split over a CI matrix.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Every N-th item, starting at the I-th.
    public func select<T>(_ items: [T]) -> [T] {
        items.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
