import Testing
@testable import Tensors

@Suite struct CreationTests {
    @Test func zerosOnesFull() throws {
        let z = try Tensor.zeros([2, 3])
        #expect(z.sizes == [2, 3] && z.dtype == .float32 && z.strides == [3, 1])
        #expect(try z.elementsAsDouble() == [0, 0, 0, 0, 0, 0])
        #expect(try Tensor.ones([2], dtype: .int32).elementsAsInt64() == [1, 1])
        let f = try Tensor.full([2], .float(2.5))
        #expect(try f.dtype == .float32 && (f.elementsAsDouble()) == [2.5, 2.5])
        #expect(try Tensor.full([1], .int(7)).dtype == .int64)
        #expect(try Tensor.full([1], .bool(true)).dtype == .bool)
    }

    @Test func arangeLengthAndDtype() throws {
        let a = try Tensor.arange(end: .int(5))
        #expect(try a.dtype == .int64 && (a.elementsAsInt64()) == [0, 1, 2, 3, 4])
        let b = try Tensor.arange(start: .int(0), end: .float(1), step: .float(0.3))
        #expect(b.dtype == .float32 && b.sizes == [4])
        #expect(try b.elementsAsFloat() == [0, 0.3, 0.6, Float(0.9)])
        let c = try Tensor.arange(start: .int(10), end: .int(0), step: .int(-3))
        #expect(try c.elementsAsInt64() == [10, 7, 4, 1])
        #expect(errorText { try Tensor.arange(start: .int(10), end: .int(0)) } == "RuntimeError: upper bound and lower bound inconsistent with step sign")
        #expect(errorText { try Tensor.arange(end: .int(3), step: .int(0)) } == "RuntimeError: step must be nonzero")
    }

    @Test func linspaceComputesFromBothEnds() throws {
        let l = try Tensor.linspace(.int(-1), .int(1), steps: 9)
        #expect(try l.elementsAsFloat() == [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1])
        let m = try Tensor.linspace(.int(0), .int(1), steps: 7)
        // The upper half counts down from the end: v[5] = 1 - 1·step in float32.
        let v = try m.elementsAsFloat()
        #expect(v[6] == 1 && v[5] == Float(1) - Float(1) / Float(6))
    }

    @Test func eyeAndLike() throws {
        let e = try Tensor.eye(2, 3)
        #expect(try e.elementsAsDouble() == [1, 0, 0, 0, 1, 0])
        let o = try e.onesLike(dtype: .int64)
        #expect(o.sizes == [2, 3] && o.dtype == .int64)
    }

    @Test func itemAndErrors() throws {
        #expect(try Tensor(scalar: .float(3.5)).item() == .float(3.5))
        #expect(try itensor([4]).item() == .int(4))
        #expect(errorText { try Tensor.ones([3]).item() } == "RuntimeError: a Tensor with 3 elements cannot be converted to Scalar")
    }

    @Test func memoryBudgetRefusesBeforeAllocating() throws {
        let budget = MemoryBudget(limit: 1000)
        let text = MemoryBudget.$current.withValue(budget) {
            errorText { try Tensor.zeros([1000]) }
        }
        #expect(text == "RuntimeError: [enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate 4000 bytes. Error code 12 (Cannot allocate memory)")
        MemoryBudget.$current.withValue(budget) {
            do {
                let t = try Tensor.zeros([100])
                #expect(budget.used == 400 && t.numel == 100)
            } catch { Issue.record("unexpected \(error)") }
        }
        #expect(budget.used == 0)
    }

    @Test func absurdSizesDoNotCrash() {
        // PyTorch 2.15: torch.zeros(2**40, 2**40) overflows its storage size before allocating.
        #expect(errorText { try Tensor.zeros([1 << 40, 1 << 40]) }
                == "RuntimeError: Storage size calculation overflowed with sizes=[1099511627776, 1099511627776]")
        #expect(errorText { try Tensor.zeros([1 << 36]) }?.contains("DefaultCPUAllocator") == true)
    }
}
