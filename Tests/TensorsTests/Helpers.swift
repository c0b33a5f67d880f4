@testable import Tensors

/// Float32 tensor from values and a shape (row-major).
func tensor(_ values: [Double], _ shape: [Int]? = nil, dtype: DType = .float32) throws(TensorError) -> Tensor {
    try Tensor(values: values, shape: shape ?? [values.count], dtype: dtype)
}

/// Int64 tensor.
func itensor(_ values: [Int64], _ shape: [Int]? = nil, dtype: DType = .int64) throws(TensorError) -> Tensor {
    try Tensor(values: values, shape: shape ?? [values.count], dtype: dtype)
}

/// The error a throwing expression raised, as "Type: message".
func errorText(_ body: () throws -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as TensorError {
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}
