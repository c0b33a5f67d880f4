import Foundation
import Testing
@testable import Interpreter

/// One example of a spec file: Python source and what CPython 3.11 showed for it.
struct SpecExample: CustomTestStringConvertible, Sendable {
    let file: String
    let title: String
    let line: Int
    let source: String
    let expected: String
    var testDescription: String { "\(file):\(line) \(title)" }
}

enum SpecFiles {
    static var directory: URL { Bundle.module.resourceURL!.appendingPathComponent("Spec") }

    static func load() -> [SpecExample] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var out: [SpecExample] = []
        for f in files.sorted() where f.hasSuffix(".spec") {
            let text = (try? String(contentsOf: directory.appendingPathComponent(f), encoding: .utf8)) ?? ""
            let lines = text.components(separatedBy: "\n")
            var i = 0
            while i < lines.count {
                guard lines[i].hasPrefix("### ") else { i += 1; continue }
                let title = String(lines[i].dropFirst(4))
                let start = i + 1
                i += 1
                var src: [String] = []
                while i < lines.count && lines[i] != "." { src.append(lines[i]); i += 1 }
                i += 1
                var exp: [String] = []
                while i < lines.count && lines[i] != "=====" { exp.append(lines[i]); i += 1 }
                i += 1
                out.append(SpecExample(file: f, title: title, line: start, source: src.joined(separator: "\n") + "\n",
                                       expected: exp.isEmpty ? "" : exp.joined(separator: "\n") + "\n"))
            }
        }
        return out
    }

    /// What a cell shows: its output, then the exception's last line if it raised.
    /// Files of the example's lesson folder follow its program, each after a line
    /// `~~~ path/name.py`; they are written to a fresh folder that `import` searches.
    static func run(_ ex: SpecExample) -> String {
        let interp = Interpreter(limits: .init(cellTimeout: 10))
        var program: [String] = []
        var files: [(String, [String])] = []
        for line in ex.source.components(separatedBy: "\n") {
            if line.hasPrefix("~~~ ") { files.append((String(line.dropFirst(4)), [])) }
            else if files.isEmpty { program.append(line) }
            else { files[files.count - 1].1.append(line) }
        }
        var folder: URL?
        if !files.isEmpty {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString)")
            for (name, lines) in files {
                let url = dir.appendingPathComponent(name)
                try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                var text = lines.joined(separator: "\n")
                while text.hasSuffix("\n") { text.removeLast() }
                try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            }
            interp.moduleFolder = ModuleFolder(dir)
            folder = dir
        }
        defer { if let folder { try? FileManager.default.removeItem(at: folder) } }
        let source = files.isEmpty ? ex.source : program.joined(separator: "\n")
        let r = interp.runCell(source, file: "<spec>", firstLine: 1, timeout: nil)
        var shown = r.output
        if let e = r.error { shown += e.lastLine + "\n" }
        return shown
    }
}

@Suite struct SpecTests {
    @Test func allSpecExamplesMatchCPython() {
        let examples = SpecFiles.load()
        #expect(examples.count > 0)
        var passed = 0, failed = 0
        for ex in examples {
            let actual = SpecFiles.run(ex)
            if actual == ex.expected {
                passed += 1
            } else {
                failed += 1
                let e = ex.expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
                let k = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
                let el = k < e.count ? e[k] : "<end>", al = k < a.count ? a[k] : "<end>"
                Issue.record("\(ex.testDescription): output line \(k + 1) differs\n  expected: \(el)\n  actual:   \(al)")
            }
        }
        print("\(passed) passed, \(failed) failed")
        #expect(failed == 0)
    }
}
