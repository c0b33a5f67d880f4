import Lessons
import Reports

/// A code cell's Gradbook outputs in Jupyter's terms: printed text as a `stdout` stream,
/// warnings as a `stderr` stream, the last expression's repr as an `execute_result`, the
/// exception as an `error` with its traceback.
enum CellOutputs {
    static func outputs(of outcome: CellOutcome, executionCount: Int) -> [NotebookOutput] {
        var outputs: [NotebookOutput] = []
        let printed = outcome.printed
        if !printed.isEmpty { outputs.append(.stream(name: "stdout", text: printed)) }
        if !outcome.warnings.isEmpty { outputs.append(.stream(name: "stderr", text: outcome.warnings)) }
        outputs += figures(of: outcome)
        if let result = outcome.result {
            outputs.append(.executeResult(executionCount: executionCount, data: .object(["text/plain": .string(result)]),
                                          metadata: .object([])))
        }
        if let exception = outcome.exception {
            outputs.append(error(exception))
        }
        return outputs
    }

    /// Figures the cell drew, as `image/svg+xml` display_data with matplotlib's text/plain
    /// (`<Figure size 640x480 with 1 Axes>`), in drawing order.
    static func figures(of outcome: CellOutcome) -> [NotebookOutput] {
        outcome.figures.enumerated().map { index, figure in
            let size = "\(Int((figure.width * 100).rounded()))x\(Int((figure.height * 100).rounded()))"
            let plain = "<Figure size \(size) with \(figure.axes.count) Axes>"
            return .displayData(data: .object(["image/svg+xml": .string(FigureSVG.render(figure, id: "fig-\(index + 1)")),
                                               "text/plain": .string(plain)]),
                                metadata: .object([]))
        }
    }

    static func error(_ exception: RaisedException) -> NotebookOutput {
        let last = exception.lastLine
        let prefix = exception.typeName + ": "
        let value: String
        if last.hasPrefix(prefix) {
            value = String(last.dropFirst(prefix.count))
        } else if let separator = last.firstRange(of: ": ") {
            value = String(last[separator.upperBound...])
        } else {
            value = ""
        }
        var traceback = exception.traceback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while traceback.last?.isEmpty == true { traceback.removeLast() }
        return .error(name: exception.typeName, value: value, traceback: traceback)
    }
}
