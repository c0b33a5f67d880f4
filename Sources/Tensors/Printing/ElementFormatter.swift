/// PyTorch's `_Formatter`: one per printed tensor, it looks at every displayed element once
/// to choose a notation and a common width, then formats each element to that width.
struct ElementFormatter {
    enum Notation: Equatable {
        /// `str(v)` of an integer or bool.
        case plain
        /// Floats whose finite non-zero values are all integral: `3.`
        case integralFloat
        /// `'{:.Nf}'`
        case fixed
        /// `'{:.Ne}'`
        case scientific
    }

    let notation: Notation
    let width: Int
    let precision: Int

    /// Chooses notation and width for float elements, as `_Formatter.__init__` does.
    init(floats values: [Double], options: PrintOptions) {
        precision = options.precision
        let candidates = values.filter { $0.isFinite && $0 != 0 }
        guard !candidates.isEmpty else {
            notation = .integralFloat
            width = 1
            return
        }
        var minAbs = Double.infinity, maxAbs = 0.0
        var integral = true
        for value in candidates {
            let magnitude = abs(value)
            minAbs = min(minAbs, magnitude)
            maxAbs = max(maxAbs, magnitude)
            if integral && value != value.rounded(.up) { integral = false }
        }
        let scientific = options.sciMode ?? (maxAbs / minAbs > 1000.0 || maxAbs > 1.0e8 || minAbs < 1.0e-4)
        var width = 1
        if scientific {
            for value in candidates {
                width = max(width, PythonFloatFormat.scientific(value, precision: precision).count)
            }
            notation = .scientific
        } else if integral {
            for value in candidates {
                width = max(width, PythonFloatFormat.fixed(value, precision: 0).count + 1)
            }
            notation = .integralFloat
        } else {
            for value in candidates {
                width = max(width, PythonFloatFormat.fixed(value, precision: precision).count)
            }
            notation = .fixed
        }
        self.width = width
    }

    /// Width is the longest `str(v)`, at least 1.
    init(integers values: [Int64]) {
        notation = .plain
        precision = 0
        width = values.reduce(1) { max($0, String($1).count) }
    }

    init(booleans values: [Bool]) {
        notation = .plain
        precision = 0
        width = values.reduce(1) { max($0, $1 ? 4 : 5) }
    }

    func format(_ value: Double) -> String {
        let text: String
        switch notation {
        case .scientific:
            text = PythonFloatFormat.scientific(value, precision: precision)
        case .integralFloat, .plain:
            let digits = PythonFloatFormat.fixed(value, precision: 0)
            text = value.isFinite ? digits + "." : digits
        case .fixed:
            text = PythonFloatFormat.fixed(value, precision: precision)
        }
        return padded(text)
    }

    func format(_ value: Int64) -> String { padded(String(value)) }

    func format(_ value: Bool) -> String { padded(value ? "True" : "False") }

    private func padded(_ text: String) -> String {
        let missing = width - text.count
        return missing > 0 ? String(repeating: " ", count: missing) + text : text
    }
}
