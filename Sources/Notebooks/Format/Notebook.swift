/// A Jupyter notebook (nbformat 4) as Swift values: what import reads and export writes.
/// Metadata is kept as JSON, untouched, so whatever Jupyter, VS Code or Colab stored there
/// comes back out as it went in.
public struct Notebook: Sendable, Equatable {
    /// Always 4: older major versions are refused when read.
    public var nbformat = 4
    public var nbformatMinor: Int
    /// The notebook's `metadata` object (kernelspec, language_info, anything else).
    public var metadata: JSONValue
    public var cells: [NotebookCell]

    public init(nbformatMinor: Int = 5, metadata: JSONValue, cells: [NotebookCell]) {
        self.nbformatMinor = nbformatMinor
        self.metadata = metadata
        self.cells = cells
    }

    /// The kernel's language, from `kernelspec.language` or `language_info.name`.
    public var language: String? {
        metadata["kernelspec"]?["language"]?.stringValue ?? metadata["language_info"]?["name"]?.stringValue
    }
}

/// One notebook cell. `source` is the cell's text joined into one string, exactly as
/// stored (a list of lines is concatenated, as nbformat does).
public struct NotebookCell: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case markdown, code, raw
    }

    public var kind: Kind
    /// Required from nbformat 4.5 on: letters, digits, `-` and `_`, 1 to 64 of them.
    public var id: String?
    public var source: String
    public var metadata: JSONValue
    /// Markdown and raw cells: `{"name.png": {"image/png": "base64..."}}`.
    public var attachments: JSONValue?
    /// Code cells only.
    public var outputs: [NotebookOutput]
    public var executionCount: Int?

    public init(kind: Kind, id: String? = nil, source: String, metadata: JSONValue = .object([]),
                attachments: JSONValue? = nil, outputs: [NotebookOutput] = [], executionCount: Int? = nil) {
        self.kind = kind
        self.id = id
        self.source = source
        self.metadata = metadata
        self.attachments = attachments
        self.outputs = outputs
        self.executionCount = executionCount
    }
}

/// One stored output of a code cell.
public enum NotebookOutput: Sendable, Equatable {
    /// Printed text: `name` is `stdout` or `stderr`.
    case stream(name: String, text: String)
    /// The value of the cell's last expression; `data` is a MIME bundle.
    case executeResult(executionCount: Int?, data: JSONValue, metadata: JSONValue)
    /// Anything shown with `display()`, figures included.
    case displayData(data: JSONValue, metadata: JSONValue)
    /// The exception that ended the cell.
    case error(name: String, value: String, traceback: [String])

    /// The `text/plain` entry of an execute_result or display_data bundle.
    public var plainText: String? {
        switch self {
        case .executeResult(_, let data, _), .displayData(let data, _): MIMEBundle.text(data, "text/plain")
        default: nil
        }
    }

    /// The MIME types of an execute_result or display_data bundle, in written order.
    public var mimeTypes: [String] {
        switch self {
        case .executeResult(_, let data, _), .displayData(let data, _): (data.objectValue ?? []).map(\.key)
        default: []
        }
    }
}

/// Helpers for MIME bundles (`{"text/plain": ..., "image/png": ...}`).
public enum MIMEBundle {
    /// The entry for `mime` as one string (a list of lines is joined).
    public static func text(_ bundle: JSONValue, _ mime: String) -> String? {
        guard let value = bundle[mime] else { return nil }
        if let text = value.stringValue { return text }
        guard let lines = value.arrayValue else { return nil }
        return lines.compactMap(\.stringValue).joined()
    }

    /// Whether a bundle entry is stored as JSON rather than text (`application/json`, `*+json`).
    public static func isJSON(_ mime: String) -> Bool {
        mime == "application/json" || (mime.hasPrefix("application/") && mime.hasSuffix("+json"))
    }

    /// Whether nbformat writes the entry as a list of lines.
    static func isSplitIntoLines(_ mime: String) -> Bool {
        mime.hasPrefix("text/") || mime == "application/javascript" || mime == "image/svg+xml"
    }
}
