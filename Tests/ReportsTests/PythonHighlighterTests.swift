import Testing
@testable import Reports

/// Colouring by the interpreter's own lexer: what it reads as one token is one piece.
@Suite struct PythonHighlighterTests {
    @Test func colorsKeywordsBuiltinsStringsNumbersAndComments() {
        let html = PythonHighlighter.html("for i in range(3):  # loop\n    s = 'a<b' if i else \"\"\"x\ny\"\"\"\nf(end=1.5)")
        #expect(html == """
        <span class="line"><span class="keyword">for</span> i <span class="keyword">in</span> <span class="builtin">range</span>(<span class="number">3</span>):  <span class="comment"># loop</span></span>\
        <span class="line">    s = <span class="string">'a&lt;b'</span> <span class="keyword">if</span> i <span class="keyword">else</span> <span class="string">&quot;&quot;&quot;x</span></span>\
        <span class="line"><span class="string">y&quot;&quot;&quot;</span></span>\
        <span class="line">f(end=<span class="number">1.5</span>)</span>
        """)
    }

    @Test func numbersWithExponentsAreOneNumber() {
        #expect(PythonHighlighter.html("lr = 1e-3 + 2.5E+4") == "<span class=\"line\">lr = <span class=\"number\">1e-3</span> + <span class=\"number\">2.5E+4</span></span>")
        #expect(PythonHighlighter.html("x2 = float32") == "<span class=\"line\">x2 = float32</span>")
    }

    @Test func fStringsMarkTheirFields() {
        #expect(PythonHighlighter.html("f\"loss {loss:.3f} {{x}}\"") == "<span class=\"line\"><span class=\"string\">f&quot;loss </span><span class=\"field\">{loss:.3f}</span><span class=\"string\"> {{x}}&quot;</span></span>")
    }

    @Test func decoratorsAndBuiltinExceptions() {
        #expect(PythonHighlighter.html("@torch.no_grad()\ndef f():\n    raise ValueError(len(x))") == """
        <span class="line"><span class="decorator">@torch.no_grad</span>()</span>\
        <span class="line"><span class="keyword">def</span> f():</span>\
        <span class="line">    <span class="keyword">raise</span> <span class="builtin">ValueError</span>(<span class="builtin">len</span>(x))</span>
        """)
    }

    @Test func codeTheLexerRejectsStaysReadable() {
        #expect(PythonHighlighter.html("x = 1\ny = 'unclosed\nz = 2") == "<span class=\"line\">x = <span class=\"number\">1</span></span><span class=\"line\">y = 'unclosed</span><span class=\"line\">z = 2</span>")
    }
}
