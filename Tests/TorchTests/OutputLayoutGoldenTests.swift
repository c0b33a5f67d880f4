import Foundation
import Testing

/// Layout and last-digit goldens from real PyTorch 2.15 (`Goldens/NAME.expected`, written by
/// `Goldens/make_goldens.py`): the strides TensorIterator and `empty_like(preserve_format)`
/// give elementwise results, conversions, copies and `*_like` of transposed, permuted,
/// channels-last, sliced and expanded tensors; reductions over such results, which walk
/// memory order; `.grad` layouts; and BatchNorm/InstanceNorm computed as ATen's CPU kernel.
@Suite struct OutputLayoutGoldenTests {
    @Test(arguments: ["output_layout", "batch_norm_exact"])
    func transcriptMatchesPyTorch(_ name: String) throws {
        try GoldenTranscriptTests.expectMatchesPyTorch(name)
    }
}
