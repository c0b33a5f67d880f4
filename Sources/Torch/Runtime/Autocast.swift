import Autograd
import Interpreter
import Tensors

/// CPU autocast for one session: the state `torch.autocast("cpu")` sets, and the casts that
/// ATen's AutocastCPU dispatch key applies to an op's tensor arguments before the op runs
/// (aten/src/ATen/autocast_mode.cpp, PyTorch 2.15). Ops outside the tables run as called.
final class AutocastState {
    enum Policy { case lowerPrecision, float32, promote }

    var enabled = false
    var dtype: DType = .bfloat16
    var nesting = 0
    var cacheEnabled = true
    /// Set while a cast op runs: ATen excludes the autocast key inside it, so the ops it is
    /// made of are not cast again.
    var suspended = 0
    /// `cached_cast`'s cache: a float32 leaf that requires grad (a parameter) is cast once
    /// per outermost autocast region, and every op of the region gets that same copy.
    private var cache: [ObjectIdentifier: (source: Tensor, cast: Tensor)] = [:]

    var isActive: Bool { enabled && suspended == 0 }

    func clearCache() { cache = [:] }

    /// The CPU table: `KERNEL_CPU(op, policy)` lines of autocast_mode.cpp, by the name the
    /// op is called by here (torch functions, Tensor methods, `torch._nn` natives).
    static let policies: [String: Policy] = {
        var p: [String: Policy] = [:]
        for n in ["conv1d", "conv2d", "conv3d", "bmm", "mm", "linalg_vecdot", "baddbmm", "addmm", "addbmm", "linear",
                  "matmul", "conv_tbc", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "conv_transpose",
                  "prelu", "scaled_dot_product_attention", "__matmul__", "__rmatmul__"] { p[n] = .lowerPrecision }
        for n in ["avg_pool3d", "binary_cross_entropy", "grid_sampler", "polar", "prod", "quantile", "nanquantile", "stft",
                  "cdist", "trace", "view_as_complex", "cholesky", "cholesky_inverse", "cholesky_solve", "inverse",
                  "lu_solve", "orgqr", "ormqr", "pinverse", "max_pool3d", "max_unpool2d", "max_unpool3d",
                  "adaptive_avg_pool3d", "reflection_pad1d", "reflection_pad2d", "replication_pad1d", "replication_pad2d",
                  "replication_pad3d", "mse_loss", "cosine_embedding_loss", "nll_loss", "nll_loss2d", "hinge_embedding_loss",
                  "poisson_nll_loss", "smooth_l1_loss", "cross_entropy", "cross_entropy_loss", "l1_loss", "huber_loss",
                  "margin_ranking_loss", "soft_margin_loss", "triplet_margin_loss", "multi_margin_loss", "ctc_loss", "kl_div",
                  "multilabel_margin_loss", "binary_cross_entropy_with_logits", "geqrf", "qr", "svd", "triangular_solve",
                  "fractional_max_pool2d", "fractional_max_pool3d", "adaptive_max_pool3d"] { p[n] = .float32 }
        for n in ["stack", "cat", "index_copy"] { p[n] = .promote }
        return p
    }()

    /// `is_eligible`: a defined floating CPU tensor that is not float64.
    private static func eligible(_ t: Tensor) -> Bool {
        t.device == .cpu && t.dtype.isFloatingPoint && t.dtype != .float64
    }

    /// `cached_cast(to, t)`.
    func cast(_ t: Tensor, to target: DType) throws(TensorError) -> Tensor {
        guard Self.eligible(t), t.dtype != target else { return t }
        let cacheable = target != .float32 && t.dtype == .float32 && t.requiresGrad && t.isLeaf
            && Differentiable.viewBase(t) == nil && cacheEnabled
        if cacheable, let hit = cache[ObjectIdentifier(t)] { return hit.cast }
        let out = try Differentiable.to(t, target)
        if cacheable { cache[ObjectIdentifier(t)] = (t, out) }
        return out
    }

    /// The type `policy` casts the tensors among `values` to; `promote` takes the widest
    /// eligible type, starting from the autocast type.
    func target(_ policy: Policy, _ tensors: [Tensor]) -> DType {
        switch policy {
        case .lowerPrecision: return dtype
        case .float32: return .float32
        case .promote:
            var current = dtype
            for t in tensors where Self.eligible(t) && t.dtype != current {
                current = DType.promote(current, t.dtype)
            }
            return current
        }
    }
}

extension TorchRuntime {
    /// The arguments of op `name` after autocast's casts (tensors, and tensors inside a list
    /// or tuple, positional or keyword); the call as it was when autocast leaves it alone.
    func autocastArguments(_ name: String, _ args: Arguments) throws -> Arguments {
        guard autocast.isActive, let policy = AutocastState.policies[name] else { return args }
        return try autocastArguments(policy, args)
    }

    func autocastArguments(_ policy: AutocastState.Policy, _ args: Arguments) throws -> Arguments {
        var tensors: [Tensor] = []
        func collect(_ v: PyValue) {
            if let t = rawTensorPayload(v) { tensors.append(t); return }
            if let l = v.asList { l.items.forEach(collect) } else if let t = v.asTuple { t.items.forEach(collect) }
        }
        args.positional.forEach(collect)
        args.keywordValues.forEach(collect)
        let target = autocast.target(policy, tensors)
        func convert(_ v: PyValue) throws -> PyValue {
            if let t = rawTensorPayload(v) {
                let c = try bridged { try autocast.cast(t, to: target) }
                return c === t ? v : wrap(c)
            }
            if let l = v.asList { return .list(try l.items.map(convert)) }
            if let t = v.asTuple { return .tuple(try t.items.map(convert)) }
            return v
        }
        return Arguments(try args.positional.map(convert),
                         keywords: try zip(args.keywordNames, args.keywordValues).map { ($0.0.string, try convert($0.1)) })
    }

    /// The two operands of a binary op (`@`) after autocast's casts, read as kernels read them.
    func autocastPair(_ name: String, _ a: PyValue, _ b: PyValue) throws -> (Tensor, Tensor) {
        let cast = try autocastArguments(name, Arguments([a, b]))
        return (tensorPayload(cast.positional[0])!, tensorPayload(cast.positional[1])!)
    }

    /// Runs `body` with nested casting switched off, as ATen's ExcludeDispatchKeyGuard does.
    func autocastSuspended<R>(_ body: () throws -> R) rethrows -> R {
        autocast.suspended += 1
        defer { autocast.suspended -= 1 }
        return try body()
    }
}
