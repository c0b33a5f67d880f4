import Tensors

/// How visuals show a tensor's values: its `repr` when small enough to read in a panel, else
/// one line of statistics and a heat strip.
enum TensorSummary {
    /// Largest element count shown in full.
    static let printLimit = 32
    /// Cells in a heat strip.
    static let heatCells = 32

    static func text(_ t: Tensor, repr: (Tensor) throws -> String) -> String {
        if t.numel <= printLimit, let text = try? repr(t) { return text }
        guard let values = doubles(t), !values.isEmpty else { return "\(t.numel) elements" }
        let mean = values.reduce(0, +) / Double(values.count)
        let low = values.min()!, high = values.max()!
        return "\(t.numel) elements: min \(number(low)), max \(number(high)), mean \(number(mean))"
    }

    /// Means of `heatCells` runs of consecutive elements, divided by the largest magnitude
    /// (nil for tensors small enough to print, or not made of numbers).
    static func heat(_ t: Tensor) -> [Double]? {
        guard t.numel > printLimit, let values = doubles(t), !values.isEmpty else { return nil }
        let cells = min(heatCells, values.count)
        var means: [Double] = []
        for cell in 0..<cells {
            let start = cell * values.count / cells, end = (cell + 1) * values.count / cells
            means.append(values[start..<end].reduce(0, +) / Double(end - start))
        }
        let scale = means.map(abs).max() ?? 0
        return means.map { scale > 0 && $0.isFinite ? rounded($0 / scale) : 0 }
    }

    static func doubles(_ t: Tensor) -> [Double]? {
        (try? t.scalars())?.map(\.doubleValue)
    }

    /// Four significant decimals, as PyTorch's default print precision.
    static func number(_ value: Double) -> String {
        PythonFloatFormat.fixed(value, precision: 4)
    }

    /// Three decimals, so that heat values (and the SVG colours made of them) are the same
    /// on every machine.
    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
