import Foundation
import Testing
@testable import Interpreter

/// `import` reads `.py` files of the lesson's folder and nothing outside it.
@Suite struct ModuleFolderTests {
    /// A fresh folder holding `files` (relative path -> text), removed by the caller.
    private func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("modfolder-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func aLinkLeadingOutOfTheFolderIsNotFollowed() throws {
        let outside = try folder(["secret.py": "print('outside')\n"])
        let lesson = try folder(["ok.py": "x = 1\n"])
        defer { try? FileManager.default.removeItem(at: outside); try? FileManager.default.removeItem(at: lesson) }
        try FileManager.default.createSymbolicLink(at: lesson.appendingPathComponent("secret.py"),
                                                   withDestinationURL: outside.appendingPathComponent("secret.py"))
        try FileManager.default.createSymbolicLink(at: lesson.appendingPathComponent("pkg"), withDestinationURL: outside)
        let interp = Interpreter()
        interp.moduleFolder = ModuleFolder(lesson)
        #expect(interp.runCell("import ok\nprint(ok.x)\n", file: "t.md", firstLine: 1, timeout: nil).output == "1\n")
        let r = interp.runCell("import secret\n", file: "t.md", firstLine: 1, timeout: nil)
        #expect(r.output == "")
        #expect(r.error?.lastLine == "ModuleNotFoundError: No module named 'secret'")
        let r2 = interp.runCell("import pkg.secret\n", file: "t.md", firstLine: 1, timeout: nil)
        #expect(r2.error?.lastLine == "ModuleNotFoundError: No module named 'pkg'")
    }

    @Test func withoutAFolderOnlyBuiltInModulesImport() {
        let interp = Interpreter()
        let r = interp.runCell("import sys\nprint(sys.path, sys.argv)\nimport helpers\n", file: "t.md", firstLine: 1, timeout: nil)
        #expect(r.output == "[] ['']\n")
        #expect(r.error?.lastLine == "ModuleNotFoundError: No module named 'helpers'")
    }

    @Test func tracebacksNameTheModuleFileRelativeToTheFolder() throws {
        let lesson = try folder(["pkg/__init__.py": "", "pkg/mod.py": "def f():\n    return 1 / 0\n"])
        defer { try? FileManager.default.removeItem(at: lesson) }
        let interp = Interpreter()
        interp.moduleFolder = ModuleFolder(lesson)
        let r = interp.runCell("from pkg.mod import f\nf()\n", file: "t.md", firstLine: 1, timeout: nil)
        #expect(r.error?.traceback == """
            Traceback (most recent call last):
              File "t.md", line 2, in <module>
                f()
              File "pkg/mod.py", line 2, in f
                return 1 / 0
                       ~~^~~
            ZeroDivisionError: division by zero

            """)
    }

    @Test func aScriptSeesItsArgvAndExitsCleanly() {
        let interp = Interpreter()
        interp.argv = ["run.py"]
        let r = interp.runScript("import sys\nprint(sys.argv, __file__)\nsys.exit(0)\nprint('not reached')\n", file: "run.py")
        #expect(r.output == "['run.py'] run.py\n")
        #expect(r.error == nil)
        let r2 = Interpreter().runScript("import sys\nsys.exit(2)\n", file: "run.py")
        #expect(r2.error?.lastLine == "SystemExit: 2")
    }
}
