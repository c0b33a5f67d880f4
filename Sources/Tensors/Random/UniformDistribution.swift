/// `uniform_real_distribution`: float32 takes 24 bits of one draw, float64 53 bits of a
/// 64-bit draw, then scales into `[from, to)` in the type's own arithmetic.
extension CPUGenerator {
    /// One float uniform in `[from, to)`: `x * (to - from) + from` in float, as one fused
    /// multiply-add (GCC contracted it in PyTorch's x86-64 build).
    @inline(__always)
    public func uniformFloat(from: Float, to: Float) -> Float {
        from.addingProduct(uniformFloat(), to - from)
    }

    /// One float uniform in `[0, 1)` (`x * 1 + 0` is exact, so no fused multiply-add is needed).
    @inline(__always)
    public func uniformFloat() -> Float {
        Float(random() & 0xff_ffff) * 0x1p-24
    }

    /// One double uniform in `[from, to)`.
    @inline(__always)
    public func uniformDouble(from: Double, to: Double) -> Double {
        from.addingProduct(uniformDouble(), to - from)
    }

    /// One double uniform in `[0, 1)`.
    @inline(__always)
    public func uniformDouble() -> Double {
        Double(random64() & 0x1f_ffff_ffff_ffff) * 0x1p-53
    }

    /// `uniform_(from, to)` / `rand` on a float32 tensor, element by element in order.
    public func fillUniform(_ buffer: UnsafeMutableBufferPointer<Float>, from: Double = 0, to: Double = 1) {
        if from == 0 && to == 1 {
            for i in buffer.indices { buffer[i] = uniformFloat() }
            return
        }
        let low = Float(from), high = Float(to)
        for i in buffer.indices {
            let value = uniformFloat(from: low, to: high)
            // PyTorch maps a value that rounded up onto `to` back to `from`.
            buffer[i] = value == high ? low : value
        }
    }

    /// `uniform_(from, to)` / `rand` on a float64 tensor.
    public func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>, from: Double = 0, to: Double = 1) {
        if from == 0 && to == 1 {
            for i in buffer.indices { buffer[i] = uniformDouble() }
            return
        }
        for i in buffer.indices {
            let value = uniformDouble(from: from, to: to)
            buffer[i] = value == to ? from : value
        }
    }

    /// `count` float32 uniforms (convenience over `fillUniform`).
    public func uniformFloats(_ count: Int, from: Double = 0, to: Double = 1) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            fillUniform(buffer, from: from, to: to)
            initialized = count
        }
    }

    /// `count` float64 uniforms.
    public func uniformDoubles(_ count: Int, from: Double = 0, to: Double = 1) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            fillUniform(buffer, from: from, to: to)
            initialized = count
        }
    }

    /// `uniform_(from, to)` / `rand` for float16 and bfloat16 tensors: drawn in float, then
    /// rounded to the storage type by `round` (which returns the rounded value as a Float);
    /// a value that rounds onto `to` becomes `from`, as PyTorch clamps it.
    public func uniformFloats(_ count: Int, from: Double = 0, to: Double = 1,
                              roundingTo round: (Float) -> Float) -> [Float] {
        let low = Float(from), high = Float(to)
        let roundedLow = round(low), roundedHigh = round(high)
        return (0..<count).map { _ in
            let value = round(uniformFloat(from: low, to: high))
            return value == roundedHigh ? roundedLow : value
        }
    }
}
