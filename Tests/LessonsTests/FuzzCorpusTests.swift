import Foundation
import Testing
@testable import Lessons

/// Replays the fuzzing corpus and crashers of the lesson parser (fuzz/run keeps them under
/// fuzz/corpus/FuzzLesson and fuzz/crashers/FuzzLesson): each input parses or gives a
/// located LessonError, never a crash.
@Suite struct LessonFuzzCorpusTests {
    @Test func lessonInputsParseOrFailCleanly() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for kind in ["corpus", "crashers"] {
            let folder = root.appendingPathComponent("fuzz/\(kind)/FuzzLesson")
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
                if let lesson = try? LessonParser.parse(text, path: "fuzz.md") {
                    for cell in lesson.cells { #expect(lesson.timeout(for: cell) > 0) }
                }
            }
        }
    }
}
