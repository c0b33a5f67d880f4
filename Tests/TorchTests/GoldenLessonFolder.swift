import Testing
import Foundation
import Interpreter
import Torch

/// A folder of golden lessons under Tests/TorchTests (output blocks filled by real PyTorch
/// 2.15 through torch_golden.py), run cell by cell in one seeded session: each cell must
/// print exactly what PyTorch printed, the last line of an error included. Shared by the
/// per-topic lesson suites so each keeps only its folder name and its own extra tests.
enum GoldenLessonFolder {
    /// The lessons of `Tests/TorchTests/<name>`, as paths from the package root, sorted.
    static func lessonPaths(_ name: String) -> [String] {
        let folder = NNLessonsTests.root.appendingPathComponent("Tests/TorchTests/" + name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { "Tests/TorchTests/\(name)/" + $0 }
    }

    /// Runs the lesson at `path` and expects every cell to have a golden and to match it.
    /// `exact` false (PyTorch's vendor library absent): a mismatch is the known issue
    /// `withoutVendor` names, since only the last digits may then differ.
    static func expectMatchesPyTorch(_ path: String, exact: Bool = true, withoutVendor: Comment = "") throws {
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
            let message: Comment = "\(path) cell \(n + 1):\n--- PyTorch\n\(cell.expected)--- gradbook\n\(out)\(r.error?.traceback ?? "")"
            if exact {
                #expect(out == cell.expected, message)
            } else {
                withKnownIssue(withoutVendor, isIntermittent: true) { #expect(out == cell.expected, message) }
            }
        }
    }
}
