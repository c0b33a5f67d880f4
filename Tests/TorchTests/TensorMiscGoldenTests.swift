import Foundation
import Testing

/// The indexing, scatter, counting, window and paired-reduction names (issue 12) against
/// transcripts real PyTorch 2.15 printed (`Goldens/tensor_misc_*.py` → `.expected`, made by
/// `Goldens/make_goldens.py`): values, dtypes, reprs, grad_fn names, gradients, error texts.
@Suite struct TensorMiscGoldenTests {
    @Test(arguments: ["tensor_misc_counting", "tensor_misc_indexing", "tensor_misc_reductions", "tensor_misc_shapes", "tensor_misc_products", "tensor_misc_numerics", "tensor_misc_scatter_more", "tensor_misc_unfold_fill"])
    func transcriptMatchesPyTorch(_ name: String) throws {
        try GoldenTranscriptTests.expectMatchesPyTorch(name)
    }
}
