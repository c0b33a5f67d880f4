/// Turns fuzzer bytes into a Python program mixing plain Python and torch calls, with the
/// values that broke workers before: sizes 0, -1 and 2**62, NaN and infinities, huge and
/// odd strings (NUL, `\r`), deep nesting, cyclic containers. Every byte is a choice, so
/// libFuzzer's mutations move through programs that parse, rather than through syntax
/// errors; each statement runs in its own `try` so one exception does not end the program.
struct ProgramGenerator {
    private var bytes: [UInt8]
    private var at = 0
    private var variables = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next choice in 0..<n (0 once the input is used up).
    private mutating func pick(_ n: Int) -> Int {
        guard at < bytes.count, n > 1 else { return 0 }
        defer { at += 1 }
        return Int(bytes[at]) % n
    }

    private mutating func one(_ items: [String]) -> String { items[pick(items.count)] }

    static let ints = ["0", "1", "-1", "2", "3", "7", "-3", "2**31", "2**62", "-2**62", "2**63", "2**64", "10**10",
                       "10**100", "True", "False", "256", "-2**63"]
    static let floats = ["0.0", "-0.0", "1.5", "float('nan')", "float('inf')", "-float('inf')", "1e308", "5e-324",
                         "1e-300", "3.14159", "-2.5"]
    static let strings = ["''", "'a'", "'abc'", "'\\x00'", "'a\\rb'", "'\\r\\n'", "'é€😀'", "'%d'", "'{}'", "'%*d'",
                          "'a' * 1000", "'\\u0000' * 3", "'x' * 2**20", "'{0:{1}}'", "' \\t\\n'"]
    static let dtypes = ["torch.float32", "torch.float64", "torch.int64", "torch.int32", "torch.int8", "torch.uint8",
                         "torch.bool", "torch.float16", "torch.bfloat16", "torch.int16"]
    static let shapes = ["()", "(0,)", "(1,)", "(3,)", "(2, 3)", "(0, 2)", "(2, 0, 3)", "(-1,)", "(2**62,)", "(2, -1)",
                         "(1, 1, 1, 1)", "(4, 4)", "(2**31,)", "(3, 2**62, 2**62)", "(2, 3, 4)", "(-2,)"]

    private mutating func shape() -> String { one(Self.shapes) }
    private mutating func int() -> String { one(Self.ints) }
    private mutating func variable() -> String { variables == 0 ? "None" : "v\(pick(variables))" }

    private mutating func tensor(_ depth: Int) -> String {
        switch pick(14) {
        case 0: return "torch.zeros\(shape())"
        case 1: return "torch.ones(\(shape()), dtype=\(one(Self.dtypes)))"
        case 2: return "torch.arange(\(int()))"
        case 3: return "torch.tensor([\(scalar()), \(scalar()), \(scalar())])"
        case 4: return "torch.randn\(shape())"
        case 5: return "torch.full(\(shape()), \(scalar()))"
        case 6: return "torch.empty(\(int()))"
        case 7: return "torch.linspace(\(scalar()), \(scalar()), \(int()))"
        case 8: return "torch.eye(\(int()))"
        case 9: return "torch.tensor(\(scalar()))"
        case 10: return "torch.randint(\(int()), \(shape()))"
        case 11: return "torch.zeros(1).expand(\(int()))"
        case 12: return variable()
        default: return depth > 0 ? tensorMethod(depth - 1) : "torch.arange(6.0).view(2, 3)"
        }
    }

    private mutating func tensorMethod(_ depth: Int) -> String {
        let t = tensor(depth)
        switch pick(40) {
        case 0: return "\(t).view\(shape())"
        case 1: return "\(t).reshape\(shape())"
        case 2: return "\(t).expand\(shape())"
        case 3: return "\(t).sum(\(int()))"
        case 4: return "\(t).sum()"
        case 5: return "\(t).max()"
        case 6: return "\(t).sort()"
        case 7: return "\(t).cumsum(\(int()))"
        case 8: return "\(t)[\(int())]"
        case 9: return "\(t)[\(int()):\(int()):\(int())]"
        case 10: return "\(t) @ \(tensor(depth))"
        case 11: return "torch.cat([\(t), \(tensor(depth))], \(int()))"
        case 12: return "torch.stack([\(t), \(tensor(depth))])"
        case 13: return "\(t).repeat\(shape())"
        case 14: return "\(t).permute(\(int()), \(int()))"
        case 15: return "\(t).transpose(\(int()), \(int()))"
        case 16: return "\(t).unsqueeze(\(int()))"
        case 17: return "\(t).to(\(one(Self.dtypes)))"
        case 18: return "\(t) \(one(["+", "-", "*", "/", "//", "%", "**", "==", "<", "&", "|", "^", ">>", "<<"])) \(expression(depth))"
        case 19: return "\(t).softmax(\(int()))"
        case 20: return "torch.nn.functional.conv2d(\(t), \(tensor(depth)), stride=\(int()), padding=\(int()), groups=\(int()))"
        case 21: return "torch.nn.functional.max_pool2d(\(t), \(int()), \(int()))"
        case 22: return "\(t).argmax()"
        case 23: return "\(t).topk(\(int()))"
        case 24: return "\(t).gather(0, \(tensor(depth)))"
        case 25: return "\(t).index_select(0, \(tensor(depth)))"
        case 26: return "torch.where(\(t) > 0, \(t), \(tensor(depth)))"
        case 27: return "\(t).masked_fill(\(t) > 0, \(scalar()))"
        case 28: return "\(t).clamp(\(scalar()), \(scalar()))"
        case 29: return "\(t).mean()"
        case 30: return "\(t).std(\(int()))"
        case 31: return "\(t).flip(\(int()))"
        case 32: return "\(t).chunk(\(int()))"
        case 33: return "\(t).split(\(int()))"
        case 34: return "\(t).tolist()"
        case 35: return "\(t).item()"
        case 36: return "torch.randperm(\(int()))"
        case 37: return "\(t).narrow(\(int()), \(int()), \(int()))"
        case 38: return "torch.einsum('ij,jk->ik', \(t), \(tensor(depth)))"
        default: return "\(t).norm()"
        }
    }

    private mutating func scalar() -> String { pick(2) == 0 ? int() : one(Self.floats) }

    private mutating func expression(_ depth: Int) -> String {
        if depth <= 0 { return atom() }
        switch pick(24) {
        case 0, 1: return atom()
        case 2, 3, 4: return tensor(depth)
        case 5: return "(\(expression(depth - 1)) \(one(["+", "-", "*", "/", "//", "%", "**", "==", "<", "and", "or", "in", "is", "@", "&", "<<"])) \(expression(depth - 1)))"
        case 6: return "[\(expression(depth - 1)), \(expression(depth - 1))]"
        case 7: return "\(one(["len", "str", "repr", "int", "float", "list", "tuple", "sorted", "sum", "min", "max", "abs", "hash", "bool", "set", "reversed", "range", "chr", "ord", "bin", "hex", "round", "iter", "dict", "format", "ascii", "id", "type"]))(\(expression(depth - 1)))"
        case 8: return "\(one(["divmod", "pow", "round", "isinstance", "range", "max", "min", "int", "format", "getattr", "zip", "map"]))(\(expression(depth - 1)), \(expression(depth - 1)))"
        case 9: return "\(one(Self.strings)).\(one(["center", "ljust", "zfill", "rjust", "expandtabs"]))(\(int()))"
        case 10: return "\(one(Self.strings)) * \(int())"
        case 11: return "\(one(Self.strings)) % (\(expression(depth - 1)),)"
        case 12: return "\(one(Self.strings)).format(\(expression(depth - 1)), \(expression(depth - 1)))"
        case 13: return "'{}'.join(\(expression(depth - 1)))"
        case 14: return "\(one(Self.strings)).replace(\(one(Self.strings)), \(one(Self.strings)))"
        case 15: return "[\(expression(depth - 1))] * \(int())"
        case 16: return nested(pick(200))
        case 17: return "(lambda x: \(expression(depth - 1)))(\(expression(depth - 1)))"
        case 18: return "[x for x in \(expression(depth - 1))]"
        case 19: return "{\(expression(depth - 1)): \(expression(depth - 1))}"
        case 20: return "\(expression(depth - 1))[\(expression(depth - 1))]"
        case 21: return "f'{\(expression(depth - 1))!r:>{\(int())}}'"
        case 22: return "int(\(one(Self.strings)), \(int()))"
        default: return "(\(expression(depth - 1)) if \(expression(depth - 1)) else \(expression(depth - 1)))"
        }
    }

    private mutating func atom() -> String {
        switch pick(5) {
        case 0: return int()
        case 1: return one(Self.floats)
        case 2: return one(Self.strings)
        case 3: return variable()
        default: return one(["None", "[]", "{}", "()", "...", "torch", "print", "object()", "b'\\x00\\xff'", "1j"])
        }
    }

    /// Brackets nested `depth` deep: the parser's and evaluator's recursion limits.
    private func nested(_ depth: Int) -> String {
        let open = ["[", "(", "{1: "][depth % 3], close = ["]", ",)", "}"][depth % 3]
        return String(repeating: open, count: depth) + "0" + String(repeating: close, count: depth)
    }

    private mutating func statement() -> String {
        switch pick(12) {
        case 0, 1, 2, 3:
            variables += 1
            return "v\(variables - 1) = \(expression(3))"
        case 4: return "print(\(expression(3)))"
        case 5: return "\(variable()).append(\(variable()))"
        case 6: return "x = [1]; x.append(x); y = [1]; y.append(y); print(x == y, repr(x))"
        case 7: return "torch.set_printoptions(\(one(["edgeitems", "threshold", "precision", "linewidth"]))=\(int()))"
        case 8: return "for i in range(\(int())): \(variable())"
        case 9: return "print(\(variable()))"
        case 10: return "\(variable())[\(expression(2))] = \(expression(2))"
        default: return "del \(variable())"
        }
    }

    /// A program of up to 12 statements, each in its own `try`.
    mutating func program() -> String {
        var lines = ["import torch", "import math"]
        let count = 1 + pick(12)
        for _ in 0..<count {
            let s = statement()
            lines.append("try:\n    \(s)\nexcept Exception as e:\n    print(type(e).__name__)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
