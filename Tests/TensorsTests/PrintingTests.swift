import Testing
import Tensors

/// One `repr` that real PyTorch printed, with the inputs `TensorFormatter` needs to print it.
struct PrintingGolden: Sendable, CustomTestStringConvertible {
    enum Values: Sendable {
        case floating([Double])
        case integer([Int64])
        case boolean([Bool])
    }

    let name: String
    let sizes: [Int]
    let dtype: String
    let values: Values
    let options: PrintOptions
    let autograd: TensorFormatter.Autograd
    let expected: String

    var testDescription: String { name }

    var elements: TensorElements {
        switch values {
        case .floating(let values): .floating(values)
        case .integer(let values): .integer(values)
        case .boolean(let values): .boolean(values)
        }
    }
}

@Test("repr matches PyTorch", arguments: printingGoldens)
func reprMatchesPyTorch(golden: PrintingGolden) {
    let formatter = TensorFormatter(options: golden.options)
    let text = formatter.repr(sizes: golden.sizes, elements: golden.elements, dtype: golden.dtype,
                              autograd: golden.autograd)
    #expect(text == golden.expected)
}

@Test func deviceSuffixComesFirst() {
    let text = TensorFormatter().repr(sizes: [2], elements: .floating([1, 2]), dtype: "float64",
                                      device: "cuda:0", autograd: .requiresGrad)
    #expect(text == "tensor([1., 2.], device='cuda:0', dtype=torch.float64, requires_grad=True)")
}

@Test func parameterPrefixKeepsTensorIndent() {
    let text = "Parameter containing:\n" + TensorFormatter().repr(
        sizes: [2, 3], elements: .floating([0.2975, -0.2548, -0.1119, 0.2710, -0.5435, 0.3462]),
        dtype: "float32", autograd: .requiresGrad)
    #expect(text == """
        Parameter containing:
        tensor([[ 0.2975, -0.2548, -0.1119],
                [ 0.2710, -0.5435,  0.3462]], requires_grad=True)
        """)
}

@Test func parameterLineInPrefixKeepsIndentAndSuffixWrapping() {
    let elements: [Double] = [0.2975, -0.2548, -0.1119, 0.2710, -0.5435, 0.3462, 0.1, 0.2, 0.3]
    let formatter = TensorFormatter()
    for sizes in [[2, 3], [9], [3, 3]] {
        let count = sizes.reduce(1, *)
        let plain = formatter.repr(sizes: sizes, elements: .floating(Array(elements.prefix(count))),
                                   dtype: "float64", autograd: .requiresGrad)
        let prefixed = formatter.repr(sizes: sizes, elements: .floating(Array(elements.prefix(count))),
                                      dtype: "float64", autograd: .requiresGrad,
                                      prefix: "Parameter containing:\ntensor(")
        #expect(prefixed == "Parameter containing:\n" + plain)
    }
}

@Test func defaultDtypeFloat64HidesFloat64AndShowsFloat32() {
    let formatter = TensorFormatter()
    #expect(formatter.repr(sizes: [1], elements: .floating([0.5]), dtype: "float64", defaultDtype: "float64")
            == "tensor([0.5000])")
    #expect(formatter.repr(sizes: [1], elements: .floating([0.5]), dtype: "float32", defaultDtype: "float64")
            == "tensor([0.5000], dtype=torch.float32)")
}

@Test func printOptionsFollowSetPrintoptions() {
    var options = PrintOptions()
    options.apply(precision: 2, sciMode: true)
    #expect(options == PrintOptions(precision: 2, sciMode: true))
    options.apply(edgeitems: 5)
    #expect(options == PrintOptions(precision: 2, edgeitems: 5, sciMode: nil))
    options.apply(profile: .short)
    #expect(options == PrintOptions(precision: 2, edgeitems: 2))
    options.apply(precision: 6, profile: .full)
    #expect(options == PrintOptions(precision: 6, threshold: .infinity))
    options.apply(profile: .default)
    #expect(options == PrintOptions())
}
