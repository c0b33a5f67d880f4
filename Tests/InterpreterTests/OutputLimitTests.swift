import Testing
import Interpreter

/// A cell's printed output is cut at `Limits.outputByteLimit`, with a marker line.
@Suite struct OutputLimitTests {
    @Test func runawayPrintIsCutWithAMarker() {
        let interp = Interpreter(limits: .init(outputByteLimit: 100))
        let run = interp.runCell("for i in range(10**4):\n    print('x' * 30)", file: "t.md", firstLine: 1, timeout: 30)
        #expect(run.error == nil)
        let line = String(repeating: "x", count: 30) + "\n"
        #expect(run.output == line + line + line + "xxxxxxx\n[output truncated: the cell printed more than 100 bytes]\n")
    }

    @Test func outputUnderTheLimitIsKept() {
        let interp = Interpreter(limits: .init(outputByteLimit: 100))
        let run = interp.runCell("print('é' * 10)", file: "t.md", firstLine: 1, timeout: 30)
        #expect(run.output == String(repeating: "é", count: 10) + "\n")
    }

    @Test func theLimitResetsPerCell() {
        let interp = Interpreter(limits: .init(outputByteLimit: 10))
        _ = interp.runCell("print('y' * 50)", file: "t.md", firstLine: 1, timeout: 30)
        let run = interp.runCell("print('ok')", file: "t.md", firstLine: 2, timeout: 30)
        #expect(run.output == "ok\n")
    }
}
