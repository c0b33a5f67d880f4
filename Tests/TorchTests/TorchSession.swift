import Foundation
import Interpreter
import Torch

/// An interpreter with `torch` installed, for running snippets the way a lesson does.
struct TorchSession {
    let interp: Interpreter

    init(seed: UInt64 = 0) {
        interp = Interpreter()
        TorchModule.install(into: interp, seed: seed)
    }

    /// What a notebook shows for `source`: printed text, the last expression's repr, and
    /// `Name: message` when it raised.
    @discardableResult
    func run(_ source: String) -> String {
        let r = interp.runCell(source, file: "test.md", firstLine: 1, timeout: 30)
        var out = r.output
        if let e = r.error { out += e.lastLine + "\n" }
        return out
    }
}

/// The python cells of a lesson file and the output blocks that follow them.
struct LessonCells {
    struct Cell {
        var source: String
        var expected: String?
        var line: Int
        var skip: Bool
    }
    var cells: [Cell] = []

    init(markdown: String) {
        let lines = markdown.components(separatedBy: "\n")
        var i = 0
        var pending: Int?
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("```") {
                let info = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                var body: [String] = []
                let start = i + 1
                i += 1
                while i < lines.count && !lines[i].hasPrefix("```") { body.append(lines[i]); i += 1 }
                let text = body.joined(separator: "\n")
                if info.hasPrefix("python") || info.hasPrefix("py") {
                    cells.append(Cell(source: text, expected: nil, line: start, skip: text.contains("#| skip: true")))
                    pending = cells.count - 1
                } else if info == "output", let p = pending {
                    cells[p].expected = text
                    pending = nil
                } else {
                    pending = nil
                }
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                pending = nil
            }
            i += 1
        }
    }

    /// Compares as `gradbook check` does: trailing spaces and trailing blank lines ignored.
    static func normalise(_ s: String) -> String {
        var lines = s.components(separatedBy: "\n").map { line -> String in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Runs every cell in one session; returns a description of each mismatch (and one
    /// when no cell was compared at all, so a broken parser cannot pass).
    func mismatches(skippingCellsContaining skipped: [String] = []) -> [String] {
        let session = TorchSession()
        var problems: [String] = []
        var compared = 0
        for cell in cells where !cell.skip {
            if skipped.contains(where: { cell.source.contains($0) }) { continue }
            let got = Self.normalise(session.run(cell.source))
            guard let expected = cell.expected else { continue }
            compared += 1
            if got != Self.normalise(expected) {
                problems.append("line \(cell.line):\n--- expected\n\(expected)\n--- got\n\(got)")
            }
        }
        if compared == 0 { problems.append("no cell with an output block was compared") }
        return problems
    }

    static func load(_ name: String) throws -> LessonCells {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let url = here.deletingLastPathComponent().appendingPathComponent("ConformanceTests/Lessons/\(name)")
        return LessonCells(markdown: try String(contentsOf: url, encoding: .utf8))
    }
}
