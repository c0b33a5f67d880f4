import Testing
import Foundation
import Interpreter
import Tensors
import Torch

/// Runs the nn reference lessons (Tests/TorchTests/NNLessons/nn-*.md, outputs from real PyTorch;
/// they were the first Lessons/ before the course replaced them) and the nn conformance
/// lessons through the interpreter with `torch` installed, cell by cell, and compares each
/// cell's output with its output block. (`gradbook check` does the same end to end; this
/// keeps the nn contract inside `swift test --filter NNLessons`.)
struct NNLessonsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var lessonPaths: [String] {
        let lessons = root.appendingPathComponent("Tests/TorchTests/NNLessons")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lessons.path)) ?? []
        return names.filter { $0.hasPrefix("nn-") && $0.hasSuffix(".md") }.sorted().map { "Tests/TorchTests/NNLessons/" + $0 }
    }

    /// (code, expected output, declared `#| tolerance:`) for each python cell.
    static func cells(of text: String) -> [(code: String, expected: String, tolerance: Double?)] {
        let lines = text.components(separatedBy: "\n")
        var cells: [(String, String, Double?)] = []
        var i = 0
        while i < lines.count {
            guard lines[i].hasPrefix("```python") else { i += 1; continue }
            var code: [String] = []
            i += 1
            while i < lines.count && !lines[i].hasPrefix("```") { code.append(lines[i]); i += 1 }
            i += 1
            var j = i
            while j < lines.count && lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1 }
            var expected: [String] = []
            if j < lines.count && lines[j].hasPrefix("```output") {
                j += 1
                while j < lines.count && !lines[j].hasPrefix("```") { expected.append(lines[j]); j += 1 }
                i = j + 1
            }
            let tolerance = code.first { $0.hasPrefix("#| tolerance:") }
                .flatMap { Double($0.dropFirst("#| tolerance:".count).trimmingCharacters(in: .whitespaces)) }
            cells.append((code.joined(separator: "\n") + "\n", expected.isEmpty ? "" : expected.joined(separator: "\n") + "\n", tolerance))
        }
        return cells
    }

    /// Numbers in `a` and `b` agree within the cell's declared `tolerance` (never a looser
    /// one) and the rest of the text is equal.
    static func closeEnough(_ a: String, _ b: String, tolerance: Double) -> Bool {
        let ta = a.split(whereSeparator: { $0 == " " || $0 == "\n" }), tb = b.split(whereSeparator: { $0 == " " || $0 == "\n" })
        if ta.count != tb.count { return false }
        for (x, y) in zip(ta, tb) where x != y {
            // Numbers may sit inside punctuation, as in `(..., 12.44936)`.
            let wrap = CharacterSet(charactersIn: "()[],")
            let nx = x.trimmingCharacters(in: wrap), ny = y.trimmingCharacters(in: wrap)
            guard x.count - nx.count == y.count - ny.count,
                  let dx = Double(nx), let dy = Double(ny), abs(dx - dy) <= tolerance else { return false }
        }
        return true
    }

    /// Cells that differ from PyTorch for a reason outside this room, each with the reason.
    /// Without MKL and SLEEF, sqrt, log_softmax and the products round as libm and OpenBLAS
    /// do, not as PyTorch (docs/mkl.md), and these cells may differ (intermittent: some
    /// combinations happen to round to the same printed digits); with both they match exactly.
    static let knownIssues: [String: String] = MathBackend.matchesPyTorch ? [:] : [
        "Lessons/nn-optim.md cell 3": "without MKL, Adam/RMSprop losses differ in the last float32 digit (docs/mkl.md)",
        "Lessons/nn-mlp-training.md cell 2": "with only one of MKL and SLEEF, 300 training steps drift to a loss 0.0001 off (docs/mkl.md)",
    ]

    @Test(
          arguments: ["Tests/ConformanceTests/Lessons/11-nn-modules.md", "Tests/ConformanceTests/Lessons/12-random.md"] + lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        let file = path.hasPrefix("/") ? URL(fileURLWithPath: path) : Self.root.appendingPathComponent(path)
        let text = try String(contentsOf: file, encoding: .utf8)
        let interp = Interpreter()
        TorchModule.install(into: interp, seed: 0)
        for (n, cell) in Self.cells(of: text).enumerated() {
            let r = interp.runCell(cell.code, file: path, firstLine: 1, timeout: 120)
            var out = r.output
            if let e = r.error { out += e.lastLine + "\n" }
            let same = cell.tolerance.map { Self.closeEnough(out, cell.expected, tolerance: $0) } ?? (out == cell.expected)
            let message: Comment = "\(path) cell \(n + 1):\n--- PyTorch\n\(cell.expected)--- gradbook\n\(out)\(r.error?.traceback ?? "")"
            if let reason = Self.knownIssues["\(path) cell \(n + 1)"] {
                withKnownIssue(Comment(rawValue: reason), isIntermittent: true) { #expect(same, message) }
            } else {
                #expect(same, message)
            }
        }
    }
}
