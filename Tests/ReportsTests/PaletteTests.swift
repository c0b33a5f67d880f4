import Testing
@testable import Reports

/// Every colour of the handouts, light and dark, meets WCAG AA against each background it
/// is drawn on: 4.5:1 for text (comments included), 3:1 for the wrap marker.
@Suite struct PaletteTests {
    @Test func textColoursMeetAA() {
        for (name, palette) in [("light", Palette.light), ("dark", Palette.dark)] {
            for pair in Palette.textPairs {
                let ratio = Palette.contrast(palette[pair.text], palette[pair.background])
                #expect(ratio >= 4.5, "\(name): \(pair.text) on \(pair.background) is \(ratio):1")
            }
            for pair in Palette.graphicPairs {
                let ratio = Palette.contrast(palette[pair.graphic], palette[pair.background])
                #expect(ratio >= 3, "\(name): \(pair.graphic) on \(pair.background) is \(ratio):1")
            }
        }
    }

    @Test func contrastIsComputedAsWCAGDefinesIt() {
        #expect(Palette.contrast("#000000", "#ffffff") == 21)
        #expect(Palette.contrast("#ffffff", "#ffffff") == 1)
        #expect(abs(Palette.contrast("#767676", "#ffffff") - 4.54) < 0.01)
    }

    @Test func bothPalettesNameTheSameColoursAndTheStylesheetUsesThem() {
        #expect(Palette.light.colors.map(\.key) == Palette.dark.colors.map(\.key))
        for name in Palette.light.colors.map(\.key) {
            #expect(HandoutStyle.css.contains("var(--\(name))"), "--\(name) is never used")
        }
        #expect(HandoutStyle.css.contains("@media (prefers-color-scheme: dark)"))
        #expect(HandoutStyle.css.contains("@media print"))
        #expect(HandoutStyle.css.contains("@page { size: A4"))
        #expect(HandoutStyle.css.contains("@media (max-width: 600px)"))
    }
}
