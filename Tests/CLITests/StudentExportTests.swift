import Foundation
import Testing

/// `gradbook export --student`: the notebook a student gets carries the stubs of solution
/// cells, never their code, and a `solution: all` cell shows none of its results.
@Suite struct StudentExportTests {
    static let lesson = """
    # Exercise

    ```python
    #| solution: true
    #| stub: answer = ...
    answer = 6 * 7
    print(answer)
    answer
    ```

    ```python
    print("shown")
    ```
    """

    @Test func studentNotebookHasStubsAndNoSolutionResults() throws {
        let scratch = try Scratch(["ex.md": Self.lesson + "\n"])
        defer { scratch.remove() }
        let teacher = try GradbookProcess.run(["export", "ex.md", "--out", "teacher"], in: scratch.url)
        let student = try GradbookProcess.run(["export", "--student", "ex.md", "--out", "student"], in: scratch.url)
        #expect(teacher.status == 0, "\(teacher.stderr)")
        #expect(student.status == 0, "\(student.stderr)")
        let teacherNotebook = try String(contentsOf: scratch.url.appendingPathComponent("teacher/ex.ipynb"), encoding: .utf8)
        let studentNotebook = try String(contentsOf: scratch.url.appendingPathComponent("student/ex.ipynb"), encoding: .utf8)
        #expect(teacherNotebook.contains("answer = 6 * 7"))
        #expect(teacherNotebook.contains("\"42\\n\""))
        #expect(!studentNotebook.contains("6 * 7"))
        #expect(studentNotebook.contains("answer = ..."))
        #expect(!studentNotebook.contains("\"42\\n\"") && !studentNotebook.contains("\"text/plain\": \"42\""))
        #expect(studentNotebook.contains("\"shown\\n\""))
    }
}
