import Foundation
import Testing

/// `Output/` is committed: the handouts a reader of the repository sees without building
/// anything. This test regenerates them from `Lessons/` with the built binary into a
/// temporary folder and fails, naming the files, when the committed copy is stale.
@Suite struct CommittedOutputTests {
    static let regenerate = "rm -rf Output && swift build --product gradbook && .build/debug/gradbook run Lessons --out Output"

    /// The repository root: this file is `Tests/CLITests/CommittedOutputTests.swift`.
    private static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test func outputFolderMatchesTheLessons() throws {
        let scratch = try Scratch([:])
        defer { scratch.remove() }
        let fresh = scratch.url.appendingPathComponent("Output")
        let result = try GradbookProcess.run(["run", "Lessons", "--out", fresh.path], in: Self.root)
        #expect(result.status == 0, "gradbook run Lessons failed:\n\(result.stdout)\(result.stderr)")

        let committed = Self.root.appendingPathComponent("Output")
        let want = try Self.files(under: fresh)
        let have = try Self.files(under: committed)
        var problems: [String] = []
        for name in want.keys.sorted() {
            guard let bytes = have[name] else { problems.append("missing: Output/\(name)"); continue }
            if bytes != want[name] { problems.append("stale: Output/\(name)") }
        }
        for name in have.keys.sorted() where want[name] == nil {
            problems.append("not made from Lessons/: Output/\(name)")
        }
        #expect(problems.isEmpty, """
            Output/ does not match what `gradbook run Lessons --out Output` writes:
            \(problems.joined(separator: "\n"))
            Regenerate it from the repository root and commit the result:
                \(Self.regenerate)
            """)
    }

    /// Every regular file below `folder`, by path relative to it (the `.gitkeep` of an empty checkout left out).
    private static func files(under folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path + "/"
        guard let walker = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let url as URL in walker {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            guard path.hasPrefix(base) else { continue }
            let name = String(path.dropFirst(base.count))
            if name == ".gitkeep" { continue }
            files[name] = try Data(contentsOf: url)
        }
        return files
    }
}
