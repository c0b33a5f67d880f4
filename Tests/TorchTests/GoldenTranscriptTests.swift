import Foundation
import Testing

/// Snippets in `Goldens/NAME.py` (cells separated by `#---`) run through the binding
/// must print exactly the transcript real PyTorch 2.15 printed (`Goldens/NAME.expected`,
/// written by `Goldens/make_goldens.py`): values, reprs, dtypes, gradients, error texts.
@Suite struct GoldenTranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static func transcript(_ source: String) -> String {
        let session = TorchSession()
        var out = ""
        for cell in source.components(separatedBy: "\n#---\n") {
            out += ">>> " + cell.replacingOccurrences(of: "\n", with: "\n... ") + "\n"
            out += session.run(cell)
        }
        return out
    }

    /// Runs `Goldens/NAME.py` and expects PyTorch's transcript `Goldens/NAME.expected`,
    /// naming the first differing line: shared by every transcript-golden suite.
    static func expectMatchesPyTorch(_ name: String) throws {
        let source = try String(contentsOf: folder.appendingPathComponent(name + ".py"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
        let got = transcript(source)
        let gotLines = got.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
        let first = (0..<min(gotLines.count, expectedLines.count)).first { gotLines[$0] != expectedLines[$0] } ?? min(gotLines.count, expectedLines.count)
        #expect(got == expected, "\(name): first difference at line \(first + 1):\nexpected: \(first < expectedLines.count ? String(expectedLines[first].prefix(300)) : "<end>")\ngot:      \(first < gotLines.count ? String(gotLines[first].prefix(300)) : "<end>")")
    }

    @Test(arguments: ["basics", "ops", "autograd", "autograd_ops", "grad_mode", "random_and_errors", "identity_and_base", "linalg_norms", "out_and_keywords", "surface_additions", "real_identities", "inplace_twins", "global_flags", "tensor_split", "random_like_layouts", "signal_names", "random_out_and_bounds", "tutorial_gaps"])
    func transcriptMatchesPyTorch(_ name: String) throws {
        try Self.expectMatchesPyTorch(name)
    }
}
