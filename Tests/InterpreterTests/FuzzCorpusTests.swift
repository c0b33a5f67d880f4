import Foundation
import Interpreter
import Testing

/// Replays the fuzzing corpus and crashers of the Python lexer and parser (fuzz/run keeps
/// them under fuzz/corpus/FuzzPython and fuzz/crashers/FuzzPython): each input compiles or
/// gives a SyntaxError, never a crash.
@Suite struct FuzzCorpusTests {
    static func inputs(_ target: String) -> [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ["corpus", "crashers"].flatMap { kind -> [URL] in
            let folder = root.appendingPathComponent("fuzz/\(kind)/\(target)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { folder.appendingPathComponent($0) }
        }
    }

    @Test func pythonInputsCompileOrFailCleanly() throws {
        let inputs = Self.inputs("FuzzPython")
        for url in inputs {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            _ = SyntaxCheck.error(in: text)
            _ = SyntaxColoring.pieces(text)
        }
    }

    @Test func aKnownErrorIsReported() {
        #expect(SyntaxCheck.error(in: "x = (1,\n") != nil)
        #expect(SyntaxCheck.error(in: "x = (1,\n)\n") == nil)
    }
}
