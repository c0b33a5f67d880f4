/// A Swift type that can live in tensor storage. Conversions follow C++ static_cast, which
/// is what PyTorch's `to(dtype)` does: floats truncate toward zero, anything nonzero is true.
public protocol TensorElement: Sendable {
    static var dtype: DType { get }
    static var zero: Self { get }
    static var one: Self { get }
    init(double: Double)
    init(int64: Int64)
    var doubleValue: Double { get }
    var int64Value: Int64 { get }
    /// A complex number stored as this type: complex types keep both parts, real types
    /// keep the real part (C++'s `static_cast` from `c10::complex`).
    init(real: Double, imag: Double)
    /// The imaginary part; 0 for real types (`doubleValue` is the real part).
    var imagValue: Double { get }
}

extension TensorElement {
    @inline(__always) public init(real: Double, imag: Double) { self.init(double: real) }
    @inline(__always) public var imagValue: Double { 0 }
    @inline(__always) public var boolValue: Bool { doubleValue != 0 || imagValue != 0 }
}

extension Bool: TensorElement {
    public static var dtype: DType { .bool }
    public static var zero: Bool { false }
    public static var one: Bool { true }
    @inline(__always) public init(double: Double) { self = double != 0 }
    @inline(__always) public init(int64: Int64) { self = int64 != 0 }
    @inline(__always) public var doubleValue: Double { self ? 1 : 0 }
    @inline(__always) public var int64Value: Int64 { self ? 1 : 0 }
}

/// Integer storage types share their conversions.
public protocol IntegerTensorElement: TensorElement, FixedWidthInteger {}

extension IntegerTensorElement {
    public static var zero: Self { 0 }
    public static var one: Self { 1 }
    @inline(__always) public init(double: Double) { self.init(truncatingIfNeeded: Int64(clampingForCast: double)) }
    @inline(__always) public init(int64: Int64) { self.init(truncatingIfNeeded: int64) }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public var int64Value: Int64 { Int64(truncatingIfNeeded: self) }
}

extension UInt8: IntegerTensorElement { public static var dtype: DType { .uint8 } }
/// int8, int16 and int32 from a float: GCC compiles `static_cast` to these as the 32-bit
/// `cvttsd2si`, whose "integer indefinite" (Int32.min) for NaN and out-of-range inputs is then
/// truncated (NaN → int32 -2147483648, int16 and int8 0; 2^32 + 1 → 0 rather than 1).
extension Int8: IntegerTensorElement {
    public static var dtype: DType { .int8 }
    @inline(__always) public init(double: Double) { self.init(truncatingIfNeeded: Int32(clampingForCast: double)) }
}
extension Int16: IntegerTensorElement {
    public static var dtype: DType { .int16 }
    @inline(__always) public init(double: Double) { self.init(truncatingIfNeeded: Int32(clampingForCast: double)) }
}
extension Int32: IntegerTensorElement {
    public static var dtype: DType { .int32 }
    @inline(__always) public init(double: Double) { self.init(clampingForCast: double) }
}
extension Int64: IntegerTensorElement { public static var dtype: DType { .int64 } }

extension Float: TensorElement {
    public static var dtype: DType { .float32 }
    public static var one: Float { 1 }
    @inline(__always) public init(double: Double) { self = Float(double) }
    @inline(__always) public init(int64: Int64) { self = Float(int64) }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public var int64Value: Int64 { Int64(clampingForCast: Double(self)) }
}

extension Double: TensorElement {
    public static var dtype: DType { .float64 }
    public static var one: Double { 1 }
    @inline(__always) public init(double: Double) { self = double }
    @inline(__always) public init(int64: Int64) { self = Double(int64) }
    @inline(__always) public var doubleValue: Double { self }
    @inline(__always) public var int64Value: Int64 { Int64(clampingForCast: self) }
}

extension Float16: TensorElement {
    public static var dtype: DType { .float16 }
    public static var one: Float16 { 1 }
    // Through Float, as c10::Half converts: double -> float -> half.
    @inline(__always) public init(double: Double) { self = Float16(Float(double)) }
    @inline(__always) public init(int64: Int64) { self = Float16(Float(int64)) }
    @inline(__always) public var doubleValue: Double { Double(Float(self)) }
    @inline(__always) public var int64Value: Int64 { Int64(clampingForCast: Double(self)) }
}

extension BFloat16: TensorElement {
    public static var dtype: DType { .bfloat16 }
    public static var zero: BFloat16 { BFloat16(bits: 0) }
    public static var one: BFloat16 { BFloat16(bits: 0x3F80) }
    @inline(__always) public init(double: Double) { self.init(Float(double)) }
    @inline(__always) public init(int64: Int64) { self.init(Float(int64)) }
    @inline(__always) public var doubleValue: Double { Double(float) }
    @inline(__always) public var int64Value: Int64 { Int64(clampingForCast: Double(float)) }
}
