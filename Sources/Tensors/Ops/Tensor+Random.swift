/// Random tensors drawn from a `CPUGenerator` exactly as PyTorch's CPU kernels draw them.
/// The generator is passed explicitly: each interpreter session owns its default one.
extension Tensor {
    /// A contiguous CPU tensor of `dtype` holding host values of element type T.
    static func fromHost<T: TensorElement>(_ values: [T], shape: [Int], dtype: DType) throws(TensorError) -> Tensor {
        let t = try Tensor(empty: shape, dtype: dtype)
        if T.dtype == dtype {
            try t.copyFromHostValues(values)
        } else {
            let staged = try Tensor(empty: shape, dtype: T.dtype)
            try staged.copyFromHostValues(values)
            try Backends.cpu.copyCast(from: staged, into: t)
        }
        return t
    }

    private static func requireFloat(_ dtype: DType, _ name: String) throws(TensorError) {
        if !dtype.isFloatingPoint {
            throw .notImplemented("\"\(name)\" not implemented for '\(dtype.scalarTypeName)'")
        }
    }

    /// Rounds a float to `dtype`'s storage precision and back (for half types).
    static func roundingFunction(_ dtype: DType) -> (Float) -> Float {
        switch dtype {
        case .float16: { Float(Float16($0)) }
        case .bfloat16: { BFloat16($0).float }
        default: { $0 }
        }
    }

    /// `torch.rand(*sizes)`: uniform in [0, 1).
    public static func rand(_ sizes: [Int], dtype: DType = .float32, device: Device = .cpu,
                            generator: CPUGenerator) throws(TensorError) -> Tensor {
        try requireFloat(dtype, "check_uniform_bounds")
        let t = try Tensor(empty: sizes, dtype: dtype)
        try t.fillUniform(from: 0, to: 1, generator: generator)
        return try t.to(device: device)
    }

    /// `torch.randn(*sizes)`: standard normal.
    public static func randn(_ sizes: [Int], dtype: DType = .float32, device: Device = .cpu,
                             generator: CPUGenerator) throws(TensorError) -> Tensor {
        try requireFloat(dtype, "normal_kernel_cpu")
        let t = try Tensor(empty: sizes, dtype: dtype)
        try t.fillNormal(mean: 0, std: 1, generator: generator)
        return try t.to(device: device)
    }

    /// `torch.randint(low, high, sizes)`.
    public static func randint(low: Int64 = 0, high: Int64, _ sizes: [Int], dtype: DType = .int64,
                               device: Device = .cpu, generator: CPUGenerator) throws(TensorError) -> Tensor {
        if low >= high {
            throw .runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        let n = try Shape.checkedNumel(sizes)
        _ = try Tensor(empty: sizes, dtype: dtype)   // budget check before drawing
        let values = generator.randomIntegers(n, low: low, high: high)
        return try fromHost(values, shape: sizes, dtype: dtype).to(device: device)
    }

    /// `torch.randperm(n)`.
    public static func randperm(_ n: Int, dtype: DType = .int64, device: Device = .cpu,
                                generator: CPUGenerator) throws(TensorError) -> Tensor {
        if n < 0 { throw .runtime("n must be non-negative, got\(n)") }
        _ = try Tensor(empty: [n], dtype: dtype)
        return try fromHost(generator.permutation(n), shape: [n], dtype: dtype).to(device: device)
    }

    public func randLike(generator: CPUGenerator) throws(TensorError) -> Tensor {
        try Tensor.rand(sizes, dtype: dtype, device: device, generator: generator)
    }

    public func randnLike(generator: CPUGenerator) throws(TensorError) -> Tensor {
        try Tensor.randn(sizes, dtype: dtype, device: device, generator: generator)
    }

    /// Writes uniforms into this contiguous CPU tensor (or through a staging copy).
    private func fillUniform(from: Double, to: Double, generator: CPUGenerator) throws(TensorError) {
        let n = numel
        if device == .cpu && isContiguous && (dtype == .float32 || dtype == .float64) {
            if dtype == .float32 {
                generator.fillUniform(UnsafeMutableBufferPointer(start: pointer(Float.self), count: n), from: from, to: to)
            } else {
                generator.fillUniform(UnsafeMutableBufferPointer(start: pointer(Double.self), count: n), from: from, to: to)
            }
            return
        }
        let staged: Tensor
        switch dtype {
        case .float64: staged = try Tensor.fromHost(generator.uniformDoubles(n, from: from, to: to), shape: sizes, dtype: .float64)
        case .float32: staged = try Tensor.fromHost(generator.uniformFloats(n, from: from, to: to), shape: sizes, dtype: .float32)
        default:
            let values = generator.uniformFloats(n, from: from, to: to, roundingTo: Tensor.roundingFunction(dtype))
            staged = try Tensor.fromHost(values, shape: sizes, dtype: dtype)
        }
        try backend.copyCast(from: try staged.to(device: device), into: self)
    }

    /// Writes normals; non-contiguous tensors draw one double normal per element.
    private func fillNormal(mean: Double, std: Double, generator: CPUGenerator) throws(TensorError) {
        let n = numel
        if device == .cpu && isContiguous && (dtype == .float32 || dtype == .float64) {
            if dtype == .float32 {
                generator.fillNormal(UnsafeMutableBufferPointer(start: pointer(Float.self), count: n), mean: mean, std: std)
            } else {
                generator.fillNormal(UnsafeMutableBufferPointer(start: pointer(Double.self), count: n), mean: mean, std: std)
            }
            return
        }
        let staged: Tensor
        if !isContiguous {
            let values = (0..<n).map { _ in generator.normalSample(mean: mean, std: std) }
            staged = try Tensor.fromHost(values, shape: sizes, dtype: dtype)
        } else if dtype == .float16 || dtype == .bfloat16 {
            staged = try Tensor.fromHost(generator.normalFloatsForHalfTypes(n, mean: mean, std: std), shape: sizes, dtype: dtype)
        } else if dtype == .float64 {
            staged = try Tensor.fromHost(generator.normalDoubles(n, mean: mean, std: std), shape: sizes, dtype: dtype)
        } else {
            staged = try Tensor.fromHost(generator.normalFloats(n, mean: mean, std: std), shape: sizes, dtype: dtype)
        }
        try backend.copyCast(from: try staged.to(device: device), into: self)
    }

    /// `uniform_(from, to)`.
    @discardableResult
    public func uniform_(from: Double = 0, to: Double = 1, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try Tensor.requireFloat(dtype, "check_uniform_bounds")
        if from > to {
            throw .runtime("uniform_ expects to return a [from, to) range, but found from=\(from) > to=\(to)")
        }
        try fillUniform(from: from, to: to, generator: generator)
        bumpVersion()
        return self
    }

    /// `normal_(mean, std)`.
    @discardableResult
    public func normal_(mean: Double = 0, std: Double = 1, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try Tensor.requireFloat(dtype, "normal_kernel_cpu")
        if std < 0 { throw .runtime("normal expects std >= 0.0, but found std \(std)") }
        try fillNormal(mean: mean, std: std, generator: generator)
        bumpVersion()
        return self
    }

    /// `bernoulli_(p)` with a probability number: one double uniform per element.
    @discardableResult
    public func bernoulli_(_ p: Double, generator: CPUGenerator) throws(TensorError) -> Tensor {
        if !(0...1).contains(p) { throw .runtime("bernoulli_ expects p to be in [0, 1], but got p=\(p)") }
        let values = (0..<numel).map { _ in generator.bernoulli(p) }
        try backend.copyCast(from: try Tensor.fromHost(values, shape: sizes, dtype: .bool).to(device: device), into: self)
        bumpVersion()
        return self
    }

    /// `torch.bernoulli(p)`: 0/1 samples with per-element probabilities, in p's dtype.
    public func bernoulli(generator: CPUGenerator) throws(TensorError) -> Tensor {
        let probs = try elementsAsDouble()
        if probs.contains(where: { !($0 >= 0 && $0 <= 1) }) {
            throw .runtime("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
        }
        let draws: [Bool] = dtype == .float64
            ? probs.map { generator.bernoulli($0) }
            : probs.map { generator.bernoulli(Float($0)) }
        return try Tensor.fromHost(draws, shape: sizes, dtype: dtype).to(device: device)
    }

    /// `torch.multinomial(input, num_samples, replacement)` on 1-D or 2-D weights.
    public func multinomial(_ samples: Int, replacement: Bool = false, generator: CPUGenerator) throws(TensorError) -> Tensor {
        if rank != 1 && rank != 2 { throw .runtime("prob_dist must be 1 or 2 dim") }
        if !dtype.isFloatingPoint {
            throw .runtime("multinomial only supports floating-point dtypes for input, got: \(dtype.scalarTypeName)")
        }
        if samples <= 0 { throw .runtime("cannot sample n_sample <= 0 samples") }
        let categories = sizes[rank - 1]
        if !replacement && samples > categories {
            throw .runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        }
        let rows = rank == 1 ? 1 : sizes[0]
        let weights = try elementsAsDouble()
        if weights.contains(where: { !$0.isFinite || $0 < 0 }) {
            throw .runtime("probability tensor contains either `inf`, `nan` or element < 0")
        }
        for r in 0..<rows where weights[(r * categories)..<((r + 1) * categories)].reduce(0, +) <= 0 {
            throw .runtime("invalid multinomial distribution (sum of probabilities <= 0)")
        }
        let result = generator.multinomial(weights.map { Float($0) }, rows: rows, categories: categories,
                                           samples: samples, replacement: replacement)
        let shape = rank == 1 ? [samples] : [rows, samples]
        return try Tensor.fromHost(result, shape: shape, dtype: .int64).to(device: device)
    }
}
