import Tensors

/// The C code of a binary op over values `x` and `y` of compute type `t`, matching
/// the CPU backend's element functions (BinaryKernels.swift): wrapping integer arithmetic,
/// Python's floor division and remainder, NaN-propagating maximum/minimum.
/// Comparisons and logic ops yield an int 0/1 (stored as bool).
enum BinaryExpression {
    /// The body of a C function of `x` and `y` (statements ending in a return).
    static func body(_ op: BinaryOp, _ t: CType) -> String {
        let e = t.dtype == .bool ? boolean(op) : (t.isFloat ? floating(op, t) : integer(op, t))
        return e.contains("return") ? e : "return \(e);"
    }

    /// A stable name for kernel names and caches.
    static func name(_ op: BinaryOp) -> String { "\(op)" }

    private static func common(_ op: BinaryOp) -> String? {
        switch op {
        case .eq: "(x == y)"
        case .ne: "(x != y)"
        case .lt: "(x < y)"
        case .le: "(x <= y)"
        case .gt: "(x > y)"
        case .ge: "(x >= y)"
        case .logicalAnd: "(x != 0 && y != 0)"
        case .logicalOr: "(x != 0 || y != 0)"
        case .logicalXor: "((x != 0) != (y != 0))"
        default: nil
        }
    }

    private static func floating(_ op: BinaryOp, _ t: CType) -> String {
        if let c = common(op) { return c }
        let T = t.compute
        switch op {
        case .add: return "x + y"
        case .sub: return "x - y"
        case .mul: return "x * y"
        case .div: return "x / y"
        case .floorDivide:
            // c10's div_floor_floating
            return """
            if (y == 0) return x / y;
              \(T) m_ = \(t.math("fmod"))(x, y); \(T) d_ = (x - m_) / y;
              if (m_ != 0 && ((y < 0) != (m_ < 0))) d_ -= 1;
              if (d_ != 0) { \(T) f_ = \(t.math("floor"))(d_); if (d_ - f_ > (\(T))0.5) f_ += 1; return f_; }
              return \(t.math("copysign"))((\(T))0, x / y);
            """
        case .truncDivide: return "\(t.math("trunc"))(x / y)"
        case .remainder:
            return "\(T) m_ = \(t.math("fmod"))(x, y); if (m_ != 0 && ((y < 0) != (m_ < 0))) m_ += y; return m_;"
        case .fmod: return "\(t.math("fmod"))(x, y)"
        case .pow: return "(y == 2 ? x * x : \(t.math("pow"))(x, y))"
        case .maximum: return "((x != x || y != y) ? \(t.nan) : (x > y ? x : y))"
        case .minimum: return "((x != x || y != y) ? \(t.nan) : (x < y ? x : y))"
        case .atan2: return "\(t.math("atan2"))(x, y)"
        case .hypot: return "\(t.math("hypot"))(x, y)"
        default: return "0 /* \(op) has no floating point kernel */"
        }
    }

    private static func integer(_ op: BinaryOp, _ t: CType) -> String {
        if let c = common(op) { return c }
        let T = t.compute, U = "unsigned long long"
        switch op {
        case .add: return "(\(T))((\(U))x + (\(U))y)"
        case .sub: return "(\(T))((\(U))x - (\(U))y)"
        case .mul: return "(\(T))((\(U))x * (\(U))y)"
        case .div, .truncDivide: return "(y == -1 ? (\(T))(0ULL - (\(U))x) : (\(T))(x / y))"
        case .floorDivide:
            return "\(T) q_ = (y == -1 ? (\(T))(0ULL - (\(U))x) : (\(T))(x / y)); " +
                "if (y != -1 && ((x < 0) != (y < 0)) && (x % y) != 0) q_ = (\(T))(q_ - 1); return q_;"
        case .remainder:
            return "\(T) r_ = (y == -1 ? (\(T))0 : (\(T))(x % y)); if (r_ != 0 && ((r_ < 0) != (y < 0))) r_ = (\(T))(r_ + y); return r_;"
        case .fmod: return "(y == -1 ? (\(T))0 : (\(T))(x % y))"
        case .pow:
            return """
            if (y < 0) return (x == 1) ? (\(T))1 : (x == -1 ? ((y & 1) ? (\(T))-1 : (\(T))1) : (\(T))0);
              \(U) acc_ = 1, b_ = (\(U))x; \(T) e_ = y;
              while (e_ != 0) { if (e_ & 1) acc_ *= b_; e_ = (\(T))(e_ >> 1); b_ *= b_; }
              return (\(T))acc_;
            """
        case .maximum: return "(x > y ? x : y)"
        case .minimum: return "(x < y ? x : y)"
        case .atan2: return "(\(T))atan2((double)x, (double)y)"
        case .hypot: return "(\(T))hypot((double)x, (double)y)"
        case .bitwiseAnd: return "(\(T))(x & y)"
        case .bitwiseOr: return "(\(T))(x | y)"
        case .bitwiseXor: return "(\(T))(x ^ y)"
        case .shiftLeft: return "((y < 0 || y >= \(t.bitWidth)) ? (\(T))0 : (\(T))((\(U))x << y))"
        case .shiftRight: return "((y < 0 || y >= \(t.bitWidth)) ? (\(T))(x < 0 ? -1 : 0) : (\(T))(x >> y))"
        default: return "0"
        }
    }

    private static func boolean(_ op: BinaryOp) -> String {
        switch op {
        case .add, .logicalOr, .bitwiseOr, .maximum: "(x || y)"
        case .mul, .logicalAnd, .bitwiseAnd, .minimum: "(x && y)"
        case .logicalXor, .bitwiseXor, .ne, .sub: "(x != y)"
        case .eq: "(x == y)"
        case .lt: "(!x && y)"
        case .le: "(!x || y)"
        case .gt: "(x && !y)"
        case .ge: "(x || !y)"
        case .pow: "(x || !y)"
        default: "0"
        }
    }
}
