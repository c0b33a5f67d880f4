/// PyTorch's `repr(tensor)` (`torch/_tensor_str.py`), byte for byte, as a pure function of
/// the tensor's shape, elements, dtype, device, autograd state and the print options.
///
/// It knows nothing of `Tensor`: callers describe the tensor with plain values, so the same
/// input always prints the same string and the rules can be tested on their own.
public struct TensorFormatter: Sendable {
    public var options: PrintOptions

    public init(options: PrintOptions = PrintOptions()) {
        self.options = options
    }

    /// What autograd adds after the elements.
    public enum Autograd: Sendable, Equatable {
        case none
        /// `requires_grad=True` (a leaf that requires grad).
        case requiresGrad
        /// `grad_fn=<Name>`.
        case gradFn(String)
    }

    /// `repr(t)` (which `str(t)` equals).
    ///
    /// - Parameters:
    ///   - sizes: the shape; `[]` for a 0-d tensor.
    ///   - elements: the elements, read by flat row-major index; only displayed ones are read.
    ///   - dtype: PyTorch's dtype name without `torch.` (`"float32"`, `"int64"`).
    ///   - defaultDtype: `torch.get_default_dtype()`'s name.
    ///   - device: `"cuda:0"` and the like when not on the default device, else `nil`.
    ///   - prefix: `"tensor("`; nested lines are indented by the length of its last line, so
    ///     `"Parameter containing:\ntensor("` prints as `Parameter.__repr__` does.
    public func repr(sizes: [Int], elements: TensorElements, dtype: String,
                     defaultDtype: String = "float32", device: String? = nil,
                     autograd: Autograd = .none, prefix: String = "tensor(") -> String {
        let indent = prefix.split(separator: "\n", omittingEmptySubsequences: false).last!.count
        let numel = sizes.reduce(1, *)
        var suffixes: [String] = []
        if let device { suffixes.append("device='\(device)'") }
        let body: String
        if numel == 0 {
            if sizes.count != 1 { suffixes.append("size=" + Self.pythonTuple(sizes)) }
            if dtype != defaultDtype { suffixes.append("dtype=torch." + dtype) }
            body = "[]"
        } else {
            if options.edgeitems == 0 { suffixes.append("size=" + Self.pythonTuple(sizes)) }
            if !Self.defaultDtypes(defaultDtype).contains(dtype) { suffixes.append("dtype=torch." + dtype) }
            body = elementsString(sizes: sizes, elements: elements, indent: indent)
        }
        switch autograd {
        case .none: break
        case .requiresGrad: suffixes.append("requires_grad=True")
        case .gradFn(let name): suffixes.append("grad_fn=<\(name)>")
        }
        return addingSuffixes(to: prefix + body, suffixes: suffixes, indent: indent)
    }

    /// The dtypes whose name `repr` leaves out for non-empty tensors.
    private static func defaultDtypes(_ defaultDtype: String) -> Set<String> {
        let complex = defaultDtype == "float64" ? "complex128" : "complex64"
        return [defaultDtype, complex, "int64", "bool"]
    }

    /// Python's `str(tuple(sizes))`: `(0, 3)`, `(5,)`, `()`.
    static func pythonTuple(_ sizes: [Int]) -> String {
        if sizes.count == 1 { return "(\(sizes[0]),)" }
        return "(" + sizes.map(String.init).joined(separator: ", ") + ")"
    }

    /// `_add_suffixes`: a suffix goes on its own line when it would pass the line width.
    private func addingSuffixes(to text: String, suffixes: [String], indent: Int) -> String {
        var result = text
        let lastNewline = text.lastIndex(of: "\n").map { text.distance(from: text.startIndex, to: $0) } ?? -1
        var lastLineLength = text.count - lastNewline + 1
        for suffix in suffixes {
            if lastLineLength + suffix.count + 2 > options.linewidth {
                result += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLineLength = indent + suffix.count
            } else {
                result += ", " + suffix
                lastLineLength += suffix.count + 2
            }
        }
        return result + ")"
    }

    /// `_tensor_str` for a non-empty tensor: summarise, build one formatter from the
    /// displayed elements, then lay the elements out.
    private func elementsString(sizes: [Int], elements: TensorElements, indent: Int) -> String {
        let numel = sizes.reduce(1, *)
        let layout = SummarizedLayout(sizes: sizes, summarize: Double(numel) > options.threshold,
                                      edgeitems: options.edgeitems)
        let shown = layout.formatterIndices()
        switch elements {
        case .floating(let read):
            let formatter = ElementFormatter(floats: shown.map(read), options: options)
            return layout.render(indent: indent, linewidth: options.linewidth, elementWidth: formatter.width) { formatter.format(read($0)) }
        case .integer(let read):
            let formatter = ElementFormatter(integers: shown.map(read))
            return layout.render(indent: indent, linewidth: options.linewidth, elementWidth: formatter.width) { formatter.format(read($0)) }
        case .boolean(let read):
            let formatter = ElementFormatter(booleans: shown.map(read))
            return layout.render(indent: indent, linewidth: options.linewidth, elementWidth: formatter.width) { formatter.format(read($0)) }
        case .complex(let read):
            // `_tensor_str`: one formatter for `.real`, one for `.imag`; an element takes
            // both widths plus the `j` (`_vector_str`'s element_length).
            let parts = shown.map(read)
            let real = ElementFormatter(floats: parts.map(\.0), options: options)
            let imag = ElementFormatter(floats: parts.map(\.1), options: options)
            return layout.render(indent: indent, linewidth: options.linewidth, elementWidth: real.width + imag.width + 1) {
                let (re, im) = read($0)
                return Self.complexText(real.format(re), imag.format(im))
            }
        }
    }

    /// `_val_formatter`: the padded real text, then the imaginary text stripped of its
    /// padding with a `j`, joined by `+` unless it carries its own sign (`-0.`, `nan` gets `+`).
    static func complexText(_ real: String, _ imag: String) -> String {
        let im = String(imag.drop { $0 == " " }) + "j"
        if im.first == "+" || im.first == "-" { return real + im }
        return real + "+" + im
    }
}
