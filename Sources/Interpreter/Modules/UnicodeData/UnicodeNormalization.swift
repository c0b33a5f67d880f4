/// Unicode character data and normalization as CPython 3.11's `unicodedata` has them (Unicode 14.0.0).
/// The tables (UnicodeDataTables.swift) are parsed once, on first use; Swift's own
/// `Unicode.Scalar.Properties` follow a newer Unicode, and its normalization is not public.
final class UnicodeDatabase: @unchecked Sendable {
    static let shared = UnicodeDatabase()

    /// Start code points of the category runs, and each run's category.
    private let runStarts: [UInt32]
    private let runCategories: [String]
    private let combiningClasses: [UInt32: UInt8]
    private let mirroredSet: Set<UInt32>
    /// Numeric values with their kind: `d` decimal, `g` digit, `n` numeric only.
    private let numbers: [UInt32: (kind: Character, value: Double)]
    /// `decomposition()`'s text, and the mapping as code points (canonical unless `compatibility`).
    private let decompositionText: [UInt32: String]
    private let mappings: [UInt32: (compatibility: Bool, scalars: [UInt32])]
    /// Canonical pairs that NFC recomposes: `first << 21 | second` to the composite.
    private let compositions: [UInt64: UInt32]

    private init() {
        var starts: [UInt32] = [], cats: [String] = []
        for run in unicodeCategoryRuns.split(separator: ",") {
            starts.append(UInt32(run.dropLast(2), radix: 16)!)
            cats.append(String(run.suffix(2)))
        }
        runStarts = starts
        runCategories = cats
        var ccc: [UInt32: UInt8] = [:]
        for run in unicodeCombiningRuns.split(separator: ",") {
            let parts = run.split(separator: ":")
            let range = parts[0].split(separator: "-")
            let value = UInt8(parts[1])!
            for cp in UInt32(range[0], radix: 16)!...UInt32(range[1], radix: 16)! { ccc[cp] = value }
        }
        combiningClasses = ccc
        var mirrored = Set<UInt32>()
        for run in unicodeMirroredRuns.split(separator: ",") {
            let range = run.split(separator: "-")
            for cp in UInt32(range[0], radix: 16)!...UInt32(range[1], radix: 16)! { mirrored.insert(cp) }
        }
        mirroredSet = mirrored
        var values: [UInt32: (kind: Character, value: Double)] = [:]
        for entry in unicodeNumericValues.split(separator: ",") {
            let parts = entry.split(separator: ":")
            values[UInt32(parts[0], radix: 16)!] = (parts[1].first!, Double(parts[2])!)
        }
        numbers = values
        var text: [UInt32: String] = [:], maps: [UInt32: (compatibility: Bool, scalars: [UInt32])] = [:]
        for entry in unicodeDecompositions.split(separator: ";") {
            let parts = entry.split(separator: "=", maxSplits: 1)
            let cp = UInt32(parts[0], radix: 16)!
            let body = String(parts[1])
            text[cp] = body
            var words = body.split(separator: " ")
            let compatibility = words.first?.hasPrefix("<") ?? false
            if compatibility { words.removeFirst() }
            maps[cp] = (compatibility, words.map { UInt32($0, radix: 16)! })
        }
        decompositionText = text
        mappings = maps
        let excluded = Set(unicodeCompositionExclusions.split(separator: ",").map { UInt32($0, radix: 16)! })
        var pairs: [UInt64: UInt32] = [:]
        for (cp, m) in maps where !m.compatibility && m.scalars.count == 2 && !excluded.contains(cp) {
            pairs[UInt64(m.scalars[0]) << 21 | UInt64(m.scalars[1])] = cp
        }
        compositions = pairs
    }

    func category(_ cp: UInt32) -> String {
        var lo = 0, hi = runStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if runStarts[mid] <= cp { lo = mid } else { hi = mid - 1 }
        }
        return runCategories[lo]
    }

    func mirrored(_ cp: UInt32) -> Bool { mirroredSet.contains(cp) }

    /// `decimal` (kind `d`), `digit` (`d` or `g`) and `numeric` (any) values.
    func number(_ cp: UInt32) -> (kind: Character, value: Double)? { numbers[cp] }

    func combining(_ cp: UInt32) -> Int { Int(combiningClasses[cp] ?? 0) }

    func decomposition(_ cp: UInt32) -> String { decompositionText[cp] ?? "" }

    // Hangul syllables are decomposed and composed by arithmetic (Unicode 3.12).
    private let sBase: UInt32 = 0xAC00, lBase: UInt32 = 0x1100, vBase: UInt32 = 0x1161, tBase: UInt32 = 0x11A7
    private let lCount: UInt32 = 19, vCount: UInt32 = 21, tCount: UInt32 = 28
    private var nCount: UInt32 { vCount * tCount }
    private var sCount: UInt32 { lCount * nCount }

    private func decompose(_ cp: UInt32, compatibility: Bool, into out: inout [UInt32]) {
        if cp >= sBase && cp < sBase + sCount {
            let s = cp - sBase
            out.append(lBase + s / nCount)
            out.append(vBase + (s % nCount) / tCount)
            if s % tCount != 0 { out.append(tBase + s % tCount) }
            return
        }
        if let m = mappings[cp], compatibility || !m.compatibility {
            for part in m.scalars { decompose(part, compatibility: compatibility, into: &out) }
            return
        }
        out.append(cp)
    }

    /// Full decomposition, then the canonical ordering of each run of non-starters (a stable sort).
    func decomposed(_ scalars: [UInt32], compatibility: Bool) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count)
        for cp in scalars { decompose(cp, compatibility: compatibility, into: &out) }
        var i = 0
        while i < out.count {
            guard combining(out[i]) != 0 else { i += 1; continue }
            var j = i
            while j < out.count && combining(out[j]) != 0 { j += 1 }
            if j - i > 1 {
                let run = out[i..<j].enumerated().sorted { (combining($0.element), $0.offset) < (combining($1.element), $1.offset) }
                out.replaceSubrange(i..<j, with: run.map(\.element))
            }
            i = j
        }
        return out
    }

    private func composePair(_ a: UInt32, _ b: UInt32) -> UInt32? {
        if a >= lBase && a < lBase + lCount && b >= vBase && b < vBase + vCount {
            return sBase + ((a - lBase) * vCount + (b - vBase)) * tCount
        }
        if a >= sBase && a < sBase + sCount && (a - sBase) % tCount == 0 && b > tBase && b < tBase + tCount {
            return a + (b - tBase)
        }
        return compositions[UInt64(a) << 21 | UInt64(b)]
    }

    /// The canonical composition algorithm over a decomposed, canonically ordered sequence.
    func composed(_ d: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(d.count)
        var starter: Int? = nil
        var lastClass = -1
        for cp in d {
            let cc = combining(cp)
            if let s = starter, lastClass < cc || (lastClass == 0 && out.count - 1 == s),
               let c = composePair(out[s], cp) {
                out[s] = c
                continue
            }
            if cc == 0 { starter = out.count; lastClass = 0 } else { lastClass = cc }
            out.append(cp)
        }
        return out
    }

    /// `unicodedata.normalize(form, s)` on code points; nil for an unknown form.
    func normalize(_ form: String, _ scalars: [UInt32]) -> [UInt32]? {
        switch form {
        case "NFD": return decomposed(scalars, compatibility: false)
        case "NFKD": return decomposed(scalars, compatibility: true)
        case "NFC": return composed(decomposed(scalars, compatibility: false))
        case "NFKC": return composed(decomposed(scalars, compatibility: true))
        default: return nil
        }
    }
}
