import Testing
@testable import Lessons

@Suite struct OutputComparisonTests {
    @Test func trailingSpacesAndBlankLinesAreIgnored() {
        #expect(OutputComparison.matches("a  \nb\n\n\n", "a\nb\n"))
        #expect(OutputComparison.matches("a\n", "a"))
        #expect(!OutputComparison.matches(" a\n", "a\n"))
        #expect(!OutputComparison.matches("a\n\nb\n", "a\nb\n"))
    }

    /// PyTorch prints a different address on every run; the type name must still match.
    @Test func objectAddressesMatchAnyAddress() {
        let expected = "z = <AddBackward0 object at 0x7f97ccedfdc0>\n((<AccumulateGrad object at 0x7f9886076350>, 0),)\n"
        #expect(OutputComparison.matches("z = <AddBackward0 object at 0x7fb3640ddfc0>\n((<AccumulateGrad object at 0x55d0>, 0),)\n", expected))
        #expect(!OutputComparison.matches("z = <MulBackward0 object at 0x7fb3640ddfc0>\n((<AccumulateGrad object at 0x55d0>, 0),)\n", expected))
        #expect(!OutputComparison.matches("z = <AddBackward0 object at 0x7fb3640ddfc0>\n((<AccumulateGrad object at 0x55d0>, 1),)\n", expected))
        #expect(!OutputComparison.matches("id 0x7f97ccedfdc0\n", "id 0x7f97ccedfdc1\n"))
        #expect(!OutputComparison.matches("<A object at 0x12 >\n", "<A object at 0x13 >\n"))
        #expect(ObjectAddress.masked("<a object at 0xzz> <b object at 0xAbC0>") == "<a object at 0xzz> <b object at 0x…>")
        #expect(OutputComparison.matches("<generator object Module.parameters at 0xfc40156d6dc8466b>\n", "<generator object Module.parameters at 0x7f362d3883c0>\n"))
        #expect(!OutputComparison.matches("<generator object Module.buffers at 0xfc40156d6dc8466b>\n", "<generator object Module.parameters at 0x7f362d3883c0>\n"))
    }

    @Test func toleranceComparesNumbersOnly() {
        let expected = "tensor([1.0000, 2.5000]) loss 0.1235\n"
        #expect(OutputComparison.matches("tensor([1.0001, 2.4999]) loss 0.1236\n", expected, tolerance: 1e-3))
        #expect(!OutputComparison.matches("tensor([1.0001, 2.4999]) loss 0.1236\n", expected, tolerance: 1e-5))
        #expect(!OutputComparison.matches("tensor([1.0000, 2.5000]) LOSS 0.1235\n", expected, tolerance: 1))
        #expect(OutputComparison.matches("x 1.5e-05 float32\n", "x 1.6e-05 float32\n", tolerance: 1e-6))
        #expect(!OutputComparison.matches("float64\n", "float32\n", tolerance: 100))
    }

    @Test func unifiedDiffShowsChangedLinesWithContext() {
        let diff = UnifiedDiff.make(expected: ["a", "b", "c"], actual: ["a", "B", "c", "d"])
        #expect(diff == "@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n")
        #expect(UnifiedDiff.make(expected: ["same"], actual: ["same"]) == "")
        #expect(UnifiedDiff.make(expected: [], actual: ["new"]) == "@@ -0,0 +1 @@\n+new\n")
    }

    @Test func distantChangesMakeSeparateHunks() {
        let old = (1...20).map(String.init)
        var new = old
        new[1] = "two"
        new[18] = "nineteen"
        let diff = UnifiedDiff.make(expected: old, actual: new, context: 1)
        #expect(diff == "@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n@@ -18,3 +18,3 @@\n 18\n-19\n+nineteen\n 20\n")
    }
}
