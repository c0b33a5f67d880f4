/// One `python` code cell of a lesson, with its options, its expected output and the exact
/// place of every line in the lesson file.
public struct Cell: Sendable, Codable, Equatable {
    /// Position among the lesson's cells, from 0.
    public var index: Int
    /// Lines of the fenced block, opening and closing fence included.
    public var lines: ClosedRange<Int>
    /// The cell's text exactly as cmark gives it (option lines included, each line ending in `\n`).
    public var source: String
    /// File line of the first line of `source`.
    public var firstSourceLine: Int
    /// How many leading lines of `source` are `#|` option lines.
    public var optionLineCount: Int
    public var options: CellOptions
    /// The `output` block right after the cell, if any.
    public var expected: ExpectedOutput?
    /// `print(x)  # Output: text` lines of the cell (see `InlineClaim`).
    public var claims: [InlineClaim] = []
    /// Set by `check --answers`: the student's file this cell's code comes from, which its
    /// line numbers refer to.
    public var answerFile: String?

    /// The code without its option lines: what handouts show.
    public var code: String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst(optionLineCount).joined(separator: "\n")
    }

    /// File line of the first line of `code`.
    public var firstCodeLine: Int { firstSourceLine + optionLineCount }

    /// Whether the cell counts in `N passed, N failed`: it has an output block or inline
    /// claims to match, an exception it must raise, or it is an exercise check (it passes
    /// when its asserts hold).
    public var isChecked: Bool {
        !options.skip && (options.raises != nil || options.exercise != nil
            || (options.check && (expected != nil || !claims.isEmpty)))
    }

    /// Where a report should point for this cell: its output block, else its first code line.
    public var reportLine: Int { expected?.lines.lowerBound ?? firstCodeLine }
}

/// The fenced `output` block after a cell: what the cell is expected to print.
public struct ExpectedOutput: Sendable, Codable, Equatable {
    /// The block's text, each line ending in `\n`.
    public var text: String
    /// Lines of the fenced block, fences included.
    public var lines: ClosedRange<Int>
}
