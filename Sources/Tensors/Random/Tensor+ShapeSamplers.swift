/// `cauchy_`, `log_normal_`, `geometric_` and the samplers with tensor parameters
/// (`torch._standard_gamma`, `torch._sample_dirichlet`, `torch.poisson`, `torch.binomial`),
/// with PyTorch's checks and messages. Parameters are visited in logical order, as ATen's
/// serial kernel visits a fresh contiguous output.
extension Tensor {
    /// `cauchy_(median, sigma)`.
    @discardableResult
    public func cauchy_(median: Double = 0, sigma: Double = 1, generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard sigma > 0 else {
            throw .runtime("cauchy_ expects sigma > 0.0, but found sigma=\(cppNumberText(sigma))")
        }
        guard dtype.isFloatingPoint else {
            throw .runtime("Cauchy distribution is a continuous probability distribution. dtype must be a floating point but you specified \(Self.typeMetaName(dtype))")
        }
        try checkNoInternalOverlap()
        try writeInVisitOrder((0..<numel).map { _ in generator.cauchy(median: median, sigma: sigma) })
        bumpVersion()
        return self
    }

    /// `log_normal_(mean, std)`.
    @discardableResult
    public func logNormal_(mean: Double = 1, std: Double = 2, generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard std > 0 else {
            throw .runtime("log_normal_ expects std > 0.0, but found std=\(cppNumberText(std))")
        }
        guard dtype.isFloatingPoint else {
            throw .notImplemented("\"log_normal_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        try checkNoInternalOverlap()
        try writeInVisitOrder((0..<numel).map { _ in generator.logNormal(mean: mean, std: std) })
        bumpVersion()
        return self
    }

    /// `geometric_(p)`: the number of trials up to the first success.
    @discardableResult
    public func geometric_(_ p: Double, generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard p > 0 && p < 1 else {
            throw .runtime("geometric_ expects p to be in (0, 1), but got p=\(cppNumberText(p))")
        }
        try checkNoInternalOverlap()
        try writeInVisitOrder((0..<numel).map { _ in generator.geometric(p) })
        bumpVersion()
        return self
    }

    /// `torch._standard_gamma(alpha)`: one Gamma(alpha, 1) draw per element, at least the
    /// dtype's smallest normal number.
    public func standardGamma(generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard dtype == .float32 || dtype == .float64 else {
            throw .notImplemented("\"gamma_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let single = dtype == .float32
        let tiny = single ? Double(Float.leastNormalMagnitude) : Double.leastNormalMagnitude
        let draws = try elementsAsDouble().map { alpha in
            let s = generator.standardGamma(alpha, single: single)
            return Swift.max(tiny, single ? Double(Float(s)) : s)
        }
        return try Tensor(values: draws, shape: sizes, dtype: dtype, device: device)
    }

    /// `torch._sample_dirichlet(alpha)`: gammas drawn in double, normalised along the last
    /// dimension, clamped to `[tiny, nextafter(1, 0)]` of the dtype.
    public func sampleDirichlet(generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard dtype == .float32 || dtype == .float64 else {
            throw .notImplemented("\"dirichlet\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let single = dtype == .float32
        let gammas = try elementsAsDouble().map { Swift.max(Double.leastNormalMagnitude, generator.standardGamma($0, single: false)) }
        let k = rank == 0 ? 1 : sizes[rank - 1]
        var out = [Double](repeating: 0, count: gammas.count)
        if k > 0 {
            // The row sum is `gamma.sum(-1)`: PyTorch's cascade sum, which equals the plain
            // left-to-right sum for rows shorter than its first block.
            for row in 0..<(gammas.count / k) {
                let slice = gammas[(row * k)..<((row + 1) * k)]
                let total = try Tensor(values: Array(slice), shape: [k], dtype: .float64).sum().elementsAsDouble()[0]
                for j in 0..<k {
                    let value = gammas[row * k + j] / total
                    out[row * k + j] = single
                        ? Double(Swift.min(Float(1).nextDown, Swift.max(Float.leastNormalMagnitude, Float(value))))
                        : Swift.min(Double(1).nextDown, Swift.max(Double.leastNormalMagnitude, value))
                }
            }
        }
        return try Tensor(values: out, shape: sizes, dtype: dtype, device: device)
    }

    /// `torch.poisson(rates)`.
    public func poisson(generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint else {
            throw .notImplemented("\"poisson_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let rates = try elementsAsDouble()
        var draws: [Double] = []
        draws.reserveCapacity(rates.count)
        for rate in rates {
            guard rate >= 0 else { throw .runtime("invalid Poisson rate, expected rate to be non-negative") }
            draws.append(generator.poisson(rate))
        }
        return try Tensor(values: draws, shape: sizes, dtype: dtype, device: device)
    }

    /// `torch.binomial(count, prob)`: `count` and `prob` of one shape.
    public static func binomial(count: Tensor, prob: Tensor, generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard count.dtype.isFloatingPoint else {
            throw .value("binomial only supports floating-point dtypes for count, got: \(count.dtype.scalarTypeName)")
        }
        guard prob.dtype.isFloatingPoint else {
            throw .value("binomial only supports floating-point dtypes for prob, got: \(prob.dtype.scalarTypeName)")
        }
        // ATen resizes its output to the broadcast shape (with a deprecation warning).
        let shape = try Shape.broadcast(count.sizes, prob.sizes)
        let n = try count.expand(shape).elementsAsDouble()
        let p = try prob.expand(shape).elementsAsDouble()
        let single = count.dtype == .float32
        let draws = zip(n, p).map { generator.binomial(count: $0, prob: $1, single: single) }
        return try Tensor(values: draws, shape: shape, dtype: count.dtype, device: count.device)
    }

    /// The C++ type name a `caffe2::TypeMeta` prints in messages (`long int`).
    private static func typeMetaName(_ dtype: DType) -> String {
        switch dtype {
        case .bool: "bool"
        case .uint8: "unsigned char"
        case .int8: "signed char"
        case .int16: "short int"
        case .int32: "int"
        case .int64: "long int"
        default: dtype.scalarTypeName
        }
    }
}
