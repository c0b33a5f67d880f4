import Figures
@testable import Reports
import Testing

/// Tick positions and labels, checked against what matplotlib 3.11 draws for the same view
/// limits (the limits are matplotlib's own autoscaled ones, 5% margins included).
@Suite struct FigureTicksTests {
    private func visible(_ lower: Double, _ upper: Double, bins: Int = 9) -> [String] {
        let ticks = TickLocator.linear(lower, upper, bins: bins).filter { $0 >= lower - 1e-9 && $0 <= upper + 1e-9 }
        return TickFormatter.linear(ticks, lower: lower, upper: upper).texts
    }

    @Test func unitIntervalStepsByFifths() {
        #expect(visible(-0.05, 1.05) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func symmetricIntervalTakesTheTwoAndAHalfStep() {
        #expect(visible(-1.1, 1.1) == ["\u{2212}1.00", "\u{2212}0.75", "\u{2212}0.50", "\u{2212}0.25", "0.00",
                                      "0.25", "0.50", "0.75", "1.00"])
    }

    @Test func integersWithoutDecimalsAndUnicodeMinus() {
        #expect(visible(-3.5, 7.5) == ["\u{2212}2", "0", "2", "4", "6"])
        #expect(visible(-617.25, 12962.25) == ["0", "2000", "4000", "6000", "8000", "10000", "12000"])
        #expect(visible(-0.5, 10.5) == ["0", "2", "4", "6", "8", "10"])
    }

    @Test func smallNumbersKeepTheirDecimals() {
        #expect(visible(0.000435, 0.012865) == ["0.002", "0.004", "0.006", "0.008", "0.010", "0.012"])
        #expect(visible(-0.0025, 0.0525) == ["0.00", "0.01", "0.02", "0.03", "0.04", "0.05"])
    }

    @Test func largeNumbersShareAMultiplier() {
        let ticks = TickLocator.linear(-49998.95, 1049999.95, bins: 9).filter { $0 >= -49998.95 && $0 <= 1049999.95 }
        let labels = TickFormatter.linear(ticks, lower: -49998.95, upper: 1049999.95)
        #expect(labels.texts == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(labels.multiplier == "1e6")
    }

    @Test func logAxisTicksAtPowersOfTen() {
        let ticks = TickLocator.log(0.5, 2000, bins: 9)
        #expect(ticks.major == [0.1, 1, 10, 100, 1000, 10000])
        #expect(ticks.minor.prefix(3) == [0.2, 0.30000000000000004, 0.4])
        #expect(TickFormatter.exponent(of: 0.01) == "\u{2212}2")
    }

    @Test func contourLevelsAsMatplotlibPicksThem() {
        // contourf(x, y, z) with z in [-3.3, 3.3]: matplotlib's levels, default and levels=5.
        let z: Numbers = [-3.3, 0, 3.3, 1]
        let contour = Contour(x: [0, 1], y: [0, 1], z: z, filled: true)
        #expect(Contours.levels(contour) == [-4, -3, -2, -1, 0, 1, 2, 3, 4])
        var five = contour
        five.levelCount = 5
        #expect(Contours.levels(five) == [-4.5, -3, -1.5, 0, 1.5, 3, 4.5])
    }

    @Test func coordinatesAreWrittenWithTwoDecimalsAtMost() {
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(12.5) == "12.5")
        #expect(SVGNumber.format(-3.14159) == "-3.14")
    }
}
