/// Replaces ranges of whole lines in a file's text and leaves every other byte as it was.
struct LineSplice {
    /// Replaces file lines `lines` (1-based, half-open; empty to insert before `lowerBound`)
    /// by `replacement` lines, which get the file's own line terminator.
    struct Edit {
        var lines: Range<Int>
        var replacement: [String]
    }

    static func apply(_ edits: [Edit], to source: SourceLines) -> String {
        var lines = source.lines
        var terminators = source.terminators
        let newline = source.preferredTerminator
        for edit in edits.sorted(by: { $0.lines.lowerBound > $1.lines.lowerBound }) {
            let range = (edit.lines.lowerBound - 1)..<(edit.lines.upperBound - 1)
            var newTerminators = Array(repeating: newline, count: edit.replacement.count)
            if range.upperBound == lines.count, !edit.replacement.isEmpty {
                // The file's last line keeps its (possibly missing) terminator at the end.
                if range.isEmpty, let last = terminators.indices.last {
                    newTerminators[newTerminators.count - 1] = terminators[last]
                    terminators[last] = newline
                } else if let last = range.last {
                    newTerminators[newTerminators.count - 1] = terminators[last]
                }
            }
            lines.replaceSubrange(range, with: edit.replacement)
            terminators.replaceSubrange(range, with: newTerminators)
        }
        return zip(lines, terminators).map { $0 + $1 }.joined()
    }
}
