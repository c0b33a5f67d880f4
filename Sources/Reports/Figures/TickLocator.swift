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

/// Where ticks go, as matplotlib's locators place them: on a linear axis at the multiples of
/// the smallest "nice" step (1, 2, 2.5 or 5 × 10ⁿ, Heckbert's numbers plus matplotlib's
/// 2.5) that keeps at most `bins` intervals; on a log axis at the powers of ten.
public enum TickLocator {
    /// matplotlib's AutoLocator steps.
    public static let axisSteps: [Double] = [1, 2, 2.5, 5, 10]
    /// MaxNLocator's default steps, which contour levels use.
    public static let levelSteps: [Double] = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]

    /// Ticks covering `lower...upper`, possibly one beyond each end (as MaxNLocator returns them).
    public static func linear(_ lower: Double, _ upper: Double, bins: Int, steps: [Double] = axisSteps,
                              minimumTicks: Int = 2) -> [Double] {
        guard lower.isFinite, upper.isFinite else { return [] }
        var vmin = min(lower, upper), vmax = max(lower, upper)
        if vmax - vmin < 1e-300 {
            let pad = vmin == 0 ? 1 : abs(vmin) * 0.001
            vmin -= pad
            vmax += pad
        }
        let bins = max(1, bins)
        let (scale, offset) = scaleRange(vmin, vmax, bins: bins)
        let low = vmin - offset, high = vmax - offset
        let extended = steps.dropLast().map { $0 * 0.1 } + steps + [steps[1] * 10]
        let candidates = extended.map { $0 * scale }
        let rawStep = (high - low) / Double(bins)
        let first = candidates.firstIndex { $0 >= rawStep * (1 - 1e-10) } ?? candidates.count - 1
        var ticks: [Double] = []
        for step in candidates[...first].reversed() {
            let base = (low / step).rounded(.down) * step
            let lowIndex = edgeBelow((low - base) / step)
            let highIndex = edgeAbove((high - base) / step)
            ticks = (lowIndex...max(lowIndex, highIndex)).map { Double($0) * step + base + offset }
            let visible = ticks.filter { $0 >= vmin - 1e-10 * step && $0 <= vmax + 1e-10 * step }.count
            if visible >= minimumTicks { break }
        }
        return ticks.map { abs($0) < 1e-12 * (vmax - vmin) ? 0 : $0 }
    }

    /// Powers of ten spanning `lower...upper` (both positive), every `stride`-th decade when
    /// there are too many to label, and the 2...9 multiples between them as minor ticks.
    public static func log(_ lower: Double, _ upper: Double, bins: Int) -> (major: [Double], minor: [Double]) {
        guard lower > 0, upper > 0, lower.isFinite, upper.isFinite else { return ([], []) }
        let low = Int(Glibc.log10(min(lower, upper)).rounded(.down))
        let high = Int(Glibc.log10(max(lower, upper)).rounded(.up))
        let decades = high - low
        let stride = max(1, Int((Double(decades) / Double(max(1, bins))).rounded(.up)))
        var major: [Double] = []
        var exponent = low - ((low % stride) + stride) % stride
        while exponent <= high {
            major.append(power(exponent))
            exponent += stride
        }
        var minor: [Double] = []
        if stride == 1 {
            for e in low..<high {
                for k in 2...9 { minor.append(Double(k) * power(e)) }
            }
        }
        return (major, minor)
    }

    /// 10ⁿ exactly for the exponents a figure meets (repeated multiplication is not exact).
    static func power(_ exponent: Int) -> Double {
        Double("1e\(exponent)") ?? 0
    }

    /// matplotlib's `scale_range`: the power of ten of a bin, and an offset when the numbers
    /// sit far from zero relative to their spread.
    private static func scaleRange(_ vmin: Double, _ vmax: Double, bins: Int) -> (Double, Double) {
        let span = abs(vmax - vmin)
        let mean = (vmin + vmax) / 2
        var offset = 0.0
        if abs(mean) / span >= 100 {
            offset = (mean < 0 ? -1 : 1) * Glibc.pow(10, Glibc.log10(abs(mean)).rounded(.down))
        }
        let scale = Glibc.pow(10, Glibc.log10(span / Double(bins)).rounded(.down))
        return (scale, offset)
    }

    private static func edgeBelow(_ x: Double) -> Int {
        let nearest = x.rounded()
        return abs(x - nearest) < 1e-10 ? Int(nearest) : Int(x.rounded(.down))
    }

    private static func edgeAbove(_ x: Double) -> Int {
        let nearest = x.rounded()
        return abs(x - nearest) < 1e-10 ? Int(nearest) : Int(x.rounded(.up))
    }
}
