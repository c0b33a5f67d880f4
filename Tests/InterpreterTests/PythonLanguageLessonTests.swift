import Foundation
import Testing
@testable import Interpreter

/// Runs the cells of the conformance lesson about the Python language (no torch needed)
/// in one session and compares with the output blocks PyTorch's Python produced.
@Suite struct PythonLanguageLessonTests {
    static let lessonPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ConformanceTests/Lessons/09-python-language.md")

    struct Cell { var source: String; var firstLine: Int; var expected: String? }

    static func cells(_ text: String) -> [Cell] {
        let lines = text.components(separatedBy: "\n")
        var cells: [Cell] = []
        var i = 0
        while i < lines.count {
            let l = lines[i]
            if l.hasPrefix("```python") || l.hasPrefix("```output") {
                let isOutput = l.hasPrefix("```output")
                var body: [String] = []
                let start = i + 2
                i += 1
                while i < lines.count && !lines[i].hasPrefix("```") { body.append(lines[i]); i += 1 }
                let text = body.joined(separator: "\n") + "\n"
                if isOutput { cells[cells.count - 1].expected = text } else { cells.append(Cell(source: text, firstLine: start, expected: nil)) }
            }
            i += 1
        }
        return cells
    }

    static func normalize(_ s: String) -> String {
        var lines = s.components(separatedBy: "\n").map { l -> String in
            var t = Substring(l); while t.last == " " { t.removeLast() }; return String(t)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    @Test func lessonCellsPrintWhatCPythonPrinted() throws {
        let text = try String(contentsOf: Self.lessonPath, encoding: .utf8)
        let interp = Interpreter()
        let cells = Self.cells(text)
        #expect(cells.count >= 8)
        for c in cells {
            let r = interp.runCell(c.source.replacingOccurrences(of: "#| raises: ZeroDivisionError\n", with: "").replacingOccurrences(of: "#| raises: NameError\n", with: ""),
                                   file: "09-python-language.md", firstLine: c.firstLine, timeout: 10)
            var shown = r.output
            if let e = r.error { shown += e.lastLine + "\n" }
            #expect(Self.normalize(shown) == Self.normalize(c.expected ?? ""), "cell at line \(c.firstLine)")
        }
    }
}
