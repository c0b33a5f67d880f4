import Foundation
import Testing

/// `gradbook import` and `gradbook export`, run as a user runs them, on notebooks that
/// Jupyter's nbformat wrote (Tests/NotebooksTests/Fixtures).
@Suite struct NotebookCommandTests {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("NotebooksTests/Fixtures")

    private func scratch(with names: [String]) throws -> Scratch {
        var files: [String: String] = [:]
        for name in names {
            files[name] = String(decoding: try Data(contentsOf: Self.fixtures.appendingPathComponent(name)), as: UTF8.self)
        }
        return try Scratch(files)
    }

    @Test func importThenCheckSaysWhereStoredOutputsNoLongerHold() throws {
        let scratch = try scratch(with: ["errors.ipynb"])
        defer { scratch.remove() }
        let imported = try GradbookProcess.run(["import", "errors.ipynb", "--out", "lessons"], in: scratch.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "errors.ipynb -> lessons/errors.md\n")
        #expect(imported.stderr == "")
        let checked = try GradbookProcess.run(["check", "lessons"], in: scratch.url)
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("lessons/errors.md:74: output differs\n--- expected\n+++ actual\n@@ -1 +1 @@\n-tensor(2.)\n+tensor(20.)\n"))
        #expect(checked.stdout.hasSuffix("4 passed, 1 failed\n"))
        let again = try GradbookProcess.run(["import", "errors.ipynb", "--out", "lessons"], in: scratch.url)
        #expect(again.status == 1)
        #expect(again.stderr == "gradbook: lessons/errors.md already exists (use --force to overwrite it)\n")
    }

    @Test func importWarnsAboutWhatItDropsOrCommentsOut() throws {
        let scratch = try scratch(with: ["media.ipynb"])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["import", "media.ipynb"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout == "media.ipynb -> media.md\n")
        #expect(result.stderr.hasPrefix("gradbook: warning: media.ipynb: cells[1]: IPython line '%matplotlib inline' commented out\n"))
        #expect(result.stderr.contains("gradbook: warning: media.ipynb: cells[6]: image output (image/png) dropped: Gradbook draws its own figures when the cell runs\n"))
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("media.attachments/dot.png").path))
    }

    @Test func badNotebooksAreReportedWithTheirPlaceNeverACrash() throws {
        let scratch = try Scratch([
            "broken.ipynb": "{\n \"cells\": [\n",
            "old.ipynb": "{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": []}",
            "r.ipynb": "{\"cells\": [], \"metadata\": {\"kernelspec\": {\"name\": \"ir\", \"display_name\": \"R\", \"language\": \"R\"}}, "
                + "\"nbformat\": 4, \"nbformat_minor\": 5}",
            "cell.ipynb": "{\"cells\": [{\"cell_type\": \"code\", \"id\": \"x\", \"metadata\": {}, \"source\": 1, \"outputs\": [], "
                + "\"execution_count\": null}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}",
        ])
        defer { scratch.remove() }
        let result = try GradbookProcess.run(["import", "broken.ipynb", "old.ipynb", "r.ipynb", "cell.ipynb"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            broken.ipynb:3:1: error: not valid JSON: unexpected end of file, expected a value
            old.ipynb:1:14: error: nbformat: nbformat 3 notebooks are not supported, only nbformat 4 (open and save the notebook in a current Jupyter to convert it)
            r.ipynb:1:27: error: metadata: the notebook's kernel language is 'R': Gradbook lessons run Python only
            cell.ipynb:1:71: error: cells[0].source: 'source' must be a string or a list of strings, not a number

            """)
        let missing = try GradbookProcess.run(["import", "nowhere.ipynb"], in: scratch.url)
        #expect(missing.status == 2)
        #expect(missing.stderr == "gradbook: cannot read nowhere.ipynb\n")
    }

    @Test func importThenExportKeepsEveryCellsSource() throws {
        let scratch = try scratch(with: ["errors.ipynb", "media.ipynb", "percent.py"])
        defer { scratch.remove() }
        let imported = try GradbookProcess.run(["import", "errors.ipynb", "media.ipynb", "percent.py", "--out", "lessons"], in: scratch.url)
        #expect(imported.status == 0)
        let exported = try GradbookProcess.run(["export", "lessons", "--out", "notebooks"], in: scratch.url)
        #expect(exported.status == 1, "the stale cell fails")
        #expect(exported.stdout.hasPrefix("FAIL  lessons/errors.md  (4/5 cells, "))
        #expect(exported.stdout.contains("\nPASS  lessons/percent.md  (0/0 cells, "))
        for name in ["errors", "media"] {
            let original = try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.url.appendingPathComponent("\(name).ipynb"))) as! [String: Any]
            let back = try JSONSerialization.jsonObject(with: Data(contentsOf: scratch.url.appendingPathComponent("notebooks/\(name).ipynb"))) as! [String: Any]
            let cells = original["cells"] as! [[String: Any]], backCells = back["cells"] as! [[String: Any]]
            #expect(cells.count == backCells.count)
            for (one, other) in zip(cells, backCells) {
                for key in ["cell_type", "id", "source", "metadata", "attachments"] {
                    #expect((one[key] as? NSObject) == (other[key] as? NSObject), "\(name) \(key)")
                }
            }
            #expect((original["metadata"] as! NSObject) == (back["metadata"] as! NSObject))
        }
        let percent = try scratch.read("notebooks/percent.ipynb")
        #expect(percent.contains("   \"source\": [\n    \"x.T\"\n   ]\n"))
        #expect(percent.contains("      \"tensor([[0, 3],\\n\",\n       \"        [1, 4],\\n\",\n       \"        [2, 5]])\"\n"))
    }

    @Test func exportRunsTwiceToTheSameBytes() throws {
        let scratch = try Scratch(["l.md": "# L\n\n```python\nimport torch\ntorch.manual_seed(0)\ntorch.rand(2)\n```\n"])
        defer { scratch.remove() }
        for out in ["a", "b"] {
            let result = try GradbookProcess.run(["export", "l.md", "--out", out], in: scratch.url)
            #expect(result.status == 0)
        }
        let first = try scratch.read("a/l.ipynb")
        #expect(first == (try scratch.read("b/l.ipynb")))
        #expect(first.contains("\"nbformat_minor\": 5"))
        #expect(!first.contains(scratch.url.path))
    }

    /// nbformat's own validator accepts what export writes. Skipped where no Python with
    /// nbformat is installed (CI has none; it is never installed for this test).
    @Test(.enabled(if: NbformatPython.path != nil, "no python with nbformat"))
    func nbformatValidatesTheExport() throws {
        let scratch = try scratch(with: ["errors.ipynb", "media.ipynb"])
        defer { scratch.remove() }
        _ = try GradbookProcess.run(["import", "errors.ipynb", "media.ipynb"], in: scratch.url)
        try Data("# Plain\n\n```python\nprint('hi')\n1 + 1\n```\n\n```python\n#| raises: ZeroDivisionError\n1 / 0\n```\n".utf8)
            .write(to: scratch.url.appendingPathComponent("plain.md"))
        _ = try GradbookProcess.run(["export", "errors.md", "media.md", "plain.md", "--out", "out"], in: scratch.url)
        let script = """
            import sys, nbformat
            for path in sys.argv[1:]:
                text = open(path, encoding="utf-8").read()
                nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
                nbformat.validate(nb)
                assert nb.nbformat == 4 and nb.nbformat_minor == 5, path
                assert nbformat.writes(nb) + "\\n" == text, path + ": not nbformat's layout"
                print("valid", path)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: NbformatPython.path!)
        process.arguments = ["-c", script, "out/errors.ipynb", "out/media.ipynb", "out/plain.ipynb"]
        process.currentDirectoryURL = scratch.url
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output == "valid out/errors.ipynb\nvalid out/media.ipynb\nvalid out/plain.ipynb\n")
    }
}

/// A Python that can `import nbformat`: `$GRADBOOK_NBFORMAT_PYTHON`, the project's PyTorch
/// venv, or `python3` on the PATH.
enum NbformatPython {
    static let path: String? = {
        var candidates: [String] = []
        if let given = ProcessInfo.processInfo.environment["GRADBOOK_NBFORMAT_PYTHON"] { candidates.append(given) }
        candidates.append(FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent("torch-venv/bin/python").path)
        candidates.append("/usr/bin/python3")
        candidates.append("/usr/local/bin/python3")
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: candidate)
            process.arguments = ["-c", "import nbformat"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }()
}
