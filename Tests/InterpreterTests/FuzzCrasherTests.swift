import Interpreter
import Testing

/// Crashes found by the generated-program campaign (fuzz/crashers/generated, fuzz/RESULTS.md),
/// each reduced to its statement; the outputs are CPython 3.11's.
@Suite struct FuzzCrasherTests {
    static let cases: [(source: String, expected: String)] = [
        // Was a 2**62-space allocation (SIGABRT).
        ("' \\t\\n'.expandtabs(2**62)", "OverflowError: Python int too large to convert to C int\n"),
        // Was a negative repeat count (SIGILL).
        ("' \\t\\n'.expandtabs(-2**63)", "OverflowError: Python int too large to convert to C int\n"),
        ("repr('a\\tb\\r\\tc'.expandtabs(4)), 'a\\tb'.expandtabs(0), 'a\\tb'.expandtabs(-1)", "(\"'a   b\\\\r    c'\", 'ab', 'ab')\n"),
        // Was Int(Double) overflow (SIGILL).
        ("'%d' % (1e308,)", "'100000000000000001097906362944045541740492309677311846336810682903157585404911491537163328978494688899061249669721172515611590283743140088328307009198146046031271664502933027185697489699588559043338384466165001178426897626212945177628091195786707458122783970171784415105291802893207873272974885715430223118336'\n"),
        ("'%d|%5d|%25d' % (1e20, 2.7, -1e20)", "'100000000000000000000|    2|   -100000000000000000000'\n"),
        ("'%d' % float('nan')", "ValueError: cannot convert float NaN to integer\n"),
        ("'%d' % float('inf')", "OverflowError: cannot convert float infinity to integer\n"),
        // libFuzzer (FuzzPython): 400 nested brackets overflowed the parser's stack.
        ("x = " + String(repeating: "[", count: 201), "SyntaxError: too many nested parentheses\n"),
        ("x = " + String(repeating: "[", count: 200) + "0" + String(repeating: "]", count: 200) + "\nprint(len(x))", "1\n"),
        // libFuzzer (FuzzInterpreter, timeout-3af3cd3b…): `'' * 2**31` looped 2**31 times in
        // native code, past the cell's limit; empty sequences now repeat at once.
        ("'' * 2**31, 2**31 * '', [] * 2**31, () * 2**31, b'' * 2**31, bytearray() * 2**31", "('', '', [], (), b'', bytearray(b''))\n"),
        ("x = []; x *= 2**31; x", "[]\n"),
        ("3 * b'ab', bytearray(b'x') * 2, 2 * bytearray(b'y')", "(b'ababab', bytearray(b'xx'), bytearray(b'yy'))\n"),
        ("b'ab' * 2**40", "MemoryError\n"),
        // libFuzzer (FuzzInterpreter, timeout-336b4960…): a format width past the session's
        // object limit was checked against the default limit only.
        ("f'{(0,)!r:>{2**40}}'", "MemoryError\n"),
    ]

    /// The empty repetitions above must also be quick: they ran for seconds before.
    @Test func emptyRepetitionIsImmediate() {
        let clock = ContinuousClock()
        let start = clock.now
        let run = Interpreter().runCell("for _ in range(3): x = ('' * 2**31, [] * 2**31, b'' * 2**31)", file: "t.md", firstLine: 1, timeout: 5)
        #expect(run.error == nil)
        #expect(clock.now - start < .seconds(1))
    }

    /// Zero padding with grouping to a wide width was quadratic (one zero prepended at a time).
    @Test func wideGroupedZeroPaddingIsImmediate() {
        let clock = ContinuousClock()
        let start = clock.now
        let run = Interpreter().runCell("s = format(7, '0=200000,'); print(len(s), s[:8], s[-4:])", file: "t.md", firstLine: 1, timeout: 5)
        #expect(run.output == "200001 0,000,00 ,007\n")
        #expect(clock.now - start < .seconds(2))
    }

    /// A session's own object limit holds for format widths too.
    @Test func formatWidthChargedToTheSessionLimit() {
        let run = Interpreter(limits: .init(objectByteLimit: 1 << 20)).runCell("f'{0:>{2**21}}'", file: "t.md", firstLine: 1, timeout: 5)
        #expect(run.error?.lastLine == "MemoryError")
    }

    @Test(arguments: cases.indices)
    func raisesOrFormatsAsCPython(_ index: Int) {
        let (source, expected) = Self.cases[index]
        let run = Interpreter().runCell(source, file: "t.md", firstLine: 1, timeout: 30)
        var out = run.output
        if let e = run.error { out += e.lastLine + "\n" }
        #expect(out == expected, "\(source)")
    }
}
