import Testing
@testable import Reports

/// Exact MathML for the constructs the issue names, and what happens to input that is not supported.
@Suite struct MathTests {
    private func math(_ tex: String, display: Bool = false) -> String { TeXMath.render(tex, display: display).mathML }

    @Test func scriptsFractionsAndRoots() {
        #expect(math("x^2 + 2x") == "<math><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mn>2</mn><mi>x</mi></math>")
        #expect(math("x_i^{2}") == "<math><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup></math>")
        #expect(math("\\frac{\\partial L}{\\partial w}") == "<math><mfrac><mrow><mi>∂</mi><mi>L</mi></mrow><mrow><mi>∂</mi><mi>w</mi></mrow></mfrac></math>")
        #expect(math("\\sqrt[3]{x}") == "<math><mroot><mi>x</mi><mn>3</mn></mroot></math>")
        #expect(math("\\sqrt{x+1}") == "<math><msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt></math>")
        #expect(math("1e-3") == "<math><mn>1</mn><mi>e</mi><mo>−</mo><mn>3</mn></math>")
    }

    @Test func largeOperatorsTakeLimitsAndFunctionsApply() {
        #expect(math("\\sum_{i=1}^n x_i", display: true) == "<math display=\"block\"><munderover><mo movablelimits=\"true\">∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></math>")
        #expect(math("\\log_2 n") == "<math><msub><mi>log</mi><mn>2</mn></msub><mo>&#x2061;</mo><mi>n</mi></math>")
        #expect(math("\\lim_{x \\to 0}") == "<math><munder><mo form=\"prefix\" movablelimits=\"true\">lim</mo><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder></math>")
        #expect(math("\\int_0^1") == "<math><msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup></math>")
    }

    @Test func fontsAccentsFencesAndText() {
        #expect(math("\\mathbf{x} \\in \\mathbb{R}^n") == "<math><mi>𝐱</mi><mo>∈</mo><msup><mi>ℝ</mi><mi>n</mi></msup></math>")
        #expect(math("\\hat{y}") == "<math><mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">^</mo></mover></math>")
        #expect(math("\\Delta \\nabla") == "<math><mi mathvariant=\"normal\">Δ</mi><mi mathvariant=\"normal\">∇</mi></math>")
        #expect(math("\\left( x \\right)") == "<math><mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mi>x</mi><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow></math>")
        #expect(math("\\text{ if }x") == "<math><mtext>&#xA0;if&#xA0;</mtext><mi>x</mi></math>")
        #expect(math("a \\cdot b \\times c \\le d \\ne e \\approx f") == "<math><mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>≤</mo><mi>d</mi><mo>≠</mo><mi>e</mi><mo>≈</mo><mi>f</mi></math>")
    }

    @Test func matricesAndAlignedEquations() {
        #expect(math("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}") == "<math><mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr><mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow></math>")
        #expect(math("\\begin{aligned} a &= b \\\\ &= c \\end{aligned}") == "<math><mtable displaystyle=\"true\"><mtr><mtd style=\"text-align: right; padding-right: 0\"><mi>a</mi></mtd><mtd style=\"text-align: left; padding-left: 0\"><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd style=\"text-align: right; padding-right: 0\"></mtd><mtd style=\"text-align: left; padding-left: 0\"><mo>=</mo><mi>c</mi></mtd></mtr></mtable></math>")
    }

    @Test func unsupportedCommandsShowTheirSourceWithAWarning() {
        let rendering = TeXMath.render("\\color{red} x + \\frac{1}{2", display: false)
        #expect(rendering.mathML == "<math><merror><mtext>\\color</mtext></merror><mrow><mi>r</mi><mi>e</mi><mi>d</mi></mrow><mi>x</mi><mo>+</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>")
        #expect(rendering.warnings == ["unsupported TeX command \\color", "missing }"])
        let environment = TeXMath.render("\\begin{tikzcd} a \\end{tikzcd}", display: true)
        #expect(environment.mathML.hasPrefix("<math display=\"block\"><mrow><merror><mtext>\\begin{tikzcd}</mtext></merror><mtable>"))
        #expect(environment.warnings == ["unsupported TeX environment tikzcd"])
        #expect(TeXMath.render("<script>", display: false).mathML == "<math><mo>&lt;</mo><mi>s</mi><mi>c</mi><mi>r</mi><mi>i</mi><mi>p</mi><mi>t</mi><mo>&gt;</mo></math>")
    }
}
