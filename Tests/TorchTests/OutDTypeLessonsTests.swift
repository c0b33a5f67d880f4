import Testing
import Foundation
import Interpreter
import Torch

/// Runs the `out=` dtype lessons (Tests/TorchTests/OutDTypeLessons/*.md, output blocks
/// filled by real PyTorch 2.15 with /work/shared/tools/torch_golden.py) cell by cell: each
/// kernel family's refusal text for an out of another dtype, the kernels that compute in
/// the out's dtype or copy into it, the strides of a resized out, and `torch.diff(out=)`.
struct OutDTypeLessonsTests {
    static var lessonPaths: [String] { GoldenLessonFolder.lessonPaths("OutDTypeLessons") }

    @Test func everyLessonIsFound() {
        #expect(Self.lessonPaths.count >= 2)
    }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        try GoldenLessonFolder.expectMatchesPyTorch(path)
    }

    /// torch.special's wrappers of native kernels and its compositions warn about a
    /// resized out at the user's line, as PyTorch's native special_* kernels do (the
    /// warning goes to stderr, so the golden lessons cannot hold it).
    @Test(arguments: [
        "torch.special.round(x, out=o)", "torch.special.logsumexp(x, 0, out=o)",
        "torch.special.multigammaln(x + 2, 1, out=o)", "torch.special.polygamma(1, x, out=o)",
        "torch.special.entr(x, out=o)", "torch.special.ndtr(x, out=o)",
    ])
    func specialResizeWarningNamesTheUsersLine(call: String) {
        let interp = Interpreter()
        TorchModule.install(into: interp, seed: 0)
        var warned = ""
        interp.warnings = { warned += $0 }
        let setup = interp.runCell("import torch\nx = torch.tensor([0.25, 1.5, 2.0])\n", file: "w.md", firstLine: 1, timeout: 60)
        #expect(setup.error == nil)
        let r = interp.runCell("o = torch.zeros(5)\n\(call)\nprint(o.shape)\n", file: "w.md", firstLine: 10, timeout: 60)
        #expect(r.error == nil, "\(r.error?.traceback ?? "")")
        let expectedShape = call.contains("logsumexp") ? "torch.Size([])" : "torch.Size([3])"
        let newShape = call.contains("logsumexp") ? "[]" : "[3]"
        #expect(r.output == expectedShape + "\n")
        #expect(warned == "w.md:11: \(LinalgOutWarningTests.resized("[5]", newShape))\n  \(call)\n")
    }
}
