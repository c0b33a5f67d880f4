import Foundation
import Testing

/// The quantile, nanmedian, mode, logcumsumexp, cov, histogram and kaiser names (issue 12) against
/// transcripts real PyTorch 2.15 printed (`Goldens/tensor_misc2_*.py` → `.expected`, made by
/// `Goldens/make_goldens.py`): values, dtypes, reprs, grad_fn names, gradients, error texts.
@Suite struct TensorMisc2GoldenTests {
    @Test(arguments: ["tensor_misc2_quantile", "tensor_misc2_stats", "tensor_misc2_cov_hist", "tensor_misc2_geometry", "tensor_misc2_diagonal_vander", "tensor_misc2_larger", "tensor_misc2_keywords", "tensor_misc2_strided_scatter", "tensor_misc2_cdist"])
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
