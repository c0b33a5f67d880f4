/// Random factories and in-place fills on `Tensor` (`torch.rand`, `x.normal_()`, ...),
/// drawing from a `CPUGenerator` in the order PyTorch's CPU kernels do. Tensors on another
/// device get CPU-generator values copied over (PyTorch's CUDA generator is not modelled).
extension Tensor {
    // MARK: Factories

    /// `torch.rand(sizes)`.
    public static func rand(_ sizes: [Int], dtype: DType = .float32, device: Device = .cpu,
                            generator: CPUGenerator) throws(TensorError) -> Tensor {
        try Tensor(empty: sizes, dtype: dtype, device: device).uniform_(generator: generator)
    }

    /// `torch.randn(sizes)`.
    public static func randn(_ sizes: [Int], dtype: DType = .float32, device: Device = .cpu,
                             generator: CPUGenerator) throws(TensorError) -> Tensor {
        try Tensor(empty: sizes, dtype: dtype, device: device).normal_(generator: generator)
    }

    /// `torch.randint(low, high, sizes)`.
    public static func randint(low: Int64 = 0, high: Int64, _ sizes: [Int], dtype: DType = .int64,
                               device: Device = .cpu, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try Tensor(empty: sizes, dtype: dtype, device: device).random_(from: low, to: high, generator: generator)
    }

    /// `torch.randperm(n)`.
    public static func randperm(_ n: Int, dtype: DType = .int64, device: Device = .cpu,
                                generator: CPUGenerator) throws(TensorError) -> Tensor {
        if n < 0 { throw .runtime("Trying to create tensor with negative dimension \(n): [\(n)]") }
        if dtype == .bool { throw .notImplemented("\"randperm\" not implemented for 'Bool'") }
        if dtype == .float32 && n > (1 << 24) + 1 {
            throw .runtime("n cannot be greater than 2^24+1 for Float type.")
        }
        if dtype == .float16 && n > (1 << 11) + 1 { throw .runtime("n cannot be greater than 2049 for Half type.") }
        if let (_, max) = integerRange(dtype), Int64(n) - 1 > max {
            throw .runtime("value cannot be converted to type \(cTypeName(dtype, fixedWidth: true)) without overflow")
        }
        try MemoryBudget.current.require(try Shape.contiguousByteCount([n], itemSize: dtype.itemSize))
        let values = generator.permutation(n)
        return try Tensor(values: values, shape: [n], dtype: dtype, device: device)
    }

    /// `torch.rand_like(self)`: `empty_like` (a dense input's strides kept) then `uniform_`,
    /// which fills in memory order.
    public func randLike(dtype: DType? = nil, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try likeLayout(dtype).uniform_(generator: generator)
    }

    /// `torch.randn_like(self)`: `empty_like` then `normal_`. A transposed or permuted input
    /// (an LSTM's batch-first output) keeps its strides, so the values are drawn one at a time
    /// in memory order (`normal_`'s serial path for a non-contiguous tensor), not in blocks
    /// of 16 — other numbers, and other numbers drawn after them.
    public func randnLike(dtype: DType? = nil, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try likeLayout(dtype).normal_(generator: generator)
    }

    /// `torch.randint_like(self, low, high)`: `empty_like` then `random_`.
    public func randintLike(low: Int64 = 0, high: Int64, dtype: DType? = nil, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try likeLayout(dtype).random_(from: low, to: high, generator: generator)
    }

    /// The tensor a `*_like` factory fills: `empty_like(self)` with `preserve_format` on the
    /// CPU, a contiguous one elsewhere.
    private func likeLayout(_ dtype: DType?) throws(TensorError) -> Tensor {
        if device != .cpu || isContiguous { return try Tensor(empty: sizes, dtype: dtype ?? self.dtype, device: device) }
        return try emptyPreservingLayout(dtype: dtype)
    }

    // MARK: In-place fills

    /// `uniform_(from, to)` (and `torch.rand`).
    @discardableResult
    public func uniform_(from: Double = 0, to: Double = 1, generator: CPUGenerator) throws(TensorError) -> Tensor {
        if dtype.isComplex {
            // ATen fills `view_as_real(self)`: real and imaginary parts, one draw each.
            if numel > 0 { try viewAsReal().uniform_(from: from, to: to, generator: generator) }
            bumpVersion()
            return self
        }
        guard dtype.isFloatingPoint else {
            throw .notImplemented("\"check_uniform_bounds\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let limit = Self.floatingLimit(dtype)
        if from < -limit || from > limit { throw .runtime("from is out of bounds for \(Self.cTypeName(dtype))") }
        if to < -limit || to > limit { throw .runtime("to is out of bounds for \(Self.cTypeName(dtype))") }
        guard from <= to else {
            throw .runtime("uniform_ expects to return a [from, to) range, but found from=\(cppNumberText(from)) > to=\(cppNumberText(to))")
        }
        guard to - from <= limit else {
            throw .runtime("uniform_ expects to-from <= std::numeric_limits<\(dtype.scalarTypeName)>::max(), but found to=\(cppNumberText(to)) and from=\(cppNumberText(from)) which result in to-from to exceed the limit")
        }
        try checkNoInternalOverlap()
        switch dtype {
        case .float32 where acceptsDirectRandomFill:
            generator.fillUniform(UnsafeMutableBufferPointer(start: pointer(Float.self), count: numel), from: from, to: to)
        case .float64 where acceptsDirectRandomFill:
            generator.fillUniform(UnsafeMutableBufferPointer(start: pointer(Double.self), count: numel), from: from, to: to)
        case .float32:
            try writeInVisitOrder(generator.uniformFloats(numel, from: from, to: to).map(Double.init))
        case .float64:
            try writeInVisitOrder(generator.uniformDoubles(numel, from: from, to: to))
        case .float16:
            try writeInVisitOrder(generator.uniformFloats(numel, from: from, to: to) { Float(Float16($0)) }.map(Double.init))
        default:
            try writeInVisitOrder(generator.uniformFloats(numel, from: from, to: to) { BFloat16($0).float }.map(Double.init))
        }
        bumpVersion()
        return self
    }

    /// `normal_(mean, std)` (and `torch.randn`). `torch.normal` with tensor arguments is
    /// `normal_(0, std)` then `add_(mean)` (tensor mean), or `normal_(0, 1)`, `mul_(std)`,
    /// `add_(mean)` (tensor std), as PyTorch composes it.
    @discardableResult
    public func normal_(mean: Double = 0, std: Double = 1, generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard std >= 0 else { throw .runtime("normal expects std >= 0.0, but found std \(cppNumberText(std))") }
        if dtype.isComplex {
            // ATen draws into `view_as_real(self)` with std / sqrt(2) (each part's variance
            // is half the total).
            if numel > 0 { try viewAsReal().normal_(mean: mean, std: std / 2.0.squareRoot(), generator: generator) }
            bumpVersion()
            return self
        }
        guard dtype.isFloatingPoint else {
            throw .notImplemented("\"normal_kernel_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        try checkNoInternalOverlap()
        let n = numel
        if n >= 16 && isContiguous {
            switch dtype {
            case .float32 where device == .cpu:
                generator.fillNormal(UnsafeMutableBufferPointer(start: pointer(Float.self), count: n), mean: mean, std: std)
            case .float64 where device == .cpu:
                generator.fillNormal(UnsafeMutableBufferPointer(start: pointer(Double.self), count: n), mean: mean, std: std)
            case .float32:
                try writeInVisitOrder(generator.normalFloats(n, mean: mean, std: std).map(Double.init))
            case .float64:
                try writeInVisitOrder(generator.normalDoubles(n, mean: mean, std: std))
            default:
                try writeInVisitOrder(generator.normalFloatsForHalfTypes(n, mean: mean, std: std).map(Double.init))
            }
        } else {
            try writeInVisitOrder((0..<n).map { _ in generator.normalSample(mean: mean, std: std) })
        }
        bumpVersion()
        return self
    }

    /// `random_(from, to)` (and `torch.randint`): integers in `[from, to)`.
    @discardableResult
    public func random_(from: Int64 = 0, to: Int64, generator: CPUGenerator) throws(TensorError) -> Tensor {
        if dtype.isComplex { throw .runtime("check_random_bounds handles only integral, floating-point and boolean types") }
        guard from < to else {
            throw .runtime("random_ expects 'from' to be less than 'to', but got from=\(from) >= to=\(to)")
        }
        var from = from, to = to
        if let digits = Self.floatDigits(dtype) {
            from = Self.updatedFrom(from, digits: digits, dtype)
            to = Self.updatedTo(to, digits: digits, dtype)
            guard from < to else {
                throw .runtime("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from=\(from) >= to=\(to)")
            }
        }
        if let (min, max) = Self.integerRange(dtype) {
            if from < min || from > max { throw .runtime("from is out of bounds for \(Self.cTypeName(dtype))") }
            if to - 1 < min || to - 1 > max { throw .runtime("to - 1 is out of bounds for \(Self.cTypeName(dtype))") }
        } else if dtype == .float16 {
            if Double(from) < -65504 || Double(from) > 65504 { throw .runtime("from is out of bounds for c10::Half") }
            if Double(to - 1) < -65504 || Double(to - 1) > 65504 { throw .runtime("to - 1 is out of bounds for c10::Half") }
        }
        try checkNoInternalOverlap()
        let draws = generator.randomIntegers(numel, low: from, high: to)
        if dtype.isFloatingPoint {
            try writeInVisitOrder(draws.map { Self.integerDrawAsFloat($0, dtype) })
        } else {
            try writeInVisitOrder(draws)
        }
        bumpVersion()
        return self
    }

    /// `random_()`: integers over the dtype's whole range (`[0, 2^mantissa]` for floats).
    @discardableResult
    public func random_(generator: CPUGenerator) throws(TensorError) -> Tensor {
        if dtype.isComplex { throw .notImplemented("\"random_kernel_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        let kind: CPUGenerator.RandomBitsKind = switch dtype {
        case .bool: .bool
        case .uint8: .uint8
        case .int8: .int8
        case .int16: .int16
        case .int32: .int32
        case .int64: .int64
        case .float16: .float16
        case .bfloat16: .bfloat16
        case .float32: .float32
        case .float64: .float64
        case .complex64, .complex128: .float64  // refused above
        }
        try checkNoInternalOverlap()
        try writeInVisitOrder((0..<numel).map { _ in generator.randomBits(kind) })
        bumpVersion()
        return self
    }

    /// `bernoulli_(p)` with a scalar probability: ones with probability `p`.
    @discardableResult
    public func bernoulli_(_ p: Double, generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard p >= 0 && p <= 1 else {
            throw .runtime("bernoulli_ expects p to be in [0, 1], but got p=\(cppNumberText(p))")
        }
        try checkNoInternalOverlap()
        try writeInVisitOrder((0..<numel).map { _ in generator.bernoulli(p) })
        bumpVersion()
        return self
    }

    /// `bernoulli_(p)` with a tensor of probabilities broadcast to this tensor's shape
    /// (`expand_inplace`): one uniform per element in this tensor's memory order, double
    /// when `p` is float64 and float otherwise, as ATen's `bernoulli_tensor_cpu` draws.
    @discardableResult
    public func bernoulli_(_ p: Tensor, generator: CPUGenerator) throws(TensorError) -> Tensor {
        try checkNoInternalOverlap()
        let probabilities = try p.expand(sizes).elementsAsDouble()
        guard probabilities.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw .runtime("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
        }
        var draws = [Bool](repeating: false, count: numel)
        for flat in randomWriteOrder() {
            draws[flat] = p.dtype == .float64 ? generator.bernoulli(probabilities[flat]) : generator.bernoulli(Float(probabilities[flat]))
        }
        try copy_(Tensor(values: draws, shape: sizes, dtype: .bool))
        bumpVersion()
        return self
    }

    /// `torch.bernoulli(self)`: each element is 1 with the probability this tensor holds.
    public func bernoulli(generator: CPUGenerator) throws(TensorError) -> Tensor {
        let out = try Tensor(empty: sizes, dtype: dtype, device: device)
        let probabilities = try elementsAsDouble()
        guard probabilities.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw .runtime("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
        }
        // ATen draws into a fresh contiguous output, in that output's (logical) order,
        // whatever the strides of `self` (expanded or transposed probabilities).
        let draws: [Bool] = dtype == .float64
            ? probabilities.map { generator.bernoulli($0) }
            : probabilities.map { generator.bernoulli(Float($0)) }
        try out.writeInVisitOrder(draws)
        return out
    }

    /// `exponential_(lambda)`: `-log1p(-u) / lambda` per element.
    @discardableResult
    public func exponential_(lambda: Double = 1, generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard lambda > 0 else {
            throw .runtime("exponential_ expects lambda > 0.0, but found lambda=\(cppNumberText(lambda))")
        }
        guard dtype.isFloatingPoint else {
            throw .runtime("Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified \(dtype.scalarTypeName)")
        }
        try checkNoInternalOverlap()
        try writeInVisitOrder((0..<numel).map { _ in generator.exponential(lambda: lambda) })
        bumpVersion()
        return self
    }

    /// `torch.multinomial(self, numSamples, replacement)`: int64 category indices per row.
    public func multinomial(_ numSamples: Int, replacement: Bool = false,
                            generator: CPUGenerator) throws(TensorError) -> Tensor {
        guard rank == 1 || rank == 2 else { throw .runtime("prob_dist must be 1 or 2 dim") }
        guard dtype.isFloatingPoint else {
            throw .runtime("multinomial only supports floating-point dtypes for input, got: \(dtype.scalarTypeName)")
        }
        guard numSamples > 0 else { throw .runtime("cannot sample n_sample <= 0 samples") }
        let categories = sizes[rank - 1], rows = rank == 2 ? sizes[0] : 1
        guard replacement || numSamples <= categories else {
            throw .runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        }
        guard categories <= 1 << 24 else { throw .runtime("number of categories cannot exceed 2^24") }
        let outSizes = rank == 1 ? [numSamples] : [rows, numSamples]
        if numel == 0 { return try Tensor(empty: outSizes, dtype: .int64, device: device) }
        let p = try elementsAsDouble()
        if !replacement || numSamples == 1 {
            try checkMultinomialRows(p, rows: rows, categories: categories)
            // ATen: q = empty_like(self).exponential_(1); q = self / q; then argmax (one
            // sample) or topk — so equal keys (zero weights) tie-break as topk does.
            let q = try likeLayout(nil).exponential_(lambda: 1, generator: generator)
            let keys = try div(q)
            if numSamples == 1 { return try keys.argmax(dim: -1, keepdim: true) }
            return try keys.topk(numSamples, dim: -1).indices
        }
        // ATen's kernel checks each row just before drawing its samples, so the rows before
        // a bad one have already consumed their uniforms when the error is raised.
        for row in 0..<rows {
            if let message = Self.multinomialRowError(p[(row * categories)..<((row + 1) * categories)]) {
                for _ in 0..<(row * numSamples) { _ = generator.uniformDouble() }
                throw .runtime(message)
            }
        }
        let indices = dtype == .float64
            ? generator.multinomialWithReplacement(p, rows: rows, categories: categories, samples: numSamples)
            : generator.multinomialWithReplacement(p.map { Float($0) }, rows: rows, categories: categories, samples: numSamples)
        return try Tensor(values: indices, shape: outSizes, dtype: .int64, device: device)
    }

    /// The first complaint of ATen's with-replacement kernel about one row, element by
    /// element (NaN fails `val >= 0` first), then the row's sum.
    private static func multinomialRowError(_ row: ArraySlice<Double>) -> String? {
        for v in row {
            if !(v >= 0) { return "invalid multinomial distribution (encountering probability entry < 0)" }
            if !v.isFinite { return "invalid multinomial distribution (encountering probability entry = infinity or NaN)" }
        }
        return row.reduce(0, +) > 0 ? nil : "invalid multinomial distribution (sum of probabilities <= 0)"
    }

    /// The checks ATen's top-k path makes before drawing (one sample, or no replacement).
    private func checkMultinomialRows(_ p: [Double], rows: Int, categories: Int) throws(TensorError) {
        guard p.allSatisfy({ $0 >= 0 && $0 < .infinity }) else {
            throw .runtime("probability tensor contains either `inf`, `nan` or element < 0")
        }
        for row in 0..<rows where p[(row * categories)..<((row + 1) * categories)].reduce(0, +) == 0 {
            throw .runtime("invalid multinomial distribution (sum of probabilities <= 0)")
        }
    }

    // MARK: Dtype limits as PyTorch's bound checks name them

    private static func integerRange(_ dtype: DType) -> (Int64, Int64)? {
        switch dtype {
        case .bool: (0, 1)
        case .uint8: (0, 255)
        case .int8: (-128, 127)
        case .int16: (-32768, 32767)
        case .int32: (Int64(Int32.min), Int64(Int32.max))
        default: nil
        }
    }

    private static func floatingLimit(_ dtype: DType) -> Double {
        switch dtype {
        case .float16: 65504
        case .bfloat16: Double(BFloat16(bits: 0x7f7f).float)
        case .float32: Double(Float.greatestFiniteMagnitude)
        default: .greatestFiniteMagnitude
        }
    }

    /// The C++ type name PyTorch's messages print (`unsigned char`, `c10::Half`), or the
    /// `<cstdint>` spelling (`uint8_t`) where a message uses that.
    private static func cTypeName(_ dtype: DType, fixedWidth: Bool = false) -> String {
        switch dtype {
        case .bool: "bool"
        case .uint8: fixedWidth ? "uint8_t" : "unsigned char"
        case .int8: fixedWidth ? "int8_t" : "signed char"
        case .int16: fixedWidth ? "int16_t" : "short int"
        case .int32: fixedWidth ? "int32_t" : "int"
        case .int64: fixedWidth ? "int64_t" : "long"
        case .float16: "c10::Half"
        case .bfloat16: "c10::BFloat16"
        case .float32: "float"
        case .float64: "double"
        case .complex64: "c10::complex<float>"
        case .complex128: "c10::complex<double>"
        }
    }
}
