import Foundation
import Testing
@testable import Reports

/// The test page of every supported TeX command: each input and its MathML, committed as
/// `Goldens/math-commands.html` (open it in a browser to see them drawn). Set
/// `GRADBOOK_UPDATE_GOLDENS=1` to rewrite it after a deliberate change.
@Suite struct MathGoldenTests {
    /// Inputs beyond the one-symbol commands: every construct the parser knows.
    static let constructs: [(tex: String, display: Bool)] = [
        ("x^2 + 2x", false), ("x_i", false), ("x_i^2", false), ("x^{2n}_{i,j}", false), ("e^{-x^2}", false),
        ("f'(x)", false), ("f''(x)", false), ("f'^2", false), ("{}^{14}C", false), ("3.14159 + 1.5x - 2", false),
        ("\\frac{a}{b}", false), ("\\frac{\\partial L}{\\partial w}", true), ("\\frac12", false),
        ("\\dfrac{1}{2}", false), ("\\tfrac{1}{2}", true), ("\\cfrac{1}{1 + x}", true), ("\\binom{n}{k}", true),
        ("\\sqrt{x}", false), ("\\sqrt[3]{x + 1}", false), ("\\sqrt{x^2 + y^2}", true),
        ("\\sum_{i=1}^{n} x_i", true), ("\\sum_{i=1}^{n} x_i", false), ("\\prod_{k} p_k", true),
        ("\\int_0^1 f(x)\\,dx", true), ("\\oint_C \\mathbf{F} \\cdot d\\mathbf{r}", true),
        ("\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1", true), ("\\max_{\\theta} \\log p(x \\mid \\theta)", true),
        ("\\argmin_w L(w)", true), ("\\sum\\limits_{i} x_i", false), ("\\int\\limits_0^1 x", true), ("\\sum\\nolimits_i x_i", true),
        ("\\log_2 n", false), ("\\exp(-x)", false), ("\\sin^2 x + \\cos^2 x = 1", false), ("\\tanh(x)", false),
        ("\\operatorname{softmax}(z)_i", false), ("\\operatorname*{arg\\,max}_k z_k", true),
        ("\\nabla_\\theta L", false), ("\\partial_t u = \\nabla^2 u", false), ("\\hat{y} = Wx + b", false),
        ("\\hat y", false), ("\\bar{x}", false), ("\\vec{v}", false), ("\\tilde{x}", false), ("\\dot{x}", false),
        ("\\ddot{x}", false), ("\\check{x}", false), ("\\breve{x}", false), ("\\acute{x}", false), ("\\grave{x}", false),
        ("\\mathring{A}", false), ("\\widehat{xyz}", false), ("\\widetilde{xyz}", false), ("\\overline{x + y}", false),
        ("\\underline{x}", false), ("\\overrightarrow{AB}", false), ("\\overleftarrow{AB}", false),
        ("\\overbrace{a + b}^{n}", true), ("\\underbrace{1 + \\cdots + 1}_{n}", true),
        ("\\overset{!}{=}", false), ("\\underset{x}{\\min}", false), ("\\stackrel{\\text{def}}{=}", false),
        ("\\mathbf{x} \\in \\mathbb{R}^n", false), ("\\mathbf{W1}", false), ("\\boldsymbol{\\theta}", false),
        ("\\bm{\\mu}", false), ("\\mathbf{\\Theta}", false), ("\\mathcal{L}(\\theta)", false), ("\\mathcal{N}(0, 1)", false),
        ("\\mathscr{F}", false), ("\\mathbb{E}[X]", false), ("\\mathbb{1}", false), ("\\mathrm{d}x", false),
        ("\\mathrm{ReLU}(x)", false), ("\\mathit{diff}", false), ("\\mathsf{A}", false), ("\\mathtt{x}", false),
        ("\\mathfrak{g}", false), ("\\text{if } x > 0", false), ("\\textrm{loss}", false), ("\\textbf{bold}", false),
        ("\\textit{it}", false), ("\\texttt{code}", false), ("\\textsf{sans}", false), ("\\mbox{box}", false),
        ("\\text{a \\$5 \\% fee}", false), ("\\left( \\frac{a}{b} \\right)", true), ("\\left[ x \\right]", false),
        ("\\left\\{ x \\right\\}", false), ("\\left| x \\right|", false), ("\\left\\| x \\right\\|", false),
        ("\\left\\langle u, v \\right\\rangle", false), ("\\left\\lfloor x \\right\\rfloor", false),
        ("\\left\\lceil x \\right\\rceil", false), ("\\left. \\frac{df}{dx} \\right|_{x=0}", true),
        ("\\left( a \\middle| b \\right)", false), ("\\left< a \\right>", false), ("\\big( \\Big( \\bigg( \\Bigg(", false),
        ("\\bigl[ x \\bigr]", false), ("(a) [b] |c| a/b", false),
        ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", true), ("\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}", true),
        ("\\begin{matrix} 1 & 0 \\\\ 0 & 1 \\end{matrix}", false), ("\\begin{Bmatrix} x \\end{Bmatrix}", false),
        ("\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix}", false), ("\\begin{Vmatrix} x \\end{Vmatrix}", false),
        ("\\begin{smallmatrix} 1 & 2 \\end{smallmatrix}", false),
        ("\\begin{aligned} f(x) &= (x + 1)^2 \\\\ &= x^2 + 2x + 1 \\end{aligned}", true),
        ("\\begin{align*} a &= b \\\\ c &= d \\end{align*}", true), ("\\begin{align} a &= b \\end{align}", true),
        ("\\begin{split} a &= b + c \\\\ &= d \\end{split}", true), ("\\begin{gathered} a = b \\\\ c = d \\end{gathered}", true),
        ("\\begin{gather} a \\\\ b \\end{gather}", true), ("\\begin{equation} E = mc^2 \\end{equation}", true),
        ("\\begin{alignedat}{2} a &= b & c &= d \\end{alignedat}", true),
        ("\\begin{cases} x & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}", true),
        ("\\begin{array}{lcr} a & b & c \\\\ 1 & 2 & 3 \\end{array}", true),
        ("a &= b \\\\ c &= d", true), ("a \\\\ b", true), ("\\begin{pmatrix} 1 \\\\ 2 \\\\ \\end{pmatrix}", false),
        ("\\displaystyle \\sum_i x_i", false), ("\\textstyle \\sum_i x_i", true), ("\\scriptstyle x", false),
        ("\\not= \\not\\in \\not\\equiv \\not<", false), ("\\not\\parallel", false), ("a \\nonumber", true),
        ("x \\label{eq:x}", true), ("a \\notag b", true), ("a\\nobreak b\\allowbreak c", false), ("a~b", false),
        ("\\{ x \\mid x > 0 \\}", false), ("x = 1 % a comment\n+ 2", true), ("*", false), ("\\alpha_1, \\ldots, \\alpha_n", false),
        ("ψ + α", false), ("a & b", false),
        // Unsupported or broken input: visible source, a warning, never a broken page.
        ("\\color{red}{x}", false), ("\\begin{tikzcd} a \\end{tikzcd}", false), ("\\frac{a}{b", false),
        ("x^", false), ("a}", false), ("\\left( x", false), ("x \\right)", false), ("\\end{pmatrix}", false),
        ("x^1^2", false), ("x_1_2", false), ("\\begin{pmatrix} a \\end{bmatrix}", false),
        ("\\sqrt[3{x}", false), ("\\left\\foo x \\right)", false), ("\\", false),
    ]

    /// Every one-symbol command in the macro table, alone.
    static var symbols: [(tex: String, display: Bool)] {
        TeXSymbols.names.map { name in
            let command = "\\" + name
            return (name.first?.isLetter == true ? command : "a\(command)b", false)
        }
    }

    static func page() -> String {
        var body = "<h1>Every supported TeX command</h1>\n<table class=\"math-golden\">\n<thead><tr><th>TeX</th><th>Shown</th><th>MathML</th><th>Warnings</th></tr></thead>\n<tbody>\n"
        for (tex, display) in constructs + symbols {
            let rendering = TeXMath.render(tex, display: display)
            let source = display ? "$$\(tex)$$" : "$\(tex)$"
            body += "<tr><td><code>\(source.htmlEscaped)</code></td><td>\(rendering.mathML)</td>"
            body += "<td><code>\(rendering.mathML.htmlEscaped)</code></td><td>\(rendering.warnings.joined(separator: "; ").htmlEscaped)</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"
        // Its own small page, so that a change of the handout stylesheet leaves it alone.
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>TeX commands</title>\n<style>\n"
            + "body { font: 16px/1.5 sans-serif; margin: 1rem; } td { border-top: 1px solid #ccc; padding: 0.3rem 0.5rem; vertical-align: middle; }\n"
            + "td:nth-child(3) { font-size: 11px; max-width: 32rem; overflow-wrap: anywhere; }\n"
            + "math { font-family: \"STIX Two Math\", \"Cambria Math\", \"Latin Modern Math\", \"DejaVu Math TeX Gyre\", math; }\n"
            + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n"
    }

    @Test func everyCommandRendersAsCommitted() throws {
        try Golden.check(Self.page(), file: "math-commands.html")
    }

    @Test func everySymbolIsSupported() {
        for (tex, display) in Self.symbols {
            let rendering = TeXMath.render(tex, display: display)
            #expect(rendering.warnings.isEmpty, "\(tex)")
            #expect(!rendering.mathML.contains("merror"), "\(tex)")
        }
    }

    @Test func supportedConstructsGiveNoWarnings() {
        let broken = Self.constructs.firstIndex { $0.tex == "\\color{red}{x}" }!
        for (tex, display) in Self.constructs[..<broken] {
            let rendering = TeXMath.render(tex, display: display)
            #expect(rendering.warnings.isEmpty, "\(tex): \(rendering.warnings)")
            #expect(!rendering.mathML.contains("merror"), "\(tex)")
        }
        for (tex, display) in Self.constructs[broken...] {
            #expect(!TeXMath.render(tex, display: display).warnings.isEmpty, "\(tex) should warn")
        }
    }
}
