/// TeX's math fonts as Unicode's mathematical alphanumeric characters, which is how MathML
/// Core writes them (it has no bold or double-struck `mathvariant`).
enum MathAlphabet: Sendable, Equatable {
    case bold, italic, boldItalic, script, doubleStruck, sansSerif, monospace, fraktur
    /// `\mathrm`: letters upright, as written.
    case upright

    /// `character` in this alphabet; characters the alphabet lacks come back unchanged.
    func map(_ character: Character) -> Character {
        guard self != .upright, let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return character
        }
        let value = scalar.value
        if let exception = exceptions[character] { return exception }
        var mapped: UInt32?
        switch value {
        case 0x41...0x5A: mapped = capitalA.map { $0 + value - 0x41 }
        case 0x61...0x7A: mapped = smallA.map { $0 + value - 0x61 }
        case 0x30...0x39: mapped = digitZero.map { $0 + value - 0x30 }
        case 0x391...0x3A9: mapped = greekCapital.map { $0 + value - 0x391 }
        case 0x3B1...0x3C9: mapped = greekSmall.map { $0 + value - 0x3B1 }
        default: break
        }
        guard let mapped, let result = Unicode.Scalar(mapped) else { return character }
        return Character(result)
    }

    private var capitalA: UInt32? {
        switch self {
        case .bold: 0x1D400
        case .italic: 0x1D434
        case .boldItalic: 0x1D468
        case .script: 0x1D49C
        case .fraktur: 0x1D504
        case .doubleStruck: 0x1D538
        case .sansSerif: 0x1D5A0
        case .monospace: 0x1D670
        case .upright: nil
        }
    }

    private var smallA: UInt32? { capitalA.map { $0 + 26 } }

    private var digitZero: UInt32? {
        switch self {
        case .bold: 0x1D7CE
        case .doubleStruck: 0x1D7D8
        case .sansSerif: 0x1D7E2
        case .monospace: 0x1D7F6
        default: nil
        }
    }

    private var greekCapital: UInt32? {
        switch self {
        case .bold: 0x1D6A8
        case .italic: 0x1D6E2
        case .boldItalic: 0x1D71C
        default: nil
        }
    }

    private var greekSmall: UInt32? {
        switch self {
        case .bold: 0x1D6C2
        case .italic: 0x1D6FC
        case .boldItalic: 0x1D736
        default: nil
        }
    }

    /// Letters Unicode had encoded before the mathematical block (the block leaves holes there).
    private var exceptions: [Character: Character] {
        switch self {
        case .italic: ["h": "ℎ"]
        case .script: ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
                       "e": "ℯ", "g": "ℊ", "o": "ℴ"]
        case .fraktur: ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"]
        case .doubleStruck: ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
        case .boldItalic: ["ϵ": "𝝐", "ϑ": "𝝑", "ϰ": "𝝒", "ϕ": "𝝓", "ϱ": "𝝔", "ϖ": "𝝕", "∂": "𝝏"]
        case .bold: ["ϵ": "𝛜", "ϑ": "𝛝", "ϰ": "𝛞", "ϕ": "𝛟", "ϱ": "𝛠", "ϖ": "𝛡", "∂": "𝛛"]
        default: [:]
        }
    }

    /// The font commands TeX has for each alphabet.
    static func forCommand(_ name: String) -> MathAlphabet? {
        switch name {
        case "mathbf": .bold
        case "mathit": .italic
        case "boldsymbol", "bm": .boldItalic
        case "mathcal", "mathscr": .script
        case "mathbb": .doubleStruck
        case "mathsf": .sansSerif
        case "mathtt": .monospace
        case "mathfrak": .fraktur
        case "mathrm": .upright
        default: nil
        }
    }
}
