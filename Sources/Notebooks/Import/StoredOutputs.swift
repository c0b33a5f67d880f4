/// Turns a code cell's stored outputs into the text of a Gradbook output block: what was
/// printed, then the value of the last expression, then the exception's last line (DESIGN.md,
/// "Expected output"). What Gradbook never prints (images, `display()` output, warnings on
/// stderr) is left out with a warning.
struct StoredOutputs {
    /// The output block's text; empty when there is nothing to compare.
    var text = ""
    /// The exception the stored run ended with: the cell gets `#| raises:` it.
    var raised: String?
    var warnings: [String] = []

    init(_ outputs: [NotebookOutput]) {
        for output in outputs {
            switch output {
            case .stream(let name, let stream):
                if name == "stderr", Self.looksLikeWarning(stream) {
                    warnings.append("a warning on stderr is left out of the output block (Gradbook shows warnings but never compares them)")
                } else {
                    text += stream
                }
            case .executeResult:
                if let plain = output.plainText {
                    text += plain + "\n"
                }
                noteDropped(output, keeping: "text/plain")
            case .displayData:
                noteDropped(output, keeping: nil)
            case .error(let name, let value, _):
                if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
                text += value.isEmpty ? name + "\n" : "\(name): \(value)\n"
                raised = name
            }
        }
    }

    private mutating func noteDropped(_ output: NotebookOutput, keeping kept: String?) {
        let dropped = output.mimeTypes.filter { $0 != kept }
        guard !dropped.isEmpty else { return }
        let images = dropped.filter { $0.hasPrefix("image/") }
        if !images.isEmpty {
            warnings.append("image output (\(images.joined(separator: ", "))) dropped: Gradbook draws its own figures when the cell runs")
        } else if kept == nil {
            warnings.append("display output (\(dropped.joined(separator: ", "))) dropped: a lesson's output is printed text and the last value")
        } else {
            warnings.append("rich output (\(dropped.joined(separator: ", "))) dropped, its text/plain kept")
        }
    }

    /// Python's warning format: `file:line: SomethingWarning: message`.
    static func looksLikeWarning(_ text: String) -> Bool {
        guard let first = text.split(separator: "\n").first else { return false }
        return first.split(separator: " ").contains { $0.hasSuffix("Warning:") } && first.contains(":")
    }
}
