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

/// The `#| key: value` lines at the top of a code cell (Quarto's syntax). Every key is known
/// and every value is checked: a typo is an error with the option's place, never ignored.
public struct CellOptions: Sendable, Codable, Equatable {
    /// The exception type the cell must raise; the lesson goes on after it.
    public var raises: String?
    /// Do not run the cell.
    public var skip = false
    /// Show the code in the handout.
    public var echo = true
    /// Show the output in the handout.
    public var output = true
    /// Compare the output with the expected block.
    public var check = true
    /// Time limit for this cell, in seconds.
    public var timeout: Double?
    /// Numbers in the output may differ from the expected ones by this much (see `OutputComparison`).
    public var tolerance: Double?
    /// A name for the cell, used in reports.
    public var id: String?

    // Teaching options: see docs/teaching-visuals.md.
    /// `graph: loss` (or `graph: loss, saved`): draw the backward graph of that expression.
    public var graph: ExpressionOption?
    /// `gradients: true` shows the gradient panel after the cell, `false` hides it; unset, it
    /// shows when the cell changed a `.grad`.
    public var gradients: Bool?
    /// `trace: loss`: run `loss.backward()` after the cell and show each node it ran.
    public var trace: ExpressionOption?
    /// `variables: true`: list the lesson's tensors, modules and optimizers after the cell.
    public var variables = false
    /// `solution: true|code|all`: the student copy hides this cell's code (and its output).
    public var solution: SolutionMode?
    /// `stub: text`: what the student copy shows instead of a solution's code (`\n` breaks lines).
    public var stub: String?
    /// `exercise: title`: the cell checks (with `assert`) the solution cells before it.
    public var exercise: String?

    public init() {}

    public static let keys = ["raises", "skip", "echo", "output", "check", "timeout", "tolerance", "id",
                              "graph", "gradients", "trace", "variables", "solution", "stub", "exercise"]

    /// Whether `line` is an option line (`#|` first).
    public static func isOptionLine(_ line: Substring) -> Bool {
        line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#|")
    }

    /// Sets the option written on `line`, which sits at `number`, `column` in `file`.
    mutating func set(line: Substring, file: String, number: Int, column: Int) throws(LessonError) {
        let body = line.drop(while: { $0 == " " || $0 == "\t" }).dropFirst(2)
        func fail(_ message: String) -> LessonError {
            LessonError(file: file, line: number, column: column, message: message)
        }
        guard let colon = body.firstIndex(of: ":") else {
            throw fail("cell option is not 'key: value': '#|\(body)'")
        }
        let key = body[..<colon].trimmingWhitespace()
        let value = body[body.index(after: colon)...].trimmingWhitespace()
        func flag() throws(LessonError) -> Bool {
            switch value {
            case "true": return true
            case "false": return false
            default: throw fail("cell option '\(key)' must be true or false, not '\(value)'")
            }
        }
        func seconds(allowZero: Bool) throws(LessonError) -> Double {
            guard let number = Double(value), number.isFinite, allowZero ? number >= 0 : number > 0 else {
                throw fail("cell option '\(key)' must be a \(allowZero ? "non-negative" : "positive") number, not '\(value)'")
            }
            return number
        }
        switch key {
        case "raises":
            guard !value.isEmpty, value.split(separator: ".").allSatisfy(Self.isIdentifier) else {
                throw fail("cell option 'raises' must name an exception type, not '\(value)'")
            }
            raises = value
        case "skip": skip = try flag()
        case "echo": echo = try flag()
        case "output": output = try flag()
        case "check": check = try flag()
        case "timeout":
            let limit = try seconds(allowZero: false)
            guard limit <= Lesson.maxCellTimeout else {
                throw fail("cell option 'timeout' must be at most \(Int(Lesson.maxCellTimeout)) seconds, not '\(value)'")
            }
            timeout = limit
        case "tolerance": tolerance = try seconds(allowZero: true)
        case "id":
            guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw fail("cell option 'id' must be letters, digits, '_' or '-', not '\(value)'")
            }
            id = value
        case "graph":
            graph = try ExpressionOption(value, line: number, allowsSaved: true, key: key, fail: fail)
        case "trace":
            trace = try ExpressionOption(value, line: number, allowsSaved: false, key: key, fail: fail)
        case "gradients": gradients = try flag()
        case "variables": variables = try flag()
        case "solution":
            switch value {
            case "true", "all": solution = .all
            case "code": solution = .code
            case "false": solution = nil
            default: throw fail("cell option 'solution' must be true, false, code or all, not '\(value)'")
            }
        case "stub":
            stub = value.replacing("\\n", with: "\n")
        case "exercise":
            guard !value.isEmpty else { throw fail("cell option 'exercise' needs a title") }
            exercise = value
        default:
            throw fail("unknown cell option '\(key)' (known: \(Self.keys.joined(separator: ", ")))")
        }
    }

    static func isIdentifier(_ word: Substring) -> Bool {
        guard let first = word.first, first.isLetter || first == "_" else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
