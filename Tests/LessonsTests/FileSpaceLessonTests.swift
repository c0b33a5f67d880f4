import Foundation
import Testing
@testable import Lessons

/// A lesson that imports a helper package from its folder, reads a CSV file beside it,
/// trains a tiny model, saves and loads a checkpoint in its private file space, and loads
/// a checkpoint made by real PyTorch; its output blocks came from real PyTorch.
@Suite struct FileSpaceLessonTests {
    @Test func theFileSpaceLessonPrintsWhatPyTorchPrinted() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/file-space-lesson/lesson", withExtension: "md"))
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let lesson = try LessonParser.parse(text, path: url.path)
        let result = LessonResult(lesson: lesson, run: LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)))
        for cell in result.cells where cell.status != .passed {
            Issue.record("cell at line \(cell.cell.firstSourceLine): \(cell.status) \(cell.outcome?.output ?? "") \(cell.outcome?.exception?.lastLine ?? "")")
        }
        #expect(result.cells.count == 6)
        #expect(result.passed)
        // The checkpoint went to memory, never to the lesson's folder.
        #expect(!FileManager.default.fileExists(atPath: url.deletingLastPathComponent().appendingPathComponent("checkpoint.pt").path))
    }
}
