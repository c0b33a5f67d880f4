/// Turns what a cell wrote for a color into `#rrggbb` (or `#rrggbbaa` when not opaque), as
/// matplotlib's `to_rgba` accepts it: names, `C0`..`C9`, hex, grey-level strings (`'0.5'`)
/// and 0-1 tuples (those arrive here as components).
public enum Colors {
    /// The default property cycle (tab10): `C0` is `cycle[0]`.
    public static let cycle = ColorNames.cycle

    /// The color a string names, or nil when matplotlib would reject it.
    public static func parse(_ spec: String) -> String? {
        let name = spec.lowercased()
        if let hex = ColorNames.letters[spec] ?? ColorNames.tableau[name] ?? ColorNames.css[name] { return hex }
        if name.hasPrefix("xkcd:") { return nil }
        if name.count == 2, name.first == "c", let digit = name.last?.wholeNumberValue {
            return cycle[digit % cycle.count]
        }
        if name.hasPrefix("#") { return hex(String(name.dropFirst())) }
        if let level = Double(name), level >= 0, level <= 1, !name.contains("e"), !name.contains("n") {
            return rgba([level, level, level])
        }
        return nil
    }

    /// A color from 0-1 components (3 or 4), nil when out of range.
    public static func rgba(_ components: [Double]) -> String? {
        guard components.count == 3 || components.count == 4, components.allSatisfy({ $0 >= 0 && $0 <= 1 }) else { return nil }
        var text = "#"
        for (index, value) in components.enumerated() {
            if index == 3, value == 1 { break }
            text += byte(value)
        }
        return text
    }

    /// `#rrggbb` from 0-1 components; alpha ignored.
    public static func hex(red: Double, green: Double, blue: Double) -> String {
        "#" + byte(red) + byte(green) + byte(blue)
    }

    /// The opacity a `#rrggbbaa` color carries (1 for `#rrggbb`).
    public static func alpha(of color: String) -> Double {
        guard color.count == 9, let value = UInt8(color.suffix(2), radix: 16) else { return 1 }
        return Double(value) / 255
    }

    /// `#rrggbb` without any alpha part.
    public static func opaque(_ color: String) -> String { String(color.prefix(7)) }

    /// Red, green and blue of `#rrggbb` in 0-1.
    public static func components(of color: String) -> (Double, Double, Double) {
        let digits = Array(color.dropFirst())
        func channel(_ i: Int) -> Double { Double(UInt8(String(digits[i..<(i + 2)]), radix: 16) ?? 0) / 255 }
        guard digits.count >= 6 else { return (0, 0, 0) }
        return (channel(0), channel(2), channel(4))
    }

    private static func hex(_ digits: String) -> String? {
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        switch digits.count {
        case 3, 4:
            let doubled = digits.map { "\($0)\($0)" }.joined()
            return "#" + (digits.count == 4 && doubled.hasSuffix("ff") ? String(doubled.prefix(6)) : doubled)
        case 6: return "#" + digits
        case 8: return "#" + (digits.hasSuffix("ff") ? String(digits.prefix(6)) : digits)
        default: return nil
        }
    }

    private static func byte(_ value: Double) -> String {
        let scaled = Int((min(1, max(0, value)) * 255).rounded())
        let digits = String(scaled, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}
