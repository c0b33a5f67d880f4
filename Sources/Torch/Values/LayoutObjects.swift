import Interpreter

/// Payload of a `torch.layout`: its name (`strided`, `sparse_coo`, ...).
final class LayoutBox {
    let name: String
    init(_ name: String) { self.name = name }
}

extension TorchRuntime {
    /// `torch.layout` and its instances (`torch.strided`, the sparse layouts), which print as
    /// `torch.strided`. Every Gradbook tensor is strided: `Tensor.layout` is `torch.strided`.
    func buildLayout(_ interp: Interpreter, _ m: PyModule) -> PyValue {
        let cls = interp.makeClass("layout", module: "torch")
        cls.addMethod("__repr__") { _, s, _ in .str("torch." + (s.payload(LayoutBox.self)?.name ?? "")) }
        m.add("layout", cls)
        var strided: PyValue = .none
        for name in ["strided", "sparse_coo", "sparse_csr", "sparse_csc", "sparse_bsr", "sparse_bsc", "_mkldnn", "jagged"] {
            let value = PyValue.object(PyInstance(cls: cls, payload: LayoutBox(name)))
            m.add(name, value)
            if name == "strided" { strided = value }
        }
        return strided
    }
}
