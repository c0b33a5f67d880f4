import Interpreter
import Tensors

/// Unary math (`exp`, `sin`, `relu_`...), `clamp`, `round`, and the softmax family.
extension TorchRuntime {
    static let unaryOps: [(String, UnaryOp)] = [
        ("abs", .abs), ("absolute", .abs), ("neg", .neg), ("negative", .neg), ("sign", .sign), ("sgn", .sign),
        ("square", .square), ("reciprocal", .reciprocal),
        ("exp", .exp), ("exp2", .exp2), ("expm1", .expm1), ("log", .log), ("log2", .log2), ("log10", .log10),
        ("log1p", .log1p), ("sqrt", .sqrt), ("rsqrt", .rsqrt),
        ("sin", .sin), ("cos", .cos), ("tan", .tan), ("asin", .asin), ("acos", .acos), ("atan", .atan),
        ("arcsin", .asin), ("arccos", .acos), ("arctan", .atan),
        ("sinh", .sinh), ("cosh", .cosh), ("tanh", .tanh), ("asinh", .asinh), ("acosh", .acosh), ("atanh", .atanh),
        ("arcsinh", .asinh), ("arccosh", .acosh), ("arctanh", .atanh),
        ("erf", .erf), ("erfc", .erfc), ("lgamma", .lgamma),
        ("sigmoid", .sigmoid), ("relu", .relu),
        ("floor", .floor), ("ceil", .ceil), ("trunc", .trunc), ("fix", .trunc), ("frac", .frac),
        ("logical_not", .logicalNot), ("bitwise_not", .bitwiseNot),
        ("isnan", .isnan), ("isinf", .isinf), ("isposinf", .isposinf), ("isneginf", .isneginf),
        ("isfinite", .isfinite), ("signbit", .signbit),
    ]

    func bindMath(_ b: Binder) {
        for (name, op) in Self.unaryOps {
            b.both(name) { [unowned self] _, t, args in
                try args.expectNone(name)
                return wrap(try name == "sgn" ? Op.sgn(t) : Op.unary(t, op))
            }
            if op.producesBool { continue }
            let inPlace = name + "_"
            b.checkedMethod(inPlace) { _, s, args in
                guard let t = tensorPayload(s) else { throw PyError.typeError("descriptor '\(inPlace)' requires a 'torch._C.TensorBase' object") }
                try args.expectNone(inPlace)
                _ = try bridged { try Op.unary_(t, op) }
                return s
            }
            b.module.addFunction(inPlace) { interp, args in
                guard args.count == 1, let t = tensorPayload(args[0]) else {
                    throw PyError.typeError("\(inPlace)(): argument 'input' (position 1) must be Tensor")
                }
                _ = try bridged { try Op.unary_(t, op) }
                return args[0]
            }
        }

        let roundSig = Signature("round", [], keywordOnly: ["decimals"])
        b.both("round") { [unowned self] _, t, args in
            let bound = try args.bind(roundSig)
            let decimals = try bound.given(0).map { try int($0, "round", "decimals") } ?? 0
            return wrap(try Op.round(t, decimals: decimals, decimalsGiven: bound.given(0) != nil))
        }
        b.checkedMethod("round_") { _, s, _ in
            guard let t = tensorPayload(s) else { return .notImplemented }
            _ = try bridged { try Op.unary_(t, .round) }
            return s
        }

        let clampSig = Signature("clamp", ["min", "max"])
        let clamp: Binder.Body = { [unowned self] _, t, args in
            let bound = try args.bind(clampSig)
            let lo = bound.given(0), hi = bound.given(1)
            if lo == nil && hi == nil {
                throw PyError.runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
            }
            // Every given bound a tensor (0-dim ones too): the Tensor overload, ClampBackward0.
            // A number among them: the Number overload, where 0-dim tensors count as numbers.
            if (lo == nil || tensorPayload(lo!) != nil) && (hi == nil || tensorPayload(hi!) != nil) {
                return wrap(try Op.clamp(t, min: lo.flatMap(tensorPayload), max: hi.flatMap(tensorPayload)))
            }
            return wrap(try Op.clamp(t, min: try lo.map { try scalarOrItem($0, "clamp", "min") },
                                     max: try hi.map { try scalarOrItem($0, "clamp", "max") }))
        }
        b.both("clamp", clamp)
        b.both("clip", clamp)
        // A tensor bound (0-dim included) takes PyTorch's `.Tensor` overload: ClampMinBackward1.
        b.both("clamp_min") { [unowned self] _, t, args in
            if let lo = tensorPayload(args[0]) { return wrap(try Op.clampMin(t, lo)) }
            return wrap(try Op.clampMin(t, try scalarOrItem(args[0], "clamp_min", "min")))
        }
        b.both("clamp_max") { [unowned self] _, t, args in
            if let hi = tensorPayload(args[0]) { return wrap(try Op.clampMax(t, hi)) }
            return wrap(try Op.clampMax(t, try scalarOrItem(args[0], "clamp_max", "max")))
        }
        let clampInPlace: NativeMethod = { [unowned self] _, s, args in
            guard let t = tensorPayload(s) else { return .notImplemented }
            let bound = try args.bind(clampSig)
            let givenLo = bound.given(0), givenHi = bound.given(1)
            if givenLo != nil || givenHi != nil,
               (givenLo == nil || tensorPayload(givenLo!) != nil) && (givenHi == nil || tensorPayload(givenHi!) != nil) {
                _ = try bridged { try Op.clamp_(t, min: givenLo.flatMap(tensorPayload), max: givenHi.flatMap(tensorPayload)) }
                return s
            }
            let lo = try bound.given(0).map { try scalarOrItem($0, "clamp_", "min") }
            let hi = try bound.given(1).map { try scalarOrItem($0, "clamp_", "max") }
            _ = try bridged { try Op.clamp_(t, min: lo, max: hi) }
            return s
        }
        b.checkedMethod("clamp_", clampInPlace)
        b.checkedMethod("clip_", clampInPlace)

        let softmaxSig = Signature("softmax", ["dim"], keywordOnly: ["dtype"])
        b.both("softmax") { [unowned self] _, t, args in
            let bound = try args.bind(softmaxSig)
            guard let d = bound.given(0) else { throw PyError.typeError("softmax() missing 1 required positional arguments: \"dim\"") }
            return wrap(try Op.softmax(t, dim: try int(d, "softmax", "dim"), dtype: try dtype(bound[1])))
        }
        let logSoftmaxSig = Signature("log_softmax", ["dim"], keywordOnly: ["dtype"])
        b.both("log_softmax") { [unowned self] _, t, args in
            let bound = try args.bind(logSoftmaxSig)
            guard let d = bound.given(0) else { throw PyError.typeError("log_softmax() missing 1 required positional arguments: \"dim\"") }
            return wrap(try Op.logSoftmax(t, dim: try int(d, "log_softmax", "dim"), dtype: try dtype(bound[1])))
        }
        b.both("nan_to_num") { [unowned self] _, t, args in
            let bound = try args.bind(Signature("nan_to_num", ["nan", "posinf", "neginf"]))
            let nan = try bound.given(0).map { try double($0, "nan_to_num", "nan") } ?? 0
            let pos = try bound.given(1).map { try double($0, "nan_to_num", "posinf") }
            let neg = try bound.given(2).map { try double($0, "nan_to_num", "neginf") }
            return wrap(try Op.unary(t, .nanToNum(nan: nan, posinf: pos, neginf: neg)))
        }
    }
}
