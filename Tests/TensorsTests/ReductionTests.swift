import Testing
@testable import Tensors

@Suite struct ReductionTests {
    @Test func sumAndMean() throws {
        let x = try tensor([1, 2, 3, 4, 5, 6], [2, 3])
        #expect(try x.sum().elementsAsDouble() == [21])
        #expect(try x.sum().rank == 0)
        #expect(try x.sum(dims: [0]).elementsAsDouble() == [5, 7, 9])
        #expect(try x.sum(dims: [1], keepdim: true).sizes == [2, 1])
        #expect(try x.mean(dims: [-1]).elementsAsDouble() == [2, 5])
        #expect(try itensor([1, 2]).sum().dtype == .int64)
        #expect(try Tensor(values: [true, true, false], shape: [3]).sum().elementsAsInt64() == [2])
        #expect(errorText { try itensor([1, 2]).mean() } == "NotImplementedError: mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long")
        #expect(errorText { try x.sum(dims: [0, 0]) } == "RuntimeError: dim 0 appears multiple times in the list of dims")
    }

    @Test func maxMinWithIndices() throws {
        let x = try tensor([1, 5, 5, 4, 0, 9], [2, 3])
        #expect(try x.max().elementsAsDouble() == [9])
        let (v, i) = try x.max(dim: 1)
        #expect(try v.elementsAsDouble() == [5, 9])
        #expect(try i.elementsAsInt64() == [1, 2])
        #expect(try x.argmax().elementsAsInt64() == [5])
        #expect(try x.argmin(dim: 0).elementsAsInt64() == [0, 1, 0])
        #expect(errorText { try Tensor.empty([0]).max() } == "RuntimeError: max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
    }

    @Test func varianceStdNorm() throws {
        let x = try tensor([1, 2, 3, 4])
        #expect(try x.variance().elementsAsFloat() == [Float(5.0 / 3.0)])
        #expect(try x.variance(correction: 0).elementsAsDouble() == [1.25])
        #expect(try x.norm().elementsAsFloat() == [Float(30.0.squareRoot())])
        #expect(try x.norm(p: .infinity).elementsAsDouble() == [4])
        #expect(try x.norm(p: 1).elementsAsDouble() == [10])
    }

    @Test func softmaxAndCumsum() throws {
        let x = try tensor([1, 2, 3])
        let s = try x.softmax(dim: 0).elementsAsDouble()
        #expect(Swift.abs(s.reduce(0, +) - 1) < 1e-6 && s[2] > s[1])
        let ls = try x.logSoftmax(dim: 0).exp().elementsAsDouble()
        #expect(zip(ls, s).allSatisfy { Swift.abs($0 - $1) < 1e-6 })
        #expect(try x.cumsum(dim: 0).elementsAsDouble() == [1, 3, 6])
        #expect(try itensor([1, 2, 3], dtype: .int32).cumsum(dim: 0).dtype == .int64)
        #expect(try x.logsumexp(dims: [0]).elementsAsFloat() == [Float(3.4076059644443806)])
    }
}
