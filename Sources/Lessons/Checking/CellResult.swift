/// The verdict on one cell after its lesson ran.
public struct CellResult: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Ran and matched its output block or declared exception.
        case passed
        /// Ran and printed something else, raised unexpectedly, or did not raise as declared.
        case failed
        /// Ran with nothing to check (no output block, no `raises`, or `check: false`).
        case ran
        /// `skip: true`.
        case skipped
        /// An earlier cell stopped the lesson.
        case notRun = "not run"
    }

    public var cell: Cell
    public var status: Status
    /// What the cell produced, when it ran.
    public var outcome: CellOutcome?
    /// Why it failed, in one line (`output differs`, `expected ValueError to be raised`).
    public var reason: String?
    /// Inline claims (`print(x)  # Output: ...`) whose print showed something else.
    public var claimMismatches: [ClaimMismatch] = []

    /// Whether the cell counts in the totals: a checked cell, or any cell that failed (an
    /// unexpected exception fails a cell even without an output block).
    public var isCounted: Bool { cell.isChecked || countsAsFailed }

    /// Whether the cell counts in the `passed` total.
    public var countsAsPassed: Bool { status == .passed }
    /// Whether the cell counts in the `failed` total: failures, and checked cells not run.
    public var countsAsFailed: Bool { status == .failed || (status == .notRun && cell.isChecked) }

    /// The expected-versus-actual diff when the output did not match its block.
    public var diff: String? {
        guard status == .failed, let outcome, let expected = cell.expected, cell.options.check else { return nil }
        let text = UnifiedDiff.make(expected: OutputComparison.comparedLines(expected.text),
                                    actual: OutputComparison.comparedLines(outcome.shownText))
        return text.isEmpty ? nil : text
    }

    /// Judges `cell` from what its run produced.
    public init(cell: Cell, run: LessonRun.CellRun) {
        self.cell = cell
        switch run {
        case .skipped:
            status = .skipped
        case .notRun:
            status = .notRun
            reason = cell.isChecked ? "not run" : nil
        case .ran(let outcome):
            self.outcome = outcome
            (status, reason) = Self.judge(cell, outcome)
            if cell.options.check, !cell.claims.isEmpty {
                claimMismatches = ClaimMismatch.judge(cell.claims, printed: outcome.printedByLine ?? [:],
                                                      completed: outcome.exception == nil, tolerance: cell.options.tolerance)
                if !claimMismatches.isEmpty, status != .failed {
                    (status, reason) = (.failed, InlineClaim.failureReason)
                } else if claimMismatches.isEmpty, status == .ran {
                    status = .passed
                }
            }
        }
    }

    private static func judge(_ cell: Cell, _ outcome: CellOutcome) -> (Status, String?) {
        let options = cell.options
        let matchesBlock: Bool? = cell.expected.flatMap { expected in
            options.check ? OutputComparison.matches(outcome.shownText, expected.text, tolerance: options.tolerance) : nil
        }
        if let exception = outcome.exception {
            if let raises = options.raises, !exception.isExpected(by: raises) {
                return (.failed, "expected \(raises) to be raised, got \(exception.lastLine)")
            }
            if options.raises == nil {
                // An output block that ends with this very exception declares it (PyTorch goldens are made so).
                return matchesBlock == true ? (.passed, nil) : (.failed, "raised \(exception.lastLine)")
            }
        } else if let raises = options.raises {
            return (.failed, "expected \(raises) to be raised, but the cell completed")
        }
        switch matchesBlock {
        case true?: return (.passed, nil)
        case false?: return (.failed, "output differs")
        case nil: return (options.raises != nil || options.exercise != nil ? .passed : .ran, nil)
        }
    }
}
