import Autograd
import Tensors

/// Small builders and printers shared by the tests.
func tensor(_ values: [Double], _ shape: [Int]? = nil, dtype: DType = .float32, requiresGrad: Bool = false) throws -> Tensor {
    let t = try Tensor(values: values, shape: shape ?? [values.count], dtype: dtype)
    if requiresGrad { try t.setRequiresGrad(true, from: .argument) }
    return t
}

func scalar(_ v: Double, requiresGrad: Bool = false) throws -> Tensor {
    try tensor([v], [], requiresGrad: requiresGrad)
}

/// `repr(t)` as PyTorch prints it, with the autograd suffix.
func show(_ t: Tensor?) throws -> String {
    guard let t else { return "None" }
    return try t.repr(autograd: t.autogradPrintState)
}

/// The message of the TensorError `body` throws, or "no error".
func message(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch let e as TensorError {
        return e.message
    } catch {
        return "\(error)"
    }
}

typealias D = Differentiable
