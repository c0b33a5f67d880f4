import Dispatch
import Testing
@testable import Interpreter

/// The cell's time limit inside one long native operation (issue 18): big-int arithmetic
/// and conversion and string building poll the deadline (`NativeDeadline`) and raise the
/// cell's uncatchable TimeoutError, instead of running until the worker's watchdog.
@Suite struct NativeDeadlineTests {
    /// Each runs for minutes without the polls (`10**10**7` squares million-limb numbers
    /// with schoolbook multiplication), and would then end with the TimeoutError of the
    /// next evaluator tick; with them the cell stops at the first poll past its 0.3 s
    /// limit. The 60 s bound tells the two apart on a loaded machine (wall time there can
    /// be ten times the CPU time).
    @Test(arguments: [
        "x = 10 ** 10 ** 7",
        "x = 3 ** 6000000\ny = x * x",
        "x = 7 ** 4000000\ny = x // (3 ** 2000000)",
        "import sys\nsys.set_int_max_str_digits(0)\ns = str(7 ** 3000000)",
        "import sys\nsys.set_int_max_str_digits(0)\nn = int('7' * 3000000)",
        "x = 5 ** 3000000\ny = f'{x * x:>10}'",
    ])
    func longBigIntOperationStopsAtTheCellLimit(_ source: String) {
        let interp = Interpreter()
        let start = DispatchTime.now().uptimeNanoseconds
        let r = interp.runCell("try:\n" + source.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
                               + "\nexcept BaseException:\n    print('caught')\n", file: "l.md", firstLine: 1, timeout: 0.3)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(r.output == "")
        #expect(r.error?.lastLine == "TimeoutError: cell exceeded its time limit of 0.3 s (l.md:1)")
        #expect(seconds < 60, "took \(seconds) s")
    }

    /// A long repetition stops at the first chunk after the deadline and reports it; short
    /// ones never read the clock.
    @Test func longStringRepetitionStopsWhenTheDeadlinePassed() {
        NativeDeadline.begin(DispatchTime.now().uptimeNanoseconds - 1, description: "limit")
        defer { NativeDeadline.end() }
        let s = LongText.repeated("ab", 1 << 24)
        #expect(s.utf8.count < 2 << 24)
        #expect(s.utf8.count % 2 == 0)
        #expect(throws: PyError.self) { try NativeDeadline.throwIfTripped() }
        NativeDeadline.end()
        #expect(LongText.repeated("ab", 1 << 24).utf8.count == 2 << 24)
        #expect(LongText.repeated("é", 3) == "ééé")
        #expect(LongText.padding("-", 0) == "")
    }

    /// Without a deadline (or before it) the result is whole, and `str.center`, `zfill`,
    /// format widths and `expandtabs` build the same text as before.
    @Test func stringBuildingIsUnchangedWithinTheLimit() {
        let interp = Interpreter()
        let r = interp.runCell("""
            s = 'ab' * (1 << 20)
            print(len(s), s[-3:], len('x'.center(3_000_001, '*')), '7'.zfill(2_000_000)[-3:])
            print(len(f'{1:>{2**21}}'), len(('a\\tb' * 1000).expandtabs(4)), '-'.join(['x'] * 70000)[:5])
            """, file: "l.md", firstLine: 1, timeout: 30)
        #expect(r.error == nil)
        #expect(r.output == "2097152 bab 3000001 007\n2097152 4001 x-x-x\n")
    }
}
