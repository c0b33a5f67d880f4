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
        try GoldenTranscriptTests.expectMatchesPyTorch("special")
    }

    /// `special.ndtr` ((1 + erf(x·√½))·0.5 with the vectorised erf), `special.entr` and
    /// `special.xlog1py` (one element at a time with the C library's log and log1p), as
    /// PyTorch's kernels compute them: ~4,000 random inputs per dtype and range, bit for bit
    /// through `tolist()`; their autograd nodes and gradients (`Goldens/special_exact.py`).
    @Test func ndtrEntrXlog1pyMatchPyTorchBitForBit() throws {
        try GoldenTranscriptTests.expectMatchesPyTorch("special_exact")
    }

    /// Vectorised elementwise functions (`sigmoid`, `silu`, `softplus`, `gelu`, `mish`,
    /// `exp2`, powers, `elu`/`selu`/`celu`, `atan2`, `logaddexp`) on transposed, permuted,
    /// expanded and sliced inputs, with their result strides (`Goldens/elementwise_layouts.py`):
    /// the layout decides which elements PyTorch computes in SLEEF lanes.
    @Test func elementwiseLayoutsMatchPyTorchBitForBit() throws {
        try GoldenTranscriptTests.expectMatchesPyTorch("elementwise_layouts")
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
