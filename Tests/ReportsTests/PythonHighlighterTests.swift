import Testing
@testable import Reports

@Suite struct PythonHighlighterTests {
    @Test func colorsKeywordsStringsNumbersAndComments() {
        let html = PythonHighlighter.html("for i in range(3):  # loop\n    s = 'a<b' if i else \"\"\"x\"\"\"\nf(end=1.5)")
        #expect(html == """
        <span class="keyword">for</span> i <span class="keyword">in</span> range(<span class="number">3</span>):  <span class="comment"># loop</span>
            s = <span class="string">'a&lt;b'</span> <span class="keyword">if</span> i <span class="keyword">else</span> <span class="string">&quot;&quot;&quot;x&quot;&quot;&quot;</span>
        f(end=<span class="number">1.5</span>)
        """)
    }

    @Test func namesContainingDigitsAreNotNumbers() {
        #expect(PythonHighlighter.html("x2 = float32") == "x2 = float32")
    }
}
