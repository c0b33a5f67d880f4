import Lessons

/// The order of a course's lessons, for its index and previous/next links: the order of a
/// `course.yml` list first, then front-matter `order`, then file names.
public enum CourseOrder {
    /// The lesson names listed in a `course.yml`: its `- name` lines (`.md` optional),
    /// in order; comments and other keys are ignored.
    public static func names(courseFile text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimming(" \t\r")
            guard content.hasPrefix("-") else { return nil }
            var name = content.dropFirst().trimming(" \t\"'")
            if name.hasSuffix(".md") { name = String(name.dropLast(3)) }
            if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
            return name.isEmpty ? nil : name
        }
    }

    /// `lessons` in course order; `course` is a `course.yml` list of names.
    public static func sorted(_ lessons: [Lesson], course: [String] = []) -> [Lesson] {
        let listed = Dictionary(course.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return lessons.sorted { a, b in
            let (keyA, keyB) = (key(a, listed), key(b, listed))
            if keyA.group != keyB.group { return keyA.group < keyB.group }
            if keyA.position != keyB.position { return keyA.position < keyB.position }
            if a.name != b.name { return a.name < b.name }
            return a.path < b.path
        }
    }

    private static func key(_ lesson: Lesson, _ listed: [String: Int]) -> (group: Int, position: Double) {
        if let position = listed[lesson.name] { return (0, Double(position)) }
        if let order = lesson.frontMatter.order { return (1, order) }
        return (2, 0)
    }
}

extension StringProtocol {
    fileprivate func trimming(_ set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
