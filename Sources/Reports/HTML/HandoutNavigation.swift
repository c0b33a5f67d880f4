/// Where a handout sits in its course: the index, and the lessons before and after it.
public struct HandoutNavigation: Sendable, Equatable {
    public struct Link: Sendable, Equatable {
        /// The lesson's name (its handout is `<name>.html`).
        public var name: String
        public var title: String

        public init(name: String, title: String) {
            self.name = name
            self.title = title
        }
    }

    public var index = "index.html"
    public var previous: Link?
    public var next: Link?

    public init(previous: Link? = nil, next: Link? = nil) {
        self.previous = previous
        self.next = next
    }

    /// The navigation of each lesson of a course, in course order.
    public static func course(_ lessons: [(name: String, title: String)]) -> [String: HandoutNavigation] {
        var result: [String: HandoutNavigation] = [:]
        for (position, lesson) in lessons.enumerated() {
            result[lesson.name] = HandoutNavigation(
                previous: position > 0 ? Link(name: lessons[position - 1].name, title: lessons[position - 1].title) : nil,
                next: position + 1 < lessons.count ? Link(name: lessons[position + 1].name, title: lessons[position + 1].title) : nil)
        }
        return result
    }

    /// The bar of links, at the top (`bottom` false) or foot of the page.
    func html(bottom: Bool) -> String {
        var html = "<nav class=\"pager\" aria-label=\"\(bottom ? "Previous and next lesson" : "Course")\">\n"
        html += "<a class=\"up\" href=\"\(index.htmlEscaped)\">All lessons</a>\n"
        if let previous {
            html += "<a class=\"previous\" rel=\"prev\" href=\"\("\(previous.name).html".htmlEscaped)\"><span aria-hidden=\"true\">← </span>\(previous.title.htmlEscaped)</a>\n"
        }
        if let next {
            html += "<a class=\"next\" rel=\"next\" href=\"\("\(next.name).html".htmlEscaped)\">\(next.title.htmlEscaped)<span aria-hidden=\"true\"> →</span></a>\n"
        }
        return html + "</nav>\n"
    }
}
