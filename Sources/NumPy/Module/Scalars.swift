import Interpreter
import Tensors

/// Texts of NumPy scalars: `str` as Python prints the number, `repr` as `np.float64(1.5)`.
enum NumPyScalars {
    static func text(_ a: NDArray) -> String {
        let i = a.tensor.offset
        switch a.dtype {
        case .bool: return a.loadInt(i) != 0 ? "True" : "False"
        case .float16, .bfloat16, .float32, .float64: return FloatText.scalarText(a.loadDouble(i), a.dtype)
        default: return String(a.loadInt(i))
        }
    }

    static func repr(_ a: NDArray) -> String {
        if a.dtype == .bool { return a.loadInt(a.tensor.offset) != 0 ? "np.True_" : "np.False_" }
        return "np.\(a.dtype.numpyName)(\(text(a)))"
    }

    /// The Python number for `item()` / `tolist()`.
    static func python(_ a: NDArray, _ i: Int) -> PyValue {
        switch a.dtype {
        case .bool: return .bool(a.loadInt(i) != 0)
        case .float16, .bfloat16, .float32, .float64: return .float(a.loadDouble(i))
        default: return .int(Int(a.loadInt(i)))
        }
    }
}
