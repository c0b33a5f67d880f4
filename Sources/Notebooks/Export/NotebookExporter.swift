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

/// Writes a run lesson as an nbformat 4.5 notebook whose code cells carry Gradbook's
/// outputs. An imported lesson gets its notebook's metadata, cell ids and cell metadata
/// back from its `NotebookRecord`, and its cells' text as the notebook had it; any other
/// lesson gets a Python 3 kernelspec and ids derived from its cells' text, stable from one
/// export to the next.
public enum NotebookExporter {
    public struct Result: Sendable {
        public var notebook: Notebook
        public var warnings: [String]
    }

    /// `readFile` reads a path relative to the lesson's folder (attachments written by import).
    public static func notebook(from result: LessonResult, readFile: (String) -> Data?) -> Result {
        let lesson = result.lesson
        let layout = LessonCells(lesson)
        let record = layout.record
        var warnings: [String] = []
        var cells: [NotebookCell] = []
        var usedIDs: Set<String> = []
        var matching = record != nil
        var executionCount = 0
        for (position, part) in layout.parts.enumerated() {
            var entry: NotebookRecord.Entry?
            if matching, let record, position < record.cells.count, record.cells[position].kind == part.kind {
                entry = record.cells[position]
            } else {
                // A cell added or moved since import: the record no longer lines up after it.
                matching = false
            }
            var cell = NotebookCell(kind: part.kind, source: part.text, metadata: entry?.metadata ?? .object([]))
            switch part.kind {
            case .code:
                let lessonCell = result.cells[part.codeCell!]
                cell.source = codeSource(lessonCell.cell.source, entry: entry)
                if case let outcome? = lessonCell.outcome {
                    executionCount += 1
                    cell.executionCount = executionCount
                    cell.outputs = CellOutputs.outputs(of: outcome, executionCount: executionCount)
                }
            case .markdown, .raw:
                cell.source = ExampleFences.unescape(cell.source)
                if let entry, !entry.attachments.isEmpty {
                    cell.attachments = attachments(entry.attachments, lesson: lesson.name, source: &cell.source,
                                                   readFile: readFile, warnings: &warnings)
                }
            }
            cell.id = uniqueID(preferred: entry?.id ?? (part.codeCell.flatMap { result.cells[$0].cell.options.id }),
                               cell: cell, used: &usedIDs)
            cells.append(cell)
        }
        var metadata = record?.metadata ?? NotebookDefaults.metadata
        if record == nil, let title = lesson.frontMatter.title {
            metadata = metadata.setting("title", to: .string(title))
        }
        return Result(notebook: Notebook(nbformatMinor: 5, metadata: metadata, cells: cells), warnings: warnings)
    }

    /// The code as the notebook had it: without the option lines import added, its magics
    /// uncommented, and without the final newline every lesson cell line has.
    private static func codeSource(_ source: String, entry: NotebookRecord.Entry?) -> String {
        var text = source
        if let entry {
            for option in entry.addedOptions {
                let line = "#| \(option)\n"
                if text.hasPrefix(line) { text.removeFirst(line.count) }
            }
            if let commenting = entry.commentedMagics { text = IPythonSyntax.uncomment(text, commenting) }
        }
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    private static func attachments(_ names: [NotebookRecord.Attachment], lesson: String, source: inout String,
                                    readFile: (String) -> Data?, warnings: inout [String]) -> JSONValue {
        var members: [JSONMember] = []
        for attachment in names {
            let path = "\(lesson).attachments/\(attachment.name)"
            guard let data = readFile(path) else {
                warnings.append("attachment \(path) is missing: the Markdown keeps its link to the file")
                continue
            }
            let stored = attachment.mimeType == "image/svg+xml" ? String(decoding: data, as: UTF8.self) : data.base64EncodedString()
            members.append(JSONMember(attachment.name, .object([JSONMember(attachment.mimeType, .string(stored))])))
            source = source.replacing(path, with: "attachment:\(attachment.name)")
        }
        return .object(members)
    }

    /// The preferred id when it is free, else one made from the cell's kind and text.
    private static func uniqueID(preferred: String?, cell: NotebookCell, used: inout Set<String>) -> String {
        if let preferred, !used.contains(preferred) {
            used.insert(preferred)
            return preferred
        }
        let base = hashID(cell.kind.rawValue + "\n" + cell.source)
        var id = base
        var counter = 2
        while used.contains(id) {
            id = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(id)
        return id
    }

    /// 64-bit FNV-1a of the text, as 16 hex digits: no randomness, so exports are reproducible.
    private static func hashID(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
