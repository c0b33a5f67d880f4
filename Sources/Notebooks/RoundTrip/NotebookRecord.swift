/// What an imported lesson keeps of its notebook that Markdown has no place for: the
/// notebook's metadata, and each cell's id, metadata and the changes import made to its
/// text (option lines it added, magics it commented out, attachments it wrote beside).
/// It sits on the lesson's last line as an HTML comment, invisible in handouts, so that
/// export gives back the same notebook with only its outputs new.
public struct NotebookRecord: Sendable, Equatable {
    public var nbformatMinor: Int
    public var metadata: JSONValue
    public var cells: [Entry]

    public struct Entry: Sendable, Equatable {
        public var kind: NotebookCell.Kind
        public var id: String?
        public var metadata: JSONValue
        /// `#|` lines import put first in a code cell (`raises: ZeroDivisionError`), without `#| `.
        public var addedOptions: [String] = []
        /// How import commented out IPython syntax in a code cell, if it did.
        public var commentedMagics: IPythonSyntax.Commenting?
        /// Attachments written beside the lesson: name and MIME type, in stored order.
        public var attachments: [Attachment] = []

        public init(kind: NotebookCell.Kind, id: String?, metadata: JSONValue) {
            self.kind = kind
            self.id = id
            self.metadata = metadata
        }
    }

    public struct Attachment: Sendable, Equatable {
        public var name: String
        public var mimeType: String
    }

    public init(nbformatMinor: Int, metadata: JSONValue, cells: [Entry]) {
        self.nbformatMinor = nbformatMinor
        self.metadata = metadata
        self.cells = cells
    }

    static let prefix = "<!-- gradbook-notebook: "
    static let suffix = " -->"

    /// Whether `line` is a record line.
    static func isRecordLine(_ line: String) -> Bool {
        line.hasPrefix(prefix) && line.hasSuffix(suffix)
    }

    /// The record as one comment line (no terminator).
    public var line: String {
        let cells: [JSONValue] = self.cells.map { entry in
            var members = [JSONMember("kind", .string(entry.kind.rawValue))]
            if let id = entry.id { members.append(JSONMember("id", .string(id))) }
            if entry.metadata.objectValue?.isEmpty == false { members.append(JSONMember("metadata", entry.metadata)) }
            if !entry.addedOptions.isEmpty { members.append(JSONMember("options", .array(entry.addedOptions.map(JSONValue.string)))) }
            if let magics = entry.commentedMagics { members.append(JSONMember("magics", .string(magics.rawValue))) }
            if !entry.attachments.isEmpty {
                members.append(JSONMember("attachments", .array(entry.attachments.map {
                    .object(["name": .string($0.name), "type": .string($0.mimeType)])
                })))
            }
            return .object(members)
        }
        let value = JSONValue.object(["nbformat_minor": .int(nbformatMinor), "metadata": metadata, "cells": .array(cells)])
        return Self.prefix + JSONWriter.compact(value, hidingCommentEnd: true) + Self.suffix
    }

    /// Reads a record line; nil when it is not one or does not hold a well-formed record
    /// (a lesson edited by hand then exports as a lesson that never was a notebook).
    public init?(line: String) {
        guard Self.isRecordLine(line),
              let value = try? JSONParser.parse(String(line.dropFirst(Self.prefix.count).dropLast(Self.suffix.count))),
              let minor = value["nbformat_minor"]?.intValue, let metadata = value["metadata"], metadata.objectValue != nil,
              let items = value["cells"]?.arrayValue else { return nil }
        var cells: [Entry] = []
        for item in items {
            guard let kindName = item["kind"]?.stringValue, let kind = NotebookCell.Kind(rawValue: kindName) else { return nil }
            var entry = Entry(kind: kind, id: item["id"]?.stringValue, metadata: item["metadata"] ?? .object([]))
            entry.addedOptions = item["options"]?.arrayValue?.compactMap(\.stringValue) ?? []
            entry.commentedMagics = item["magics"]?.stringValue.flatMap(IPythonSyntax.Commenting.init(rawValue:))
            entry.attachments = (item["attachments"]?.arrayValue ?? []).compactMap { attachment in
                guard let name = attachment["name"]?.stringValue, let type = attachment["type"]?.stringValue else { return nil }
                return Attachment(name: name, mimeType: type)
            }
            cells.append(entry)
        }
        self.init(nbformatMinor: minor, metadata: metadata, cells: cells)
    }
}
