import Tensors

/// A tensor saved for backward with the version it had then, so that a later in-place
/// change is reported instead of silently producing a wrong gradient.
///
/// Outputs are saved as a separate tensor object over the same storage without autograd
/// meta, so output -> node -> saved output forms no reference cycle.
struct SavedTensor {
    let tensor: Tensor
    let version: Int
    let isOutput: Bool
    /// The output number the saved tensor had (for outputs: of the saving node).
    let outputNr: Int

    /// What PyTorch's SavedVariable says when given an inference tensor.
    static let inferenceMessage = "Inference tensors cannot be saved for backward. Please do not use Tensors created in inference mode in computation tracked by autograd. To work around this, you can make a clone to get a normal tensor and use it in autograd, or use `torch.no_grad()` instead of `torch.inference_mode()`."

    init(_ t: Tensor, isOutput: Bool, outputNr: Int) throws(TensorError) {
        if t.isInference { throw .runtime(SavedTensor.inferenceMessage) }
        self.isOutput = isOutput
        self.version = t.version
        self.outputNr = outputNr
        self.tensor = isOutput ? t.alias() : t
    }

    /// The saved tensor, after checking it was not modified in place. With grad mode on
    /// (create_graph), a saved output is reattached to `node` so formulas stay differentiable.
    func unpack(for node: Node) throws(TensorError) -> Tensor {
        if tensor.version != version {
            var message = "one of the variables needed for gradient computation has been modified by an inplace operation: [\(tensor.dtype.legacyTypeName) \(Shape.describe(tensor.sizes))]"
            let owner: (Node, Int)? = isOutput ? (node, outputNr) : tensor.meta?.gradFn.map { ($0, tensor.meta!.outputNr) }
            if let (fn, nr) = owner {
                message += ", which is output \(nr) of \(SavedTensor.shortName(fn.name)),"
            }
            message += " is at version \(tensor.version); expected version \(version) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
            throw .runtime(message)
        }
        if isOutput && GradMode.current.isEnabled {
            let t = tensor.alias()
            t.autogradMeta = AutogradMeta(gradFn: node, outputNr: outputNr)
            return t
        }
        return tensor
    }

    /// `SigmoidBackward0` -> `Sigmoid`, as PyTorch 2.15 names nodes in this message.
    static func shortName(_ name: String) -> String {
        var s = Substring(name)
        while let last = s.last, last.isNumber { s = s.dropLast() }
        if s.hasSuffix("Backward") { return String(s.dropLast("Backward".count)) }
        return name
    }
}
