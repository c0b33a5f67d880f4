import Foundation
import Interpreter
import Testing
import Torch

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

    /// `special.ndtr` ((1 + erf(x·√½))·0.5 with the vectorised erf), `special.entr` and
    /// `special.xlog1py` (one element at a time with the C library's log and log1p), as
    /// PyTorch's kernels compute them: ~4,000 random inputs per dtype and range, bit for bit
    /// through `tolist()`; their autograd nodes and gradients (`Goldens/special_exact.py`).
    @Test func ndtrEntrXlog1pyMatchPyTorchBitForBit() throws {
        let source = try String(contentsOf: GoldenTranscriptTests.folder.appendingPathComponent("special_exact.py"), encoding: .utf8)
        let expected = try String(contentsOf: GoldenTranscriptTests.folder.appendingPathComponent("special_exact.expected"), encoding: .utf8)
        let got = GoldenTranscriptTests.transcript(source)
        let gotLines = got.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
        let differing = zip(gotLines, expectedLines).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset }
        let shown = differing.prefix(3).map { i in
            "line \(i + 1):\nexpected: \(expectedLines[i].prefix(300))\ngot:      \(gotLines[i].prefix(300))"
        }
        #expect(got == expected, Comment(rawValue: "special_exact: \(differing.count) differing lines\n" + shown.joined(separator: "\n")))
    }

    /// Vectorised elementwise functions (`sigmoid`, `silu`, `softplus`, `gelu`, `mish`,
    /// `exp2`, powers, `elu`/`selu`/`celu`, `atan2`, `logaddexp`) on transposed, permuted,
    /// expanded and sliced inputs, with their result strides (`Goldens/elementwise_layouts.py`):
    /// the layout decides which elements PyTorch computes in SLEEF lanes.
    @Test func elementwiseLayoutsMatchPyTorchBitForBit() throws {
        let source = try String(contentsOf: GoldenTranscriptTests.folder.appendingPathComponent("elementwise_layouts.py"), encoding: .utf8)
        let expected = try String(contentsOf: GoldenTranscriptTests.folder.appendingPathComponent("elementwise_layouts.expected"), encoding: .utf8)
        let got = GoldenTranscriptTests.transcript(source)
        let gotLines = got.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
        let differing = zip(gotLines, expectedLines).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset }
        let shown = differing.prefix(3).map { i in
            "line \(i + 1):\nexpected: \(expectedLines[i].prefix(200))\ngot:      \(gotLines[i].prefix(200))"
        }
        #expect(got == expected, Comment(rawValue: "elementwise_layouts: \(differing.count) differing lines\n" + shown.joined(separator: "\n")))
    }

    /// The special-functions lesson (`SpecialLessons/special-functions.md`, output blocks by
    /// /work/shared/tools/torch_golden.py with PyTorch 2.15), cell by cell.
    @Test func specialFunctionsLessonMatchesPyTorch() throws {
        let path = "Tests/TorchTests/SpecialLessons/special-functions.md"
        let text = try String(contentsOf: NNLessonsTests.root.appendingPathComponent(path), encoding: .utf8)
        let interp = Interpreter()
        TorchModule.install(into: interp, seed: 0)
        let cells = NNLessonsTests.cells(of: text)
        #expect(cells.count == 11)
        for (n, cell) in cells.enumerated() {
            let r = interp.runCell(cell.code, file: path, firstLine: 1, timeout: 120)
            var out = r.output
            if let e = r.error { out += e.lastLine + "\n" }
            #expect(out == cell.expected, "\(path) cell \(n + 1):\n--- PyTorch\n\(cell.expected)--- gradbook\n\(out)")
        }
    }
}
