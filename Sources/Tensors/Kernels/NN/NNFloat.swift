#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The floating-point element types the nn kernels compute in (float32 and float64).
///
/// Transcendental functions go through Double: exact rounding of the true value, which is
/// within PyTorch's own (vectorised, ≤1 ulp) results.
public protocol NNFloat: BinaryFloatingPoint, TensorElement {}
extension Float: NNFloat {}
extension Double: NNFloat {}

/// Raw access to tensors for the kernels in this folder.
enum NNBuffer {
    /// A contiguous CPU copy (or the tensor itself) and a typed pointer to its first element.
    static func read<T: NNFloat>(_ t: Tensor, as: T.Type) throws(TensorError) -> (Tensor, UnsafeMutablePointer<T>) {
        let c = try t.contiguous()
        return (c, pointer(c, as: T.self))
    }

    /// Typed pointer to element 0 of a contiguous tensor the caller owns.
    static func pointer<T>(_ t: Tensor, as: T.Type) -> UnsafeMutablePointer<T> {
        precondition(t.isContiguous, "nn kernel needs a contiguous tensor")
        return t.storage.data.assumingMemoryBound(to: T.self) + t.offset
    }

    /// Int64 class indices as Swift Ints.
    static func indices(_ t: Tensor) throws(TensorError) -> [Int] {
        try t.elementsAsInt64().map { Int($0) }
    }

    /// A new zero-filled tensor.
    static func zeros(_ sizes: [Int], like t: Tensor) throws(TensorError) -> Tensor {
        try Tensor.zeros(sizes, dtype: t.dtype, device: t.device)
    }
}

/// Runs `body` with the Swift type of a float32/float64 dtype; other dtypes are PyTorch's error.
@inline(__always)
public func requireFloat(_ dtype: DType, op: String) throws(TensorError) {
    if dtype != .float32 && dtype != .float64 {
        throw .notImplemented("\"\(op)\" not implemented for '\(dtype.scalarTypeName)'")
    }
}

public func shapeText(_ sizes: [Int]) -> String {
    "[" + sizes.map(String.init).joined(separator: ", ") + "]"
}
