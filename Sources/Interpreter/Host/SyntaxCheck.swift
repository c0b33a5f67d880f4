/// Lexes, parses and resolves Python source without running it: the fuzz target of the
/// lexer and parser calls it (fuzz/Targets/FuzzPython), and so may tools that want a
/// syntax check only.
public enum SyntaxCheck {
    /// The `SyntaxError` message (`line N: ...`) of `source`, or nil when it compiles.
    public static func error(in source: String, file: String = "<fuzz>") -> String? {
        do {
            var parser = try Parser(source: source, file: file, firstLine: 1)
            _ = try parser.parseModule()
            return nil
        } catch let e as SyntaxErrorInfo {
            return "line \(e.line): \(e.message)"
        } catch {
            return "\(error)"
        }
    }
}
