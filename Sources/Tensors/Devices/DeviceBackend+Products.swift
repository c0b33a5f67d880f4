/// No fused product or softmax kernels unless a backend has them: ops then compose `matmul` and
/// elementwise kernels.
extension DeviceBackend {
    public func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Scalar, alpha: Scalar) throws(TensorError) -> Tensor? { nil }
    public func mv(_ mat: Tensor, _ vec: Tensor) throws(TensorError) -> Tensor? { nil }
    public func dot(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor? { nil }
    public func softmaxLastDim(_ x: Tensor, log: Bool) throws(TensorError) -> Tensor? { nil }
    public func softmaxBackwardLastDim(grad: Tensor, output: Tensor, log: Bool) throws(TensorError) -> Tensor? { nil }
}
