// Element functions of the hot elementwise ops, as types (see `BinaryFn`): each is one
// line, and generic kernels specialise and inline them into vectorisable loops.

// MARK: Floating point binary

/// Which NaN an operation on two NaNs returns: x86 gives the first source operand of the
/// instruction, and PyTorch's add, sub and mul kernels (`a + alpha·b` as `fmadd(b, alpha,
/// a)`; mul with the operands swapped) end up with the second operand's NaN, quieted, in
/// vector lanes and scalar tails alike, for float32 and float64; div keeps the first's, as
/// `a / b` does here (measured with payload-carrying NaNs against PyTorch 2.15 at AVX2 and
/// AVX-512). Swift's `a + b` may return either, so the case is spelled out.
@inline(__always) func secondNaN<T: RealElement>(_ r: T, _ b: T) -> T { r.isNaN && b.isNaN ? b + 0 : r }

struct FAdd<T: RealElement>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { secondNaN(a + b, b) } }
struct FSub<T: RealElement>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { secondNaN(a - b, b) } }
struct FMul<T: RealElement>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { secondNaN(a * b, b) } }
struct FDiv<T: RealElement>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { a / b } }
struct FMax<T: RealElement>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { nanMax(a, b) } }
struct FMin<T: RealElement>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { nanMin(a, b) } }
struct FPow<T: RealElement>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { b == 2 ? a * a : T.m_pow(a, b) } }

// MARK: Integer binary (wrapping, like C++)

struct IAdd<T: FixedWidthInteger>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { a &+ b } }
struct ISub<T: FixedWidthInteger>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { a &- b } }
struct IMul<T: FixedWidthInteger>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { a &* b } }
struct IMax<T: FixedWidthInteger>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { Swift.max(a, b) } }
struct IMin<T: FixedWidthInteger>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { Swift.min(a, b) } }
struct IAnd<T: FixedWidthInteger>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { a & b } }
struct IOr<T: FixedWidthInteger>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { a | b } }
struct IXor<T: FixedWidthInteger>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { a ^ b } }

// MARK: Comparisons and logic (any ordered element type)

struct CmpEq<T: Equatable>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { a == b } }
struct CmpNe<T: Equatable>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { a != b } }
struct CmpLt<T: Comparable>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { a < b } }
struct CmpLe<T: Comparable>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { a <= b } }
struct CmpGt<T: Comparable>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { a > b } }
struct CmpGe<T: Comparable>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { a >= b } }
struct LogicAnd<T: TensorElement & Equatable>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { a != T.zero && b != T.zero } }
struct LogicOr<T: TensorElement & Equatable>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { a != T.zero || b != T.zero } }
struct LogicXor<T: TensorElement & Equatable>: BinaryFn { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { (a != T.zero) != (b != T.zero) } }

// MARK: Floating point unary

struct FNeg<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { -x } }
struct FAbs<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { Swift.abs(x) } }
struct FSquare<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x * x } }
struct FCube<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x * x * x } }
struct FReciprocal<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { 1 / x } }
struct FSqrt<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x.squareRoot() } }
struct FRsqrt<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { 1 / x.squareRoot() } }
struct FExp<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { T.m_exp(x) } }
struct FLog<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { T.m_log(x) } }
struct FSin<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { T.m_sin(x) } }
struct FCos<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { T.m_cos(x) } }
struct FTanh<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { T.m_tanh(x) } }
struct FSigmoid<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { 1 / (1 + T.m_exp(-x)) } }
struct FRelu<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x.isNaN ? x : (x > 0 ? x : 0) } }
struct FFloor<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x.rounded(.down) } }
struct FCeil<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x.rounded(.up) } }
struct FRound<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x.rounded(.toNearestOrEven) } }
struct FTrunc<T: RealElement>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x.rounded(.towardZero) } }
struct FPowScalar<T: RealElement>: UnaryFn {
    let e: T
    @inline(__always) func callAsFunction(_ x: T) -> T { T.m_pow(x, e) }
}
struct FClamp<T: RealElement>: UnaryFn {
    let lo: T, hi: T
    @inline(__always) func callAsFunction(_ x: T) -> T { x.isNaN ? x : Swift.min(Swift.max(x, lo), hi) }
}

// MARK: Integer unary

struct INeg<T: FixedWidthInteger>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { 0 &- x } }
struct IAbs<T: FixedWidthInteger>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x < 0 ? 0 &- x : x } }
struct ISquare<T: FixedWidthInteger>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x &* x } }
struct IRelu<T: FixedWidthInteger>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x > 0 ? x : 0 } }
struct Identity<T>: UnaryFn { @inline(__always) func callAsFunction(_ x: T) -> T { x } }

// MARK: Conversion

struct Convert<S: TensorElement, D: TensorElement>: UnaryFn {
    @inline(__always) func callAsFunction(_ s: S) -> D { convertElement(s, to: D.self) }
}

/// `a + alpha·b` rounded once: PyTorch's add kernel is a fused multiply-add (vectorised
/// `fmadd`, and FMA-contracted scalar tails in its AVX2 build).
struct FAddScaled<T: RealElement>: BinaryFn {
    let alpha: T
    @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { secondNaN(a.addingProduct(b, alpha), b) }
}
