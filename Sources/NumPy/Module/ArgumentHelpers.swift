import Interpreter
import Tensors

extension NumPyRuntime {
    /// Binds `args` (after the receiver, for methods) to a signature.
    func bind(_ args: Arguments, _ name: String, _ names: [String], required: Int = 0, kw: [String] = [],
              varargs: Bool = false) throws -> BoundArguments {
        try args.bind(Signature(name, names, keywordOnly: kw, required: required, varargs: varargs))
    }

    func bool(_ interp: Interpreter, _ v: PyValue?, _ fallback: Bool) throws -> Bool {
        guard let v, !v.isNone else { return fallback }
        return try interp.truthy(v)
    }

    func int(_ interp: Interpreter, _ v: PyValue?) throws -> Int? {
        guard let v, !v.isNone else { return nil }
        guard let i = try interp.index(v) else {
            throw PyError.typeError("'\(interp.typeName(v))' object cannot be interpreted as an integer")
        }
        return i
    }

    /// A shape argument: an int or a sequence of ints.
    func shapeArg(_ interp: Interpreter, _ v: PyValue) throws -> [Int] {
        if let t = v.asTuple { return try t.items.map { try int(interp, $0)! } }
        if let l = v.asList { return try l.items.map { try int(interp, $0)! } }
        if let a = NDArray.from(v), a.ndim == 1 { return a.int64s().map { Int($0) } }
        guard let i = try int(interp, v) else { throw PyError.typeError("expected a shape") }
        return [i]
    }

    func checkShape(_ shape: [Int]) throws {
        if shape.contains(where: { $0 < 0 }) { throw PyError.valueError("negative dimensions are not allowed") }
    }

    /// Python list of the elements (nested), like `tolist()`.
    func toList(_ interp: Interpreter, _ a: NDArray) -> PyValue {
        let idx = a.storageIndices()
        if a.ndim == 0 { return NumPyScalars.python(a, a.tensor.offset) }
        var k = 0
        func rec(_ d: Int) -> PyValue {
            if d == a.ndim { defer { k += 1 }; return NumPyScalars.python(a, idx[k]) }
            return .list((0..<a.shape[d]).map { _ in rec(d + 1) })
        }
        return rec(0)
    }
}
