#if canImport(Glibc)
import Glibc
#endif
import Interpreter
import Tensors

/// Elementwise binary functions with NumPy's type resolution (NEP 50) and integer rules.
enum BinaryUfunc: String, CaseIterable {
    case add, subtract, multiply, true_divide, divide, floor_divide, remainder, mod, fmod, power,
         float_power, maximum, minimum, fmax, fmin, arctan2, hypot, copysign, logaddexp, logaddexp2,
         equal, not_equal, less, less_equal, greater, greater_equal,
         logical_and, logical_or, logical_xor, bitwise_and, bitwise_or, bitwise_xor, left_shift, right_shift,
         heaviside, nextafter

    var isComparison: Bool {
        switch self { case .equal, .not_equal, .less, .less_equal, .greater, .greater_equal: true; default: false }
    }
    var isLogical: Bool { self == .logical_and || self == .logical_or || self == .logical_xor }
    /// Ufuncs with only float loops (ints go to a float type).
    var floatOnly: Bool {
        switch self { case .arctan2, .hypot, .copysign, .logaddexp, .logaddexp2, .heaviside, .nextafter: true; default: false }
    }
    var isBitwise: Bool {
        switch self { case .bitwise_and, .bitwise_or, .bitwise_xor, .left_shift, .right_shift: true; default: false }
    }
}

extension NumPyRuntime {
    /// Warns as NumPy does (`RuntimeWarning: divide by zero encountered in divide`).
    func runtimeWarning(_ interp: Interpreter, _ what: String, _ name: String) {
        interp.warn("\(what) encountered in \(name)", category: "RuntimeWarning")
    }

    func binary(_ interp: Interpreter, _ op: BinaryUfunc, _ x: PyValue, _ y: PyValue, dtype want: DType? = nil) throws -> NDArray {
        let a = try operand(interp, x), b = try operand(interp, y)
        var t: DType
        let floatLoop = op == .true_divide || op == .divide || op == .float_power || op.floatOnly
        if let want { t = want }
        else if floatLoop {
            // only float loops: each input is cast to a float on its own (uint8, int8 -> float16),
            // so Python ints are never checked against an integer dtype
            let strong = [a, b].filter { $0.weak == nil }.map { $0.array.dtype }
            if strong.isEmpty || op == .float_power {
                t = .float64
            } else if op.floatOnly {
                t = strong.map { $0.safeFloat }.reduce(strong[0].safeFloat) { DType.numpyPromote($0, $1) }
            } else if strong.contains(where: { $0.isFloatingPoint }) {
                t = strong.reduce(strong[0]) { DType.numpyPromote($0, $1) }
            } else {
                t = .float64
            }
        } else {
            t = try resultType([a, b])
        }
        let shape = try Broadcast.shape([a.array.shape, b.array.shape])
        let name = op == .divide ? "divide" : (op == .mod ? "remainder" : op.rawValue)
        if op.isLogical {
            let u = Broadcast.doubles(a.array, to: shape), v = Broadcast.doubles(b.array, to: shape)
            var r = [Int64](repeating: 0, count: u.count)
            for i in 0..<u.count {
                let p = u[i] != 0, q = v[i] != 0
                let z: Bool = op == .logical_and ? (p && q) : op == .logical_or ? (p || q) : (p != q)
                r[i] = z ? 1 : 0
            }
            return try NDArray.make(int64s: r, shape: shape, dtype: .bool)
        }
        if op.isComparison {
            var r = [Int64](repeating: 0, count: shape.reduce(1, *))
            if t.isFloatingPoint {
                let u = Broadcast.doubles(a.array, to: shape), v = Broadcast.doubles(b.array, to: shape)
                for i in 0..<r.count { r[i] = compare(op, u[i], v[i]) ? 1 : 0 }
            } else {
                let u = Broadcast.ints(a.array, to: shape), v = Broadcast.ints(b.array, to: shape)
                for i in 0..<r.count { r[i] = compare(op, u[i], v[i]) ? 1 : 0 }
            }
            return try NDArray.make(int64s: r, shape: shape, dtype: .bool)
        }
        if (op == .true_divide || op == .divide) && !t.isFloatingPoint { t = .float64 }
        if t == .bool && [.floor_divide, .remainder, .mod, .fmod, .power].contains(op) { t = .int8 }
        if op == .float_power && t != .float64 { t = .float64 }
        if op.floatOnly && !t.isFloatingPoint { t = t.safeFloat }
        if op.isBitwise && t.isFloatingPoint {
            throw PyError.typeError("ufunc '\(op.rawValue)' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
        }
        if t == .bool, [.subtract].contains(op) {
            throw PyError.typeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
        }
        let n = shape.reduce(1, *)
        if t.isFloatingPoint {
            let u = Broadcast.doubles(a.array, to: shape), v = Broadcast.doubles(b.array, to: shape)
            var r = [Double](repeating: 0, count: n)
            let single = t == .float32 || t == .float16
            var divZero = false, invalid = false
            for i in 0..<n {
                let p = u[i], q = v[i]
                let z: Double
                switch op {
                case .add: z = p + q
                case .subtract: z = p - q
                case .multiply: z = p * q
                case .true_divide, .divide:
                    z = p / q
                    if q == 0 { if p == 0 || p.isNaN { if !p.isNaN { invalid = true } } else { divZero = true } }
                case .floor_divide:
                    z = floorDivide(p, q)
                    if q == 0 && p != 0 && !p.isNaN { divZero = true } else if q == 0 && p == 0 { invalid = true }
                case .remainder, .mod:
                    z = pyRemainder(p, q)
                    if q == 0 && !p.isNaN { invalid = true }
                case .fmod: z = fmod(p, q); if q == 0 && !p.isNaN { invalid = true }
                case .power, .float_power:
                    z = single && t == .float32 ? Double(powf(Float(p), Float(q))) : pow(p, q)
                case .maximum: z = p.isNaN || q.isNaN ? .nan : (p >= q ? p : q)
                case .minimum: z = p.isNaN || q.isNaN ? .nan : (p <= q ? p : q)
                case .fmax: z = p.isNaN ? q : (q.isNaN ? p : (p >= q ? p : q))
                case .fmin: z = p.isNaN ? q : (q.isNaN ? p : (p <= q ? p : q))
                case .arctan2: z = t == .float32 ? Double(atan2f(Float(p), Float(q))) : atan2(p, q)
                case .hypot: z = t == .float32 ? Double(hypotf(Float(p), Float(q))) : hypot(p, q)
                case .copysign: z = copysign(p, q)
                case .logaddexp:
                    if p == q { z = p + log(2.0) } else {
                        let d = p - q
                        z = d > 0 ? p + log1p(exp(-d)) : (d <= 0 ? q + log1p(exp(d)) : d)
                    }
                case .logaddexp2:
                    if p == q { z = p + 1 } else {
                        let d = p - q
                        z = d > 0 ? p + log1p(exp2(-d)) / log(2.0) : q + log1p(exp2(d)) / log(2.0)
                    }
                case .heaviside: z = p.isNaN ? .nan : (p == 0 ? q : (p < 0 ? 0 : 1))
                case .nextafter: z = t == .float32 ? Double(nextafterf(Float(p), Float(q))) : Glibc.nextafter(p, q)
                default: z = 0
                }
                r[i] = z
            }
            if divZero { runtimeWarning(interp, "divide by zero", name) }
            if invalid { runtimeWarning(interp, "invalid value", name) }
            return try NDArray.make(doubles: r, shape: shape, dtype: t)
        }
        let u = Broadcast.ints(a.array, to: shape), v = Broadcast.ints(b.array, to: shape)
        var r = [Int64](repeating: 0, count: n)
        var divZero = false
        for i in 0..<n {
            let p = u[i], q = v[i]
            var z: Int64
            switch op {
            case .add: z = p &+ q
            case .subtract: z = p &- q
            case .multiply: z = p &* q
            case .floor_divide:
                if q == 0 { z = 0; divZero = true }
                else if q == -1 { z = 0 &- p }
                else { z = p / q; if (p % q != 0) && ((p < 0) != (q < 0)) { z -= 1 } }
            case .remainder, .mod:
                if q == 0 { z = 0; divZero = true }
                else if q == -1 { z = 0 }
                else { z = p % q; if z != 0 && ((z < 0) != (q < 0)) { z += q } }
            case .fmod:
                if q == 0 { z = 0; divZero = true } else if q == -1 { z = 0 } else { z = p % q }
            case .power:
                if q < 0 { throw PyError.valueError("Integers to negative integer powers are not allowed.") }
                z = 1; var base = p, e = q
                while e > 0 { if e & 1 == 1 { z = z &* base }; base = base &* base; e >>= 1 }
            case .maximum, .fmax: z = max(p, q)
            case .minimum, .fmin: z = min(p, q)
            case .bitwise_and: z = p & q
            case .bitwise_or: z = p | q
            case .bitwise_xor: z = p ^ q
            case .left_shift: z = q >= 64 ? 0 : p << q
            case .right_shift: z = q >= 64 ? (p < 0 ? -1 : 0) : p >> q
            default: z = 0
            }
            if t == .bool { z = z != 0 ? 1 : 0 }
            r[i] = z
        }
        if divZero { runtimeWarning(interp, "divide by zero", name) }
        return try NDArray.make(int64s: r, shape: shape, dtype: t)
    }

    private func compare<T: Comparable>(_ op: BinaryUfunc, _ p: T, _ q: T) -> Bool {
        switch op {
        case .equal: p == q
        case .not_equal: p != q
        case .less: p < q
        case .less_equal: p <= q
        case .greater: p > q
        default: p >= q
        }
    }
}

/// CPython's / NumPy's float floor division (`npy_floor_divide`).
func floorDivide(_ a: Double, _ b: Double) -> Double {
    if b == 0 { return a / b }
    let mod = fmod(a, b)
    var div = (a - mod) / b
    if mod != 0 && ((b < 0) != (mod < 0)) { div -= 1 }
    if div != 0 {
        var floordiv = floor(div)
        if div - floordiv > 0.5 { floordiv += 1 }
        return floordiv
    }
    return copysign(0, a / b)
}

/// Python's float `%` (`npy_remainder`).
func pyRemainder(_ a: Double, _ b: Double) -> Double {
    if b == 0 { return fmod(a, b) }
    var mod = fmod(a, b)
    if mod != 0 {
        if (b < 0) != (mod < 0) { mod += b }
    } else {
        mod = copysign(0, b)
    }
    return mod
}

/// Elementwise functions of one argument.
enum UnaryUfunc: String, CaseIterable {
    case negative, positive, absolute, abs, fabs, sign, sqrt, cbrt, square, exp, exp2, expm1, log, log2, log10, log1p,
         sin, cos, tan, arcsin, arccos, arctan, sinh, cosh, tanh, arcsinh, arccosh, arctanh,
         floor, ceil, rint, trunc, reciprocal, isnan, isinf, isfinite, signbit, logical_not, invert, bitwise_not,
         deg2rad, rad2deg, degrees, radians, spacing

    var isPredicate: Bool { [.isnan, .isinf, .isfinite, .signbit, .logical_not].contains(self) }
    /// Keeps integer dtypes (the rest have float loops only).
    var keepsInts: Bool { [.negative, .positive, .absolute, .abs, .sign, .square, .reciprocal, .invert, .bitwise_not, .floor, .ceil, .trunc].contains(self) }
}

extension NumPyRuntime {
    func unary(_ interp: Interpreter, _ op: UnaryUfunc, _ x: PyValue, dtype want: DType? = nil) throws -> NDArray {
        let a = try asArray(interp, x)
        let n = a.size
        if op.isPredicate {
            let v = a.doubles()
            var r = [Int64](repeating: 0, count: n)
            for i in 0..<n {
                let p = v[i]
                let z: Bool
                switch op {
                case .isnan: z = p.isNaN
                case .isinf: z = p.isInfinite
                case .isfinite: z = p.isFinite
                case .signbit: z = p.sign == .minus
                default: z = p == 0
                }
                r[i] = z ? 1 : 0
            }
            return try NDArray.make(int64s: r, shape: a.shape, dtype: .bool)
        }
        var t = want ?? a.dtype
        if op == .sign && t == .bool {
            throw PyError(type: "numpy._core._exceptions._UFuncNoLoopError", message: "ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None")
        }
        if (op == .invert || op == .bitwise_not) && t.isFloatingPoint {
            throw PyError.typeError("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
        }
        if op == .negative && t == .bool {
            throw PyError.typeError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
        }
        if !t.isFloatingPoint && !op.keepsInts { t = t.safeFloat }
        if t == .bool && [.sign, .square, .reciprocal, .absolute, .abs].contains(op) && op != .absolute && op != .abs {
            t = .int8
        }
        if !t.isFloatingPoint {
            let v = a.int64s()
            var r = [Int64](repeating: 0, count: n)
            var divZero = false
            for i in 0..<n {
                let p = v[i]
                switch op {
                case .negative: r[i] = 0 &- p
                case .positive, .floor, .ceil, .trunc: r[i] = p
                case .absolute, .abs: r[i] = p < 0 ? 0 &- p : p
                case .sign: r[i] = p > 0 ? 1 : (p < 0 ? -1 : 0)
                case .square: r[i] = p &* p
                case .reciprocal:
                    if p == 0 { divZero = true; r[i] = Int64.min } else { r[i] = 1 / p }
                case .invert, .bitwise_not: r[i] = t == .bool ? (p == 0 ? 1 : 0) : ~p
                default: r[i] = p
                }
            }
            if divZero { runtimeWarning(interp, "divide by zero", "reciprocal") }
            return try NDArray.make(int64s: r, shape: a.shape, dtype: t)
        }
        let v = a.doubles()
        var r = [Double](repeating: 0, count: n)
        let f32 = t == .float32 || t == .float16
        var invalid = false, divZero = false
        for i in 0..<n {
            let p = v[i]
            let z: Double
            if f32 {
                let q = Float(p)
                let w: Float
                switch op {
                case .negative: w = -q
                case .positive: w = q
                case .absolute, .abs, .fabs: w = Swift.abs(q)
                case .sign: w = q.isNaN ? .nan : (q > 0 ? 1 : (q < 0 ? -1 : 0))
                case .sqrt: w = q.squareRoot()
                case .cbrt: w = cbrtf(q)
                case .square: w = q * q
                case .exp: w = expf(q)
                case .exp2: w = exp2f(q)
                case .expm1: w = expm1f(q)
                case .log: w = logf(q)
                case .log2: w = log2f(q)
                case .log10: w = log10f(q)
                case .log1p: w = log1pf(q)
                case .sin: w = sinf(q)
                case .cos: w = cosf(q)
                case .tan: w = tanf(q)
                case .arcsin: w = asinf(q)
                case .arccos: w = acosf(q)
                case .arctan: w = atanf(q)
                case .sinh: w = sinhf(q)
                case .cosh: w = coshf(q)
                case .tanh: w = tanhf(q)
                case .arcsinh: w = asinhf(q)
                case .arccosh: w = acoshf(q)
                case .arctanh: w = atanhf(q)
                case .floor: w = q.rounded(.down)
                case .ceil: w = q.rounded(.up)
                case .rint: w = q.rounded(.toNearestOrEven)
                case .trunc: w = q.rounded(.towardZero)
                case .reciprocal: w = 1 / q
                case .deg2rad, .radians: w = q * (Float.pi / 180)
                case .rad2deg, .degrees: w = q * (180 / Float.pi)
                case .spacing: w = q.nextUp - q
                default: w = q
                }
                z = Double(w)
            } else {
                switch op {
                case .negative: z = -p
                case .positive: z = p
                case .absolute, .abs, .fabs: z = Swift.abs(p)
                case .sign: z = p.isNaN ? .nan : (p > 0 ? 1 : (p < 0 ? -1 : 0))
                case .sqrt: z = p.squareRoot()
                case .cbrt: z = Glibc.cbrt(p)
                case .square: z = p * p
                case .exp: z = Glibc.exp(p)
                case .exp2: z = Glibc.exp2(p)
                case .expm1: z = Glibc.expm1(p)
                case .log: z = Glibc.log(p)
                case .log2: z = Glibc.log2(p)
                case .log10: z = Glibc.log10(p)
                case .log1p: z = Glibc.log1p(p)
                case .sin: z = Glibc.sin(p)
                case .cos: z = Glibc.cos(p)
                case .tan: z = Glibc.tan(p)
                case .arcsin: z = Glibc.asin(p)
                case .arccos: z = Glibc.acos(p)
                case .arctan: z = Glibc.atan(p)
                case .sinh: z = Glibc.sinh(p)
                case .cosh: z = Glibc.cosh(p)
                case .tanh: z = Glibc.tanh(p)
                case .arcsinh: z = Glibc.asinh(p)
                case .arccosh: z = Glibc.acosh(p)
                case .arctanh: z = Glibc.atanh(p)
                case .floor: z = p.rounded(.down)
                case .ceil: z = p.rounded(.up)
                case .rint: z = p.rounded(.toNearestOrEven)
                case .trunc: z = p.rounded(.towardZero)
                case .reciprocal: z = 1 / p
                case .deg2rad, .radians: z = p * (Double.pi / 180)
                case .rad2deg, .degrees: z = p * (180 / Double.pi)
                case .spacing: z = p.nextUp - p
                default: z = p
                }
            }
            if z.isNaN && !p.isNaN { invalid = true }
            if z.isInfinite && p.isFinite && [.log, .log2, .log10, .log1p, .reciprocal, .arctanh].contains(op) { divZero = true }
            r[i] = z
        }
        if divZero { runtimeWarning(interp, "divide by zero", op.rawValue == "abs" ? "absolute" : op.rawValue) }
        if invalid { runtimeWarning(interp, "invalid value", op.rawValue) }
        return try NDArray.make(doubles: r, shape: a.shape, dtype: t)
    }
}
