import Lessons

/// What a handout says about a cell's state, in words a student understands: an error the
/// lesson meant to raise is "expected", a tolerance is stated, a failure says so.
enum CellLabels {
    struct Label: Equatable {
        enum Tone: String {
            case pass, fail, expected, neutral
        }
        var text: String
        var tone: Tone
    }

    static func labels(for result: CellResult) -> [Label] {
        let options = result.cell.options
        var labels: [Label] = []
        switch result.status {
        case .passed:
            if let exception = result.outcome?.exception {
                labels.append(Label(text: "expected \(exception.typeName)", tone: .expected))
            } else if let raises = options.raises {
                labels.append(Label(text: "expected \(raises)", tone: .expected))
            }
            if result.cell.expected != nil, options.check {
                let within = options.tolerance.map { " within \(tolerance($0))" } ?? ""
                labels.append(Label(text: "✓ output checked\(within)", tone: .pass))
            }
        case .failed:
            labels.append(Label(text: "✗ failed", tone: .fail))
            if let tolerance = options.tolerance {
                labels.append(Label(text: "compared within \(self.tolerance(tolerance))", tone: .neutral))
            }
        case .ran:
            if !options.check, result.cell.expected != nil {
                labels.append(Label(text: "not compared", tone: .neutral))
            }
        case .skipped:
            labels.append(Label(text: "skipped", tone: .neutral))
        case .notRun:
            labels.append(Label(text: "not run", tone: .neutral))
        }
        return labels
    }

    /// A tolerance as a teacher writes it: `1e-6`, `0.01`.
    static func tolerance(_ value: Double) -> String {
        let text = "\(value)"
        guard let e = text.firstIndex(of: "e") else { return text.hasSuffix(".0") ? String(text.dropLast(2)) : text }
        var mantissa = String(text[..<e])
        if mantissa.hasSuffix(".0") { mantissa = String(mantissa.dropLast(2)) }
        var exponent = String(text[text.index(after: e)...])
        let sign = exponent.hasPrefix("-") ? "-" : ""
        exponent = String(exponent.drop { $0 == "-" || $0 == "+" || $0 == "0" })
        return "\(mantissa)e\(sign)\(exponent.isEmpty ? "0" : exponent)"
    }
}
