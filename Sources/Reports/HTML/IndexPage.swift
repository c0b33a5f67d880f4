import Lessons

/// `index.html`: every lesson with its title, its status and a link to its handout.
public enum IndexPage {
    public static func render(_ results: [LessonResult], title: String = "Lessons") -> String {
        var body = "<h1>\(title.htmlEscaped)</h1>\n<table class=\"lessons\">\n"
        body += "<thead><tr><th>Lesson</th><th>Status</th><th>Checked cells</th></tr></thead>\n<tbody>\n"
        for result in results {
            let link = "\(result.lesson.name).html"
            let status = result.passed
                ? "<span class=\"status-pass\">passed</span>"
                : "<span class=\"status-fail\">\(result.breakdown.map { "failed (\($0.htmlEscaped))" } ?? "failed")</span>"
            body += "<tr><td><a href=\"\(link.htmlEscaped)\">\(result.lesson.title.htmlEscaped)</a></td>"
            body += "<td>\(status)</td>"
            body += "<td>\(result.passedCount) of \(result.checkedCount) passed</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return HTMLPage.make(title: title, body: body)
    }
}
