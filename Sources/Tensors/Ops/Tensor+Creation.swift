/// Factory functions (`torch.zeros`, `torch.arange`, ...). All allocate contiguous storage.
extension Tensor {
    /// A tensor of the given shape holding `values` in row-major order, converted to `dtype`.
    public convenience init(values: [Double], shape: [Int], dtype: DType = .float32, device: Device = .cpu) throws(TensorError) {
        try self.init(empty: shape, dtype: dtype, device: device)
        precondition(values.count == numel, "values do not fill the shape")
        try fillFromHost(values)
    }

    public convenience init(values: [Int64], shape: [Int], dtype: DType = .int64, device: Device = .cpu) throws(TensorError) {
        try self.init(empty: shape, dtype: dtype, device: device)
        precondition(values.count == numel, "values do not fill the shape")
        try fillFromHost(values)
    }

    public convenience init(values: [Bool], shape: [Int], dtype: DType = .bool, device: Device = .cpu) throws(TensorError) {
        try self.init(empty: shape, dtype: dtype, device: device)
        precondition(values.count == numel, "values do not fill the shape")
        try fillFromHost(values)
    }

    /// A 0-dim tensor (`torch.tensor(3.5)`); dtype defaults to the scalar's own.
    public convenience init(scalar: Scalar, dtype: DType? = nil, device: Device = .cpu) throws(TensorError) {
        try self.init(empty: [], dtype: dtype ?? scalar.defaultDType, device: device)
        try Backends.backend(for: device).fill(self, with: scalar)
    }

    /// Copies host values of element type T into this (fresh, contiguous) tensor.
    func fillFromHost<T: TensorElement>(_ values: [T]) throws(TensorError) {
        let host: Tensor
        if device == .cpu { host = self } else { host = try Tensor(empty: sizes, dtype: dtype) }
        values.withUnsafeBufferPointer { buf in
            let src = Tensor.wrapping(buf, shape: sizes)
            try? Backends.cpu.copyCast(from: src, into: host)
        }
        if host !== self {
            try Backends.backend(for: device).copyFromHost(host.storage.data, storage.data, byteCount: storage.byteCount)
        }
    }

    /// A borrowed view of host memory, valid only inside the closure that owns `buffer`.
    private static func wrapping<T: TensorElement>(_ buffer: UnsafeBufferPointer<T>, shape: [Int]) -> Tensor {
        let storage = BorrowedStorage.make(UnsafeMutableRawPointer(mutating: buffer.baseAddress) , count: buffer.count * T.dtype.itemSize)
        return Tensor(storage: storage, sizes: shape, strides: Shape.contiguousStrides(shape), offset: 0, dtype: T.dtype)
    }

    public static func empty(_ sizes: [Int], dtype: DType = .float32, device: Device = .cpu) throws(TensorError) -> Tensor {
        try Tensor(empty: sizes, dtype: dtype, device: device)
    }

    public static func full(_ sizes: [Int], _ value: Scalar, dtype: DType? = nil, device: Device = .cpu) throws(TensorError) -> Tensor {
        let t = try Tensor(empty: sizes, dtype: dtype ?? value.defaultDType, device: device)
        try Backends.backend(for: device).fill(t, with: value)
        return t
    }

    public static func zeros(_ sizes: [Int], dtype: DType = .float32, device: Device = .cpu) throws(TensorError) -> Tensor {
        try full(sizes, .int(0), dtype: dtype, device: device)
    }

    public static func ones(_ sizes: [Int], dtype: DType = .float32, device: Device = .cpu) throws(TensorError) -> Tensor {
        try full(sizes, .int(1), dtype: dtype, device: device)
    }

    public func emptyLike(dtype: DType? = nil) throws(TensorError) -> Tensor {
        try Tensor(empty: sizes, dtype: dtype ?? self.dtype, device: device)
    }

    public func fullLike(_ value: Scalar, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try Tensor.full(sizes, value, dtype: dtype ?? self.dtype, device: device)
    }

    public func zerosLike(dtype: DType? = nil) throws(TensorError) -> Tensor { try fullLike(.int(0), dtype: dtype) }
    public func onesLike(dtype: DType? = nil) throws(TensorError) -> Tensor { try fullLike(.int(1), dtype: dtype) }

    /// `torch.arange`: length `ceil((end - start) / step)`; int64 unless any bound is a float.
    public static func arange(start: Scalar = .int(0), end: Scalar, step: Scalar = .int(1),
                              dtype: DType? = nil, device: Device = .cpu) throws(TensorError) -> Tensor {
        let anyFloat = start.isFloatingPoint || end.isFloatingPoint || step.isFloatingPoint
        let dt = dtype ?? (anyFloat ? .float32 : .int64)
        let s = start.doubleValue, e = end.doubleValue, st = step.doubleValue
        if st == 0 { throw .runtime("step must be nonzero") }
        if !s.isFinite || !e.isFinite { throw .runtime("unsupported range: \(s) -> \(e)") }
        if (st > 0 && e < s) || (st < 0 && e > s) {
            throw .runtime("upper bound and lower bound inconsistent with step sign")
        }
        let length: Int
        if !anyFloat && !dt.isFloatingPoint {
            let si = start.int64Value, ei = end.int64Value, sti = step.int64Value
            let span = ei - si
            length = Int((span / sti) + (span % sti != 0 ? 1 : 0))
        } else {
            length = Int(((e - s) / st).rounded(.up))
        }
        let t = try Tensor(empty: [Swift.max(length, 0)], dtype: dt, device: .cpu)
        if dt.isFloatingPoint {
            try t.copyFromHostValues(arangeValues(start: s, step: st, count: length, lanes: dt == .float64 ? 4 : 8,
                                                  round: dt == .float64 ? { $0 } : { Double(Float($0)) }))
        } else {
            let si = start.int64Value, sti = step.int64Value
            var values = [Int64](repeating: 0, count: length)
            if anyFloat {
                for i in 0..<length { values[i] = Int64(clampingForCast: s + st * Double(i)) }
            } else {
                for i in 0..<length { values[i] = si &+ sti &* Int64(i) }
            }
            try t.copyFromHostValues(values)
        }
        return try t.to(device: device)
    }

    /// Floating `arange` values as PyTorch's CPU kernel produces them: in double, with fused
    /// multiply-adds (the kernel is compiled with FMA contraction), and in SIMD vectors of
    /// `lanes` values that each start at `start + step·i` and add `step·k` to that rounded
    /// start; the values after the last pair of whole vectors, and ranges split across
    /// threads, start afresh. Matches PyTorch bit for bit on AVX2 machines.
    static func arangeValues(start: Double, step: Double, count: Int, lanes: Int,
                             round: (Double) -> Double) -> [Double] {
        var values = [Double](repeating: 0, count: count)
        // PyTorch's parallel_for: tasks of at least 32,768 values, at most one per core.
        let tasks = Swift.max(1, Swift.min(System.activeProcessorCount, (count + 32_767) / 32_768))
        let chunk = (count + tasks - 1) / Swift.max(tasks, 1)
        var begin = 0
        while begin < count {
            let end = Swift.min(count, begin + chunk)
            var i = begin
            while i + 2 * lanes <= end {
                for vector in 0..<2 {
                    let index = i + vector * lanes
                    let base = round(start.addingProduct(step, Double(index)))
                    for k in 0..<lanes { values[index + k] = round(base.addingProduct(Double(k), step)) }
                }
                i += 2 * lanes
            }
            for j in i..<end { values[j] = round(start.addingProduct(step, Double(j))) }
            begin = end
        }
        return values
    }

    /// `torch.linspace`: fills from both ends (start + i·step for the first half,
    /// end − (n−1−i)·step for the rest), computed in the output dtype as PyTorch does.
    public static func linspace(_ start: Scalar, _ end: Scalar, steps: Int, dtype: DType = .float32,
                                device: Device = .cpu) throws(TensorError) -> Tensor {
        if steps < 0 { throw .runtime("number of steps must be non-negative") }
        let t = try Tensor(empty: [steps], dtype: dtype)
        if steps == 0 { return try t.to(device: device) }
        if steps == 1 {
            try Backends.cpu.fill(t, with: start)
            return try t.to(device: device)
        }
        let halfway = steps / 2
        switch dtype {
        case .float32, .float16, .bfloat16:
            let s = Float(start.doubleValue), e = Float(end.doubleValue)
            let step = (e - s) / Float(steps - 1)
            var v = [Double](repeating: 0, count: steps)
            for i in 0..<steps {
                // PyTorch's kernel is compiled with FMA contraction: one rounding per value.
                v[i] = Double(i < halfway ? s.addingProduct(step, Float(i)) : e.addingProduct(-step, Float(steps - i - 1)))
            }
            try t.copyFromHostValues(v)
        default:
            let s = dtype.isFloatingPoint ? start.doubleValue : Double(start.int64Value)
            let e = dtype.isFloatingPoint ? end.doubleValue : Double(end.int64Value)
            let step = (e - s) / Double(steps - 1)
            var v = [Double](repeating: 0, count: steps)
            for i in 0..<steps {
                v[i] = !dtype.isFloatingPoint ? (i < halfway ? s + step * Double(i) : e - step * Double(steps - i - 1))
                    : i < halfway ? s.addingProduct(step, Double(i)) : e.addingProduct(-step, Double(steps - i - 1))
            }
            try t.copyFromHostValues(v)
        }
        return try t.to(device: device)
    }

    /// `torch.eye(n, m)`.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .float32, device: Device = .cpu) throws(TensorError) -> Tensor {
        let cols = m ?? n
        if n < 0 { throw .runtime("n must be greater or equal to 0, got \(n)") }
        if cols < 0 { throw .runtime("m must be greater or equal to 0, got \(cols)") }
        let t = try zeros([n, cols], dtype: dtype)
        let diag = Tensor(storage: t.storage, sizes: [Swift.min(n, cols)], strides: [cols + 1], offset: 0, dtype: dtype)
        try Backends.cpu.fill(diag, with: .int(1))
        return try t.to(device: device)
    }

    /// Overwrites this contiguous CPU tensor with host values (used by factories).
    func copyFromHostValues<T: TensorElement>(_ values: [T]) throws(TensorError) {
        precondition(values.count == numel && isContiguous && device == .cpu)
        values.withUnsafeBufferPointer { buf in
            let src = Tensor.wrapping(buf, shape: sizes)
            try? Backends.cpu.copyCast(from: src, into: self)
        }
    }
}

/// Storage over memory the Tensors layer does not own (host arrays during a copy).
enum BorrowedStorage {
    static func make(_ pointer: UnsafeMutableRawPointer?, count: Int) -> Storage {
        Storage(borrowing: pointer ?? UnsafeMutableRawPointer(bitPattern: 8)!, byteCount: count)
    }
}
