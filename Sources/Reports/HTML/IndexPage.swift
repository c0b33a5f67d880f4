import Lessons

/// `index.html`: the course in order, each lesson with its title, a one-line summary and
/// whether its checked cells pass.
public enum IndexPage {
    /// `results` in course order (see `CourseOrder`).
    public static func render(_ results: [LessonResult], title: String = "Lessons") -> String {
        let passed = results.reduce(0) { $0 + $1.passedCount }
        let checked = results.reduce(0) { $0 + $1.checkedCount }
        var body = "<h1>\(title.htmlEscaped)</h1>\n"
        body += "<p class=\"status\">\(results.count) \(results.count == 1 ? "lesson" : "lessons"), \(passed) of \(checked) checked cells pass.</p>\n"
        body += "<ol class=\"lessons\">\n"
        for result in results {
            body += "<li>\n<a class=\"lesson-title\" href=\"\("\(result.lesson.name).html".htmlEscaped)\">\(result.lesson.title.htmlEscaped)</a>\n"
            if let summary = LessonSummary.markdown(result.lesson) {
                body += "<p class=\"summary\">\(ProseRenderer.inline(summary))</p>\n"
            }
            body += "<p class=\"status\">\(status(result))</p>\n</li>\n"
        }
        body += "</ol>\n"
        return HTMLPage.make(title: title, body: body)
    }

    private static func status(_ result: LessonResult) -> String {
        let counts = result.checkedCount == 0 ? "no checked cells"
            : "\(result.passedCount) of \(result.checkedCount) checked cells pass"
        if result.passed { return "<span class=\"state-pass\">✓ passed</span> · \(counts)" }
        let why = result.breakdown.map { " (\($0))" } ?? ""
        return "<span class=\"state-fail\">✗ failed\(why.htmlEscaped)</span> · \(counts)"
    }
}

/// A lesson's one-line summary: front matter `summary`, else the first sentence of its
/// first paragraph (Markdown, so code spans and formulas render).
enum LessonSummary {
    static func markdown(_ lesson: Lesson) -> String? {
        if let summary = lesson.frontMatter.summary, !summary.isEmpty { return summary }
        guard let lines = MarkdownDocument(parsing: lesson.markdownBody).firstParagraphLines else { return nil }
        let paragraph = lines.map { String(lesson.source.line($0).drop { $0 == " " || $0 == "\t" }) }.joined(separator: " ")
        return firstSentence(paragraph)
    }

    /// Up to the first `. `, `? ` or `! ` outside code spans and formulas.
    static func firstSentence(_ text: String) -> String {
        let characters = Array(text)
        var inCode = false
        var inMath = false
        for index in characters.indices {
            switch characters[index] {
            case "`": inCode.toggle()
            case "$" where !inCode: inMath.toggle()
            case ".", "?", "!":
                if !inCode, !inMath, index + 1 == characters.count || characters[index + 1] == " " {
                    return String(characters[...index])
                }
            default: break
            }
        }
        return text
    }
}
