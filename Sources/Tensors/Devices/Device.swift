/// Where a tensor's storage lives. PyTorch prints it as `cpu` or `cuda:0`.
public enum Device: Hashable, Sendable, CustomStringConvertible {
    case cpu
    case cuda(Int)

    public var description: String {
        switch self {
        case .cpu: "cpu"
        case .cuda(let i): "cuda:\(i)"
        }
    }

    /// `type` field of `torch.device` (`"cpu"`, `"cuda"`).
    public var typeName: String {
        switch self {
        case .cpu: "cpu"
        case .cuda: "cuda"
        }
    }

    /// Parses `"cpu"`, `"cuda"`, `"cuda:1"` as `torch.device(...)` does.
    public init(parsing text: String) throws(TensorError) {
        // `cpu:0` names the one CPU device (its index only shows on the torch.device object).
        if text == "cpu" || (text.hasPrefix("cpu:") && (Int(text.dropFirst(4)).map { $0 >= 0 } ?? false)) { self = .cpu; return }
        if text == "cuda" { self = .cuda(0); return }
        if text.hasPrefix("cuda:"), let i = Int(text.dropFirst(5)), i >= 0 { self = .cuda(i); return }
        throw .runtime("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: \(text)")
    }
}
