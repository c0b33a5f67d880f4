import Interpreter
import Tensors

/// The per-interpreter state of `numpy`: its classes and print options. The `numpy`
/// module keeps it as `_runtime` so other modules (torch's bridge, numpy.random) can find it.
public final class NumPyRuntime {
    public let ndarrayClass: PyClass
    public let genericClass: PyClass
    public let dtypeClass: PyClass
    let memoryviewClass: PyClass
    let ctypesClass: PyClass
    public private(set) var scalarClasses: [DType: PyClass] = [:]
    var options = PrintOptions()
    /// Converts foreign array-likes (torch tensors) to arrays; set by the torch bridge.
    public var foreignArray: ((PyValue) throws -> NDArray?)?
    /// Wraps a ufunc's result when an input was foreign (torch's `__array_wrap__`: a tensor).
    public var foreignWrap: ((NDArray) -> PyValue)?
    /// Maps foreign dtype objects (torch.float32) to dtypes; set by the torch bridge.
    public var foreignDType: ((PyValue) -> DType?)?
    weak var module: PyModule?
    var savedArrays: [String: NDArray] = [:]
    /// Files written by savetxt/tofile: lessons have no writable file system, so they live
    /// in the session (`loadtxt`/`fromfile` read them back, or the lesson's own files).
    var savedFiles: [String: PyValue] = [:]
    var savedArchives: [String: [(String, NDArray)]] = [:]

    init(_ interp: Interpreter) {
        ndarrayClass = interp.makeClass("ndarray", module: "numpy")
        genericClass = interp.makeClass("generic", module: "numpy")
        dtypeClass = interp.makeClass("dtype", module: "numpy")
        memoryviewClass = interp.makeClass("memoryview", module: "builtins")
        ctypesClass = interp.makeClass("_ctypes", module: "numpy._core._internal")
        let number = interp.makeClass("number", module: "numpy", base: genericClass)
        let integer = interp.makeClass("integer", module: "numpy", base: number)
        let signed = interp.makeClass("signedinteger", module: "numpy", base: integer)
        let unsigned = interp.makeClass("unsignedinteger", module: "numpy", base: integer)
        let inexact = interp.makeClass("inexact", module: "numpy", base: number)
        let floating = interp.makeClass("floating", module: "numpy", base: inexact)
        abstractClasses = ["number": number, "integer": integer, "signedinteger": signed,
                           "unsignedinteger": unsigned, "inexact": inexact, "floating": floating]
        for t in DType.allCases where t != .bfloat16 && !t.isComplex {
            let base: PyClass
            switch t {
            case .bool: base = genericClass
            case .uint8: base = unsigned
            case .int8, .int16, .int32, .int64: base = signed
            default: base = floating
            }
            scalarClasses[t] = interp.makeClass(t == .bool ? "bool" : t.numpyName, module: "numpy", base: base)
        }
    }
    var abstractClasses: [String: PyClass] = [:]

    /// The runtime of `interp`'s numpy module (importing it if needed).
    public static func of(_ interp: Interpreter) throws -> NumPyRuntime {
        let m = try interp.importModule("numpy._native")
        guard let rt = m["_runtime"]?.payload(NumPyRuntime.self) else { throw PyError.runtimeError("numpy runtime missing") }
        return rt
    }

    /// An ndarray object for `a`.
    public func wrap(_ interp: Interpreter, _ a: NDArray) -> PyValue {
        if let o = a.hostObject as? PyInstance, o.cls === ndarrayClass { return .object(o) }
        let v = interp.makeInstance(ndarrayClass, payload: a)
        a.hostObject = v.asInstance
        return v
    }

    /// A NumPy scalar (`np.float64(...)`) for the single element of `a`.
    public func scalar(_ interp: Interpreter, _ a: NDArray) -> PyValue {
        let v = a.ndim == 0 ? a : a.view(shape: [], strides: [], offset: a.tensor.offset)
        let copy = (try? v.copy()) ?? v
        return interp.makeInstance(scalarClasses[a.dtype] ?? genericClass, payload: copy)
    }

    /// What a ufunc or reduction returns: a scalar for a 0-d result, else the array.
    public func result(_ interp: Interpreter, _ a: NDArray) -> PyValue {
        a.ndim == 0 ? scalar(interp, a) : wrap(interp, a)
    }

    /// Public entry for other modules: an ndarray value from flat data.
    public func makeArray(_ interp: Interpreter, doubles: [Double], shape: [Int], dtype: DType = .float64) throws -> PyValue {
        wrap(interp, try NDArray.make(doubles: doubles, shape: shape, dtype: dtype))
    }

    /// Whether `v` is a NumPy scalar (`np.float64(1.5)`), without needing the runtime.
    public static func isScalar(_ v: PyValue) -> Bool {
        guard let inst = v.asInstance, inst.payload is NDArray else { return false }
        return inst.cls.name != "ndarray"
    }

    public func isScalarObject(_ v: PyValue) -> Bool {
        guard let inst = v.asInstance else { return false }
        return inst.cls.isSubclass(of: genericClass)
    }
}

extension NDArray {
    /// `NDArray.makeValue(interp, doubles:shape:dtype:)`: an ndarray Python value built from
    /// Swift data (numpy.random and other native modules use this).
    public static func makeValue(_ interp: Interpreter, doubles: [Double], shape: [Int], dtype: DType = .float64) throws -> PyValue {
        let rt = try NumPyRuntime.of(interp)
        return rt.wrap(interp, try make(doubles: doubles, shape: shape, dtype: dtype))
    }

    /// Same from integers (dtype int64 unless given).
    public static func makeValue(_ interp: Interpreter, int64s: [Int64], shape: [Int], dtype: DType = .int64) throws -> PyValue {
        let rt = try NumPyRuntime.of(interp)
        return rt.wrap(interp, try make(int64s: int64s, shape: shape, dtype: dtype))
    }

    /// The NDArray inside an ndarray or NumPy scalar value, if it is one.
    public static func from(_ v: PyValue) -> NDArray? { v.payload(NDArray.self) }
}
