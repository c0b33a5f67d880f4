/// How a host (the `torch` module) meets Python's `complex`, which is written in the cell
/// language (ComplexSource.swift): it reads a complex's two parts and makes new ones, so
/// `torch.tensor([1+2j])` and `t.item()` cross the boundary without knowing the class.
extension Interpreter {
    /// `complex(real, imag)`.
    public func makeComplex(_ real: Double, _ imag: Double) throws -> PyValue {
        let cls: PyValue
        if let c = builtins[Name("complex")] { cls = c } else { cls = try lazyBuiltin(Name("complex"))! }
        return try call(cls, Arguments(positional: [.float(real), .float(imag)], keywordNames: [], keywordValues: []))
    }
}

extension PyValue {
    /// The (real, imaginary) parts of a Python `complex`; nil for any other value.
    public var complexParts: (Double, Double)? {
        guard case .object(let o) = self, let inst = o as? PyInstance, inst.cls.name == "complex",
              case .float(let re)? = inst.attribute("_re"), case .float(let im)? = inst.attribute("_im") else { return nil }
        return (re, im)
    }
}
