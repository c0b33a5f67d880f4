#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lessons

/// Writes a notebook as a lesson: Markdown cells as prose, code cells as ```` ```python ````
/// cells followed by their stored text output as an ```` ```output ```` block (so `gradbook
/// check` says at once where the notebook's outputs no longer hold), a cell whose stored
/// run raised marked `#| raises:` so the lesson goes on. What the lesson format has no
/// place for is kept in a `NotebookRecord` comment at its end, so export gives the same
/// cells back byte for byte.
public enum NotebookImporter {
    /// The lesson text and the files to write beside it.
    public struct Result: Sendable {
        public var lesson: String
        /// Markdown attachments, at paths relative to the lesson's folder.
        public var attachments: [(path: String, data: Data)]
        public var warnings: [ImportWarning]
    }

    /// `name` is the lesson's file name without `.md`: attachments go to `name.attachments/`.
    /// Throws when the notebook's kernel is not Python.
    /// `keepingRecord: false` leaves the `NotebookRecord` out: a script has no ids or
    /// metadata worth keeping, and its lesson reads better without.
    public static func lesson(from notebook: Notebook, name: String, file: String,
                              keepingRecord: Bool = true) throws(NotebookError) -> Result {
        if let language = notebook.language, language.lowercased() != "python" {
            throw NotebookError(file: file, position: notebook.metadata.position, location: "metadata",
                                message: "the notebook's kernel language is '\(language)': Gradbook lessons run Python only")
        }
        var builder = Builder(name: name)
        for (index, cell) in notebook.cells.enumerated() {
            builder.add(cell, location: "cells[\(index)]")
        }
        let title = notebook.metadata["title"]?.stringValue ?? builder.firstHeading ?? name
        let record = NotebookRecord(nbformatMinor: notebook.nbformatMinor, metadata: notebook.metadata, cells: builder.entries)
        var text = "---\ntitle: \(frontMatterValue(title))\n---\n"
        for item in builder.items { text += "\n" + item }
        if keepingRecord { text += "\n" + record.line + "\n" }
        try check(text, codeCells: notebook.cells.filter { $0.kind == .code }.count, file: file)
        return Result(lesson: text, attachments: builder.attachments, warnings: builder.warnings)
    }

    /// The title on one line, quoted when quotes at its ends would otherwise be taken off.
    private static func frontMatterValue(_ title: String) -> String {
        let line = title.split(whereSeparator: \.isNewline).joined(separator: " ").trimmedOfWhitespace()
        if let first = line.first, first == line.last, line.count >= 2, first == "\"" || first == "'" { return "'\(line)'" }
        return line
    }

    /// The lesson must parse and have one cell per code cell, or round trips would break.
    private static func check(_ text: String, codeCells: Int, file: String) throws(NotebookError) {
        let lesson: Lesson
        do { lesson = try LessonParser.parse(text, path: "lesson") } catch {
            throw NotebookError(file: file, position: nil, location: "",
                                message: "the lesson made from it does not parse (line \(error.line): \(error.message))")
        }
        guard lesson.cells.count == codeCells else {
            throw NotebookError(file: file, position: nil, location: "",
                                message: "the lesson made from it has \(lesson.cells.count) code cells instead of \(codeCells) "
                                    + "(is a code fence in a Markdown cell left open?)")
        }
    }
}

/// The lesson's parts, cell by cell.
private struct Builder {
    let name: String
    var items: [String] = []
    var entries: [NotebookRecord.Entry] = []
    var attachments: [(path: String, data: Data)] = []
    var warnings: [ImportWarning] = []
    var firstHeading: String?
    private var previous: NotebookCell.Kind?

    init(name: String) {
        self.name = name
    }

    mutating func add(_ cell: NotebookCell, location: String) {
        var entry = NotebookRecord.Entry(kind: cell.kind, id: cell.id, metadata: cell.metadata)
        switch cell.kind {
        case .markdown, .raw:
            if cell.kind == .raw {
                items.append(CellMarker.raw + "\n")
            } else if previous == .markdown || previous == .raw {
                items.append(CellMarker.markdown + "\n")
            }
            var text = ExampleFences.escape(cell.source)
            if cell.kind == .markdown {
                if firstHeading == nil { firstHeading = MarkdownDocument(parsing: cell.source + "\n").firstTitle }
                text = placeAttachments(of: cell, in: text, entry: &entry, location: location)
            } else if cell.attachments != nil {
                warnings.append(ImportWarning(location: location, message: "attachments of a raw cell dropped"))
            }
            items.append(text + "\n")
        case .code:
            items.append(code(cell, entry: &entry, location: location))
        }
        entries.append(entry)
        previous = cell.kind
    }

    private mutating func code(_ cell: NotebookCell, entry: inout NotebookRecord.Entry, location: String) -> String {
        let (source, commenting, touched) = IPythonSyntax.commentOut(cell.source)
        entry.commentedMagics = commenting
        switch commenting {
        case .cell?:
            warnings.append(ImportWarning(location: location, message: "cell magic '\(touched[0])' is not Python: the whole cell is commented out"))
        case .lines?:
            for line in touched {
                warnings.append(ImportWarning(location: location, message: "IPython line '\(line)' commented out"))
            }
        case nil:
            break
        }
        var stored = StoredOutputs(cell.outputs)
        warnings += stored.warnings.map { ImportWarning(location: location, message: $0) }
        if commenting == .cell, !stored.text.isEmpty {
            // Nothing of the cell runs any more: what it printed can never be printed again.
            warnings.append(ImportWarning(location: location, message: "its stored output is left out"))
            stored = StoredOutputs([])
        }
        if let raised = stored.raised, !Self.declaresRaises(source) {
            entry.addedOptions = ["raises: \(raised)"]
        }
        let body = entry.addedOptions.map { "#| \($0)\n" }.joined() + source + "\n"
        let fence = Self.fence(for: body)
        var text = fence + "python\n" + body + fence + "\n"
        if !stored.text.isEmpty {
            let output = stored.text.hasSuffix("\n") ? stored.text : stored.text + "\n"
            let outputFence = Self.fence(for: output)
            text += "\n" + outputFence + "output\n" + output + outputFence + "\n"
        }
        return text
    }

    /// Writes `attachment:` images beside the lesson and points the Markdown at them.
    private mutating func placeAttachments(of cell: NotebookCell, in text: String, entry: inout NotebookRecord.Entry,
                                           location: String) -> String {
        var text = text
        for member in cell.attachments?.objectValue ?? [] {
            guard let mime = member.value.objectValue?.first?.key, let stored = MIMEBundle.text(member.value, mime),
                  let data = mime == "image/svg+xml" ? Data(stored.utf8) : Data(base64Encoded: stored, options: .ignoreUnknownCharacters),
                  mime.hasPrefix("image/"), Self.isPlainFileName(member.key) else {
                warnings.append(ImportWarning(location: location, message: "attachment '\(member.key)' dropped: it is not an image"))
                continue
            }
            let path = "\(name).attachments/\(member.key)"
            attachments.append((path, data))
            entry.attachments.append(NotebookRecord.Attachment(name: member.key, mimeType: mime))
            text = text.replacing("attachment:\(member.key)", with: path)
        }
        return text
    }

    /// Whether the cell's own `#|` lines already say `raises:` (a notebook exported from a lesson).
    private static func declaresRaises(_ source: String) -> Bool {
        source.split(separator: "\n", omittingEmptySubsequences: false).prefix(while: CellOptions.isOptionLine).contains {
            $0.drop(while: { $0 == " " || $0 == "\t" }).dropFirst(2).drop(while: { $0 == " " }).hasPrefix("raises:")
        }
    }

    private static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\")
    }

    /// A backtick fence longer than any backtick run that starts a line of `text`.
    static func fence(for text: String) -> String {
        var length = 3
        for line in text.split(separator: "\n") {
            let run = line.drop(while: { $0 == " " }).prefix(while: { $0 == "`" }).count
            if run >= length { length = run + 1 }
        }
        return String(repeating: "`", count: length)
    }
}
