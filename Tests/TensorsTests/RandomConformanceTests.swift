import Testing
import Tensors

/// Conformance lesson 12 (`12-random.md`), printed through `TensorFormatter`: the generator
/// and the printer together must reproduce PyTorch's text.
private func printed(_ values: [Float], _ sizes: [Int], autograd: TensorFormatter.Autograd = .none) -> String {
    TensorFormatter().repr(sizes: sizes, elements: .floating(values.map(Double.init)), dtype: "float32",
                           autograd: autograd)
}

@Test func lessonTwelveSeedZero() {
    let generator = CPUGenerator()
    generator.manualSeed(0)
    #expect(printed(generator.uniformFloats(3), [3]) == "tensor([0.4963, 0.7682, 0.0885])")
    #expect(printed(generator.normalFloats(4), [2, 2]) == "tensor([[0.3643, 0.1344],\n        [0.1642, 0.3058]])")
    let ints = generator.randomIntegers(5, low: 0, high: 10)
    #expect(TensorFormatter().repr(sizes: [5], elements: .integer(ints), dtype: "int64") == "tensor([6, 6, 9, 8, 6])")
    let permutation = generator.permutation(6)
    #expect(TensorFormatter().repr(sizes: [6], elements: .integer(permutation), dtype: "int64")
            == "tensor([0, 4, 1, 3, 2, 5])")
}

@Test func lessonTwelveSeedFortyTwo() {
    let generator = CPUGenerator()
    generator.manualSeed(42)
    #expect(printed(generator.normalFloats(20), [20]) == """
        tensor([ 1.9269,  1.4873,  0.9007, -2.1055, -0.7581,  1.0783,  0.8008,  1.6806,
                 0.3559, -0.6866, -0.4934,  0.2415, -0.2316,  0.0418, -0.2516,  0.8599,
                -0.3097, -0.3957,  0.8034, -0.6216])
        """)
    let doubles = generator.uniformDoubles(6)
    #expect(TensorFormatter().repr(sizes: [2, 3], elements: .floating(doubles), dtype: "float64") == """
        tensor([[0.6234, 0.4373, 0.0747],
                [0.6834, 0.3122, 0.3091]], dtype=torch.float64)
        """)
    #expect(printed(generator.uniformFloats(4, from: -1, to: 1), [4]) == "tensor([ 0.5078, -0.6095, -0.9899, -0.3864])")
    #expect(printed(generator.normalFloats(3, mean: 0, std: 0.1), [3]) == "tensor([ 0.0523, -0.0238, -0.0050])")
}

@Test func lessonTwelveLinearInit() {
    // nn.Linear(3, 2): kaiming_uniform_(a=sqrt(5)) on the weight, then the bias in ±1/sqrt(fan_in).
    let generator = CPUGenerator()
    generator.manualSeed(1)
    let fanIn = 3.0
    let gain = (2.0 / (1 + 5.0.squareRoot() * 5.0.squareRoot())).squareRoot()
    let weightBound = 3.0.squareRoot() * (gain / fanIn.squareRoot())
    let weight = generator.uniformFloats(6, from: -weightBound, to: weightBound)
    let biasBound = 1 / fanIn.squareRoot()
    let bias = generator.uniformFloats(2, from: -biasBound, to: biasBound)
    #expect(printed(weight, [2, 3], autograd: .requiresGrad) == """
        tensor([[ 0.2975, -0.2548, -0.1119],
                [ 0.2710, -0.5435,  0.3462]], requires_grad=True)
        """)
    #expect(printed(bias, [2], autograd: .requiresGrad) == "tensor([-0.1188,  0.2937], requires_grad=True)")
}

@Test func stateRoundTripsAndRestoresTheCachedNormal() throws {
    let generator = CPUGenerator()
    generator.manualSeed(5)
    _ = generator.normalSample()
    let saved = generator.state
    let expected = (generator.normalSample(), generator.uniformFloat())
    try generator.setState(saved)
    #expect(generator.normalSample() == expected.0)
    #expect(generator.uniformFloat() == expected.1)
}

@Test func badStatesThrowPyTorchsMessages() {
    let generator = CPUGenerator()
    #expect(throws: CPUGenerator.StateError.wrongSize(10)) { try generator.setState([UInt8](repeating: 0, count: 10)) }
    #expect(CPUGenerator.StateError.wrongSize(10).description
            == "Expected a CPUGeneratorImplState of size 5056 but found the input RNG state size to be 10")
    #expect(throws: CPUGenerator.StateError.invalidMersenneTwisterState) {
        try generator.setState([UInt8](repeating: 0, count: 5056))
    }
}
