import Interpreter
import Tensors

/// Payload of a `torch.return_types.*` named tuple (`values`, `indices`).
final class ReturnTuple {
    let items: [PyValue]
    init(_ items: [PyValue]) { self.items = items }
}

extension TorchRuntime {
    static let returnTypeNames = ["max", "min", "sort", "topk", "kthvalue", "median", "mode", "aminmax", "cummax", "cummin", "frexp", "nanmedian", "histogram"]

    /// `(values, indices)` as `torch.return_types.<name>`.
    func returnTuple(_ name: String, _ values: Tensor, _ indices: Tensor) -> PyValue {
        .object(PyInstance(cls: returnTypeClasses[name]!, payload: ReturnTuple([wrap(values), wrap(indices)])))
    }

    /// The named tuples `max(dim=)`, `sort`, `topk`... return: unpackable, indexable,
    /// with `.values`/`.indices` and PyTorch's multi-line repr.
    func buildReturnTypeClasses(_ interp: Interpreter) {
        // `sort_out`, `max_out`...: what the same calls return when given `out=`.
        for name in Self.returnTypeNames + Self.returnTypeNames.map({ $0 + "_out" }) {
            let cls = interp.makeClass(name, module: "torch.return_types")
            let fields = name.hasPrefix("aminmax") ? ["min", "max"] : name.hasPrefix("frexp") ? ["mantissa", "exponent"]
                : name.hasPrefix("histogram") ? ["hist", "bin_edges"] : ["values", "indices"]
            func items(_ s: PyValue) -> [PyValue] { s.payload(ReturnTuple.self)!.items }
            let repr: NativeMethod = { interp, s, _ in
                let parts = try zip(fields, items(s)).map { "\($0)=\(try interp.repr($1))" }
                return .str("torch.return_types.\(name)(\n" + parts.joined(separator: ",\n") + ")")
            }
            cls.addMethod("__repr__", repr)
            cls.addMethod("__str__", repr)
            cls.addMethod("__len__") { _, s, _ in .int(items(s).count) }
            cls.addMethod("__getitem__") { interp, s, args in
                let it = items(s)
                guard let i = try interp.index(args[0]) else {
                    throw PyError.typeError("tuple indices must be integers or slices, not \(interp.typeName(args[0]))")
                }
                let j = i < 0 ? i + it.count : i
                guard j >= 0 && j < it.count else { throw PyError.indexError("tuple index out of range") }
                return it[j]
            }
            cls.addMethod("__iter__") { _, s, _ in
                let it = items(s)
                var i = 0
                return .object(PyNativeIterator {
                    guard i < it.count else { return nil }
                    defer { i += 1 }
                    return it[i]
                })
            }
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
