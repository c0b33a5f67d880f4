import Foundation
import Testing
@testable import Lessons

/// A lesson imports `.py` modules and packages from its own folder (the micrograd fixture:
/// a package with `engine.py` and `nn.py` beside `lesson.md`); its outputs came from CPython.
@Suite struct LessonModulesTests {
    @Test func aLessonImportsAPackageBesideIt() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/micrograd-lesson/lesson", withExtension: "md"))
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let lesson = try LessonParser.parse(text, path: url.path)
        let result = LessonResult(lesson: lesson, run: LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)))
        #expect(result.cells.map(\.status) == [.passed, .passed])
        #expect(result.passed)
    }

    @Test func aLessonWithoutTheModuleGetsCPythonsError() throws {
        let lesson = try LessonParser.parse("```python\nimport micrograd\n```\n", path: "/nonexistent-folder/a.md")
        let result = LessonResult(lesson: lesson, run: LessonExecutor.run(lesson, in: InterpreterSession(lesson: lesson)))
        #expect(result.cells[0].outcome?.exception?.lastLine == "ModuleNotFoundError: No module named 'micrograd'")
    }
}
