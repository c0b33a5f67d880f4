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
        if lines.count > maxLines {
            let left = lines.count - maxLines
            lines.removeLast(left)
            lines.append("[diff truncated: \(left) more lines]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Lines of diff shown at most: a runaway output must not make a runaway report.
    public static let maxLines = 500

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

    /// Line pairs compared at most: past it (a runaway output against a long expected
    /// block) the middle that differs is shown as removed then added, without alignment.
    static let tableLimit = 1 << 22

    private static func edits(_ old: [String], _ new: [String]) -> [Edit] {
        // Common head and tail lines first: the table then only covers what differs.
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let n = old.count - head - tail, m = new.count - head - tail
        var edits: [Edit] = []
        for k in 0..<head { edits.append(Edit(kind: .same, text: old[k], oldLine: k + 1, newLine: k + 1)) }
        if n * m > tableLimit || n == 0 || m == 0 {
            for k in 0..<n { edits.append(Edit(kind: .removed, text: old[head + k], oldLine: head + k + 1, newLine: head + 1)) }
            for k in 0..<m { edits.append(Edit(kind: .added, text: new[head + k], oldLine: head + n + 1, newLine: head + k + 1)) }
        } else {
            var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = old[head + i] == new[head + j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n || j < m {
                let oi = head + i, nj = head + j
                if i < n, j < m, old[oi] == new[nj] {
                    edits.append(Edit(kind: .same, text: old[oi], oldLine: oi + 1, newLine: nj + 1)); i += 1; j += 1
                } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                    edits.append(Edit(kind: .removed, text: old[oi], oldLine: oi + 1, newLine: nj + 1)); i += 1
                } else {
                    edits.append(Edit(kind: .added, text: new[nj], oldLine: oi + 1, newLine: nj + 1)); j += 1
                }
            }
        }
        for k in 0..<tail {
            let oi = old.count - tail + k, nj = new.count - tail + k
            edits.append(Edit(kind: .same, text: old[oi], oldLine: oi + 1, newLine: nj + 1))
        }
        return edits
    }
}
