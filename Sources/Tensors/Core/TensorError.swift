/// The Python exception class a tensor error becomes in the interpreter.
public enum PythonExceptionType: String, Sendable {
    case runtimeError = "RuntimeError"
    case indexError = "IndexError"
    case valueError = "ValueError"
    case typeError = "TypeError"
    case notImplementedError = "NotImplementedError"
    case timeoutError = "TimeoutError"
}

/// Every error the Tensors layer throws: grouped by kind, carrying what PyTorch's message
/// needs, and knowing the Python exception type and PyTorch's exact text.
public enum TensorError: Error, Equatable, CustomStringConvertible {
    // Shapes
    /// Broadcasting failed at `dim` (counted from the left of the broadcast shape).
    case broadcastMismatch(sizeA: Int, sizeB: Int, dim: Int)
    /// `view` on a tensor whose strides do not allow it.
    case viewIncompatibleStrides
    /// `view`/`reshape` to a shape whose element count differs.
    case invalidShape(shape: [Int], numel: Int)
    /// Any other shape complaint, with PyTorch's full text.
    case shape(String)

    // Indices and dimensions
    case dimOutOfRange(dim: Int, min: Int, max: Int)
    case indexOutOfBounds(index: Int, dim: Int, size: Int)
    case index(String)

    // Dtypes
    case cannotCast(result: DType, output: DType)
    case dtype(String)

    // Values and arguments
    case value(String)
    case type(String)
    case runtime(String)
    case notImplemented(String)

    // Memory
    case outOfMemory(bytes: Int)

    // Time
    /// The running cell's time limit passed inside a kernel (`CellDeadline`); the message
    /// names the cell. The host makes it an exception no `except` clause catches.
    case timedOut(String)

    public var pythonType: PythonExceptionType {
        switch self {
        case .broadcastMismatch, .viewIncompatibleStrides, .invalidShape, .shape, .cannotCast,
             .dtype, .runtime, .outOfMemory:
            .runtimeError
        case .dimOutOfRange, .indexOutOfBounds, .index:
            .indexError
        case .value: .valueError
        case .type: .typeError
        case .notImplemented: .notImplementedError
        case .timedOut: .timeoutError
        }
    }

    /// PyTorch's message, without the exception name.
    public var message: String {
        switch self {
        case let .broadcastMismatch(a, b, dim):
            "The size of tensor a (\(a)) must match the size of tensor b (\(b)) at non-singleton dimension \(dim)"
        case .viewIncompatibleStrides:
            "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead."
        case let .invalidShape(shape, numel):
            "shape '[\(shape.map(String.init).joined(separator: ", "))]' is invalid for input of size \(numel)"
        case let .dimOutOfRange(dim, lo, hi):
            "Dimension out of range (expected to be in range of [\(lo), \(hi)], but got \(dim))"
        case let .indexOutOfBounds(index, dim, size):
            "index \(index) is out of bounds for dimension \(dim) with size \(size)"
        case let .cannotCast(result, output):
            "result type \(result.scalarTypeName) can't be cast to the desired output type \(output.scalarTypeName)"
        case let .outOfMemory(bytes):
            "[enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate \(bytes) bytes. Error code 12 (Cannot allocate memory)"
        case let .shape(m), let .index(m), let .dtype(m), let .value(m), let .type(m),
             let .runtime(m), let .notImplemented(m), let .timedOut(m):
            m
        }
    }

    /// `RuntimeError: message`, as Python's traceback ends.
    public var description: String { pythonType.rawValue + ": " + message }
}
