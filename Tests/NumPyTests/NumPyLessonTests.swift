import Foundation
import Lessons
import Testing

/// `Lessons/numpy_bridge.md`: the "Bridge with NumPy" cells of PyTorch's tensor tutorial,
/// with output blocks from real PyTorch 2.15 and NumPy 2.4.6, run as `gradbook check` runs it.
@Suite struct NumPyLessonTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Lessons")

    @Test(arguments: ["numpy_bridge"])
    func lessonPasses(_ name: String) throws {
        let lesson = try LessonParser.load(Self.folder.appendingPathComponent("\(name).md"), path: "\(name).md")
        let run = InterpreterSession.onLargeStack { LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)) }
        let result = LessonResult(lesson: lesson, run: run)
        var report = "\(result.passedCount) passed, \(result.failedCount) failed\n"
        for cell in result.cells where cell.countsAsFailed {
            report += "\(result.lesson.path):\(cell.cell.reportLine): \(cell.reason ?? "failed")\n" + (cell.diff ?? "")
        }
        #expect(result.passed, "\(report)")
        #expect(result.passedCount >= 10)
    }
}
