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
        let folder = GoldenTranscriptTests.folder
        let source = try String(contentsOf: folder.appendingPathComponent(name + ".py"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
        let got = GoldenTranscriptTests.transcript(source)
        let gotLines = got.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
        let first = (0..<min(gotLines.count, expectedLines.count)).first { gotLines[$0] != expectedLines[$0] } ?? min(gotLines.count, expectedLines.count)
        #expect(got == expected, "\(name): first difference at line \(first + 1):\nexpected: \(first < expectedLines.count ? expectedLines[first] : "<end>")\ngot:      \(first < gotLines.count ? gotLines[first] : "<end>")")
    }
}
