import Autograd
import Interpreter
import NumPy
import Tensors

/// What matplotlib's `np.asarray(x)` makes of a plotted value: its numbers in row-major
/// order and its shape. Tensors, lists, tuples, ranges and numbers are accepted; a tensor
/// that requires grad is refused with the error PyTorch's `numpy()` raises, as it is under
/// real matplotlib.
struct PlotArray {
    var values: [Double]
    var shape: [Int]

    init(_ value: PyValue, _ interp: Interpreter) throws {
        values = []
        shape = []
        shape = try append(value, interp, depth: 0) ?? []
    }

    /// Appends the numbers of `value`, returning its shape.
    private mutating func append(_ value: PyValue, _ interp: Interpreter, depth: Int) throws -> [Int]? {
        switch value {
        case .bool(let b): values.append(b ? 1 : 0); return []
        case .int(let i): values.append(Double(i)); return []
        case .float(let d): values.append(d); return []
        case .str(let s): throw PyError.valueError("could not convert string to float: '\(s)'")
        case .none: values.append(.nan); return []
        case .object(let object):
            if let tensor = tensorPayload(value) {
                if tensor.requiresGrad {
                    throw PyError.runtimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
                }
                if tensor.device != .cpu {
                    throw PyError.typeError("can't convert \(tensor.device) device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.")
                }
                do { values += try tensor.elementsAsDouble() } catch { throw error.python }
                return tensor.sizes
            }
            if let array = NDArray.from(value) {
                values += array.doubles()
                return array.shape
            }
            let items: [PyValue]
            if let list = object as? PyList { items = list.items }
            else if let tuple = object as? PyTuple { items = tuple.items }
            else if let range = object as? PyRange {
                values += stride(from: range.start, to: range.stop, by: range.step).map(Double.init)
                return [range.count]
            } else if let number = try? interp.callMethod(value, "__float__", []), let d = number.asDouble {
                values.append(d)
                return []
            } else {
                throw PyError.typeError("float() argument must be a string or a real number, not '\(interp.typeName(value))'")
            }
            var inner: [Int]?
            for item in items {
                let shape = try append(item, interp, depth: depth + 1)
                if inner == nil { inner = shape } else if inner != shape { throw inhomogeneous(depth + 1, items.count) }
            }
            return [items.count] + (inner ?? [])
        }
    }

    private func inhomogeneous(_ depth: Int, _ count: Int) -> PyError {
        PyError.valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(depth) dimensions. The detected shape was (\(count),) + inhomogeneous part.")
    }
}
