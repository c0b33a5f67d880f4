import Interpreter
import Tensors

/// Operators (`+ - * / // % ** @`, comparisons, `& | ^ ~`, reflected and augmented
/// forms) and their named methods (`add`, `mul_`, `torch.maximum`...).
extension TorchRuntime {
    typealias TensorTensor = (Tensor, Tensor) throws -> Tensor
    typealias TensorScalar = (Tensor, Scalar) throws -> Tensor

    /// `__op__`: tensor or Python number on the right, else NotImplemented.
    private func operatorMethod(_ cls: PyClass, _ name: String, _ tt: @escaping TensorTensor, _ ts: @escaping TensorScalar) {
        cls.addMethod(name) { [unowned self] _, s, args in
            guard let a = tensorPayload(s), args.count == 1 else { return .notImplemented }
            let o = args[0]
            do {
                if let b = tensorPayload(o) { return wrap(try tt(a, b)) }
                if let sc = scalar(o) { return wrap(try ts(a, sc)) }
                if let b = arrayOperand(o) { return wrap(try tt(a, b)) }
            } catch let e as TensorError { throw e.python }
            return .notImplemented
        }
    }

    /// `__iop__`: mutates the left tensor and returns the same Python object.
    private func inPlaceOperator(_ cls: PyClass, _ name: String, _ tt: @escaping TensorTensor, _ ts: @escaping TensorScalar) {
        cls.addMethod(name) { [unowned self] _, s, args in
            guard let a = rawTensorPayload(s), args.count == 1 else { return .notImplemented }
            let o = args[0]
            return try acrossMathBits(name, a, receiver: s) { a in
                do {
                    if let b = tensorPayload(o) { _ = try tt(a, b); return s }
                    if let sc = scalar(o) { _ = try ts(a, sc); return s }
                    if let b = arrayOperand(o) { _ = try tt(a, b); return s }
                } catch let e as TensorError { throw e.python }
                return .notImplemented
            }
        }
    }

    func bindArithmetic(_ b: Binder) {
        let cls = b.cls
        operatorMethod(cls, "__add__", { try Op.add($0, $1) }, { try Op.add($0, $1) })
        operatorMethod(cls, "__radd__", { try Op.add($1, $0) }, { try Op.add($0, $1) })
        operatorMethod(cls, "__sub__", { try Op.sub($0, $1) }, { try Op.sub($0, $1) })
        operatorMethod(cls, "__rsub__", { try Op.sub($1, $0) }, { try Op.rsub($0, $1) })
        operatorMethod(cls, "__mul__", { try Op.mul($0, $1) }, { try Op.mul($0, $1) })
        operatorMethod(cls, "__rmul__", { try Op.mul($1, $0) }, { try Op.mul($0, $1) })
        operatorMethod(cls, "__truediv__", { try Op.div($0, $1) }, { try Op.div($0, $1) })
        operatorMethod(cls, "__rtruediv__", { try Op.div($1, $0) }, { try Op.rdiv($0, $1) })
        operatorMethod(cls, "__floordiv__", { try Op.floorDivide($0, $1) }, { try Op.floorDivide($0, $1) })
        operatorMethod(cls, "__rfloordiv__", { try Op.floorDivide($1, $0) }, { try Op.rfloorDivide($0, $1) })
        operatorMethod(cls, "__mod__", { try Op.remainder($0, $1) }, { try Op.remainder($0, $1) })
        operatorMethod(cls, "__rmod__", { try Op.remainder($1, $0) }, { try Op.rremainder($0, $1) })
        operatorMethod(cls, "__pow__", { try Op.pow($0, $1) }, { try Op.pow($0, $1) })
        operatorMethod(cls, "__rpow__", { try Op.pow($1, $0) }, { try Op.pow($1, $0) })
        operatorMethod(cls, "__and__", { try $0.binary(.bitwiseAnd, $1) }, { try $0.binary(.bitwiseAnd, $1) })
        operatorMethod(cls, "__rand__", { try $1.binary(.bitwiseAnd, $0) }, { try $0.binary(.bitwiseAnd, $1) })
        operatorMethod(cls, "__or__", { try $0.binary(.bitwiseOr, $1) }, { try $0.binary(.bitwiseOr, $1) })
        operatorMethod(cls, "__ror__", { try $1.binary(.bitwiseOr, $0) }, { try $0.binary(.bitwiseOr, $1) })
        operatorMethod(cls, "__xor__", { try $0.binary(.bitwiseXor, $1) }, { try $0.binary(.bitwiseXor, $1) })
        operatorMethod(cls, "__rxor__", { try $1.binary(.bitwiseXor, $0) }, { try $0.binary(.bitwiseXor, $1) })
        operatorMethod(cls, "__lshift__", { try $0.binary(.shiftLeft, $1) }, { try $0.binary(.shiftLeft, $1) })
        operatorMethod(cls, "__rshift__", { try $0.binary(.shiftRight, $1) }, { try $0.binary(.shiftRight, $1) })
        cls.addMethod("__matmul__") { [unowned self] _, s, args in
            guard tensorPayload(s) != nil, tensorPayload(args[0]) != nil else { return .notImplemented }
            let (x, y) = try autocastPair("matmul", s, args[0])
            return wrap(try autocastSuspended { try bridged { try Op.matmul(x, y) } })
        }
        cls.addMethod("__rmatmul__") { [unowned self] _, s, args in
            guard tensorPayload(s) != nil, tensorPayload(args[0]) != nil else { return .notImplemented }
            let (x, y) = try autocastPair("matmul", args[0], s)
            return wrap(try autocastSuspended { try bridged { try Op.matmul(x, y) } })
        }

        inPlaceOperator(cls, "__iadd__", { try Op.add_($0, $1) }, { try Op.add_($0, $1) })
        inPlaceOperator(cls, "__isub__", { try Op.sub_($0, $1) }, { try Op.sub_($0, $1) })
        inPlaceOperator(cls, "__imul__", { try Op.mul_($0, $1) }, { try Op.mul_($0, $1) })
        inPlaceOperator(cls, "__itruediv__", { try Op.div_($0, $1) }, { try Op.div_($0, $1) })
        inPlaceOperator(cls, "__ifloordiv__", { try Op.floorDivide_($0, $1) }, { try Op.floorDivide_($0, $1) })
        inPlaceOperator(cls, "__imod__", { a, o in try Op.inPlace(a, others: [o]) { x throws(TensorError) in try Op.remainder(x, o) } },
                        { a, s in try Op.inPlace(a) { x throws(TensorError) in try Op.remainder(x, s) } })
        inPlaceOperator(cls, "__ipow__", { a, o in try Op.inPlace(a, others: [o]) { x throws(TensorError) in try Op.pow(x, o) } }, { try Op.pow_($0, $1) })
        inPlaceOperator(cls, "__iand__", { try $0.binaryInPlace(.bitwiseAnd, $1) }, { try $0.binaryInPlace(.bitwiseAnd, $1) })
        inPlaceOperator(cls, "__ior__", { try $0.binaryInPlace(.bitwiseOr, $1) }, { try $0.binaryInPlace(.bitwiseOr, $1) })
        inPlaceOperator(cls, "__ixor__", { try $0.binaryInPlace(.bitwiseXor, $1) }, { try $0.binaryInPlace(.bitwiseXor, $1) })

        operatorMethod(cls, "__eq__", { try $0.eq($1) }, { try $0.eq($1) })
        operatorMethod(cls, "__ne__", { try $0.ne($1) }, { try $0.ne($1) })
        operatorMethod(cls, "__lt__", { try $0.lt($1) }, { try $0.lt($1) })
        operatorMethod(cls, "__le__", { try $0.le($1) }, { try $0.le($1) })
        operatorMethod(cls, "__gt__", { try $0.gt($1) }, { try $0.gt($1) })
        operatorMethod(cls, "__ge__", { try $0.ge($1) }, { try $0.ge($1) })

        b.method("__neg__") { [unowned self] _, t, _ in wrap(try Op.neg(t)) }
        // `+x` is torch.positive: x itself, refused for bool.
        cls.addMethod("__pos__") { _, s, _ in
            if let t = tensorPayload(s), t.dtype == .bool {
                throw PyError.notImplementedError("The `+` operator, on a bool tensor is not supported.")
            }
            return s
        }
        b.method("__abs__") { [unowned self] _, t, _ in wrap(try Op.unary(t, .abs)) }
        b.method("__invert__") { [unowned self] _, t, _ in
            wrap(try t.dtype == .bool ? t.unary(.logicalNot) : t.unary(.bitwiseNot))
        }

        bindNamedArithmetic(b)
    }

    /// `x.add(y, alpha=2)`, `torch.mul(x, 3)`, `x.div_(2, rounding_mode=...)`...
    private func bindNamedArithmetic(_ b: Binder) {
        let alphaName = Name("alpha"), roundingName = Name("rounding_mode")
        func alpha(_ args: Arguments, _ fn: String) throws -> Scalar? {
            guard let a = args.keyword(alphaName) else { return nil }
            return try scalarOrItem(a, fn, "alpha")
        }
        func other(_ args: Arguments, _ fn: String) throws -> PyValue {
            if args.count >= 1 { return args[0] }
            if let o = args.keyword("other") { return o }
            throw PyError.typeError("\(fn)() missing 1 required positional arguments: \"other\"")
        }
        /// Binds `name(other, *, alpha)` style ops that accept a tensor or a number.
        func binary(_ name: String, inPlace: Bool = false, both: Bool = true, functionOnly: Bool = false,
                    _ tt: @escaping (Tensor, Tensor, Arguments) throws -> Tensor,
                    _ ts: @escaping (Tensor, Scalar, Arguments) throws -> Tensor) {
            let body: Binder.Body = { [unowned self] _, t, args in
                let o = try other(args, name)
                let r: Tensor
                if let ot = tensorPayload(o) { r = try tt(t, ot, args) } else if let s = scalar(o) { r = try ts(t, s, args) } else {
                    throw PyError.typeError("\(name)(): argument 'other' (position 1) must be Tensor, not \(typeNameForError(o))")
                }
                return inPlace ? .none : wrap(r)
            }
            if inPlace {
                // In-place methods return the receiver itself.
                b.checkedMethod(name) { interp, s, args in
                    guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(name)' requires a 'torch._C.TensorBase' object") }
                    do { _ = try body(interp, t, args) } catch let e as TensorError { throw e.python }
                    return s
                }
            } else if functionOnly {
                b.function(name, body)
            } else if both {
                b.both(name, body)
            } else {
                b.method(name, body)
            }
        }
        binary("add", { a, o, args in try Op.add(a, o, alpha: try alpha(args, "add")) }, { a, s, args in try Op.add(a, s, alpha: try alpha(args, "add")) })
        binary("sub", { a, o, args in try Op.sub(a, o, alpha: try alpha(args, "sub")) }, { a, s, args in try Op.sub(a, s, alpha: try alpha(args, "sub")) })
        binary("subtract", { a, o, args in try Op.sub(a, o, alpha: try alpha(args, "sub")) }, { a, s, args in try Op.sub(a, s, alpha: try alpha(args, "sub")) })
        binary("mul", { a, o, _ in try Op.mul(a, o) }, { a, s, _ in try Op.mul(a, s) })
        binary("multiply", { a, o, _ in try Op.mul(a, o) }, { a, s, _ in try Op.mul(a, s) })
        func rounding(_ args: Arguments) throws -> RoundingMode? {
            guard let v = args.keyword(roundingName), !v.isNone else { return nil }
            guard case .str(let s) = v, let mode = RoundingMode(rawValue: s) else {
                throw PyError.runtimeError("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '\(v.asString ?? "")'")
            }
            return mode
        }
        binary("div", { a, o, args in try Op.div(a, o, roundingMode: try rounding(args)) }, { a, s, args in try Op.div(a, s, roundingMode: try rounding(args)) })
        binary("divide", { a, o, args in try Op.div(a, o, roundingMode: try rounding(args)) }, { a, s, args in try Op.div(a, s, roundingMode: try rounding(args)) })
        binary("true_divide", { a, o, _ in try Op.div(a, o) }, { a, s, _ in try Op.div(a, s) })
        binary("floor_divide", { a, o, _ in try Op.floorDivide(a, o) }, { a, s, _ in try Op.floorDivide(a, s) })
        binary("remainder", { a, o, _ in try Op.remainder(a, o) }, { a, s, _ in try Op.remainder(a, s) })
        binary("fmod", { a, o, _ in try Op.fmod(a, o) }, { a, s, _ in try Op.fmod(a, s) })
        binary("pow", { a, o, _ in try Op.pow(a, o) }, { a, s, _ in try Op.pow(a, s) })
        // float_power computes in double, complex double when either side is complex.
        binary("float_power", { a, o, _ in
            let d: DType = a.dtype.isComplex || o.dtype.isComplex ? .complex128 : .float64
            return try Op.pow(try Op.to(a, d), try Op.to(o, d))
        }, { a, s, _ in
            if case .complex = s { return try Op.pow(try Op.to(a, .complex128), s) }
            return try Op.pow(try Op.to(a, a.dtype.isComplex ? .complex128 : .float64), s)
        })
        // torch.rsub only: PyTorch's Tensor has no rsub method.
        binary("rsub", functionOnly: true, { a, o, args in try Op.rsub(a, o, alpha: try alpha(args, "rsub")) }, { a, s, args in try Op.rsub(a, s, alpha: try alpha(args, "rsub")) })
        binary("maximum", { a, o, _ in try Op.maximum(a, o) }, { a, s, _ in try Op.maximum(a, try Tensor(scalar: s)) })
        binary("minimum", { a, o, _ in try Op.minimum(a, o) }, { a, s, _ in try Op.minimum(a, try Tensor(scalar: s)) })
        binary("fmax", { a, o, _ in try Op.fmax(a, o) }, { a, s, _ in try Op.fmax(a, try Tensor(scalar: s)) })
        binary("fmin", { a, o, _ in try Op.fmin(a, o) }, { a, s, _ in try Op.fmin(a, try Tensor(scalar: s)) })
        binary("atan2", { a, o, _ in try Op.atan2(a, o) }, { a, s, _ in try Op.atan2(a, try Tensor(scalar: s)) })
        binary("arctan2", { a, o, _ in try Op.atan2(a, o) }, { a, s, _ in try Op.atan2(a, try Tensor(scalar: s)) })
        binary("hypot", { a, o, _ in try Op.hypot(a, o) }, { a, s, _ in try Op.hypot(a, try Tensor(scalar: s)) })
        for (name, op) in [("eq", BinaryOp.eq), ("ne", .ne), ("lt", .lt), ("le", .le), ("gt", .gt), ("ge", .ge),
                           ("not_equal", .ne), ("less", .lt), ("less_equal", .le), ("greater", .gt), ("greater_equal", .ge),
                           ("logical_and", .logicalAnd), ("logical_or", .logicalOr), ("logical_xor", .logicalXor),
                           ("bitwise_and", .bitwiseAnd), ("bitwise_or", .bitwiseOr), ("bitwise_xor", .bitwiseXor),
                           ("bitwise_left_shift", .shiftLeft), ("bitwise_right_shift", .shiftRight)] {
            binary(name, { a, o, _ in try a.binary(op, o) }, { a, s, _ in try a.binary(op, s) })
            binary(name + "_", inPlace: true, { a, o, _ in try a.binaryInPlace(op, o) }, { a, s, _ in try a.binaryInPlace(op, s) })
        }

        binary("add_", inPlace: true, { a, o, args in try Op.add_(a, o, alpha: try alpha(args, "add_")) }, { a, s, args in try Op.add_(a, s, alpha: try alpha(args, "add_")) })
        binary("sub_", inPlace: true, { a, o, args in try Op.sub_(a, o, alpha: try alpha(args, "sub_")) }, { a, s, args in try Op.sub_(a, s, alpha: try alpha(args, "sub_")) })
        binary("subtract_", inPlace: true, { a, o, args in try Op.sub_(a, o, alpha: try alpha(args, "sub_")) }, { a, s, args in try Op.sub_(a, s, alpha: try alpha(args, "sub_")) })
        binary("mul_", inPlace: true, { a, o, _ in try Op.mul_(a, o) }, { a, s, _ in try Op.mul_(a, s) })
        binary("multiply_", inPlace: true, { a, o, _ in try Op.mul_(a, o) }, { a, s, _ in try Op.mul_(a, s) })
        binary("div_", inPlace: true, { a, o, args in
            if let mode = try rounding(args) { return try Op.inPlace(a, others: [o]) { x throws(TensorError) in try Op.div(x, o, roundingMode: mode) } }
            return try Op.div_(a, o)
        }, { a, s, args in
            if let mode = try rounding(args) { return try Op.inPlace(a) { x throws(TensorError) in try Op.div(x, s, roundingMode: mode) } }
            return try Op.div_(a, s)
        })
        binary("divide_", inPlace: true, { a, o, _ in try Op.div_(a, o) }, { a, s, _ in try Op.div_(a, s) })
        binary("true_divide_", inPlace: true, { a, o, _ in try Op.div_(a, o) }, { a, s, _ in try Op.div_(a, s) })
        binary("pow_", inPlace: true, { a, o, _ in try Self.checkInPlaceShape(a, o); return try Op.inPlace(a, others: [o]) { x throws(TensorError) in try Op.pow(x, o) } }, { a, s, _ in try Op.pow_(a, s) })
        binary("floor_divide_", inPlace: true, { a, o, _ in try Op.floorDivide_(a, o) }, { a, s, _ in try Op.floorDivide_(a, s) })
        binary("remainder_", inPlace: true, { a, o, _ in try Self.checkInPlaceShape(a, o); return try Op.inPlace(a, others: [o]) { x throws(TensorError) in try Op.remainder(x, o) } },
               { a, s, _ in try Op.inPlace(a) { x throws(TensorError) in try Op.remainder(x, s) } })
        binary("fmod_", inPlace: true, { a, o, _ in try Self.checkInPlaceShape(a, o); return try Op.inPlace(a, others: [o]) { x throws(TensorError) in try Op.fmod(x, o) } },
               { a, s, _ in try Op.inPlace(a) { x throws(TensorError) in try Op.fmod(x, s) } })

        // torch.pow(2, x): a number base.
        b.free("pow") { [unowned self] interp, args in
            let bound = try args.bind(Signature("pow", ["input", "exponent"], required: 2))
            let base = bound[0]!, e = bound[1]!
            if let t = tensorPayload(base) {
                if let et = tensorPayload(e) { return wrap(try Op.pow(t, et)) }
                return wrap(try Op.pow(t, try scalarOrItem(e, "pow", "exponent")))
            }
            guard let s = scalar(base), let et = tensorPayload(e) else {
                throw PyError.typeError("pow() received an invalid combination of arguments - got (\(typeNameForError(base)), \(typeNameForError(e)))")
            }
            return wrap(try Op.pow(s, et))
        }
    }

    /// An in-place op computed out of place (`Op.inPlace`) must still refuse an `other`
    /// that broadcasting would grow `self` to, with TensorIterator's message, before any
    /// dtype check (its shape is computed first).
    static func checkInPlaceShape(_ a: Tensor, _ o: Tensor) throws(TensorError) {
        let shape = try Shape.broadcast(a.sizes, o.sizes)
        if shape != a.sizes {
            throw .runtime("output with shape \(Shape.describe(a.sizes)) doesn't match the broadcast shape \(Shape.describe(shape))")
        }
    }
}
