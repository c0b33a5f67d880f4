import Foundation
import Testing

/// The special functions (`Goldens/special.py`) against real PyTorch 2.15: every value of
/// each function over ~350 inputs per dtype (edge cases, subnormals, ±inf, NaN, huge
/// arguments, long enough for PyTorch's vector lanes), printed with `tolist()` so the
/// comparison is bit for bit, then reprs, promotion, autograd nodes and gradients, `out=`,
/// in-place twins and error texts. `special.expected` is written by `make_goldens.py`.
@Suite struct SpecialGoldenTests {
    @Test func specialFunctionsMatchPyTorchBitForBit() throws {
        let source = try String(contentsOf: GoldenTranscriptTests.folder.appendingPathComponent("special.py"), encoding: .utf8)
        let expected = try String(contentsOf: GoldenTranscriptTests.folder.appendingPathComponent("special.expected"), encoding: .utf8)
        let got = GoldenTranscriptTests.transcript(source)
        let gotLines = got.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
        let differing = zip(gotLines, expectedLines).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset }
        let shown = differing.prefix(5).map { i in
            "line \(i + 1):\nexpected: \(expectedLines[i].prefix(400))\ngot:      \(gotLines[i].prefix(400))"
        }
        #expect(got == expected, Comment(rawValue: "special: \(differing.count) differing lines (line counts \(expectedLines.count), \(gotLines.count))\n" + shown.joined(separator: "\n")))
    }
}
