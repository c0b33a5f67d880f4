import Foundation
import Testing

/// The quantile, nanmedian, mode, logcumsumexp, cov, histogram and kaiser names (issue 12) against
/// transcripts real PyTorch 2.15 printed (`Goldens/tensor_misc2_*.py` → `.expected`, made by
/// `Goldens/make_goldens.py`): values, dtypes, reprs, grad_fn names, gradients, error texts.
@Suite struct TensorMisc2GoldenTests {
    @Test(arguments: ["tensor_misc2_quantile", "tensor_misc2_stats", "tensor_misc2_cov_hist", "tensor_misc2_geometry", "tensor_misc2_diagonal_vander", "tensor_misc2_larger", "tensor_misc2_keywords", "tensor_misc2_strided_scatter", "tensor_misc2_cdist", "cdist_bits"])
    func transcriptMatchesPyTorch(_ name: String) throws {
        try GoldenTranscriptTests.expectMatchesPyTorch(name)
    }
}
