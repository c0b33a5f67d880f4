/// A JSON document as Swift values, each remembering where it stood in the text, so that a
/// notebook that breaks the nbformat rules is reported at the offending value's line and
/// column. Objects keep their members in written order, and numbers keep their written
/// text, so unknown metadata survives a read and a write unchanged.
public struct JSONValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// The number as written (`1`, `-0.5e3`): never rounded through a Double.
        case number(String)
        case string(String)
        case array([JSONValue])
        case object([JSONMember])
    }

    public var kind: Kind
    /// Where the value starts in the parsed text; nil for values built in code.
    public var position: JSONPosition?

    public init(_ kind: Kind, at position: JSONPosition? = nil) {
        self.kind = kind
        self.position = position
    }

    /// Two values are equal when their contents are: positions do not count.
    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.kind == b.kind }
}

/// One `"key": value` member of an object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A 1-based line and column (in characters) in a JSON text.
public struct JSONPosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

extension JSONValue {
    public static let null = JSONValue(.null)
    public static func string(_ text: String) -> JSONValue { JSONValue(.string(text)) }
    public static func bool(_ flag: Bool) -> JSONValue { JSONValue(.bool(flag)) }
    public static func int(_ number: Int) -> JSONValue { JSONValue(.number(String(number))) }
    public static func array(_ items: [JSONValue]) -> JSONValue { JSONValue(.array(items)) }
    public static func object(_ members: [JSONMember]) -> JSONValue { JSONValue(.object(members)) }
    /// An object from `(key, value)` pairs, in the given order.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        JSONValue(.object(pairs.map { JSONMember($0.key, $0.value) }))
    }

    /// The value of member `key` (the last one, as Python's `json` keeps, when repeated).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    public var stringValue: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = kind { return items }
        return nil
    }

    public var objectValue: [JSONMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The value as an integer when it is a number written without fraction or exponent.
    public var intValue: Int? {
        if case .number(let text) = kind { return Int(text) }
        return nil
    }

    public var isNull: Bool { kind == .null }

    /// The same object with member `key` set (replaced in place, or appended).
    public func setting(_ key: String, to value: JSONValue) -> JSONValue {
        var members = objectValue ?? []
        if let index = members.lastIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(JSONMember(key, value))
        }
        return JSONValue(.object(members), at: position)
    }

    /// The same object without member `key`.
    public func removing(_ key: String) -> JSONValue {
        JSONValue(.object((objectValue ?? []).filter { $0.key != key }), at: position)
    }

    /// What the value is, in words, for error messages (`a string`, `null`).
    public var typeDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
