/// A unified diff (`@@ -a,b +c,d @@` hunks) between two texts, line by line, from a longest
/// common subsequence. Outputs are small, so the quadratic table is fine.
public enum UnifiedDiff {
    public static func make(expected: [String], actual: [String], context: Int = 3) -> String {
        let edits = self.edits(expected, actual)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var lines: [String] = []
        var index = 0
        while index < edits.count {
            guard edits[index].kind != .same else { index += 1; continue }
            // Grow a hunk until `2 * context` unchanged lines separate it from the next change.
            let start = max(0, index - context)
            var end = index
            var lastChange = index
            while end < edits.count {
                if edits[end].kind != .same { lastChange = end }
                else if end - lastChange > 2 * context { break }
                end += 1
            }
            let stop = min(edits.count, lastChange + context + 1)
            let hunk = edits[start..<stop]
            let oldStart = hunk.first!.oldLine
            let newStart = hunk.first!.newLine
            let oldCount = hunk.filter { $0.kind != .added }.count
            let newCount = hunk.filter { $0.kind != .removed }.count
            lines.append("@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@")
            for edit in hunk {
                switch edit.kind {
                case .same: lines.append(" " + edit.text)
                case .removed: lines.append("-" + edit.text)
                case .added: lines.append("+" + edit.text)
                }
            }
            index = stop
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        // As diff(1) writes it: an empty side names the line before it.
        count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }

    private struct Edit {
        enum Kind { case same, removed, added }
        var kind: Kind
        var text: String
        /// 1-based line numbers the hunk header would use at this edit.
        var oldLine: Int
        var newLine: Int
    }

    private static func edits(_ old: [String], _ new: [String]) -> [Edit] {
        let n = old.count, m = new.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                edits.append(Edit(kind: .same, text: old[i], oldLine: i + 1, newLine: j + 1)); i += 1; j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                edits.append(Edit(kind: .removed, text: old[i], oldLine: i + 1, newLine: j + 1)); i += 1
            } else {
                edits.append(Edit(kind: .added, text: new[j], oldLine: i + 1, newLine: j + 1)); j += 1
            }
        }
        return edits
    }
}
