import Foundation
@testable import NumPy

/// Reads Tests/NumPyTests/Goldens/Random/*.txt (scripts/numpy-random/make_goldens.py):
/// "## name" headers, then one value per line (float.hex() or a decimal integer).
enum RandomGoldens {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Goldens").appendingPathComponent("Random")

    static func load(_ file: String) throws -> [String: [String]] {
        let text = try String(contentsOf: folder.appendingPathComponent(file + ".txt"), encoding: .utf8)
        var cases: [String: [String]] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("## ") {
                current = String(line.dropFirst(3))
                cases[current!] = []
            } else if !line.hasPrefix("#"), let name = current {
                cases[name]!.append(String(line))
            }
        }
        return cases
    }
}

/// What a Swift generator drew, for comparison with NumPy's text.
enum Drawn {
    case floats([Double])
    case ints([Int64])
    case uints([UInt64])

    /// The first index where the draws differ from the golden lines (nil: identical, counts included).
    func firstMismatch(_ golden: [String]) -> String? {
        let count: Int
        switch self {
        case .floats(let v): count = v.count
        case .ints(let v): count = v.count
        case .uints(let v): count = v.count
        }
        if count != golden.count { return "count \(count) != \(golden.count)" }
        for (i, text) in golden.enumerated() {
            switch self {
            case .floats(let v):
                guard let expected = Double(text), expected.bitPattern == v[i].bitPattern else {
                    return "#\(i): \(v[i]) != \(text) (\(Double(text).map { "\($0)" } ?? "?"))"
                }
            case .ints(let v):
                guard Int64(text) == v[i] else { return "#\(i): \(v[i]) != \(text)" }
            case .uints(let v):
                guard UInt64(text) == v[i] else { return "#\(i): \(v[i]) != \(text)" }
            }
        }
        return nil
    }
}
