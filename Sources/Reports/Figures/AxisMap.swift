import Figures
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

/// One axis of a set of axes: the data interval it shows and where on the page it lies.
/// `start` is the page coordinate of `lower` (left, or bottom for a y axis), `end` that of
/// `upper`; an inverted axis (an image's y) simply has lower > upper.
struct AxisMap {
    var lower: Double
    var upper: Double
    var log: Bool
    var start: Double
    var end: Double

    func page(_ value: Double) -> Double {
        let a = transform(lower), b = transform(upper)
        guard b != a else { return (start + end) / 2 }
        return start + (transform(value) - a) / (b - a) * (end - start)
    }

    func transform(_ value: Double) -> Double {
        log ? (value > 0 ? Glibc.log10(value) : -.infinity) : value
    }

    /// Whether `value` lies within the shown interval.
    func shows(_ value: Double) -> Bool {
        let lo = min(lower, upper), hi = max(lower, upper)
        let tolerance = (hi - lo) * 1e-9
        return value >= lo - tolerance && value <= hi + tolerance
    }
}

/// The data interval of an axis before margins: the extremes, and "sticky" values that
/// margins may not cross (a bar chart's baseline, an image's edge).
struct DataRange {
    var lower = Double.infinity
    var upper = -Double.infinity
    var sticky: [Double] = []
    var log = false

    mutating func include(_ values: some Sequence<Double>) {
        for value in values where value.isFinite && (!log || value > 0) {
            lower = min(lower, value)
            upper = max(upper, value)
        }
    }

    var isEmpty: Bool { lower > upper }

    /// The shown interval: 5% margins each side (in log space on a log axis), not past a
    /// sticky value the data reaches, and the user's limits where given.
    func limits(_ set: Limits, margin: Double = 0.05) -> (Double, Double) {
        var lo = lower, hi = upper
        if isEmpty { (lo, hi) = log ? (1, 10) : (0, 1) }
        else {
            var a = log ? Glibc.log10(lo) : lo, b = log ? Glibc.log10(hi) : hi
            if b - a == 0 {
                let pad = log ? 1 : (a == 0 ? 0.05 : abs(a) * 0.05)
                a -= pad
                b += pad
            } else if !(sticky.contains(lo) && sticky.contains(hi)) {
                let span = b - a
                let marginLow = sticky.contains(lo) ? 0 : span * margin
                let marginHigh = sticky.contains(hi) ? 0 : span * margin
                a -= marginLow
                b += marginHigh
            }
            lo = log ? Glibc.pow(10, a) : a
            hi = log ? Glibc.pow(10, b) : b
        }
        return (set.lower ?? lo, set.upper ?? hi)
    }
}
