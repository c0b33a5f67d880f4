import Foundation
import Interpreter
import Testing
import Torch

/// Snippets in `Goldens/NAME.py` (cells separated by `#---`) must print exactly what real
/// NumPy 2.4.6 printed (`Goldens/NAME.expected`, written by `generate_goldens.py`).
@Suite struct NumPyGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static func transcript(_ source: String) -> String {
        let interp = Interpreter()
        TorchModule.install(into: interp, seed: 0)
        var out = ""
        for cell in source.components(separatedBy: "\n#---\n") {
            out += ">>> " + cell.replacingOccurrences(of: "\n", with: "\n... ") + "\n"
            let r = interp.runCell(cell, file: "test.md", firstLine: 1, timeout: 60)
            out += r.output
            if let e = r.error { out += e.lastLine + "\n" }
        }
        interp.shutdown()
        return out
    }

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
    }

    @Test(arguments: NumPyGoldenTests.names)
    func transcriptMatchesNumPy(_ name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(name + ".py"), encoding: .utf8)
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
        let got = Self.transcript(source)
        let g = got.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        let first = (0..<min(g.count, e.count)).first { g[$0] != e[$0] } ?? min(g.count, e.count)
        #expect(got == expected, "\(name): first difference at line \(first + 1):\nexpected: \(first < e.count ? e[first] : "<end>")\ngot:      \(first < g.count ? g[first] : "<end>")")
    }
}
