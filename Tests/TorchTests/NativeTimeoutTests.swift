import Dispatch
import Interpreter
import Testing
import Torch

/// A cell's time limit holds inside one long native tensor operation (issue 18): the
/// kernels poll the cell's deadline once per chunk and the op raises the cell's own
/// uncatchable TimeoutError, naming the cell's file and line.
@Suite struct NativeTimeoutTests {
    /// Operations over a broadcast 2**62-element tensor: no memory, but centuries of work.
    static let endless = [
        "torch.zeros(1).expand(2**62).sum()",
        "torch.zeros(1).expand(2**62).max()",
        "torch.zeros(1).expand(2**62).mean()",
        "torch.zeros(1, dtype=torch.int64).expand(2**62).sum()",
        "torch.zeros(1).expand(2**62).all()",
        "torch.zeros(1).expand(2**62).count_nonzero()",
        "torch.zeros(1).expand(2**62).argmax()",
        "torch.zeros(1, 1).expand(2**10, 2**50).sum(1)",
        "torch.zeros(1, 1).expand(2**50, 2).sum(0)",
        "torch.zeros(1).expand(2**62).logsumexp(0)",
    ]

    private func session() -> Interpreter {
        let interp = Interpreter()
        TorchModule.install(into: interp, seed: 0)
        _ = interp.runCell("import torch", file: "t.md", firstLine: 1, timeout: 30)
        return interp
    }

    @Test(arguments: endless)
    func stopsAtTheCellsLimit(_ source: String) {
        let interp = session()
        let start = DispatchTime.now().uptimeNanoseconds
        let run = interp.runCell(source, file: "t.md", firstLine: 7, timeout: 1)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(run.error?.lastLine == "TimeoutError: cell exceeded its time limit of 1 s (t.md:7)", "\(source)")
        // Debug builds run kernels ~50 times slower; the bound still tells polling from none.
        #expect(seconds < 15, "\(source) took \(seconds) s")
    }

    @Test func exceptCannotCatchIt() {
        let interp = session()
        let run = interp.runCell("try:\n    torch.zeros(1).expand(2**62).sum()\nexcept BaseException:\n    print('caught')\n",
                                 file: "t.md", firstLine: 3, timeout: 1)
        #expect(run.output == "")
        #expect(run.error?.lastLine == "TimeoutError: cell exceeded its time limit of 1 s (t.md:3)")
    }

    @Test func theNextCellRunsNormally() {
        let interp = session()
        _ = interp.runCell("x = torch.zeros(1).expand(2**62).sum()", file: "t.md", firstLine: 3, timeout: 1)
        let run = interp.runCell("print(torch.ones(100000).sum(), torch.arange(10).argmax())", file: "t.md", firstLine: 9, timeout: 30)
        #expect(run.error == nil)
        #expect(run.output == "tensor(100000.) tensor(9)\n")
    }

    @Test func integerMatmulStops() {
        let interp = session()
        let run = interp.runCell("a = torch.ones(3000, 3000, dtype=torch.int64)\nb = a @ a", file: "t.md", firstLine: 2, timeout: 1)
        #expect(run.error?.lastLine == "TimeoutError: cell exceeded its time limit of 1 s (t.md:2)")
    }
}
