/// Text widths from a fixed table of DejaVu Sans advance widths (matplotlib's default font),
/// in thousandths of an em: layout never depends on the fonts of the machine that renders.
enum FontMetrics {
    /// Advance widths of the printable ASCII characters, space (32) to tilde (126).
    private static let ascii: [Int] = [318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838]

    /// Width in points of `text` set at `size` points.
    static func width(_ text: String, size: Double) -> Double {
        var total = 0
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value >= 32, value <= 126 { total += ascii[value - 32] }
            else if value == 0x2212 { total += 838 }
            else if value >= 0x2E80 { total += 1000 }
            else { total += 620 }
        }
        return Double(total) * size / 1000
    }

    /// Height above the baseline of capitals and ascenders, and depth below it, per point of size.
    static let ascent = 0.76
    static let descent = 0.24
}
