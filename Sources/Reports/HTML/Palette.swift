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

/// The colours of handouts, light and dark, as data: the stylesheet is written from them,
/// and a test checks each text colour against the backgrounds it is drawn on (WCAG AA).
struct Palette: Sendable {
    /// Each colour with its CSS variable name, in stylesheet order.
    var colors: KeyValuePairs<String, String>

    subscript(name: String) -> String {
        guard let value = colors.first(where: { $0.key == name })?.value else { preconditionFailure("no colour \(name)") }
        return value
    }

    static let light = Palette(colors: [
        "bg": "#fdfdfc", "text": "#1f2328", "muted": "#57606a", "link": "#0b57d0", "border": "#d0d7de",
        "code-bg": "#f6f8fa", "output-bg": "#ffffff", "note-bg": "#f0f1f4",
        "keyword": "#8250df", "builtin": "#953800", "string": "#0a6b2d", "number": "#0550ae",
        "comment": "#57606a", "decorator": "#6639ba", "field": "#0550ae",
        "error": "#8a1414", "error-bg": "#fdecec", "warning": "#6b4e00", "warning-bg": "#fff8e1",
        "pass": "#0a6b2d", "fail": "#b01c1c", "deleted-bg": "#ffebe9", "inserted-bg": "#e6ffec",
        "wrap-marker": "#76808a",
    ])

    static let dark = Palette(colors: [
        "bg": "#0f1216", "text": "#e6edf3", "muted": "#9ea7b3", "link": "#58a6ff", "border": "#3d444d",
        "code-bg": "#161b22", "output-bg": "#0d1117", "note-bg": "#1c2128",
        "keyword": "#d2a8ff", "builtin": "#ffa657", "string": "#a5d6ff", "number": "#79c0ff",
        "comment": "#9ea7b3", "decorator": "#d2a8ff", "field": "#ffa657",
        "error": "#ffa198", "error-bg": "#2d1515", "warning": "#e3b341", "warning-bg": "#272115",
        "pass": "#56d364", "fail": "#ff7b72", "deleted-bg": "#3a1d1d", "inserted-bg": "#173222",
        "wrap-marker": "#6e7681",
    ])

    /// Every text colour with each background it is drawn on in the stylesheet.
    static let textPairs: [(text: String, background: String)] = {
        var pairs: [(String, String)] = [("text", "bg"), ("muted", "bg"), ("link", "bg"), ("pass", "bg"), ("fail", "bg"),
                                         ("text", "note-bg"), ("muted", "note-bg"), ("link", "note-bg"),
                                         ("text", "output-bg"), ("muted", "output-bg"), ("text", "code-bg"), ("muted", "code-bg"),
                                         ("link", "code-bg"), ("error", "error-bg"), ("warning", "warning-bg"),
                                         ("text", "deleted-bg"), ("text", "inserted-bg"), ("error", "deleted-bg"),
                                         ("pass", "inserted-bg"), ("fail", "note-bg"), ("error", "warning-bg")]
        for token in ["keyword", "builtin", "string", "number", "comment", "decorator", "field"] {
            pairs.append((token, "code-bg"))
        }
        return pairs
    }()

    /// Graphics that must stand out from their background by 3:1 (WCAG 1.4.11).
    static let graphicPairs: [(graphic: String, background: String)] = [
        ("wrap-marker", "output-bg"), ("wrap-marker", "code-bg"), ("wrap-marker", "error-bg"),
    ]

    /// `--name: value;` lines for a `:root` rule.
    var declarations: String {
        colors.map { "--\($0.key): \($0.value);" }.joined(separator: " ")
    }

    /// WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21.
    static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    private static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ index: Int) -> Double {
            let value = Double(Int(String(digits[index..<index + 2]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }
}
