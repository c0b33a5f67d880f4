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
import Interpreter

/// A session's matplotlib state on the host side: the figures open now (Python objects, in
/// the order they became current) and those shown during the current cell (plain data).
/// A notebook shows every figure still open when a cell ends and closes it; `endCell` does that.
public final class FigureRecorder {
    /// Open `Figure` objects of `matplotlib.pyplot`; the last is the current figure.
    var open: [PyValue] = []
    private var shown: [Figures.Figure] = []
    /// Figures whose state could not be read back (a defect of the pyplot source): said in warnings.
    private(set) var problems: [String] = []

    public init() {}

    /// Records every open figure as shown and closes them (`plt.show()`).
    func showAll() {
        for figure in open { record(figure) }
        open.removeAll()
    }

    /// What the cell showed, in order, after recording the figures it left open.
    public func endCell() -> (figures: [Figures.Figure], problems: [String]) {
        showAll()
        defer { shown.removeAll(); problems.removeAll() }
        return (shown, problems)
    }

    func close(_ figure: PyValue) {
        open.removeAll { $0.identical(to: figure) }
    }

    func makeCurrent(_ figure: PyValue) {
        close(figure)
        open.append(figure)
    }

    private func record(_ figure: PyValue) {
        do {
            shown.append(try FigureState.decode(figure))
        } catch {
            problems.append("matplotlib: a figure could not be recorded: \(error)\n")
        }
    }
}

extension PyValue {
    /// The same Python object (`is`).
    func identical(to other: PyValue) -> Bool {
        if case .object(let a) = self, case .object(let b) = other { return a === b }
        return false
    }
}
