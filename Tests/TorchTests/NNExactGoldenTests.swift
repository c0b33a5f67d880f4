import Foundation
import Testing

/// Bit-level transcripts of nn kernels against real PyTorch 2.15 (`Goldens/nn_exact_*.py` →
/// `.expected`, written by `Goldens/make_goldens.py`): every printed value is the raw bits
/// of every element, so a difference in the last bit anywhere fails.
@Suite struct NNExactGoldenTests {
    @Test(arguments: ["nn_exact_batch_norm_layouts"])
    func transcriptMatchesPyTorch(_ name: String) throws {
        try GoldenTranscriptTests.expectMatchesPyTorch(name)
    }
}
