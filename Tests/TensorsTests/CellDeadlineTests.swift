import Dispatch
import Testing
@testable import Tensors

/// Kernels poll the deadline the host set for this thread (`CellDeadline`).
@Suite struct CellDeadlineTests {
    @Test func aPassedDeadlineStopsAKernelAndTheNextOpThrows() throws {
        let x = try Tensor.zeros([1], dtype: .float32).expand([1 << 40])
        CellDeadline.begin(DispatchTime.now().uptimeNanoseconds, description: "cell exceeded its time limit of 1 s (t.md:3)")
        defer { CellDeadline.end() }
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try x.sum()
        #expect(DispatchTime.now().uptimeNanoseconds - start < 5_000_000_000)
        #expect(CellDeadline.tripped)
        #expect(throws: TensorError.timedOut("cell exceeded its time limit of 1 s (t.md:3)")) { _ = try x.sum() }
    }

    @Test func withoutADeadlineKernelsRunToTheEnd() throws {
        let x = try Tensor.ones([1], dtype: .float64).expand([1 << 20])
        #expect(try x.sum().item().doubleValue == Double(1 << 20))
        #expect(!CellDeadline.tripped)
    }

    @Test func endingTheDeadlineClearsIt() throws {
        CellDeadline.begin(DispatchTime.now().uptimeNanoseconds, description: "late")
        _ = try Tensor.zeros([1], dtype: .float32).expand([1 << 20]).sum()
        CellDeadline.end()
        #expect(!CellDeadline.tripped)
        #expect(try Tensor.ones([1], dtype: .float32).expand([1 << 16]).sum().item().doubleValue == 65536)
    }
}
