import Interpreter
import Tensors

/// Payload of a `torch.dtype` instance.
final class DTypeBox {
    let dtype: DType
    init(_ dtype: DType) { self.dtype = dtype }
}

extension TorchRuntime {
    /// `torch.dtype` with one instance per dtype, and the module names and aliases
    /// (`torch.float`, `torch.long`, `torch.half`...) bound to those instances.
    func buildDTypes(_ interp: Interpreter, _ m: PyModule) {
        let cls = interp.makeClass("dtype", module: "torch")
        cls.allowsSubclassing = false
        dtypeClass = cls
        func dt(_ s: PyValue) -> DType { s.payload(DTypeBox.self)!.dtype }
        cls.addMethod("__repr__") { _, s, _ in .str(dt(s).description) }
        cls.addMethod("__str__") { _, s, _ in .str(dt(s).description) }
        cls.addMethod("__hash__") { _, s, _ in .int(dt(s).rawValue &+ 0x5eed) }
        cls.addProperty("is_floating_point") { _, s in .bool(dt(s).isFloatingPoint) }
        cls.addProperty("is_signed") { _, s in .bool(dt(s).isSigned) }
        cls.addProperty("is_complex") { _, s in .bool(dt(s).isComplex) }
        cls.addProperty("itemsize") { _, s in .int(dt(s).itemSize) }
        dtypeValues = DType.allCases.map { interp.makeInstance(cls, payload: DTypeBox($0)) }
        m.add("dtype", cls)
        let names: [(String, DType)] = [
            ("bool", .bool), ("uint8", .uint8), ("int8", .int8), ("int16", .int16), ("short", .int16),
            ("int32", .int32), ("int", .int32), ("int64", .int64), ("long", .int64),
            ("float16", .float16), ("half", .float16), ("bfloat16", .bfloat16),
            ("float32", .float32), ("float", .float32), ("float64", .float64), ("double", .float64),
            ("complex64", .complex64), ("cfloat", .complex64), ("complex128", .complex128), ("cdouble", .complex128),
        ]
        for (name, d) in names { m.add(name, dtypeValue(d)) }
    }
}
