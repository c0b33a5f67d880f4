import Testing
@testable import Tensors

/// The Tensor-level random API, printed through `repr`; expected texts are PyTorch 2.15's
/// output for the same calls after `torch.manual_seed(3)`.
private func seeded(_ seed: UInt64 = 3) -> CPUGenerator {
    let generator = CPUGenerator()
    generator.manualSeed(seed)
    return generator
}

@Test func transposedUniformFillsInMemoryOrder() throws {
    let x = try Tensor(empty: [3, 4]).t()
    try x.uniform_(generator: seeded())
    #expect(try x.repr() == """
        tensor([[0.0043, 0.4716, 0.5944],
                [0.1056, 0.0601, 0.8879],
                [0.2858, 0.7719, 0.4510],
                [0.0270, 0.7437, 0.7995]])
        """)
}

@Test func nonContiguousNormalTakesTheScalarPathInMemoryOrder() throws {
    let x = try Tensor(empty: [5, 4]).t()
    try x.normal_(generator: seeded())
    #expect(try x.repr() == """
        tensor([[ 0.8033,  0.0462, -1.4352, -0.8646,  0.9264],
                [ 0.1748, -1.3683,  0.9774,  0.2990,  0.8157],
                [ 0.0890,  0.3375,  0.5220,  0.4192,  0.4952],
                [-0.6137,  1.0111,  1.2379, -0.0799, -0.1643]])
        """)
}

@Test func randintIntoFloatAndRandomIntoInt32() throws {
    #expect(try Tensor.randint(low: 0, high: 10, [2, 3], dtype: .float32, generator: seeded()).repr()
            == "tensor([[6., 8., 7.],\n        [7., 0., 0.]])")
    #expect(try Tensor(empty: [2, 3], dtype: .int32).random_(generator: seeded()).repr() == """
        tensor([[ 218175338,  303761048,  893988089],
                [1460070019, 1249426360,  521102280]], dtype=torch.int32)
        """)
    #expect(try Tensor.randperm(5, dtype: .float32, generator: seeded()).repr() == "tensor([1., 0., 3., 4., 2.])")
}

@Test func halfNormalsPrintLikePyTorch() throws {
    #expect(try Tensor.randn([2, 10], dtype: .float16, generator: seeded()).repr() == """
        tensor([[-0.0767,  0.3599, -0.7822,  0.0715,  0.2615,  0.9312, -0.5146, -1.6514,
                  1.0459,  0.5220],
                [-0.1669,  0.0530,  0.5640,  2.2559,  1.8691, -1.1953,  0.9980,  0.4592,
                  2.4355, -0.1469]], dtype=torch.float16)
        """)
}

@Test func bernoulliMultinomialExponential() throws {
    let p = try Tensor(values: [0.2, 0.9, 0.5, 0.5], shape: [2, 2], dtype: .float64)
    #expect(try p.bernoulli(generator: seeded()).repr() == "tensor([[1., 1.],\n        [0., 1.]], dtype=torch.float64)")
    let weights = try Tensor(values: [0.2, 0.9, 0.1, 0.5, 0.5, 3.0], shape: [2, 3], dtype: .float64)
    #expect(try weights.multinomial(4, replacement: true, generator: seeded()).repr()
            == "tensor([[0, 1, 1, 1],\n        [2, 2, 1, 2]])")
    let generator = seeded()
    #expect(try Tensor(empty: [4]).exponential_(lambda: 2, generator: generator).repr()
            == "tensor([0.0174, 0.1690, 0.7412, 0.0961])")
    #expect(try Tensor(empty: [3]).bernoulli_(0.5, generator: generator).repr() == "tensor([0., 0., 1.])")
}

@Test func randomErrorsUsePyTorchsMessages() throws {
    let generator = seeded()
    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let error as TensorError { return error.message } catch { return nil }
    }
    #expect(message { _ = try Tensor.rand([3], dtype: .int64, generator: generator) }
            == "\"check_uniform_bounds\" not implemented for 'Long'")
    #expect(message { _ = try Tensor.randn([3], dtype: .bool, generator: generator) }
            == "\"normal_kernel_cpu\" not implemented for 'Bool'")
    #expect(message { try Tensor(empty: [3]).uniform_(from: 1e-7, to: 1e-8, generator: generator) }
            == "uniform_ expects to return a [from, to) range, but found from=1e-07 > to=1e-08")
    #expect(message { try Tensor(empty: [3]).normal_(std: -0.25, generator: generator) }
            == "normal expects std >= 0.0, but found std -0.25")
    #expect(message { _ = try Tensor.randint(low: 5, high: 3, [3], generator: generator) }
            == "random_ expects 'from' to be less than 'to', but got from=5 >= to=3")
    #expect(message { _ = try Tensor.randint(low: 0, high: 300, [3], dtype: .int8, generator: generator) }
            == "to - 1 is out of bounds for signed char")
    #expect(message { try Tensor(empty: [3]).bernoulli_(1.25, generator: generator) }
            == "bernoulli_ expects p to be in [0, 1], but got p=1.25")
    #expect(message { try Tensor(empty: [3]).exponential_(lambda: -2.5, generator: generator) }
            == "exponential_ expects lambda > 0.0, but found lambda=-2.5")
    #expect(message { _ = try Tensor.randperm(257, dtype: .uint8, generator: generator) }
            == "value cannot be converted to type uint8_t without overflow")
    #expect(message { _ = try Tensor.randperm(3000, dtype: .float16, generator: generator) }
            == "n cannot be greater than 2049 for Half type.")
    #expect(message { _ = try Tensor.randperm(3, dtype: .bool, generator: generator) }
            == "\"randperm\" not implemented for 'Bool'")
    let twoCategories = try Tensor(values: [0.1, 0.2], shape: [2])
    #expect(message { _ = try twoCategories.multinomial(3, generator: generator) }
            == "cannot sample n_sample > prob_dist.size(-1) samples without replacement")
    let negative = try Tensor(values: [0.1, -0.2], shape: [2])
    #expect(message { _ = try negative.multinomial(1, generator: generator) }
            == "probability tensor contains either `inf`, `nan` or element < 0")
    #expect(message { _ = try negative.multinomial(3, replacement: true, generator: generator) }
            == "invalid multinomial distribution (encountering probability entry < 0)")
    let ints = try Tensor(values: [Int64(1), 2], shape: [2])
    #expect(message { _ = try ints.multinomial(1, generator: generator) }
            == "multinomial only supports floating-point dtypes for input, got: Long")
}

@Test func normalWithTensorArgumentsComposesLikePyTorch() throws {
    let means = try Tensor.linspace(.float(-3), .float(3), steps: 20)
    let stds = try Tensor.linspace(.float(0.1), .float(2), steps: 20)
    #expect(try Tensor.normal(mean: means, std: stds, generator: seeded()).repr() == """
        tensor([-3.0077, -2.6122, -2.6030, -2.0240, -1.2138, -1.1077, -1.2220, -0.7470,
                -0.1095,  0.4534,  0.9943,  0.4333,  2.0868,  1.7481,  5.0756,  1.5019,
                 2.8773,  2.7378,  3.3272,  5.7055])
        """)
    #expect(try Tensor.normal(mean: Tensor.linspace(.float(-3), .float(3), steps: 5), std: 0.5, generator: seeded()).repr()
            == "tensor([-2.5984, -1.4126,  0.0445,  1.1931,  3.0231])")
    let grid = try Tensor.linspace(.float(0.1), .float(2), steps: 4).reshape([2, 2])
    #expect(try Tensor.normal(mean: 1.5, std: grid, generator: seeded()).repr()
            == "tensor([[1.5803, 1.6282],\n        [1.6216, 0.2726]])")
    let negative = try Tensor(values: [1.0, -1, 2], shape: [3])
    #expect(throws: TensorError.runtime("normal expects all elements of std >= 0.0")) {
        try Tensor.normal(mean: 0, std: negative, generator: seeded())
    }
}

@Test func fillsRefuseExpandedTensors() throws {
    let overlap = TensorError.runtime("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")
    let generator = seeded()
    #expect(throws: overlap) { try Tensor.zeros([1, 3]).expand([20, 3]).normal_(generator: generator) }
    #expect(throws: overlap) { try Tensor.zeros([1, 3]).expand([2, 3]).uniform_(generator: generator) }
    #expect(throws: overlap) { try Tensor.zeros([1]).expand([3]).bernoulli_(0.5, generator: generator) }
    #expect(throws: overlap) { try Tensor.zeros([1]).expand([3]).random_(from: 0, to: 4, generator: generator) }
}
