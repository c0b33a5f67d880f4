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

/// Reads a `.ipynb` file and checks it against the nbformat 4 schema's rules: required
/// keys, `cell_type` and `output_type` values, the types of sources, counts, outputs and
/// MIME bundles, cell ids from 4.5 on. Every problem is a `NotebookError` at its place;
/// nothing a file contains can crash the reader. Keys the schema does not know are ignored.
public enum NotebookReader {
    public static func read(_ url: URL, path: String) throws(NotebookError) -> Notebook {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw NotebookError(file: path, position: nil, location: "", message: "cannot read the notebook: \("\(error)")")
        }
        return try parse(Array(data), path: path)
    }

    public static func parse(_ bytes: [UInt8], path: String) throws(NotebookError) -> Notebook {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw NotebookError(file: path, position: JSONPosition(line: error.line, column: error.column),
                                location: "", message: "not valid JSON: \(error.message)")
        }
        return try Validation(file: path).notebook(root)
    }

    public static func parse(_ text: String, path: String) throws(NotebookError) -> Notebook {
        try parse(Array(text.utf8), path: path)
    }
}

/// The checks, one function per schema definition.
private struct Validation {
    let file: String

    func fail(_ value: JSONValue?, _ location: String, _ message: String) -> NotebookError {
        NotebookError(file: file, position: value?.position, location: location, message: message)
    }

    func object(_ value: JSONValue, _ location: String, what: String) throws(NotebookError) -> JSONValue {
        guard value.objectValue != nil else { throw fail(value, location, "\(what) must be an object, not \(value.typeDescription)") }
        return value
    }

    func member(_ key: String, of value: JSONValue, _ location: String) throws(NotebookError) -> JSONValue {
        guard let member = value[key] else { throw fail(value, location, "missing required key '\(key)'") }
        return member
    }

    func string(_ key: String, of value: JSONValue, _ location: String) throws(NotebookError) -> String {
        let member = try member(key, of: value, location)
        guard let text = member.stringValue else {
            throw fail(member, join(location, key), "'\(key)' must be a string, not \(member.typeDescription)")
        }
        return text
    }

    /// nbformat's "multiline string": a string, or a list of strings to concatenate.
    func multiline(_ value: JSONValue, _ location: String, key: String) throws(NotebookError) -> String {
        if let text = value.stringValue { return text }
        guard let items = value.arrayValue else {
            throw fail(value, location, "'\(key)' must be a string or a list of strings, not \(value.typeDescription)")
        }
        var text = ""
        for (index, item) in items.enumerated() {
            guard let line = item.stringValue else {
                throw fail(item, "\(location)[\(index)]", "'\(key)' must be a string or a list of strings, but item \(index) is \(item.typeDescription)")
            }
            text += line
        }
        return text
    }

    /// An execution count: a non-negative integer or null.
    func count(_ value: JSONValue, _ location: String) throws(NotebookError) -> Int? {
        if value.isNull { return nil }
        guard let number = value.intValue, number >= 0 else {
            throw fail(value, location, "'execution_count' must be a non-negative integer or null, not \(describe(value))")
        }
        return number
    }

    func join(_ location: String, _ key: String) -> String {
        location.isEmpty ? key : "\(location).\(key)"
    }

    func describe(_ value: JSONValue) -> String {
        if case .number(let written) = value.kind { return written }
        return value.typeDescription
    }

    // MARK: Schema definitions

    func notebook(_ root: JSONValue) throws(NotebookError) -> Notebook {
        _ = try object(root, "", what: "a notebook")
        let format = try member("nbformat", of: root, "")
        guard let major = format.intValue else {
            throw fail(format, "nbformat", "'nbformat' must be an integer, not \(describe(format))")
        }
        guard major == 4 else {
            throw fail(format, "nbformat", "nbformat \(major) notebooks are not supported, only nbformat 4 "
                + "(open and save the notebook in a current Jupyter to convert it)")
        }
        let minorValue = try member("nbformat_minor", of: root, "")
        guard let minor = minorValue.intValue, minor >= 0 else {
            throw fail(minorValue, "nbformat_minor", "'nbformat_minor' must be a non-negative integer, not \(describe(minorValue))")
        }
        let metadata = try object(try member("metadata", of: root, ""), "metadata", what: "'metadata'")
        try notebookMetadata(metadata)
        let cellsValue = try member("cells", of: root, "")
        guard let items = cellsValue.arrayValue else {
            throw fail(cellsValue, "cells", "'cells' must be a list, not \(cellsValue.typeDescription)")
        }
        var cells: [NotebookCell] = []
        var ids: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let cell = try self.cell(item, "cells[\(index)]", minor: minor)
            if let id = cell.id {
                if let first = ids[id] {
                    throw fail(item["id"], "cells[\(index)].id", "cell id '\(id)' is already the id of cells[\(first)]; cell ids must be unique")
                }
                ids[id] = index
            }
            cells.append(cell)
        }
        return Notebook(nbformatMinor: minor, metadata: metadata, cells: cells)
    }

    func notebookMetadata(_ metadata: JSONValue) throws(NotebookError) {
        if let kernel = metadata["kernelspec"] {
            _ = try object(kernel, "metadata.kernelspec", what: "'kernelspec'")
            _ = try string("name", of: kernel, "metadata.kernelspec")
            _ = try string("display_name", of: kernel, "metadata.kernelspec")
        }
        if let language = metadata["language_info"] {
            _ = try object(language, "metadata.language_info", what: "'language_info'")
            _ = try string("name", of: language, "metadata.language_info")
        }
    }

    func cell(_ value: JSONValue, _ location: String, minor: Int) throws(NotebookError) -> NotebookCell {
        _ = try object(value, location, what: "a cell")
        let typeValue = try member("cell_type", of: value, location)
        guard let typeName = typeValue.stringValue, let kind = NotebookCell.Kind(rawValue: typeName) else {
            throw fail(typeValue, join(location, "cell_type"),
                       "'cell_type' must be \"markdown\", \"code\" or \"raw\", not \(typeValue.stringValue.map { "\"\($0)\"" } ?? describe(typeValue))")
        }
        var id: String?
        if let idValue = value[ "id"] {
            id = try cellID(idValue, join(location, "id"))
        } else if minor >= 5 {
            throw fail(value, location, "missing required key 'id' (cell ids are required from nbformat 4.5 on)")
        }
        let metadata = try object(try member("metadata", of: value, location), join(location, "metadata"), what: "'metadata'")
        let source = try multiline(try member("source", of: value, location), join(location, "source"), key: "source")
        var cell = NotebookCell(kind: kind, id: id, source: source, metadata: metadata)
        switch kind {
        case .code:
            cell.executionCount = try count(try member("execution_count", of: value, location), join(location, "execution_count"))
            let outputsValue = try member("outputs", of: value, location)
            guard let outputs = outputsValue.arrayValue else {
                throw fail(outputsValue, join(location, "outputs"), "'outputs' must be a list, not \(outputsValue.typeDescription)")
            }
            for (index, output) in outputs.enumerated() {
                cell.outputs.append(try self.output(output, "\(location).outputs[\(index)]"))
            }
        case .markdown, .raw:
            if let attachments = value["attachments"] {
                let place = join(location, "attachments")
                _ = try object(attachments, place, what: "'attachments'")
                for member in attachments.objectValue ?? [] {
                    _ = try mimeBundle(member.value, "\(place)[\"\(member.key)\"]")
                }
                cell.attachments = attachments
            }
        }
        return cell
    }

    func cellID(_ value: JSONValue, _ location: String) throws(NotebookError) -> String {
        guard let id = value.stringValue else { throw fail(value, location, "'id' must be a string, not \(value.typeDescription)") }
        let allowed = id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
        guard (1...64).contains(id.unicodeScalars.count), allowed else {
            throw fail(value, location, "cell id '\(id)' must be 1 to 64 letters, digits, '-' or '_'")
        }
        return id
    }

    func output(_ value: JSONValue, _ location: String) throws(NotebookError) -> NotebookOutput {
        _ = try object(value, location, what: "an output")
        let typeValue = try member("output_type", of: value, location)
        let type = typeValue.stringValue
        switch type {
        case "stream":
            let name = try string("name", of: value, location)
            let text = try multiline(try member("text", of: value, location), join(location, "text"), key: "text")
            return .stream(name: name, text: text)
        case "execute_result":
            let count = try count(try member("execution_count", of: value, location), join(location, "execution_count"))
            let data = try mimeBundle(try member("data", of: value, location), join(location, "data"))
            let metadata = try object(try member("metadata", of: value, location), join(location, "metadata"), what: "'metadata'")
            return .executeResult(executionCount: count, data: data, metadata: metadata)
        case "display_data":
            let data = try mimeBundle(try member("data", of: value, location), join(location, "data"))
            let metadata = try object(try member("metadata", of: value, location), join(location, "metadata"), what: "'metadata'")
            return .displayData(data: data, metadata: metadata)
        case "error":
            let name = try string("ename", of: value, location)
            let evalue = try string("evalue", of: value, location)
            let tracebackValue = try member("traceback", of: value, location)
            guard let items = tracebackValue.arrayValue else {
                throw fail(tracebackValue, join(location, "traceback"), "'traceback' must be a list of strings, not \(tracebackValue.typeDescription)")
            }
            var traceback: [String] = []
            for (index, item) in items.enumerated() {
                guard let line = item.stringValue else {
                    throw fail(item, "\(location).traceback[\(index)]", "'traceback' must be a list of strings, but item \(index) is \(item.typeDescription)")
                }
                traceback.append(line)
            }
            return .error(name: name, value: evalue, traceback: traceback)
        default:
            throw fail(typeValue, join(location, "output_type"), "'output_type' must be \"stream\", \"execute_result\", \"display_data\" "
                + "or \"error\", not \(type.map { "\"\($0)\"" } ?? describe(typeValue))")
        }
    }

    /// A MIME bundle: an object whose text entries are strings or lists of strings. Lists
    /// are joined, as nbformat does on reading (it splits text entries again on writing).
    func mimeBundle(_ value: JSONValue, _ location: String) throws(NotebookError) -> JSONValue {
        _ = try object(value, location, what: "a MIME bundle")
        var members: [JSONMember] = []
        for member in value.objectValue ?? [] {
            guard !MIMEBundle.isJSON(member.key) else {
                members.append(member)
                continue
            }
            let text = try multiline(member.value, "\(location)[\"\(member.key)\"]", key: member.key)
            members.append(JSONMember(member.key, JSONValue(.string(text), at: member.value.position)))
        }
        return JSONValue(.object(members), at: value.position)
    }
}
