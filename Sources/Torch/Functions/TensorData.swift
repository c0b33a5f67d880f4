import Interpreter
import NumPy
import Tensors

/// `torch.tensor(data)`: nested lists/tuples of numbers (or one-element tensors) to a
/// tensor, inferring the dtype as PyTorch does — any float makes it the default float
/// dtype, else any int makes it int64, else bool.
struct TensorData {
    enum Kind: Int { case bool = 0, int = 1, float = 2, complex = 3 }
    var shape: [Int] = []
    var doubles: [Double] = []
    var ints: [Int64] = []
    var bools: [Bool] = []
    var complexes: [Complex128] = []
    var kind = Kind.bool
    var sawValue = false
    /// Dtype of tensors met among the elements, when they all agree and no Python number is seen.
    var tensorDType: DType?
    var sawPythonNumber = false
    private var started = false

    init(_ data: PyValue, rt: TorchRuntime, fn: String = "new") throws {
        try walk(data, depth: 0, rt: rt, fn: fn)
    }

    /// The tensor with the inferred dtype, or `dtype` when given.
    func make(dtype: DType?, device: Device) throws -> Tensor {
        let dt = dtype ?? inferredDType
        return try bridged {
            switch kind {
            case _ where !sawValue: return try Tensor(values: [Double](), shape: shape, dtype: dt, device: device)
            case .float: return try Tensor(values: doubles, shape: shape, dtype: dt, device: device)
            case .int: return try Tensor(values: ints, shape: shape, dtype: dt, device: device)
            case .bool: return try Tensor(values: bools, shape: shape, dtype: dt, device: device)
            case .complex: return try Tensor(complexValues: complexes, shape: shape, dtype: dt, device: device)
            }
        }
    }

    /// The dtype `torch.tensor` gives this data when no dtype is asked for.
    var inferredDType: DType {
        if let td = tensorDType, !sawPythonNumber { return td }
        switch kind {
        case _ where !sawValue: return .float32
        case .complex: return .complex64
        case .float: return .float32
        case .int: return .int64
        case .bool: return .bool
        }
    }

    /// `indexing_tensor_from_data` (torch/csrc/utils/tensor_new.cpp): a list used as an index
    /// keeps a bool or uint8 dtype and is int64 otherwise, so `x[[]]` and `x[range(0)]` select
    /// nothing instead of failing as a float index.
    func makeIndex() throws -> Tensor {
        let inferred = inferredDType
        return try make(dtype: inferred == .bool || inferred == .uint8 ? inferred : .int64, device: .cpu)
    }

    private mutating func walk(_ v: PyValue, depth: Int, rt: TorchRuntime, fn: String) throws {
        let items: [PyValue]
        switch v {
        case .bool(let b): add(.bool(b)); sawPythonNumber = true; try leaf(depth); return
        case .int(let i): add(.int(Int64(i))); sawPythonNumber = true; try leaf(depth); return
        case .float(let d): add(.float(d)); sawPythonNumber = true; try leaf(depth); return
        case .object(let o):
            if let (re, im) = v.complexParts {
                add(.complex(re, im)); sawPythonNumber = true; try leaf(depth); return
            }
            if let l = o as? PyList { items = l.items } else if let t = o as? PyTuple { items = t.items } else if let r = o as? PyRange {
                // Any Python sequence is data to PyTorch (PySequence_Check); a range is the one lessons pass.
                guard let n = r.exactCount else { throw PyError(type: "OverflowError", message: "Python int too large to convert to C ssize_t") }
                items = (0..<n).map { .int(r.start &+ $0 &* r.step) }
            } else if let t = tensorPayload(v) {
                try addTensor(t, depth: depth)
                return
            } else if let a = NDArray.from(v) {
                try addTensor(a.tensor, depth: depth)
                return
            } else if let s = v.payload(SizeBox.self) {
                items = s.sizes.map { .int($0) }
            } else {
                throw PyError.typeError("\(fn)(): invalid data type '\(rt.typeNameForError(v))'")
            }
        default:
            throw PyError.typeError("\(fn)(): invalid data type '\(rt.typeNameForError(v))'")
        }
        if depth == shape.count {
            if sawValue { throw PyError.typeError("not a sequence") }
            shape.append(items.count)
        } else if depth < shape.count {
            if shape[depth] != items.count {
                throw PyError.valueError("expected sequence of length \(shape[depth]) at dim \(depth) (got \(items.count))")
            }
        }
        for item in items { try walk(item, depth: depth + 1, rt: rt, fn: fn) }
    }

    /// A number at `depth` must sit where the shape ends.
    private mutating func leaf(_ depth: Int) throws {
        if depth != shape.count {
            throw PyError.valueError("expected sequence of length \(shape[depth]) at dim \(depth) (got 0)")
        }
        sawValue = true
    }

    private mutating func add(_ s: Scalar) {
        let k: Kind
        switch s {
        case .bool: k = .bool
        case .int: k = .int
        case .float: k = .float
        case .complex: k = .complex
        }
        if !started {
            kind = k
            started = true
        } else if k.rawValue > kind.rawValue {
            promote(to: k)
        }
        switch kind {
        case .float: doubles.append(s.doubleValue)
        case .int: ints.append(s.int64Value)
        case .bool: bools.append(s.boolValue)
        case .complex: complexes.append(Complex128(re: s.doubleValue, im: s.imagValue))
        }
    }

    private mutating func promote(to k: Kind) {
        if k == kind { return }
        switch (kind, k) {
        case (.bool, .int): ints = bools.map { $0 ? 1 : 0 }; bools = []
        case (.bool, .float): doubles = bools.map { $0 ? 1 : 0 }; bools = []
        case (.int, .float): doubles = ints.map { Double($0) }; ints = []
        case (.bool, .complex): complexes = bools.map { Complex128(re: $0 ? 1 : 0, im: 0) }; bools = []
        case (.int, .complex): complexes = ints.map { Complex128(re: Double($0), im: 0) }; ints = []
        case (.float, .complex): complexes = doubles.map { Complex128(re: $0, im: 0) }; doubles = []
        default: break
        }
        kind = k
    }

    private mutating func addTensor(_ t: Tensor, depth: Int) throws {
        // A tensor element contributes its elements and its shape.
        if depth == 0 && shape.isEmpty {
            shape = t.sizes
        } else {
            let expected = Array(shape.dropFirst(depth))
            if depth == shape.count && !sawValue { shape += t.sizes } else if expected != t.sizes {
                if t.sizes.isEmpty, depth == shape.count {} else {
                    throw PyError.valueError("expected sequence of length \(shape.count > depth ? shape[depth] : 0) at dim \(depth) (got \(t.sizes.first ?? 0))")
                }
            }
        }
        if tensorDType == nil { tensorDType = t.dtype } else if tensorDType != t.dtype {
            tensorDType = DType.promote(tensorDType!, t.dtype)
        }
        sawValue = true
        let scalars = try bridged { try t.scalars() }
        for s in scalars { add(s) }
    }
}
