#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Interpreter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tick labels as matplotlib's ScalarFormatter writes them: every label of an axis with the
/// same number of decimals (the fewest that tell the ticks apart), a Unicode minus, and a
/// shared `1e6`-style multiplier when the numbers are very large or very small.
public enum TickFormatter {
    public struct Labels: Equatable {
        public var texts: [String]
        /// The multiplier shown at the end of the axis (`1e6`, `1e−5`), or nil.
        public var multiplier: String?
    }

    /// Labels for `ticks` on an axis showing `lower...upper`.
    public static func linear(_ ticks: [Double], lower: Double, upper: Double) -> Labels {
        guard !ticks.isEmpty else { return Labels(texts: [], multiplier: nil) }
        let largest = max(abs(lower), abs(upper))
        var magnitude = 0
        if largest > 0, largest.isFinite {
            let exponent = Int(Glibc.log10(largest).rounded(.down))
            if exponent <= -5 || exponent >= 6 { magnitude = exponent }
        }
        let scale = TickLocator.power(magnitude)
        let scaled = ticks.map { $0 / scale }
        let decimals = decimalsNeeded(scaled.count >= 2 ? scaled : [lower / scale, upper / scale])
        let texts = scaled.map { fixed($0, decimals: decimals) }
        return Labels(texts: texts, multiplier: magnitude == 0 ? nil : "1e" + minus(String(magnitude)))
    }

    /// `10` with a superscript exponent is drawn by the renderer; this is its exponent text.
    public static func exponent(of value: Double) -> String {
        minus(String(Int(Glibc.log10(value).rounded())))
    }

    /// matplotlib's `_set_format`: the fewest decimals that show every tick exactly
    /// (to a thousandth of their spread).
    static func decimalsNeeded(_ values: [Double]) -> Int {
        let spread = (values.max() ?? 0) - (values.min() ?? 0)
        guard spread > 0, spread.isFinite else { return 1 }
        let order = Int(Glibc.log10(spread).rounded(.down))
        var decimals = max(0, 3 - order)
        let threshold = 1e-3 * Glibc.pow(10, Double(order))
        while decimals >= 0 {
            let factor = Glibc.pow(10, Double(decimals))
            let error = values.map { abs($0 - ($0 * factor).rounded() / factor) }.max() ?? 0
            if error < threshold { decimals -= 1 } else { break }
        }
        return decimals + 1
    }

    /// `value` with exactly `decimals` decimals, rounding half away from zero on the decimal digits.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let factor = Glibc.pow(10, Double(decimals))
        let scaled = (abs(value) * factor).rounded()
        if scaled == 0 { return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals) }
        var digits = cFormat("%.0f", scaled)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (value < 0 ? "\u{2212}" : "") + digits
    }

    static func minus(_ text: String) -> String { text.replacing("-", with: "\u{2212}") }
}
