import Interpreter
import Tensors

extension TorchRuntime {
    static let returnTypeNames = ["max", "min", "sort", "topk", "kthvalue", "median", "mode", "aminmax", "cummax", "cummin", "frexp", "nanmedian", "histogram", "histogramdd"]

    /// `(values, indices)` as `torch.return_types.<name>`.
    func returnTuple(_ name: String, _ values: Tensor, _ indices: Tensor) -> PyValue {
        returnTuple(name, [wrap(values), wrap(indices)])
    }

    /// `items` as `torch.return_types.<name>`.
    func returnTuple(_ name: String, _ items: [PyValue]) -> PyValue {
        .tupleInstance(returnTypeClasses[name]!, items)
    }

    /// The named tuples `max(dim=)`, `sort`, `topk`... return. They are structseqs in
    /// PyTorch, so tuple subclasses here: `isinstance(r, tuple)`, indexing and slicing,
    /// unpacking and `len` are tuple's own; they add `.values`/`.indices` and PyTorch's
    /// multi-line repr.
    func buildReturnTypeClasses(_ interp: Interpreter) {
        // `sort_out`, `max_out`...: what the same calls return when given `out=`.
        for name in Self.returnTypeNames + Self.returnTypeNames.map({ $0 + "_out" }) {
            let cls = interp.makeTupleClass(name, module: "torch.return_types")
            let fields = name.hasPrefix("aminmax") ? ["min", "max"] : name.hasPrefix("frexp") ? ["mantissa", "exponent"]
                : name.hasPrefix("histogram") ? ["hist", "bin_edges"] : ["values", "indices"]
            func items(_ s: PyValue) -> [PyValue] { s.tupleItems ?? [] }
            let repr: NativeMethod = { interp, s, _ in
                let parts = try zip(fields, items(s)).map { "\($0)=\(try interp.repr($1))" }
                return .str("torch.return_types.\(name)(\n" + parts.joined(separator: ",\n") + ")")
            }
            cls.addMethod("__repr__", repr)
            cls.addMethod("__str__", repr)
            for (k, field) in fields.enumerated() {
                cls.addProperty(field) { _, s in items(s)[k] }
            }
            returnTypeClasses[name] = cls
        }
    }

    func buildReturnTypes(_ interp: Interpreter, _ m: PyModule) {
        for (name, cls) in returnTypeClasses { m.add(name, cls) }
    }
}
