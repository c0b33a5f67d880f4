/// Text widths from a fixed table (Helvetica's advance widths, in thousandths of an em), so
/// that a graph's layout and its SVG bytes never depend on the fonts of the machine that
/// drew it. The SVG asks for Helvetica or Arial, whose widths these are.
enum GraphFontMetrics {
    /// Widths of ASCII 32 (space) through 126 (`~`).
    private static let widths: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ... /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 ... ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ ... O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P ... _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` ... o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,       // p ... ~
    ]

    /// Width in pixels of `text` set at `size` pixels; characters outside ASCII count as a digit.
    static func width(_ text: String, size: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            units += value >= 32 && value <= 126 ? widths[value - 32] : 556
        }
        return Double(units) * size / 1000
    }
}
