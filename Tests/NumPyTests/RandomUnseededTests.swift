import Interpreter
import NumPy
import Testing

/// Unseeded generators (fresh entropy) cannot have goldens: they must still run, give values
/// in range, and differ between two generators.
@Suite struct RandomUnseededTests {
    @Test func unseededGeneratorsDrawInRangeAndDiffer() {
        let interp = Interpreter()
        NumPyModule.install(into: interp)
        let r = interp.runCell("""
            import numpy as np
            np.random.seed()
            a = np.random.rand(5)
            b = np.random.default_rng().random(5)
            c = np.random.default_rng().random(5)
            print(bool(((a >= 0) & (a < 1)).all()), bool(((b >= 0) & (b < 1)).all()), bool((b != c).any()))
            print(np.random.RandomState().randint(3, 4), np.random.SeedSequence().entropy >= 0)
            """, file: "test.md", firstLine: 1, timeout: 60)
        #expect(r.error == nil, "\(r.error?.lastLine ?? "")")
        #expect(r.output == "True True True\n3 True\n")
        interp.shutdown()
    }

    /// The global RandomState is seeded from entropy at import, as NumPy's is.
    @Test func globalStateStartsUnseeded() {
        func firstDraw() -> String {
            let interp = Interpreter()
            NumPyModule.install(into: interp)
            let r = interp.runCell("import numpy as np\nnp.random.random()", file: "t.md", firstLine: 1, timeout: 60)
            interp.shutdown()
            return r.output
        }
        #expect(firstDraw() != firstDraw())
    }
}
