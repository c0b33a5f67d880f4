import Interpreter
import Tensors

/// The `ndarray` class and NumPy scalars (`np.float64(...)`): both carry an NDArray (a
/// 0-d one for scalars) and share operators and methods.
extension NumPyRuntime {
    func arr(_ v: PyValue) throws -> NDArray {
        guard let a = NDArray.from(v) else { throw PyError.typeError("descriptor requires a 'numpy.ndarray' object") }
        return a
    }

    func dtypeValue(_ interp: Interpreter, _ t: DType) -> PyValue {
        interp.makeInstance(dtypeClass, payload: DTypeBox(t))
    }

    func buildArrayClasses(_ interp: Interpreter, _ m: PyModule) throws {
        let binaryOps: [(String, BinaryUfunc)] = [
            ("add", .add), ("sub", .subtract), ("mul", .multiply), ("truediv", .true_divide),
            ("floordiv", .floor_divide), ("mod", .remainder), ("pow", .power),
            ("and", .bitwise_and), ("or", .bitwise_or), ("xor", .bitwise_xor), ("lshift", .left_shift), ("rshift", .right_shift),
        ]
        for cls in [ndarrayClass, genericClass] {
            for (name, op) in binaryOps {
                cls.addMethod("__\(name)__") { interp, s, args in
                    if !self.acceptsOperand(args[0]) { return .notImplemented }
                    return self.result(interp, try self.binary(interp, op, s, args[0]))
                }
                cls.addMethod("__r\(name)__") { interp, s, args in
                    if !self.acceptsOperand(args[0]) { return .notImplemented }
                    return self.result(interp, try self.binary(interp, op, args[0], s))
                }
                cls.addMethod("__i\(name)__") { interp, s, args in
                    let a = try self.arr(s)
                    if self.isScalarObject(s) { return self.result(interp, try self.binary(interp, op, s, args[0])) }
                    let r = try self.binary(interp, op, s, args[0])
                    if r.dtype != a.dtype && !DType.numpyPromote(r.dtype, a.dtype).numpyCanCastSafely(to: a.dtype) && !(r.dtype.isFloatingPoint == a.dtype.isFloatingPoint) {
                        let opname = op == .true_divide ? "divide" : op.rawValue
                        throw PyError(type: "numpy._core._exceptions._UFuncOutputCastingError", message: "Cannot cast ufunc '\(opname)' output from dtype('\(r.dtype.numpyName)') to dtype('\(a.dtype.numpyName)') with casting rule 'same_kind'")
                    }
                    try self.setItem(interp, a, .ellipsis, self.wrap(interp, r))
                    return s
                }
            }
            let cmps: [(String, BinaryUfunc)] = [("eq", .equal), ("ne", .not_equal), ("lt", .less), ("le", .less_equal), ("gt", .greater), ("ge", .greater_equal)]
            for (name, op) in cmps {
                cls.addMethod("__\(name)__") { interp, s, args in
                    if !self.acceptsOperand(args[0]) {
                        if op == .equal { return .false }
                        if op == .not_equal { return .true }
                        return .notImplemented
                    }
                    return self.result(interp, try self.binary(interp, op, s, args[0]))
                }
            }
            cls.addMethod("__matmul__") { interp, s, args in
                if !self.acceptsOperand(args[0]) { return .notImplemented }
                return self.result(interp, try self.matmul(interp, try self.arr(s), try self.asArray(interp, args[0])))
            }
            cls.addMethod("__rmatmul__") { interp, s, args in
                return self.result(interp, try self.matmul(interp, try self.asArray(interp, args[0]), try self.arr(s)))
            }
            cls.addMethod("__neg__") { interp, s, _ in self.result(interp, try self.unary(interp, .negative, s)) }
            cls.addMethod("__pos__") { interp, s, _ in self.result(interp, try self.unary(interp, .positive, s)) }
            cls.addMethod("__abs__") { interp, s, _ in self.result(interp, try self.unary(interp, .absolute, s)) }
            cls.addMethod("__invert__") { interp, s, _ in self.result(interp, try self.unary(interp, .invert, s)) }
            cls.addMethod("__bool__") { interp, s, _ in
                let a = try self.arr(s)
                if a.size != 1 {
                    if a.size == 0 { throw PyError.valueError("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.") }
                    throw PyError.valueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
                }
                return .bool(a.doubles()[0] != 0)
            }
            cls.addMethod("__float__") { interp, s, _ in
                let a = try self.arr(s)
                if a.size != 1 { throw PyError.typeError("only length-1 arrays can be converted to Python scalars") }
                return .float(a.doubles()[0])
            }
            cls.addMethod("__int__") { interp, s, _ in
                let a = try self.arr(s)
                if a.size != 1 { throw PyError.typeError("only length-1 arrays can be converted to Python scalars") }
                if a.dtype.isFloatingPoint {
                    let d = a.doubles()[0]
                    if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
                    if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
                }
                return .int(Int(a.int64s()[0]))
            }
            cls.addMethod("__index__") { interp, s, _ in
                let a = try self.arr(s)
                if a.dtype.isFloatingPoint || a.size != 1 || (a.ndim > 0) {
                    throw PyError.typeError("only integer scalar arrays can be converted to a scalar index")
                }
                return .int(Int(a.int64s()[0]))
            }
            cls.addMethod("__round__") { interp, s, args in
                let digits = args.count > 0 ? try self.int(interp, args[0]) : nil
                let a = try self.arr(s)
                if digits == nil && a.ndim == 0 {
                    let d = a.doubles()[0].rounded(.toNearestOrEven)
                    return a.dtype.isFloatingPoint ? .int(Int(d)) : .int(Int(a.int64s()[0]))
                }
                return self.result(interp, try self.roundArray(a, digits ?? 0))
            }
            cls.addMethod("__len__") { interp, s, _ in
                let a = try self.arr(s)
                if a.ndim == 0 { throw PyError.typeError("len() of unsized object") }
                return .int(a.shape[0])
            }
            cls.addMethod("__getitem__") { interp, s, args in
                let a = try self.arr(s)
                if self.isScalarObject(s) && a.ndim == 0 {
                    if args[0].isEllipsis || (args[0].asTuple?.items.isEmpty ?? false) { return s }
                    throw PyError.indexError("invalid index to scalar variable.")
                }
                return try self.getItem(interp, a, args[0])
            }
            cls.addMethod("__setitem__") { interp, s, args in
                try self.setItem(interp, try self.arr(s), args[0], args[1])
                return .none
            }
            cls.addMethod("__iter__") { interp, s, _ in
                let a = try self.arr(s)
                if a.ndim == 0 { throw PyError.typeError("iteration over a 0-d array") }
                var i = 0
                return .object(PyNativeIterator {
                    if i >= a.shape[0] { return nil }
                    defer { i += 1 }
                    return try self.getItem(interp, a, .int(i))
                })
            }
            cls.addMethod("__contains__") { interp, s, args in
                let r = try self.binary(interp, .equal, s, args[0])
                return .bool(r.int64s().contains { $0 != 0 })
            }
            cls.addMethod("__format__") { interp, s, args in
                let a = try self.arr(s)
                let spec = args[0].asString ?? ""
                if a.ndim == 0 {
                    if spec.isEmpty { return .str(try interp.str(s)) }
                    return .str(try interp.format(NumPyScalars.python(a, a.tensor.offset), spec))
                }
                if !spec.isEmpty { throw PyError.typeError("unsupported format string passed to numpy.ndarray.__format__") }
                return .str(try interp.str(s))
            }
            cls.addMethod("__copy__") { interp, s, _ in self.result(interp, try self.arr(s).copy()) }
            cls.addMethod("__deepcopy__") { interp, s, _ in self.result(interp, try self.arr(s).copy()) }
            cls.addMethod("__array__") { interp, s, _ in self.wrap(interp, try self.arr(s)) }

            cls.addProperty("shape", get: { interp, s in .tuple(try self.arr(s).shape.map { .int($0) }) },
                            set: { interp, s, v in
                                let a = try self.arr(s)
                                let shape = try self.resolveReshape(a, try self.shapeArg(interp, v))
                                guard a.isCContiguous else { throw PyError(type: "AttributeError", message: "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.") }
                                a.setLayout(shape: shape)
                            })
            cls.addProperty("dtype", get: { interp, s in self.dtypeValue(interp, try self.arr(s).dtype) })
            cls.addProperty("ndim", get: { interp, s in .int(try self.arr(s).ndim) })
            cls.addProperty("size", get: { interp, s in .int(try self.arr(s).size) })
            cls.addProperty("itemsize", get: { interp, s in .int(try self.arr(s).dtype.itemSize) })
            cls.addProperty("nbytes", get: { interp, s in let a = try self.arr(s); return .int(a.size * a.dtype.itemSize) })
            cls.addProperty("strides", get: { interp, s in
                let a = try self.arr(s)
                return .tuple(a.elementStrides.map { .int($0 * a.dtype.itemSize) })
            })
            cls.addProperty("T", get: { interp, s in self.result(interp, self.transpose(try self.arr(s), nil)) })
            cls.addProperty("mT", get: { interp, s in
                let a = try self.arr(s)
                if a.ndim < 2 { throw PyError.valueError("matrix transpose with ndim < 2 is undefined") }
                var p = Array(0..<a.ndim); p.swapAt(a.ndim - 1, a.ndim - 2)
                return self.wrap(interp, self.transpose(a, p))
            })
            cls.addProperty("base", get: { interp, s in
                let a = try self.arr(s)
                if self.isScalarObject(s) { return .none }
                return a.base.map { self.wrap(interp, $0) } ?? .none
            })
            cls.addProperty("real", get: { interp, s in self.isScalarObject(s) ? s : self.wrap(interp, try self.arr(s)) })
            cls.addProperty("imag", get: { interp, s in
                let a = try self.arr(s)
                return self.result(interp, try NDArray.empty(a.shape, a.dtype))
            })
            cls.addProperty("device", get: { _, _ in .str("cpu") })
            cls.addProperty("data", get: { interp, s in
                interp.makeInstance(self.memoryviewClass, payload: try self.arr(s))
            })
            cls.addProperty("flat", get: { interp, s in
                let a = try self.arr(s)
                let flat = try a.isCContiguous ? a.view(shape: [a.size], strides: [1], offset: a.tensor.offset) : a.copy().reshapedView([a.size])
                return self.wrap(interp, flat)
            })
            cls.addProperty("flags", get: { interp, s in
                let a = try self.arr(s)
                let d = PyDict([("C_CONTIGUOUS", .bool(a.isCContiguous)), ("F_CONTIGUOUS", .bool(a.isFContiguous)),
                                ("OWNDATA", .bool(a.base == nil)), ("WRITEABLE", .bool(a.writeable)),
                                ("ALIGNED", .true), ("WRITEBACKIFCOPY", .false)])
                return .object(d)
            })
            cls.addProperty("ctypes", get: { interp, s in
                interp.makeInstance(self.ctypesClass, payload: try self.arr(s))
            })

            cls.addMethod("tolist") { interp, s, _ in self.toList(interp, try self.arr(s)) }
            cls.addMethod("item") { interp, s, args in
                let a = try self.arr(s)
                if args.count == 0 {
                    if a.size != 1 { throw PyError.valueError("can only convert an array of size 1 to a Python scalar") }
                    return NumPyScalars.python(a, a.storageIndices()[0])
                }
                var idx = try args.count == 1 && args[0].asTuple == nil ? [self.int(interp, args[0])!] : (args[0].asTuple?.items ?? args.positional).map { try self.int(interp, $0)! }
                if idx.count == 1 && a.ndim != 1 {
                    if idx[0] < 0 { idx[0] += a.size }
                    if idx[0] < 0 || idx[0] >= a.size { throw PyError.indexError("index \(idx[0]) is out of bounds for size \(a.size)") }
                    return NumPyScalars.python(a, a.storageIndices()[idx[0]])
                }
                let v = try self.getItem(interp, a, .tuple(idx.map { .int($0) }))
                return NumPyScalars.python(try self.arr(v), try self.arr(v).tensor.offset)
            }
            cls.addMethod("fill") { interp, s, args in
                try self.setItem(interp, try self.arr(s), .ellipsis, args[0]); return .none
            }
            cls.addMethod("astype") { interp, s, args in
                let b = try self.bind(args, "astype", ["dtype", "order", "casting", "subok", "copy"], required: 1)
                let a = try self.arr(s)
                let t = try self.dtype(interp, b[0])!
                if t == a.dtype, let c = b[4], !(try interp.truthy(c)) { return s }
                return self.isScalarObject(s) ? self.scalar(interp, try a.copy(as: t)) : self.wrap(interp, try a.copy(as: t))
            }
            cls.addMethod("copy") { interp, s, _ in self.result(interp, try self.arr(s).copy()) }
            cls.addMethod("view") { interp, s, args in
                let a = try self.arr(s)
                if let t = try self.dtype(interp, args.count > 0 ? args[0] : args.keyword("dtype")), t != a.dtype {
                    guard t.itemSize == a.dtype.itemSize else { throw PyError.valueError("Changing the dtype to one of a different size is not supported here") }
                    return self.wrap(interp, a.view(shape: a.shape, strides: a.elementStrides, offset: a.tensor.offset, dtype: t))
                }
                return self.wrap(interp, a.view(shape: a.shape, strides: a.elementStrides, offset: a.tensor.offset))
            }
            cls.addMethod("reshape") { interp, s, args in
                let a = try self.arr(s)
                var shapeV: PyValue
                if args.count == 1 { shapeV = args[0] } else if args.count == 0, let k = args.keyword("shape") { shapeV = k } else { shapeV = .tuple(args.positional) }
                let order = args.keyword("order")?.asString ?? "C"
                return self.wrap(interp, try self.reshape(a, try self.shapeArg(interp, shapeV), order: order))
            }
            cls.addMethod("transpose") { interp, s, args in
                let a = try self.arr(s)
                if args.count == 0 || (args.count == 1 && args[0].isNone) { return self.wrap(interp, self.transpose(a, nil)) }
                let axesV: PyValue = args.count == 1 ? args[0] : .tuple(args.positional)
                let perm = try self.shapeArg(interp, axesV).map { try self.axisIndex(interp, .int($0), a.ndim) }
                if perm.count != a.ndim { throw PyError.valueError("axes don't match array") }
                return self.wrap(interp, self.transpose(a, perm))
            }
            cls.addMethod("flatten") { interp, s, _ in
                let c = try self.arr(s).copy()
                c.setLayout(shape: [c.size])
                return self.wrap(interp, c)
            }
            cls.addMethod("ravel") { interp, s, _ in self.wrap(interp, try self.reshape(try self.arr(s), [-1], order: "C")) }
            cls.addMethod("tobytes") { interp, s, _ in
                let a = try self.arr(s).copy()
                let p = a.tensor.storage.data.assumingMemoryBound(to: UInt8.self)
                let bytes = Array(UnsafeBufferPointer(start: p, count: a.size * a.dtype.itemSize)).map { PyValue.int(Int($0)) }
                return try interp.call(try self.builtin(interp, "bytes"), [.list(bytes)])
            }
            cls.addMethod("to_device") { _, s, args in
                if args.count > 0, args[0].asString != "cpu" { throw PyError.valueError("Unsupported device: \(args[0].asString ?? "?")") }
                return s
            }
            cls.addMethod("setflags") { interp, s, args in
                let a = try self.arr(s)
                if let w = args.count > 0 ? args[0] : args.keyword("write"), !w.isNone { a.writeable = try interp.truthy(w) }
                return .none
            }
            cls.addMethod("byteswap") { interp, s, _ in
                let a = try self.arr(s).copy()
                let p = a.tensor.storage.data.assumingMemoryBound(to: UInt8.self)
                let k = a.dtype.itemSize
                for i in 0..<a.size { for j in 0..<(k / 2) { let t = p[i * k + j]; p[i * k + j] = p[i * k + k - 1 - j]; p[i * k + k - 1 - j] = t } }
                return self.result(interp, a)
            }
            cls.addMethod("getfield") { interp, s, args in
                let a = try self.arr(s)
                let t = try self.dtype(interp, args[0])!
                return self.wrap(interp, a.view(shape: a.shape, strides: a.elementStrides, offset: a.tensor.offset, dtype: t))
            }
            cls.addMethod("setfield") { interp, s, args in
                try self.setItem(interp, try self.arr(s), .ellipsis, args[0]); return .none
            }
            cls.addMethod("resize") { interp, s, args in
                let a = try self.arr(s)
                let shapeV: PyValue = args.count == 1 ? args[0] : .tuple(args.positional)
                let shape = try self.shapeArg(interp, shapeV)
                if shape.reduce(1, *) != a.size {
                    throw PyError.valueError("cannot resize this array: it does not own its data")
                }
                a.setLayout(shape: shape)
                return .none
            }
            // methods that are NumPy functions with the array first
            for name in ["sum", "prod", "mean", "std", "var", "min", "max", "argmin", "argmax", "cumsum", "cumprod",
                         "all", "any", "clip", "round", "nonzero", "dot", "repeat", "take", "put", "diagonal", "trace",
                         "searchsorted", "squeeze", "swapaxes", "compress", "choose", "partition", "argpartition",
                         "sort", "argsort", "conj", "conjugate", "ptp", "dump", "dumps", "tofile"] {
                cls.addMethod(name) { interp, s, args in
                    let np = try interp.importModule("numpy")
                    guard let f = np["_method_" + name] ?? np[name] else { throw PyError.attributeError(name) }
                    return try interp.call(f, args.prepending(s))
                }
            }
        }
        ndarrayClass.setConstructor { interp, cls, args in
            let b = try self.bind(args, "ndarray", ["shape", "dtype", "buffer", "offset", "strides", "order"], required: 1)
            let t = try self.dtype(interp, b[1]) ?? .float64
            return interp.makeInstance(cls, payload: try NDArray.empty(try self.shapeArg(interp, b[0]!), t))
        }
        ndarrayClass.addMethod("__repr__") { interp, s, _ in .str(ArrayPrinter(options: self.options).repr(try self.arr(s))) }
        ndarrayClass.addMethod("__str__") { interp, s, _ in .str(ArrayPrinter(options: self.options).str(try self.arr(s))) }
        ndarrayClass.addMethod("__hash__") { _, _, _ in throw PyError.typeError("unhashable type: 'numpy.ndarray'") }
        genericClass.addMethod("__repr__") { interp, s, _ in .str(NumPyScalars.repr(try self.arr(s))) }
        genericClass.addMethod("__str__") { interp, s, _ in .str(NumPyScalars.text(try self.arr(s))) }
        genericClass.addMethod("__hash__") { interp, s, _ in
            let a = try self.arr(s)
            return try interp.call(try self.builtin(interp, "hash"), [NumPyScalars.python(a, a.tensor.offset)])
        }
        genericClass.addProperty("shape", get: { _, _ in .tuple([]) })
        for (t, cls) in scalarClasses {
            cls.setConstructor { interp, cls, args in
                let v = args.count > 0 ? args[0] : .int(0)
                let a = try self.makeArray(interp, v, dtype: t)
                if a.ndim > 0 { return self.wrap(interp, a) }
                return interp.makeInstance(cls, payload: a)
            }
            m.add(t == .bool ? "bool" : t.numpyName, cls)
        }
        for (name, cls) in abstractClasses { m.add(name, cls) }
        m.add("generic", genericClass)
        m.add("ndarray", ndarrayClass)
        buildDTypeClass(interp, m)
        buildBufferClasses(interp)
    }

    /// `a.data` (a memoryview of the elements) and `a.ctypes` (the data address and layout).
    func buildBufferClasses(_ interp: Interpreter) {
        let mv = memoryviewClass
        mv.addProperty("nbytes", get: { _, s in let a = try self.arr(s); return .int(a.size * a.dtype.itemSize) })
        mv.addProperty("itemsize", get: { _, s in .int(try self.arr(s).dtype.itemSize) })
        mv.addProperty("ndim", get: { _, s in .int(try self.arr(s).ndim) })
        mv.addProperty("shape", get: { _, s in .tuple(try self.arr(s).shape.map { .int($0) }) })
        mv.addProperty("format", get: { _, s in .str(String(try self.arr(s).dtype.numpyChar)) })
        mv.addProperty("readonly", get: { _, s in .bool(!(try self.arr(s).writeable)) })
        mv.addMethod("tolist") { interp, s, _ in self.toList(interp, try self.arr(s)) }
        mv.addMethod("tobytes") { interp, s, _ in try interp.callMethod(self.wrap(interp, try self.arr(s)), "tobytes") }
        mv.addMethod("__len__") { _, s, _ in let a = try self.arr(s); return .int(a.ndim == 0 ? 1 : a.shape[0]) }
        mv.addMethod("__repr__") { _, s, _ in .str("<memory at 0x\(String(try self.arr(s).tensor.dataPointerAddress, radix: 16))>") }
        let ct = ctypesClass
        ct.addProperty("data", get: { _, s in .int(try self.arr(s).tensor.dataPointerAddress) })
        ct.addProperty("shape", get: { _, s in .tuple(try self.arr(s).shape.map { .int($0) }) })
        ct.addProperty("strides", get: { _, s in let a = try self.arr(s); return .tuple(a.elementStrides.map { .int($0 * a.dtype.itemSize) }) })
    }

    func acceptsOperand(_ v: PyValue) -> Bool {
        switch v {
        case .int, .float, .bool: return true
        case .object(let o):
            if NDArray.from(v) != nil { return true }
            if o is PyList || o is PyTuple { return true }
            return false
        default: return false
        }
    }

    func buildDTypeClass(_ interp: Interpreter, _ m: PyModule) {
        let c = dtypeClass
        c.setConstructor { interp, cls, args in
            let t = try self.dtype(interp, args[0]) ?? .float64
            return interp.makeInstance(cls, payload: DTypeBox(t))
        }
        func box(_ v: PyValue) throws -> DType { guard let b = v.payload(DTypeBox.self) else { throw PyError.typeError("not a dtype") }; return b.dtype }
        c.addMethod("__repr__") { _, s, _ in .str("dtype('\(try box(s).numpyName)')") }
        c.addMethod("__str__") { _, s, _ in .str(try box(s).numpyName) }
        c.addMethod("__eq__") { interp, s, args in
            guard let other = try? self.dtype(interp, args[0]) else { return .false }
            return .bool(other == (try box(s)))
        }
        c.addMethod("__ne__") { interp, s, args in
            guard let other = try? self.dtype(interp, args[0]) else { return .true }
            return .bool(other != (try box(s)))
        }
        c.addMethod("__hash__") { _, s, _ in .int(try box(s).rawValue &* 7919 &+ 17) }
        c.addProperty("name", get: { _, s in .str(try box(s).numpyName) })
        c.addProperty("itemsize", get: { _, s in .int(try box(s).itemSize) })
        c.addProperty("kind", get: { _, s in .str(try box(s).numpyKind) })
        c.addProperty("char", get: { _, s in .str(try box(s).numpyChar) })
        c.addProperty("str", get: { _, s in .str(try box(s).numpyStr) })
        c.addProperty("type", get: { _, s in .object(self.scalarClasses[try box(s)]!) })
        c.addProperty("names", get: { _, _ in .none })
        m.add("dtype", c)
    }
}

extension NDArray {
    /// Re-lays out a C-contiguous array in place (`a.shape = ...`).
    func setLayout(shape: [Int]) {
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) { strides[d] = acc; acc *= shape[d] }
        let t = Tensor(storage: tensor.storage, sizes: shape, strides: strides, offset: tensor.offset, dtype: dtype, versionCounter: tensor.versionCounter)
        tensor.setData(t)
    }

    /// A C-contiguous view of a contiguous array with another shape.
    func reshapedView(_ shape: [Int]) -> NDArray {
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) { strides[d] = acc; acc *= shape[d] }
        let v = view(shape: shape, strides: strides, offset: tensor.offset)
        if base == nil && v.base === self { return v }
        return v
    }
}
