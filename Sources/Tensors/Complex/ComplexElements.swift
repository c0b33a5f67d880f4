/// The element types of `torch.complex64` and `torch.complex128`: a real and an imaginary
/// part side by side, as `c10::complex<float>` / `c10::complex<double>` store them, so a
/// complex tensor's storage is interleaved (re, im) pairs and `view_as_real` can reinterpret
/// it as float pairs without copying.
///
/// Conversions follow `static_cast`: a real value becomes (value, 0); a complex value cast
/// to a real type keeps its real part (`doubleValue`), as `to(float32)` does in PyTorch.
public protocol ComplexTensorElement: TensorElement {
    associatedtype Part: BinaryFloatingPoint & TensorElement
    var re: Part { get set }
    var im: Part { get set }
    init(re: Part, im: Part)
}

extension ComplexTensorElement {
    public static var zero: Self { Self(re: 0, im: 0) }
    public static var one: Self { Self(re: 1, im: 0) }
    @inline(__always) public init(double: Double) { self.init(re: Part(double: double), im: 0) }
    @inline(__always) public init(int64: Int64) { self.init(re: Part(int64: int64), im: 0) }
    @inline(__always) public init(real: Double, imag: Double) { self.init(re: Part(double: real), im: Part(double: imag)) }
    @inline(__always) public var doubleValue: Double { re.doubleValue }
    @inline(__always) public var int64Value: Int64 { re.int64Value }
    @inline(__always) public var imagValue: Double { im.doubleValue }
}

/// `c10::complex<float>`.
public struct Complex64: ComplexTensorElement, Equatable {
    public var re: Float
    public var im: Float
    @inline(__always) public init(re: Float, im: Float) { self.re = re; self.im = im }
    public static var dtype: DType { .complex64 }
}

/// `c10::complex<double>`.
public struct Complex128: ComplexTensorElement, Equatable {
    public var re: Double
    public var im: Double
    @inline(__always) public init(re: Double, im: Double) { self.re = re; self.im = im }
    public static var dtype: DType { .complex128 }
}
