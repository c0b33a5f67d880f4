import Tensors

/// The ops each generated family covers, per input dtype, as the CPU backend accepts them.
/// Tests and bench/CUDACheck walk these lists, so a family added here is checked on the
/// host compiler and, on a GPU machine, against the CPU backend.
public enum KernelCatalog {
    public static let floatBinary: [BinaryOp] = [.add, .sub, .mul, .div, .floorDivide, .truncDivide, .remainder, .fmod, .pow,
                                                 .maximum, .minimum, .atan2, .hypot, .eq, .ne, .lt, .le, .gt, .ge,
                                                 .logicalAnd, .logicalOr, .logicalXor]
    public static let intBinary: [BinaryOp] = [.add, .sub, .mul, .div, .floorDivide, .truncDivide, .remainder, .fmod, .pow,
                                               .maximum, .minimum, .eq, .ne, .lt, .le, .gt, .ge, .logicalAnd, .logicalOr,
                                               .logicalXor, .bitwiseAnd, .bitwiseOr, .bitwiseXor, .shiftLeft, .shiftRight]
    public static let boolBinary: [BinaryOp] = [.add, .sub, .mul, .maximum, .minimum, .eq, .ne, .lt, .le, .gt, .ge, .pow,
                                                .logicalAnd, .logicalOr, .logicalXor, .bitwiseAnd, .bitwiseOr, .bitwiseXor]

    public static func binaryOps(_ dtype: DType) -> [BinaryOp] {
        dtype == .bool ? boolBinary : (dtype.isFloatingPoint ? floatBinary : intBinary)
    }

    public static let floatUnary: [UnaryOp] = [
        .neg, .abs, .sign, .square, .reciprocal, .exp, .exp2, .expm1, .log, .log2, .log10, .log1p, .sqrt, .rsqrt,
        .sin, .cos, .tan, .asin, .acos, .atan, .sinh, .cosh, .tanh, .asinh, .acosh, .atanh, .erf, .erfc, .lgamma,
        .sigmoid, .logSigmoid, .relu, .gelu, .geluTanh, .silu, .mish, .softplus(beta: 2, threshold: 5),
        .leakyRelu(slope: 0.125), .elu(alpha: 1.5), .hardtanh(min: -1, max: 2), .floor, .ceil, .round, .trunc, .frac,
        .roundDecimals(1), .roundDecimals(-1), .clamp(min: -1, max: 1), .clamp(min: nil, max: 0.5), .clamp(min: 0.25, max: nil),
        .nanToNum(nan: 0, posinf: nil, neginf: -5), .logicalNot, .isnan, .isinf, .isposinf, .isneginf, .isfinite, .signbit,
        .powScalar(2), .powScalar(3), .powScalar(0.5), .powScalar(-1), .powScalar(-2), .powScalar(1.7),
    ]
    public static let intUnary: [UnaryOp] = [
        .neg, .abs, .sign, .square, .relu, .floor, .ceil, .round, .trunc, .frac, .roundDecimals(2),
        .clamp(min: -2, max: 20), .clamp(min: nil, max: 4), .hardtanh(min: -3, max: 50), .nanToNum(nan: 0, posinf: nil, neginf: nil),
        .logicalNot, .bitwiseNot, .isnan, .isinf, .isposinf, .isneginf, .isfinite, .signbit, .powScalar(2), .powScalar(3),
    ]
    public static let boolUnary: [UnaryOp] = [.logicalNot, .bitwiseNot, .abs, .relu, .floor, .sign, .square, .clamp(min: 0, max: 1),
                                              .isnan, .isinf, .isfinite, .signbit]

    public static func unaryOps(_ dtype: DType) -> [UnaryOp] {
        dtype == .bool ? boolUnary : (dtype.isFloatingPoint ? floatUnary : intUnary)
    }

    /// Ops whose CPU and generated results agree bit for bit (no libm function involved).
    public static func isExact(_ op: UnaryOp) -> Bool {
        ["neg", "abs", "sign", "square", "relu", "floor", "ceil", "round", "trunc", "frac", "clamp", "hardtanh", "nanToNum",
         "logicalNot", "bitwiseNot", "isnan", "isinf", "isposinf", "isneginf", "isfinite", "signbit", "leakyRelu",
         "reciprocal", "roundDecimals"].contains(UnaryExpression.name(op))
    }

    public static func isExact(_ op: BinaryOp) -> Bool { ![.pow, .atan2, .hypot].contains(op) }

    public static func reduceOps(_ dtype: DType) -> [ReduceOp] {
        if dtype == .bool { return [.all, .any, .max, .min, .prod, .countNonzero] }
        if dtype.isFloatingPoint {
            return [.sum, .mean, .prod, .max, .min, .all, .any, .countNonzero, .normPower(2), .normPower(1),
                    .normPower(0), .normPower(3), .absMax, .absMin]
        }
        return [.sum, .prod, .max, .min, .all, .any, .countNonzero, .absMax, .absMin]
    }

    public static func reduceOutputType(_ op: ReduceOp, _ dtype: DType) -> DType {
        switch op {
        case .all, .any: .bool
        case .countNonzero: .int64
        default: dtype
        }
    }
}
