/// CPython 3.11's "Did you mean" for an uncaught `NameError` / `AttributeError`
/// (Python/suggestions.c): the candidate closest to the wrong name by a Levenshtein
/// distance on UTF-8 bytes where a case change costs 1 and any other edit 2, accepted when
/// at most a third of the characters involved change. CPython's interpreter adds it only
/// where it prints an uncaught exception (not in `traceback.format_exception`), so the
/// cell's traceback has it and the `traceback` module's texts do not.
enum NameSuggestions {
    static let maxCandidates = 750
    static let maxStringSize = 40
    static let moveCost = 2
    static let caseCost = 1

    /// The best candidate for `name` among `candidates` (in their order: the first of
    /// equally close ones wins), or nil.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        if candidates.count >= maxCandidates { return nil }
        let wrong = Array(name.utf8)
        var best: String?
        var bestDistance = Int.max
        for item in candidates where item != name {
            let bytes = Array(item.utf8)
            var maxDistance = (wrong.count + bytes.count + 3) * moveCost / 6
            maxDistance = min(maxDistance, bestDistance - 1)
            let d = distance(wrong, bytes, maxCost: maxDistance)
            if d > maxDistance { continue }
            if best == nil || d < bestDistance { best = item; bestDistance = d }
        }
        return best
    }

    private static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
        if a == b { return 0 }
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        return lower(a) == lower(b) ? caseCost : moveCost
    }

    /// suggestions.c's `levenshtein_distance`: common affixes trimmed, one row updated in
    /// place, giving up (`maxCost + 1`) once a whole row costs more than `maxCost`.
    static func distance(_ x: [UInt8], _ y: [UInt8], maxCost: Int) -> Int {
        var a = x[...], b = y[...]
        while let f = a.first, let g = b.first, f == g { a = a.dropFirst(); b = b.dropFirst() }
        while let f = a.last, let g = b.last, f == g { a = a.dropLast(); b = b.dropLast() }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > maxStringSize || b.count > maxStringSize { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        let aa = Array(a), bb = Array(b)
        var row = (0..<aa.count).map { ($0 + 1) * moveCost }
        var result = 0
        for bIndex in 0..<bb.count {
            let code = bb[bIndex]
            var dist = bIndex * moveCost
            result = dist
            var minimum = Int.max
            for index in 0..<aa.count {
                let substitute = dist + substitutionCost(code, aa[index])
                dist = row[index]
                let insertDelete = min(result, dist) + moveCost
                result = min(insertDelete, substitute)
                row[index] = result
                if result < minimum { minimum = result }
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }
}

/// The suggestion a `NameError` computed where it was raised (the frame's names are gone
/// by the time the traceback is printed); kept as the exception object's payload.
final class NameErrorSuggestion {
    let text: String?
    init(_ text: String?) { self.text = text }
}

extension Interpreter {
    /// For a NameError raised in `f`: CPython looks through the frame's local variable
    /// names, then its globals, then the builtins, and takes the first pass that finds one.
    func nameErrorSuggestion(_ name: String, in f: Frame) -> String? {
        let passes: [[String]] = [
            f.code.slotNames.map(\.string),
            f.globals.definedNames.map(\.string),
            builtins.definedNames.map(\.string).sorted(),
        ]
        for names in passes {
            if let s = NameSuggestions.suggestion(for: name, among: names) { return s }
        }
        return nil
    }

    /// `. Did you mean: 'x'?` for an exception printed uncaught, or "".
    func suggestionSuffix(_ exc: PyInstance) -> String {
        var found: String?
        if exc.cls.isSubclass(of: types.exceptions["NameError"]!) {
            found = (exc.payload as? NameErrorSuggestion)?.text
        } else if exc.cls.isSubclass(of: types.exceptions["AttributeError"]!),
                  case .str(let name)? = exc.attributes.get(Name("name")),
                  let obj = exc.attributes.get(Name("obj")), !obj.isNone,
                  let dir = builtins[Name("dir")],
                  let names = try? call(dir, Arguments(obj)).asList {
            found = NameSuggestions.suggestion(for: name, among: names.items.compactMap(\.asString))
        }
        return found.map { ". Did you mean: '\($0)'?" } ?? ""
    }
}
