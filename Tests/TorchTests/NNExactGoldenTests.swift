import Foundation
import Testing

/// Bit-level transcripts of nn kernels against real PyTorch 2.15 (`Goldens/nn_exact_*.py` →
/// `.expected`, written by `Goldens/make_goldens.py`): every printed value is the raw bits
/// of every element, so a difference in the last bit anywhere fails.
@Suite struct NNExactGoldenTests {
    @Test(arguments: ["nn_exact_batch_norm_layouts"])
    func transcriptMatchesPyTorch(_ name: String) throws {
        let folder = GoldenTranscriptTests.folder
        let source = try String(contentsOf: folder.appendingPathComponent(name + ".py"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
        let got = GoldenTranscriptTests.transcript(source)
        let gotLines = got.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
        let first = (0..<min(gotLines.count, expectedLines.count)).first { gotLines[$0] != expectedLines[$0] } ?? min(gotLines.count, expectedLines.count)
        #expect(got == expected, "\(name): first difference at line \(first + 1):\nexpected: \(first < expectedLines.count ? String(expectedLines[first].prefix(300)) : "<end>")\ngot:      \(first < gotLines.count ? String(gotLines[first].prefix(300)) : "<end>")")
    }
}
