import Testing
import Foundation
import Interpreter
import Torch

/// Runs the torch.distributions lessons (Tests/TorchTests/DistributionLessons/*.md, output
/// blocks filled by real PyTorch 2.15 with torch_golden.py) cell by cell and requires each
/// cell to print exactly what PyTorch printed: samples after `torch.manual_seed`, densities,
/// moments, KL divergences, gradients through rsample/log_prob, and validation errors.
struct DistributionLessonsTests {
    static var lessonPaths: [String] {
        let folder = NNLessonsTests.root.appendingPathComponent("Tests/TorchTests/DistributionLessons")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { "Tests/TorchTests/DistributionLessons/" + $0 }
    }

    @Test func everyLessonIsFound() {
        #expect(Self.lessonPaths.count == 10)
    }

    @Test(arguments: lessonPaths)
    func lessonMatchesPyTorch(path: String) throws {
        let text = try String(contentsOf: NNLessonsTests.root.appendingPathComponent(path), encoding: .utf8)
        let interp = Interpreter()
        TorchModule.install(into: interp, seed: 0)
        let cells = NNLessonsTests.cells(of: text)
        #expect(!cells.isEmpty)
        for (n, cell) in cells.enumerated() {
            #expect(!cell.expected.isEmpty, "\(path) cell \(n + 1) has no PyTorch output")
            let r = interp.runCell(cell.code, file: path, firstLine: 1, timeout: 120)
            var out = r.output
            if let e = r.error { out += e.lastLine + "\n" }
            #expect(out == cell.expected, "\(path) cell \(n + 1):\n--- PyTorch\n\(cell.expected)--- gradbook\n\(out)\(r.error?.traceback ?? "")")
        }
    }
}
