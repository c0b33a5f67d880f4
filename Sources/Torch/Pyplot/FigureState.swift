import Figures
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
import Interpreter

/// Reads a pyplot `Figure` object back as `Figures.Figure`. The Python side keeps each
/// figure's and axes' state in a dict `_d` shaped as the Codable model, so reading it is
/// one walk to JSON and one decode: no second description of the model to keep in step.
enum FigureState {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    static func decode(_ figure: PyValue) throws -> Figures.Figure {
        var json = ""
        try write(figure, into: &json, depth: 0)
        do {
            return try JSONDecoder().decode(Figures.Figure.self, from: Data(json.utf8))
        } catch {
            throw Unreadable(description: "\(error)")
        }
    }

    /// Python value → JSON text. Instances stand for their `_d` dict; non-finite floats
    /// become the strings `Numbers` reads back.
    private static func write(_ value: PyValue, into json: inout String, depth: Int) throws {
        guard depth < 32 else { throw Unreadable(description: "figure state nested too deeply") }
        switch value {
        case .none: json += "null"
        case .bool(let b): json += b ? "true" : "false"
        case .int(let i): json += String(i)
        case .float(let d):
            if d.isFinite { json += "\(d)" } else { json += d.isNaN ? "\"nan\"" : (d > 0 ? "\"inf\"" : "\"-inf\"") }
        case .str(let s): writeString(s, into: &json)
        case .object(let object):
            if let list = object as? PyList { try writeArray(list.items, into: &json, depth: depth) }
            else if let tuple = object as? PyTuple { try writeArray(tuple.items, into: &json, depth: depth) }
            else if let dict = object as? PyDict {
                json += "{"
                var first = true
                for (key, item) in dict.items {
                    guard let name = key.asString else { throw Unreadable(description: "a state key is not a string") }
                    if case .none = item { continue }
                    if !first { json += "," }
                    first = false
                    writeString(name, into: &json)
                    json += ":"
                    try write(item, into: &json, depth: depth + 1)
                }
                json += "}"
            } else if let instance = object as? PyInstance, let state = instance.attribute("_d") {
                try write(state, into: &json, depth: depth + 1)
            } else {
                throw Unreadable(description: "unexpected value in figure state")
            }
        }
    }

    private static func writeArray(_ items: [PyValue], into json: inout String, depth: Int) throws {
        json += "["
        for (index, item) in items.enumerated() {
            if index > 0 { json += "," }
            try write(item, into: &json, depth: depth + 1)
        }
        json += "]"
    }

    private static func writeString(_ s: String, into json: inout String) {
        json += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            default:
                if scalar.value < 0x20 { json += cFormat("\\u%04x", scalar.value) } else { json.unicodeScalars.append(scalar) }
            }
        }
        json += "\""
    }
}
