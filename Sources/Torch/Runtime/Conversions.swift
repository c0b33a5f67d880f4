import Interpreter
import NumPy
import Tensors

/// Python values to tensor-layer arguments, with PyTorch's TypeError texts.
extension TorchRuntime {
    /// A Python number as a tensor-op scalar; nil for anything else.
    @inline(__always)
    func scalar(_ v: PyValue) -> Scalar? {
        switch v {
        case .int(let i): return .int(Int64(i))
        case .float(let d): return .float(d)
        case .bool(let b): return .bool(b)
        case .object(let o):
            if let (re, im) = v.complexParts { return .complex(re, im) }
            // NumPy scalars count as Python numbers, as in PyTorch.
            guard let inst = o as? PyInstance, let a = inst.payload as? NDArray, a.ndim == 0, NumPyRuntime.isScalar(v) else { return nil }
            switch a.dtype {
            case .bool: return .bool(a.int64s()[0] != 0)
            case .float16, .bfloat16, .float32, .float64: return .float(a.doubles()[0])
            default: return .int(a.int64s()[0])
            }
        default: return nil
        }
    }

    /// A number or a one-element tensor as a scalar (`fill_(t)`, `clamp(min=t)` accept both).
    func scalarOrItem(_ v: PyValue, _ fn: String, _ arg: String) throws -> Scalar {
        if let s = scalar(v) { return s }
        if let t = tensorPayload(v), t.numel == 1 { return try bridged { try t.item() } }
        throw PyError.typeError("\(fn)(): argument '\(arg)' must be Number, not \(typeNameForError(v))")
    }

    func tensor(_ v: PyValue, _ fn: String, _ arg: String, position: Int? = nil) throws -> Tensor {
        if let t = tensorPayload(v) { return t }
        let pos = position.map { " (position \($0))" } ?? ""
        throw PyError.typeError("\(fn)(): argument '\(arg)'\(pos) must be Tensor, not \(typeNameForError(v))")
    }

    /// A tensor operand that may also be a Python number (wrapped as a 0-dim tensor).
    func tensorOrScalar(_ v: PyValue, _ fn: String, _ arg: String) throws -> Tensor {
        if let t = tensorPayload(v) { return t }
        if let s = scalar(v) { return try bridged { try Tensor(scalar: s) } }
        throw PyError.typeError("\(fn)(): argument '\(arg)' must be Tensor, not \(typeNameForError(v))")
    }

    func typeNameForError(_ v: PyValue) -> String {
        switch v {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .object(let o):
            if let inst = o as? PyInstance { return inst.cls.name }
            if o is PyList { return "list" }
            if o is PyTuple { return "tuple" }
            if o is PyClass { return "type" }
            return "object"
        }
    }

    func int(_ v: PyValue, _ fn: String, _ arg: String) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default:
            if let t = tensorPayload(v), t.numel == 1, !t.dtype.isFloatingPoint {
                return Int(try bridged { try t.item() }.int64Value)
            }
            throw PyError.typeError("\(fn)(): argument '\(arg)' must be int, not \(typeNameForError(v))")
        }
    }

    func double(_ v: PyValue, _ fn: String, _ arg: String) throws -> Double {
        if let d = v.asDouble { return d }
        if let t = tensorPayload(v), t.numel == 1 { return try bridged { try t.item() }.doubleValue }
        throw PyError.typeError("\(fn)(): argument '\(arg)' must be float, not \(typeNameForError(v))")
    }

    func bool(_ v: PyValue, _ fn: String, _ arg: String) throws -> Bool {
        if case .bool(let b) = v { return b }
        if case .int(let i) = v { return i != 0 }
        throw PyError.typeError("\(fn)(): argument '\(arg)' must be bool, not \(typeNameForError(v))")
    }

    /// `dtype=` values: a `torch.dtype`, or the Python types `float`, `int`, `bool`.
    func dtype(_ v: PyValue?) throws -> DType? {
        guard let v, !v.isNone else { return nil }
        if let box = v.payload(DTypeBox.self) { return box.dtype }
        if case .object(let o) = v, let cls = o as? PyClass, cls.module == "builtins" {
            switch cls.name {
            case "float": return .float64
            case "int": return .int64
            case "bool": return .bool
            default: break
            }
        }
        throw PyError.typeError("argument 'dtype' must be torch.dtype, not \(typeNameForError(v))")
    }

    /// `device=` values: a `torch.device`, a string such as `"cpu"` or `"cuda:0"`, or an index.
    func device(_ v: PyValue?) throws -> Device {
        guard let v, !v.isNone else { return .cpu }
        if let box = v.payload(DeviceBox.self) { return box.device }
        if case .str(let s) = v { return try bridged { try Device(parsing: s) } }
        if case .int(let i) = v { return .cuda(i) }
        throw PyError.typeError("device must be torch.device or str, not \(typeNameForError(v))")
    }

    /// Sizes given as varargs (`zeros(2, 3)`) or one sequence (`zeros((2, 3))`, `zeros(x.shape)`).
    func sizes(_ values: ArraySlice<PyValue>, _ fn: String) throws -> [Int] {
        if values.count == 1, let first = values.first {
            if case .int(let n) = first { return [n] }
            return try intList(first, fn, "size")
        }
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for (i, v) in values.enumerated() {
            guard case .int(let n) = v else {
                if let t = tensorPayload(v), t.numel == 1, !t.dtype.isFloatingPoint {
                    out.append(Int(try bridged { try t.item() }.int64Value)); continue
                }
                throw PyError.typeError("\(fn)(): argument 'size' failed to unpack the object at pos \(i + 1) with error \"type must be tuple of ints,but got \(typeNameForError(v))\"")
            }
            out.append(n)
        }
        return out
    }

    /// A tuple, list or `torch.Size` of ints.
    func intList(_ v: PyValue, _ fn: String, _ arg: String) throws -> [Int] {
        if let box = v.payload(SizeBox.self) { return box.sizes }
        let items: [PyValue]
        if let t = v.asTuple { items = t.items } else if let l = v.asList { items = l.items } else if case .int(let n) = v {
            return [n]
        } else {
            throw PyError.typeError("\(fn)(): argument '\(arg)' must be tuple of ints, not \(typeNameForError(v))")
        }
        var out: [Int] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let n = item.asInt, !(item.isBoolValue) { out.append(n); continue }
            if let t = tensorPayload(item), t.numel == 1, !t.dtype.isFloatingPoint {
                out.append(Int(try bridged { try t.item() }.int64Value)); continue
            }
            throw PyError.typeError("\(fn)(): argument '\(arg)' must be tuple of ints, but found element of type \(typeNameForError(item)) at pos \(i)")
        }
        return out
    }

    /// `dim=`: an int, a tuple/list of ints, or None (nil: all dims).
    func dims(_ v: PyValue?, _ fn: String) throws -> [Int]? {
        guard let v, !v.isNone else { return nil }
        if case .int(let d) = v { return [d] }
        return try intList(v, fn, "dim")
    }

    /// Tensors from a list or tuple (`cat`, `stack`).
    func tensorList(_ v: PyValue, _ fn: String, _ arg: String = "tensors") throws -> [Tensor] {
        let items: [PyValue]
        if let t = v.asTuple { items = t.items } else if let l = v.asList { items = l.items } else {
            throw PyError.typeError("\(fn)(): argument '\(arg)' (position 1) must be tuple of Tensors, not \(typeNameForError(v))")
        }
        return try items.enumerated().map { i, item in
            guard let t = tensorPayload(item) else {
                throw PyError.typeError("\(fn)(): argument '\(arg)' (position 1) must be tuple of Tensors, not \(typeNameForError(item))")
            }
            return t
        }
    }
}

extension PyValue {
    var isBoolValue: Bool { if case .bool = self { return true }; return false }
}

extension BoundArguments {
    /// Parameter `i` unless it was left out or passed as None.
    func given(_ i: Int) -> PyValue? {
        guard let v = values[i], !v.isNone else { return nil }
        return v
    }
}
