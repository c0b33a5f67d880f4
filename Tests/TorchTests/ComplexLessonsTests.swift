import Testing
import Foundation
import Interpreter
import Torch

/// Runs the complex-dtype lessons (Tests/TorchTests/ComplexLessons/*.md, output blocks
/// filled by real PyTorch 2.15 with /work/shared/tools/torch_golden.py) cell by cell: each
/// cell must print exactly what PyTorch printed — complex reprs, views that share storage,
/// promotion, arithmetic bits, and PyTorch's error texts for ops without complex kernels.
struct ComplexLessonsTests {
    static var lessonPaths: [String] {
        let folder = NNLessonsTests.root.appendingPathComponent("Tests/TorchTests/ComplexLessons")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { "Tests/TorchTests/ComplexLessons/" + $0 }
    }

    @Test func everyLessonIsFound() {
        #expect(Self.lessonPaths.count >= 3)
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
