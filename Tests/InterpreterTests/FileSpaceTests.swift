import Foundation
import Testing
@testable import Interpreter

/// The lesson file space: the lesson's folder read-only, writes in memory only, nothing
/// outside reachable; processes, sockets and the environment refused.
@Suite struct FileSpaceTests {
    /// A fresh folder holding `files` (relative path -> text), removed by the caller.
    private func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("filespace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    private func run(_ source: String, in dir: URL?) -> (output: String, error: String?) {
        let interp = Interpreter()
        if let dir { interp.moduleFolder = ModuleFolder(dir) }
        let r = interp.runCell(source, file: "t.md", firstLine: 1, timeout: nil)
        return (r.output, r.error?.lastLine)
    }

    @Test func lessonFilesAreReadAndWritesStayInMemory() throws {
        let lesson = try folder(["data.csv": "a,b\n1,2\n", "sub/more.txt": "x\n"])
        defer { try? FileManager.default.removeItem(at: lesson) }
        let r = run("""
            import os, csv
            print(list(csv.reader(open("data.csv"))))
            print(sorted(os.listdir(".")), os.listdir("sub"), open("sub/more.txt").read(), end="")
            open("data.csv", "w").write("changed\\n")
            open("new.txt", "w").write("n")
            print(open("data.csv").read(), end="")
            print(sorted(os.listdir(".")))
            os.remove("data.csv")
            print(os.path.exists("data.csv"), sorted(os.listdir(".")))
            print(os.getcwd(), os.path.abspath("x.txt"))
            """, in: lesson)
        #expect(r.error == nil)
        #expect(r.output == """
            [['a', 'b'], ['1', '2']]
            ['data.csv', 'sub'] ['more.txt'] x
            changed
            ['data.csv', 'new.txt', 'sub']
            False ['new.txt', 'sub']
            /lesson /lesson/x.txt

            """)
        // Nothing on disk changed.
        #expect(try String(contentsOf: lesson.appendingPathComponent("data.csv"), encoding: .utf8) == "a,b\n1,2\n")
        #expect(!FileManager.default.fileExists(atPath: lesson.appendingPathComponent("new.txt").path))
    }

    @Test func pathsOutsideTheFolderAreMissingToReadersAndForbiddenToWriters() throws {
        let outside = try folder(["secret.txt": "s\n"])
        let lesson = try folder(["ok.txt": "ok\n"])
        defer { try? FileManager.default.removeItem(at: outside); try? FileManager.default.removeItem(at: lesson) }
        try FileManager.default.createSymbolicLink(at: lesson.appendingPathComponent("link.txt"),
                                                   withDestinationURL: outside.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: lesson.appendingPathComponent("dir"), withDestinationURL: outside)
        let secret = outside.appendingPathComponent("secret.txt").path
        let cases: [(String, String)] = [
            ("open('\(secret)')", "FileNotFoundError: [Errno 2] No such file or directory: '\(secret)'"),
            ("open('../secret.txt')", "FileNotFoundError: [Errno 2] No such file or directory: '../secret.txt'"),
            ("open('link.txt')", "FileNotFoundError: [Errno 2] No such file or directory: 'link.txt'"),
            ("open('dir/secret.txt')", "FileNotFoundError: [Errno 2] No such file or directory: 'dir/secret.txt'"),
            ("open('/etc/passwd')", "FileNotFoundError: [Errno 2] No such file or directory: '/etc/passwd'"),
            ("open('/tmp/x.txt', 'w')", "PermissionError: [Errno 13] Permission denied: '/tmp/x.txt'"),
            ("open('../x.txt', 'w')", "PermissionError: [Errno 13] Permission denied: '../x.txt'"),
            ("import os\nos.listdir('..')", "FileNotFoundError: [Errno 2] No such file or directory: '..'"),
            ("import os\nos.mkdir('/tmp/d')", "PermissionError: [Errno 13] Permission denied: '/tmp/d'"),
            ("from pathlib import Path\nPath('/etc/hostname').read_text()", "FileNotFoundError: [Errno 2] No such file or directory: '/etc/hostname'"),
        ]
        for (source, expected) in cases {
            #expect(run(source, in: lesson).error == expected, "\(source)")
        }
        let listed = run("import os\nprint(sorted(os.listdir('.')), os.path.exists('link.txt'), os.path.isdir('dir'))", in: lesson)
        #expect(listed.output == "['ok.txt'] False False\n")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/x.txt") || true)
    }

    @Test func theWritableSpaceLivesAsLongAsTheSession() {
        let interp = Interpreter()
        _ = interp.runCell("open('keep.txt', 'w').write('kept')\n", file: "t.md", firstLine: 1, timeout: nil)
        #expect(interp.runCell("print(open('keep.txt').read())\n", file: "t.md", firstLine: 2, timeout: nil).output == "kept\n")
        let other = Interpreter()
        #expect(other.runCell("open('keep.txt')\n", file: "t.md", firstLine: 1, timeout: nil).error?.lastLine
                == "FileNotFoundError: [Errno 2] No such file or directory: 'keep.txt'")
    }

    @Test func processesSocketsAndTheEnvironmentAreRefused() {
        let cases: [(String, String)] = [
            ("import os\nos.system('ls')", "PermissionError: [Errno 13] Permission denied: lessons cannot start processes (os.system)"),
            ("import os\nos.popen('ls')", "PermissionError: [Errno 13] Permission denied: lessons cannot start processes (os.popen)"),
            ("import subprocess\nsubprocess.run(['ls'])", "PermissionError: [Errno 13] Permission denied: lessons cannot start processes"),
            ("import subprocess\nsubprocess.check_output('ls')", "PermissionError: [Errno 13] Permission denied: lessons cannot start processes"),
            ("import socket\nsocket.socket()", "PermissionError: [Errno 13] Permission denied: lessons have no network access"),
            ("import socket\nsocket.create_connection(('example.com', 80))", "PermissionError: [Errno 13] Permission denied: lessons have no network access"),
            ("import os\nos.chdir('/')", "PermissionError: [Errno 13] Permission denied: lessons cannot change the working directory (os.chdir)"),
        ]
        for (source, expected) in cases {
            #expect(run(source, in: nil).error == expected, "\(source)")
        }
        let env = run("import os\nprint(os.environ, os.getenv('HOME'), os.getenv('CI', 'unset'), 'PATH' in os.environ)", in: nil)
        #expect(env.output == "{} None unset False\n")
    }
}
