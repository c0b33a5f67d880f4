/// Writes a `Notebook` as nbformat writes it: multi-line text as lists of lines, keys
/// sorted, one-space indentation, a final newline.
public enum NotebookWriter {
    public static func write(_ notebook: Notebook) -> String {
        JSONWriter.nbformat(json(notebook))
    }

    public static func json(_ notebook: Notebook) -> JSONValue {
        .object([
            "cells": .array(notebook.cells.map(json)),
            "metadata": notebook.metadata,
            "nbformat": .int(notebook.nbformat),
            "nbformat_minor": .int(notebook.nbformatMinor),
        ])
    }

    static func json(_ cell: NotebookCell) -> JSONValue {
        var members = [
            JSONMember("cell_type", .string(cell.kind.rawValue)),
            JSONMember("metadata", cell.metadata),
            JSONMember("source", lines(cell.source)),
        ]
        if let id = cell.id { members.append(JSONMember("id", .string(id))) }
        if let attachments = cell.attachments {
            members.append(JSONMember("attachments", .object((attachments.objectValue ?? []).map {
                JSONMember($0.key, splitBundle($0.value))
            })))
        }
        if cell.kind == .code {
            members.append(JSONMember("execution_count", cell.executionCount.map(JSONValue.int) ?? .null))
            members.append(JSONMember("outputs", .array(cell.outputs.map(json))))
        }
        return .object(members)
    }

    static func json(_ output: NotebookOutput) -> JSONValue {
        switch output {
        case .stream(let name, let text):
            return .object(["output_type": .string("stream"), "name": .string(name), "text": lines(text)])
        case .executeResult(let count, let data, let metadata):
            return .object(["output_type": .string("execute_result"), "execution_count": count.map(JSONValue.int) ?? .null,
                            "data": splitBundle(data), "metadata": metadata])
        case .displayData(let data, let metadata):
            return .object(["output_type": .string("display_data"), "data": splitBundle(data), "metadata": metadata])
        case .error(let name, let value, let traceback):
            return .object(["output_type": .string("error"), "ename": .string(name), "evalue": .string(value),
                            "traceback": .array(traceback.map(JSONValue.string))])
        }
    }

    private static func lines(_ text: String) -> JSONValue {
        .array(PythonLines.split(text).map(JSONValue.string))
    }

    /// Text entries written as lists of lines; JSON and binary (base64) entries as they are.
    private static func splitBundle(_ bundle: JSONValue) -> JSONValue {
        .object((bundle.objectValue ?? []).map { member in
            guard MIMEBundle.isSplitIntoLines(member.key), let text = MIMEBundle.text(bundle, member.key) else { return member }
            return JSONMember(member.key, lines(text))
        })
    }
}
