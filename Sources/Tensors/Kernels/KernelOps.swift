/// Elementwise binary operations a backend computes. Operands arrive in one dtype; the
/// output is that dtype, or bool for comparisons.
public enum BinaryOp: Sendable, Equatable {
    case add, sub, mul, div, floorDivide, truncDivide, remainder, fmod, pow
    case maximum, minimum, atan2, hypot
    case eq, ne, lt, le, gt, ge
    case logicalAnd, logicalOr, logicalXor
    case bitwiseAnd, bitwiseOr, bitwiseXor, shiftLeft, shiftRight

    public var isComparison: Bool {
        switch self {
        case .eq, .ne, .lt, .le, .gt, .ge, .logicalAnd, .logicalOr, .logicalXor: true
        default: false
        }
    }
}

/// Elementwise unary operations. Parameterised activations carry their parameters.
public enum UnaryOp: Sendable, Equatable {
    case neg, abs, sign, square, reciprocal
    case exp, exp2, expm1, log, log2, log10, log1p, sqrt, rsqrt
    case sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh
    case erf, erfc, lgamma
    case sigmoid, logSigmoid, relu, gelu, geluTanh, silu, mish
    case softplus(beta: Double, threshold: Double)
    case leakyRelu(slope: Double)
    case elu(alpha: Double)
    case hardtanh(min: Double, max: Double)
    case floor, ceil, round, trunc, frac
    case roundDecimals(Int)
    case clamp(min: Double?, max: Double?)
    case nanToNum(nan: Double, posinf: Double?, neginf: Double?)
    case logicalNot, bitwiseNot
    case isnan, isinf, isposinf, isneginf, isfinite, signbit
    case powScalar(Double)

    /// Ops whose output is bool whatever the input dtype.
    public var producesBool: Bool {
        switch self {
        case .logicalNot, .isnan, .isinf, .isposinf, .isneginf, .isfinite, .signbit: true
        default: false
        }
    }
}

/// Reductions over chosen dimensions. `sum`/`prod` accumulate in the output dtype (wider
/// for float32 sums), `mean` divides by the reduced count.
public enum ReduceOp: Sendable, Equatable {
    case sum, prod, mean, max, min, all, any, countNonzero
    /// Sum of |x|^p (p-norm before the root).
    case normPower(Double)
    /// Max of |x| (inf-norm) and min of |x| (-inf-norm).
    case absMax, absMin
}
