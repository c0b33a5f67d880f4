/// PyTorch's `result_type`: tensors with dimensions decide first; 0-dim tensors and then
/// Python numbers ("wrapped numbers") only matter when they belong to a higher category
/// (bool < integer < floating point < complex). A wrapped float counts as the default dtype.
public struct TypePromotion {
    private var dimResult: DType?
    private var zeroDimResult: DType?
    private var wrappedResult: DType?

    public init() {}

    public mutating func add(_ t: Tensor) {
        if t.rank == 0 {
            zeroDimResult = zeroDimResult.map { DType.promote($0, t.dtype) } ?? t.dtype
        } else {
            dimResult = dimResult.map { DType.promote($0, t.dtype) } ?? t.dtype
        }
    }

    public mutating func add(_ s: Scalar) {
        let d = s.defaultDType
        wrappedResult = wrappedResult.map { DType.promote($0, d) } ?? d
    }

    /// The common dtype; bool when nothing was added.
    public var result: DType {
        TypePromotion.combine(dimResult, TypePromotion.combine(zeroDimResult, wrappedResult)) ?? .bool
    }

    private static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let higher else { return lower }
        guard let lower else { return higher }
        if higher.isComplex { return higher }
        // A complex lower operand keeps the higher one's float precision (float64 + 1j is complex128).
        if lower.isComplex { return higher.isFloatingPoint ? higher.complexCounterpart : lower }
        if higher.isFloatingPoint { return higher }
        if higher == .bool || lower.isFloatingPoint { return DType.promote(higher, lower) }
        return higher
    }

    public static func resultType(_ a: Tensor, _ b: Tensor) -> DType {
        var p = TypePromotion(); p.add(a); p.add(b); return p.result
    }

    public static func resultType(_ a: Tensor, _ b: Scalar) -> DType {
        var p = TypePromotion(); p.add(a); p.add(b); return p.result
    }
}
