import Foundation
import Interpreter
import NumPy
import Testing

/// The `numpy.random` Python API: the cells of `Goldens/Random/api_*.py` must print exactly
/// what NumPy 2.4.6 printed (`api_*.expected`, scripts/numpy-random/make_api_goldens.py).
@Suite struct RandomAPIGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Goldens").appendingPathComponent("Random")

    static func transcript(_ source: String) -> String {
        let interp = Interpreter()
        NumPyModule.install(into: interp)
        var out = ""
        for cell in source.split(separator: "\n#---\n", omittingEmptySubsequences: false).map(String.init) {
            out += ">>> " + cell.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n... ") + "\n"
            let r = interp.runCell(cell, file: "test.md", firstLine: 1, timeout: 60)
            out += r.output
            if let e = r.error { out += e.lastLine + "\n" }
        }
        interp.shutdown()
        return out
    }

    static let names = ["api_legacy", "api_generator", "api_errors", "api_more", "api_distributions"]

    @Test(arguments: names)
    func transcriptMatchesNumPy(_ name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(name + ".py"), encoding: .utf8)
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
        let got = Self.transcript(source)
        let g = got.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(g.count, e.count)).first { g[$0] != e[$0] } ?? min(g.count, e.count)
        #expect(got == expected, "\(name): first difference at line \(first + 1):\nexpected: \(first < e.count ? e[first] : "<end>")\ngot:      \(first < g.count ? g[first] : "<end>")")
        if got != expected {
            try? got.write(toFile: "/tmp/numpy-random-\(name).got", atomically: true, encoding: .utf8)
        }
    }
}
