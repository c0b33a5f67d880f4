/// Ids for headings: the words of the heading in lower case joined by `-`, made unique
/// in document order with `-2`, `-3`, and never equal to a cell's anchor.
struct HeadingAnchors {
    private var used: Set<String>

    /// `reserved`: ids the page already has (cells).
    init(reserved: Set<String>) {
        used = reserved
    }

    mutating func anchor(for text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        var candidate = slug
        var number = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
