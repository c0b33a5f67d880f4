import Foundation
import Testing

/// `check --update` and `run --out` never lose a byte of a lesson (issue 18), run through the
/// built binary as a user runs it.
@Suite struct UpdateSafetyTests {
    static let controlCharacters = "# CR\n\n```python\nprint(\"a\\rb\")\nprint(\"nul\\0x\")\n```\n\nParagraph after.\n\n## Heading\n"

    /// A `\r` printed raw into an output block is a line break to cmark; written as a control
    /// picture the block reads back exactly, so a second update changes nothing and the
    /// prose after the block survives every run.
    @Test func controlCharactersRoundTrip() throws {
        let scratch = try Scratch(["cr.md": Self.controlCharacters])
        defer { scratch.remove() }
        let first = try GradbookProcess.run(["check", "--update", "cr.md"], in: scratch.url)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let once = try String(contentsOf: scratch.url.appendingPathComponent("cr.md"), encoding: .utf8)
        #expect(once == Self.controlCharacters.replacingOccurrences(of: "```\n\nParagraph", with: "```\n\n```output\na\u{240D}b\nnul\u{2400}x\n```\n\nParagraph"))
        for _ in 0..<2 {
            let again = try GradbookProcess.run(["check", "--update", "cr.md"], in: scratch.url)
            #expect(again.status == 0)
            #expect(try String(contentsOf: scratch.url.appendingPathComponent("cr.md"), encoding: .utf8) == once)
        }
    }

    /// The lesson's permission bits stay, a symlinked lesson stays a link (its target is
    /// updated), a hard-linked lesson is updated in place, and no temporary file is left.
    @Test func modeSymlinksAndHardLinksKept() throws {
        let lesson = "# L\n\n```python\nprint(1)\n```\n"
        let scratch = try Scratch(["real.md": lesson, "hard.md": lesson])
        defer { scratch.remove() }
        let folder = scratch.url.path
        chmod(folder + "/real.md", 0o755)
        symlink("real.md", folder + "/link.md")
        link(folder + "/hard.md", folder + "/hard-other.md")
        for name in ["link.md", "hard.md"] {
            let result = try GradbookProcess.run(["check", "--update", name], in: scratch.url)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let updated = lesson + "\n```output\n1\n```\n"
        var info = stat()
        #expect(lstat(folder + "/link.md", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(stat(folder + "/real.md", &info) == 0 && info.st_mode & 0o777 == 0o755)
        #expect(try String(contentsOfFile: folder + "/real.md", encoding: .utf8) == updated)
        #expect(try String(contentsOfFile: folder + "/hard-other.md", encoding: .utf8) == updated)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("gradbook-") }
        #expect(leftovers.isEmpty)
    }

    /// A file planted where an old version put its temporary file is never written through.
    @Test func plantedTemporaryNameIsNotFollowed() throws {
        let scratch = try Scratch(["l.md": "# L\n\n```python\nprint(1)\n```\n", "victim.txt": "keep\n"])
        defer { scratch.remove() }
        for pid in 1...400 { symlink("victim.txt", scratch.url.path + "/.l.md.gradbook-\(pid)") }
        let result = try GradbookProcess.run(["check", "--update", "l.md"], in: scratch.url)
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: scratch.url.path + "/victim.txt", encoding: .utf8) == "keep\n")
    }

    @Test func outFolderThatWouldOverwriteLessonsIsRefused() throws {
        let scratch = try Scratch(["les/x.md": "# X\n\n```python\nprint(1)\n```\n"])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["run", "les", "--out", "les"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr == "gradbook: --out les would overwrite the lesson les/x.md; choose another folder\n")
        #expect(try String(contentsOfFile: scratch.url.path + "/les/x.md", encoding: .utf8) == "# X\n\n```python\nprint(1)\n```\n")
    }

    @Test func lessonNamedIndexIsRefused() throws {
        let scratch = try Scratch(["les/index.md": "# I\n"])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["run", "les", "--out", "out"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr == "gradbook: les/index.md would write index.html, the index of the handouts; rename the lesson\n")
    }

    @Test func emptyFolderAndSymlinkLoopCannotRun() throws {
        let scratch = try Scratch(["empty/notes.txt": "not a lesson\n"])
        defer { scratch.remove() }
        let empty = try GradbookProcess.run(["check", "empty"], in: scratch.url)
        #expect(empty.status == 2)
        #expect(empty.stderr == "gradbook: no lessons (*.md) in empty\n")
        symlink("loop-b.md", scratch.url.path + "/loop-a.md")
        symlink("loop-a.md", scratch.url.path + "/loop-b.md")
        let loop = try GradbookProcess.run(["check", "loop-a.md"], in: scratch.url)
        #expect(loop.status == 2)
        #expect(loop.stderr == "gradbook: loop-a.md: Too many levels of symbolic links\n")
    }
}
