import Testing

/// The conformance lessons that run through the binding, cell by cell, against the
/// output blocks real PyTorch 2.15 produced.
@Suite struct ConformanceLessonTests {
    @Test(arguments: [
        "01-creation-and-printing.md", "02-arithmetic-and-broadcasting.md", "03-views-and-indexing.md",
        "04-reductions.md", "05-math-functions.md", "06-matmul.md", "07-autograd-basics.md", "08-autograd-advanced.md",
        "10-manual-regression.md", "13-the-variable-article.md", "14-printing-large.md",
    ])
    func lessonMatchesPyTorch(_ name: String) throws {
        let lesson = try LessonCells.load(name)
        let problems = lesson.mismatches()
        #expect(problems.isEmpty, "\(name):\n\(problems.joined(separator: "\n\n"))")
    }

    @Test func randomLessonMatchesPyTorch() throws {
        // The nn.Linear cell needs torch.nn, which the nn engineer binds.
        let lesson = try LessonCells.load("12-random.md")
        let problems = lesson.mismatches(skippingCellsContaining: ["nn.Linear"])
        #expect(problems.isEmpty, "12-random.md:\n\(problems.joined(separator: "\n\n"))")
    }
}
