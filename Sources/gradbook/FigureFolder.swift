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

/// `Output/<lesson>/fig-<n>.svg`: a lesson's figures as files, linked from its executed
/// Markdown. Figure files a previous run left and this one did not make are removed, so the
/// folder always matches the lesson; a lesson without figures gets no folder.
enum FigureFolder {
    static func write(_ files: [(name: String, svg: String)], into folder: URL) throws {
        let manager = FileManager.default
        let names = Set(files.map(\.name))
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path) {
            for name in existing where name.hasPrefix("fig-") && name.hasSuffix(".svg") && !names.contains(name) {
                try manager.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        guard !files.isEmpty else { return }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            try AtomicFile.write(file.svg, to: folder.appendingPathComponent(file.name))
        }
    }
}
