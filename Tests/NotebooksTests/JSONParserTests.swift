import Testing
@testable import Notebooks

/// The JSON parser: values with their places, and malformed text reported at line:column.
@Suite struct JSONParserTests {
    private func error(_ text: String) -> String? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func malformedTextIsReportedAtLineAndColumn() {
        #expect(error("{\n \"a\": 1,\n \"b\" 2\n}") == "3:6: expected ':' after the object key \"b\", found '2'")
        #expect(error("{\"cells\": [1, 2,]}") == "1:17: unexpected ']', expected a value")
        #expect(error("[1, 2") == "1:6: expected ',' or ']' after an array item, found end of file")
        #expect(error("{\"a\": 1 \"b\": 2}") == "1:9: expected ',' or '}' after an object member, found '\"'")
        #expect(error("{'a': 1}") == "1:2: expected a string in double quotes as object key, found '''")
        #expect(error("\"tab\there\"") == "1:5: control character U+0009 must be escaped in a string")
        #expect(error("\"bad \\q\"") == "1:6: invalid escape '\\q' in a string")
        #expect(error("[\"\\é\"]") == "1:3: invalid escape '\\é' in a string")
        #expect(error("\"\\u12G4\"") == "1:6: expected four hexadecimal digits after '\\u', found 'G'")
        #expect(error("01") == "1:2: a number cannot have a leading zero")
        #expect(error("1.") == "1:3: expected a digit after the decimal point, found end of file")
        #expect(error("tru") == "1:1: unexpected 't', expected a value")
        #expect(error("{} {}") == "1:4: unexpected '{' after the end of the document")
        #expect(error("") == "1:1: unexpected end of file, expected a value")
        #expect(error("\"unterminated") == "1:14: unexpected end of file in a string")
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(error("[\"é→\", x]") == "1:8: unexpected 'x', expected a value")
        #expect(error("[\"é\", →]") == "1:7: unexpected '→', expected a value")
    }

    @Test func invalidUTF8IsAnErrorNotACrash() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xE2, 0x82, 0x22]) }
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let text = String(repeating: "[", count: 100_000)
        #expect(error(text) == "1:513: nested deeper than 512 levels")
    }

    @Test func valuesKeepOrderNumbersTextAndPositions() throws {
        let value = try JSONParser.parse("{\n \"z\": 1.50e3,\n \"a\": [true, null, \"x\\n\\u00e9\\ud83d\\ude00\"]\n}")
        #expect(value.objectValue?.map(\.key) == ["z", "a"])
        #expect(value["z"]?.kind == .number("1.50e3"))
        #expect(value["a"]?.arrayValue?[2].stringValue == "x\né😀")
        #expect(value["a"]?.position == JSONPosition(line: 3, column: 7))
        #expect(value["a"]?.arrayValue?[1].position == JSONPosition(line: 3, column: 14))
    }

    @Test func aLoneSurrogateBecomesTheReplacementCharacter() throws {
        #expect(try JSONParser.parse("\"\\ud800x\"").stringValue == "\u{FFFD}x")
    }

    @Test func writerEscapesAsPythonDoes() {
        let value = JSONValue.object(["b": .string("q\"\\\n\r\t\u{08}\u{0C}\u{01}\u{7F}é"), "a": .array([]), "c": .object([])])
        #expect(JSONWriter.nbformat(value) == "{\n \"a\": [],\n \"b\": \"q\\\"\\\\\\n\\r\\t\\b\\f\\u0001\u{7F}é\",\n \"c\": {}\n}\n")
        #expect(JSONWriter.compact(.string("-->"), hidingCommentEnd: true) == "\"--\\u003e\"")
    }

    @Test func linesSplitAsPythonSplitlines() {
        #expect(PythonLines.split("a\nb\r\nc\rd\u{2028}e") == ["a\n", "b\r\n", "c\r", "d\u{2028}", "e"])
        #expect(PythonLines.split("") == [])
        #expect(PythonLines.split("x\n") == ["x\n"])
    }
}
